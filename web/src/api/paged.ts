/** A keyset-paged list: `GET path` with the query and the cursor the page before answered. */
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from './client.ts';
import type { Page } from './types.ts';

export function usePagedList<Row>(queryKey: QueryKey, path: string, query: Query, enabled = true) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api.get<Page<Row>>(path, { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
