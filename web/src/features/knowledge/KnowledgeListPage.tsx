/** The knowledge base for staff: every article in a kit list, filtered by state, category and title. */
import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { type ArticleSummary, useArticleList, useCategories } from '../../api/queries/knowledge.ts';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import type { ListColumn } from '../../kit/list/columns.ts';
import { SearchFilterBar, SelectFilter } from '../../kit/list/filters.tsx';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { labelOptions } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { ArticleStateBadge, AudienceBadge } from './ArticleParts.tsx';
import { ARTICLE_STATE_LABELS, articlePath } from './labels.ts';

const FILTERS = { q: 'text', state: 'one', categoryId: 'one' } as const;

const COLUMNS: ListColumn<ArticleSummary>[] = [
  { key: 'number', label: 'Number', width: 120, render: (a) => <Text fw={600}>{a.number}</Text> },
  { key: 'title', label: 'Title', render: (a) => a.title },
  { key: 'state', label: 'State', width: 120, render: (a) => <ArticleStateBadge state={a.state} /> },
  { key: 'audience', label: 'Audience', width: 170, render: (a) => <AudienceBadge audience={a.audience} /> },
  { key: 'category', label: 'Category', width: 170, render: (a) => a.category.name },
  // Shown on request (the Columns menu), so that the list fits a 1440 px screen without scrolling sideways.
  { key: 'owner', label: 'Owner', width: 160, hidden: true, render: (a) => a.owner.name },
  { key: 'views', label: 'Views', width: 80, hidden: true, render: (a) => a.viewCount },
  {
    key: 'helpful',
    label: 'Helpful',
    width: 90,
    render: (a) => `${a.helpfulCount} / ${a.helpfulCount + a.notHelpfulCount}`,
  },
  { key: 'deflections', label: 'Solved', width: 80, hidden: true, render: (a) => a.deflectionCount },
  { key: 'reviewBy', label: 'Review by', width: 120, hidden: true, render: (a) => a.reviewBy ?? '—' },
  { key: 'updated', label: 'Updated', width: 140, render: (a) => <Time iso={a.updatedAt} size="sm" /> },
];

export function KnowledgeListPage() {
  const state = useListState(FILTERS, { sort: 'updated', order: 'desc' });
  const { q, state: articleState, categoryId } = state.filters;
  const categories = useCategories();
  const list = useArticleList({
    q: q.trim() || undefined,
    state: articleState || undefined,
    categoryId: categoryId || undefined,
  });
  return (
    <ListPage
      title="Knowledge base"
      description="Articles for the service desk and for requesters: how-tos, known errors and their workarounds."
      actions={
        <Group gap="sm">
          <Button component={Link} to="/knowledge/review" variant="default">
            Review queue
          </Button>
          <NewButton to="/knowledge/new">New article</NewButton>
        </Group>
      }
      label="Articles"
      listKey="knowledge-articles"
      noun={['article', 'articles']}
      columns={COLUMNS}
      list={list}
      state={state}
      rowHref={(a) => articlePath(a.number)}
      rowLabel={(a) => a.number}
      filters={
        <SearchFilterBar state={state} placeholder="Title or number">
          <SelectFilter
            state={state}
            name="state"
            label="State"
            placeholder="Any state"
            data={labelOptions(ARTICLE_STATE_LABELS)}
          />
          <SelectFilter
            state={state}
            name="categoryId"
            label="Category"
            placeholder="Every category"
            data={namedOptions(categories.data?.items)}
          />
        </SearchFilterBar>
      }
    />
  );
}
