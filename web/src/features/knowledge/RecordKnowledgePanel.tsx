/**
 * Knowledge on a record page (agents): the articles linked to the record, and articles suggested
 * from its title and description (same service first), each linked in one click.
 */
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useLinkArticle, useRecordArticles, useSuggestions } from '../../api/queries/knowledge.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { Snippet } from './ArticleParts.tsx';
import { articlePath } from './labels.ts';

type RecordLike = {
  id: string;
  title: string;
  description: string;
  serviceId?: string | null;
  allowedActions: readonly string[];
};

export function RecordKnowledgePanel({ rec }: { rec: RecordLike }) {
  const linked = useRecordArticles(rec.id);
  const suggestions = useSuggestions(`${rec.title}\n${rec.description}`, rec.serviceId ?? null);
  const link = useLinkArticle(rec.id);
  const canLink = rec.allowedActions.includes('update');
  const linkedIds = new Set((linked.data?.items ?? []).map((a) => a.id));
  const suggested = (suggestions.data?.items ?? []).filter((s) => !linkedIds.has(s.id));
  return (
    <RecordPanel id={`kb-panel-${rec.id}`} title="Knowledge" gap="sm">
      <ErrorAlert error={link.error} title="Not changed" />
      {(linked.data?.items ?? []).length > 0 && (
        <Stack gap={4} aria-label="Linked articles">
          {linked.data?.items.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={articlePath(a.number)} size="sm">
                {a.number} {a.title}
              </Anchor>
              {canLink && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconUnlink size={12} />}
                  aria-label={`Unlink ${a.number}`}
                  onClick={() => link.mutate({ articleId: a.id, link: false })}
                >
                  Unlink
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        Suggested articles
      </Text>
      {suggested.length === 0 ? (
        <Text size="sm" c="dimmed">
          {suggestions.isPending ? 'Looking for articles…' : 'No article matches this record.'}
        </Text>
      ) : (
        <BareList gap="xs" aria-label="Suggested articles">
          {suggested.map((s) => (
            <li key={s.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={articlePath(s.number)} size="sm" fw={600}>
                  {s.title}
                </Anchor>
                {canLink && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    leftSection={<IconLink size={12} />}
                    aria-label={`Link ${s.number}`}
                    loading={link.isPending && link.variables?.articleId === s.id}
                    onClick={() => link.mutate({ articleId: s.id, link: true })}
                  >
                    Link
                  </Button>
                )}
              </Group>
              <Snippet html={s.snippet} />
            </li>
          ))}
        </BareList>
      )}
    </RecordPanel>
  );
}
