/**
 * A page that is one table: the page header (title, description, actions), an optional line of
 * filters, then what a query loaded as a framed table (see LoadedTable for the table's props).
 *
 *   <TablePage title="Groups" description="…" actions={…}
 *     query={groups} label="Loading groups" empty={<EmptyState title="No groups yet" />}
 *     columns={['Name', 'Status']} cells={(g) => <>…</>} />
 */
import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Element, LoadedTable } from './LoadedTable.tsx';

export function TablePage<T, R extends { id: string | number } = Element<T> & { id: string | number }>({
  title,
  description,
  actions,
  filters,
  ...table
}: Parameters<typeof LoadedTable<T, R>>[0] & {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  filters?: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {filters}
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <LoadedTable<T, R> {...table} />
      </Paper>
    </>
  );
}
