/**
 * While a requester describes a problem, articles that may solve it (debounced as they type). One
 * opens in a dialog; "This solved my problem" counts the article and ends the report without
 * raising an incident.
 */
import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { type ArticleHit, useArticle, useDeflect, useSuggestions } from '../../api/queries/knowledge.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { ArticleHtml, Snippet } from './ArticleParts.tsx';
import { useCountView } from './useCountView.ts';

function SuggestedArticle({
  hit,
  query,
  onClose,
  onSolved,
}: {
  hit: ArticleHit;
  query: string;
  onClose: () => void;
  onSolved: (hit: ArticleHit) => void;
}) {
  const article = useArticle(hit.id);
  const deflect = useDeflect();
  useCountView(article.data?.id);
  return (
    <Modal opened onClose={onClose} title={hit.title} size="lg">
      <Stack>
        <Loaded query={article} label="Loading article">
          {(data) => <ArticleHtml html={data.html} label="Article text" />}
        </Loaded>
        <ErrorAlert error={deflect.error} title="Not recorded" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            No, continue my report
          </Button>
          <Button
            color="teal"
            loading={deflect.isPending}
            onClick={() => deflect.mutate({ id: hit.id, query }, { onSuccess: () => onSolved(hit) })}
          >
            This solved my problem
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeflectionSuggestions({
  text,
  onSolved,
}: {
  text: string;
  onSolved: (hit: ArticleHit) => void;
}) {
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const suggestions = useSuggestions(debounced);
  const [open, setOpen] = useState<ArticleHit | null>(null);
  const items = debounced.length >= 3 ? (suggestions.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Articles that may help">
      <Stack gap="sm">
        <Alert variant="light" color="teal" icon={<IconBulb size={18} />} p="xs">
          These articles may solve it right away.
        </Alert>
        <BareList gap="xs">
          {items.map((hit) => (
            <li key={hit.id}>
              <Anchor component="button" type="button" fw={600} onClick={() => setOpen(hit)}>
                {hit.title}
              </Anchor>
              <Snippet html={hit.snippet} />
            </li>
          ))}
        </BareList>
        <Text size="xs" c="dimmed">
          Nothing fits? Carry on below and send your report.
        </Text>
      </Stack>
      {open && (
        <SuggestedArticle
          hit={open}
          query={debounced}
          onClose={() => setOpen(null)}
          onSolved={(hit) => {
            setOpen(null);
            onSolved(hit);
          }}
        />
      )}
    </Paper>
  );
}
