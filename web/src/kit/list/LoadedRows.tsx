/**
 * The rows a list query loaded: Loaded (a loader while pending, the error, `errorAlert` in a panel
 * or dialog), then `empty` when there are no rows, else `children(rows)`. `rows` picks the rows
 * from what loaded (sorted, filtered, the items of every page); without it what loaded is the rows.
 *
 *   <LoadedRows query={groups} label="Loading groups" empty={<EmptyState title="No groups yet" />}>
 *     {(items) => <DataTable …>{items.map(…)}</DataTable>}
 *   </LoadedRows>
 */
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loaded } from '../detail/Loaded.tsx';

type Element<T> = T extends readonly (infer E)[] ? E : never;

export function LoadedRows<T, R = Element<T>>({
  query,
  label,
  rows = (data) => data as R[],
  empty,
  errorAlert,
  children,
}: {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  label: string;
  rows?: (data: T) => R[];
  empty: ReactNode;
  errorAlert?: string;
  children: (rows: R[]) => ReactNode;
}) {
  return (
    <Loaded query={query} label={label} errorAlert={errorAlert}>
      {(data) => {
        const items = rows(data);
        return items.length === 0 ? empty : children(items);
      }}
    </Loaded>
  );
}
