/**
 * The rows a list query loaded: a loader while pending, the error with a retry, `empty` when there
 * are no rows, then `children(rows)`. `rows` picks the rows from what loaded (sorted, filtered, the
 * items of every page); without it what loaded is the rows. Inside a panel or dialog, `errorAlert`
 * shows a failed load as an alert with that title instead of the page-sized error.
 *
 *   <LoadedRows query={groups} label="Loading groups" empty={<EmptyState title="No groups yet" />}>
 *     {(items) => <DataTable …>{items.map(…)}</DataTable>}
 *   </LoadedRows>
 */
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';

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
  if (query.isPending) return <PageLoader label={label} />;
  if (query.isError)
    return errorAlert === undefined ? (
      <ErrorState error={query.error} onRetry={() => query.refetch()} />
    ) : (
      <ErrorAlert error={query.error} title={errorAlert} />
    );
  const items = rows(query.data);
  return <>{items.length === 0 ? empty : children(items)}</>;
}
