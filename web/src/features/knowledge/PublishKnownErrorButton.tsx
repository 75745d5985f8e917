/** On a known error: publish it as a knowledge article in one step, or open the article it already is. */
import { Anchor, Button, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBooks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCategories, useKnownErrorArticle, usePublishKnownError } from '../../api/queries/knowledge.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { labelOptions } from '../../lib/labels.ts';
import { AUDIENCE_LABELS, articlePath } from './labels.ts';

export function PublishKnownErrorButton({ knownErrorId, title }: { knownErrorId: string; title: string }) {
  const existing = useKnownErrorArticle(knownErrorId);
  const [open, setOpen] = useState(false);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [audience, setAudience] = useState('internal');
  const categories = useCategories();
  const publish = usePublishKnownError(knownErrorId);
  const navigate = useNavigate();
  const article = existing.data?.article;
  if (article)
    return (
      <Anchor component={Link} to={articlePath(article.number)} size="sm">
        Article {article.number}
      </Anchor>
    );
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconBooks size={14} />}
        onClick={() => setOpen(true)}
      >
        Publish as article
      </Button>
      <FormDialog
        title={`Publish "${title}" as an article`}
        opened={open}
        onClose={() => setOpen(false)}
        onSubmit={() => {
          if (!categoryId) return;
          publish.mutate(
            { categoryId, audience },
            {
              onSuccess: (a) => {
                notifications.show({
                  color: 'teal',
                  message:
                    a.state === 'published'
                      ? `${a.number} is published.`
                      : `${a.number} waits for a reviewer of ${a.category.name}.`,
                });
                navigate(articlePath(a.number));
              },
            },
          );
        }}
        submitLabel={'Publish'}
        pending={publish.isPending}
        disabled={!categoryId}
      >
        <Text size="sm">
          The symptoms and workaround become the article; it is published at once if you review the category.
        </Text>
        <Select
          label="Category"
          required
          data={namedOptions(categories.data?.items)}
          value={categoryId}
          onChange={setCategoryId}
        />
        <Select
          label="Audience"
          data={labelOptions(AUDIENCE_LABELS).filter((o) => o.value !== 'customers')}
          value={audience}
          onChange={(v) => setAudience(v ?? 'internal')}
          allowDeselect={false}
        />
        <ErrorAlert error={publish.error} title="Not published" />
      </FormDialog>
    </>
  );
}
