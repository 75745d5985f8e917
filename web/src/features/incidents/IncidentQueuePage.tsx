/** The incident queue: filters in the URL, sortable table, keyset "Load more". */
import { Button, Center, Group, Paper, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router-dom';
import { useIncidentList } from '../../api/queries/incidents.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { IncidentTable } from './IncidentTable.tsx';
import { QueueFilterBar } from './QueueFilterBar.tsx';
import { filtersToParams, hasFilters, parseFilters, type QueueFilters, toListQuery } from './queueParams.ts';

function titleOf(f: QueueFilters): string {
  if (f.assigneeId === 'me') return 'My work';
  if (f.assigneeId === 'none') return 'Unassigned incidents';
  return 'Incidents';
}

export function IncidentQueuePage() {
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const list = useIncidentList(toListQuery(filters));
  const update = (next: Partial<QueueFilters>) =>
    setParams(filtersToParams({ ...filters, ...next }), { replace: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={titleOf(filters)}
        description={filters.q ? `Matching “${filters.q}”` : 'Newest first unless you sort by a column.'}
        actions={
          <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} />}>
            New incident
          </Button>
        }
      />
      <QueueFilterBar filters={filters} onChange={update} />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading incidents" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No incidents match this view">
            {hasFilters(filters) ? 'Try removing a filter.' : 'New incidents will appear here.'}
          </EmptyState>
        ) : (
          <IncidentTable
            items={items}
            sort={{ sort: filters.sort, order: filters.order }}
            onSort={(s) => update(s)}
          />
        )}
      </Paper>
      {items.length > 0 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} incident{items.length === 1 ? '' : 's'}
            {list.hasNextPage ? '' : ' (all)'}
          </Text>
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Load more
              </Button>
            </Center>
          )}
        </Group>
      )}
    </>
  );
}
