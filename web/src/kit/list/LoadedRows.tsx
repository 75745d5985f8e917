/**
 * The rows a list query loaded: a loader while pending, the error with a retry, `empty` when there
 * are no rows, then `children(rows)`. `rows` picks the rows from what loaded (sorted, filtered, the
 * items of every page); without it what loaded is the rows.
 *
 *   <LoadedRows query={groups} label="Loading groups" empty={<EmptyState title="No groups yet" />}>
 *     {(items) => <DataTable …>{items.map(…)}</DataTable>}
 *   </LoadedRows>
 */
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, PageLoader } from '../../components/States.tsx';

type Element<T> = T extends readonly (infer E)[] ? E : never;

export function LoadedRows<T, R = Element<T>>({
  query,
  label,
  rows = (data) => data as R[],
  empty,
  children,
}: {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  label: string;
  rows?: (data: T) => R[];
  empty: ReactNode;
  children: (rows: R[]) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={label} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const items = rows(query.data);
  return <>{items.length === 0 ? empty : children(items)}</>;
}
