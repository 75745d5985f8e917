/** The portal's knowledge search: published articles meant for the requester, best matches first, with highlights. */
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router-dom';
import { useKnowledgeSearch } from '../../api/queries/knowledge.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { SearchInput } from '../../kit/list/SearchInput.tsx';
import { Snippet } from './ArticleParts.tsx';
import { articlePath } from './labels.ts';

export function PortalKnowledgePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const search = useKnowledgeSearch(debounced);
  return (
    <Stack>
      <PageHeader
        title="Help articles"
        description="Answers to common questions and fixes you can apply yourself."
      />
      <SearchInput
        label="Search help articles"
        placeholder="e.g. reset my password"
        value={q}
        onChange={(text) => setParams(text ? { q: text } : {}, { replace: true })}
        maw={640}
      />
      {debounced.length < 2 ? (
        <Text size="sm" c="dimmed">
          Type at least two letters.
        </Text>
      ) : search.isPending ? (
        <PageLoader label="Searching" />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => search.refetch()} />
      ) : search.data.items.length === 0 ? (
        <EmptyState title="No article matches">
          Try other words, or report the problem to the service desk.
        </EmptyState>
      ) : (
        <BareList gap="sm" aria-label="Articles found">
          {search.data.items.map((hit) => (
            <Paper key={hit.id} withBorder p="md" component="li">
              <Stack gap={4}>
                <Anchor component={Link} to={articlePath(hit.number, true)} fw={600}>
                  {hit.title}
                </Anchor>
                {hit.match === 'similar_title' && (
                  <Text size="xs" c="dimmed">
                    Similar title
                  </Text>
                )}
                <Snippet html={hit.snippet} />
              </Stack>
            </Paper>
          ))}
        </BareList>
      )}
    </Stack>
  );
}
