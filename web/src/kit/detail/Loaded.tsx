import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { ErrorState, PageLoader } from '../../components/States.tsx';

/**
 * What a query loaded, once it has: a loader while pending, the error with a retry, then
 * `children(data, reload)`. A change of `resetKey` remounts the children (an editor that starts
 * over from what was saved after a save or a conflict).
 */
export function Loaded<T>({
  query,
  label,
  resetKey,
  children,
}: {
  query: UseQueryResult<T>;
  label: string;
  resetKey?: (data: T) => string | number;
  children: (data: T, reload: () => void) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={label} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <Fragment key={resetKey?.(query.data)}>{children(query.data, () => void query.refetch())}</Fragment>;
}
