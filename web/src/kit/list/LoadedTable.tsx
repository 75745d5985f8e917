/**
 * A list query's rows as a table: LoadedRows (loader, error, `empty`) around a DataTable whose
 * body is one row per item, keyed by its id, with the cells `cells(item)` gives. The table props
 * (columns, minWidth, striped, aria-label, …) pass to DataTable.
 *
 *   <LoadedTable query={groups} label="Loading groups" empty={<EmptyState title="No groups yet" />}
 *     columns={['Name', 'Status']} cells={(g) => <><Table.Td>{g.name}</Table.Td>…</>} />
 */
import { Table } from '@mantine/core';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import { DataTable } from './DataTable.tsx';
import { LoadedRows } from './LoadedRows.tsx';

/** The item type of a list type. */
export type Element<T> = T extends readonly (infer E)[] ? E : never;

export function LoadedTable<T, R extends { id: string | number } = Element<T> & { id: string | number }>({
  query,
  label,
  rows,
  empty,
  errorAlert,
  cells,
  ...table
}: Omit<ComponentProps<typeof DataTable>, 'children'> & {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  label: string;
  rows?: (data: T) => R[];
  empty: ReactNode;
  errorAlert?: string;
  cells: (item: R) => ReactNode;
}) {
  return (
    <LoadedRows query={query} label={label} rows={rows} empty={empty} errorAlert={errorAlert}>
      {(items: R[]) => (
        <DataTable {...table}>
          {items.map((item) => (
            <Table.Tr key={item.id}>{cells(item)}</Table.Tr>
          ))}
        </DataTable>
      )}
    </LoadedRows>
  );
}
