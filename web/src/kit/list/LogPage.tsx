/**
 * A log read page by page (audit, deliveries): the page header, a line of filters, then the
 * entries loaded so far as a table, with loading, error and empty states and a button for the next
 * page. The caller gives the column labels (as for DataTable) and each entry's cells; rows are
 * keyed by the entry's id.
 *
 *   <LogPage title="Audit log" description="…" filters={<SearchInput …/>} query={audit}
 *     loadingLabel="Loading the audit log" emptyTitle="No entries" columns={COLUMNS}
 *     cells={(a) => <><Table.Td>…</Table.Td>…</>} />
 */
import { Group, Paper, Table } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { DataTable } from './DataTable.tsx';
import { MoreButton } from './MoreButton.tsx';
import type { HeadCell } from './TableHead.tsx';

export function LogPage<R extends { id: string | number }>({
  title,
  description,
  filters,
  query,
  loadingLabel,
  emptyTitle,
  moreLabel = 'Show more',
  minWidth = 900,
  columns,
  cells,
}: {
  title: string;
  description: ReactNode;
  filters: ReactNode;
  query: UseInfiniteQueryResult<InfiniteData<Page<R>>>;
  loadingLabel: string;
  emptyTitle: string;
  moreLabel?: string;
  minWidth?: number;
  columns: readonly HeadCell[];
  /** One entry's cells. */
  cells: (entry: R) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={title} description={description} />
      <Group mb="md">{filters}</Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <PageLoader label={loadingLabel} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={emptyTitle} />
        ) : (
          <DataTable minWidth={minWidth} verticalSpacing="xs" striped columns={columns}>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>{cells(entry)}</Table.Tr>
            ))}
          </DataTable>
        )}
      </Paper>
      <MoreButton query={query} center>
        {moreLabel}
      </MoreButton>
    </>
  );
}
