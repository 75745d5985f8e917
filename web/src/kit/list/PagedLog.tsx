/**
 * A log read page by page (audit, deliveries): loading, error and empty states, the table, and a
 * button for the next page. The caller gives the column labels (as for DataTable) and the rows.
 */
import { Button, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { DataTable } from './DataTable.tsx';
import type { HeadCell } from './TableHead.tsx';

type PagedQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

export function PagedLog({
  query,
  count,
  loadingLabel,
  emptyTitle,
  moreLabel = 'Show more',
  minWidth = 900,
  columns,
  children,
}: {
  query: PagedQuery;
  /** Rows loaded so far. */
  count: number;
  loadingLabel: string;
  emptyTitle: string;
  moreLabel?: string;
  minWidth?: number;
  columns: readonly HeadCell[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <PageLoader label={loadingLabel} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : count === 0 ? (
          <EmptyState title={emptyTitle} />
        ) : (
          <DataTable minWidth={minWidth} verticalSpacing="xs" striped columns={columns}>
            {children}
          </DataTable>
        )}
      </Paper>
      {query.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {moreLabel}
          </Button>
        </Group>
      )}
    </>
  );
}
