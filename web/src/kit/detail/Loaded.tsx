import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';

/**
 * What a query loaded, once it has: a loader while pending, the error with a retry, then
 * `children(data, reload)`. Inside a panel or dialog, `errorAlert` shows a failed load as an alert
 * with that title instead of the page-sized error. A change of `resetKey` remounts the children
 * (an editor that starts over from what was saved after a save or a conflict).
 */
export function Loaded<T>({
  query,
  label,
  errorAlert,
  resetKey,
  children,
}: {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  label: string;
  errorAlert?: string;
  resetKey?: (data: T) => string | number;
  children: (data: T, reload: () => void) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={label} />;
  if (query.isError)
    return errorAlert === undefined ? (
      <ErrorState error={query.error} onRetry={() => query.refetch()} />
    ) : (
      <ErrorAlert error={query.error} title={errorAlert} />
    );
  return <Fragment key={resetKey?.(query.data)}>{children(query.data, () => void query.refetch())}</Fragment>;
}
