/** The top bar's search: records of every type by number or words, configuration items by name, knowledge articles. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';

export type { SearchAnswer, SearchHit } from '../../../../src/contracts/search.ts';

import type { SearchAnswer } from '../../../../src/contracts/search.ts';

export const fetchSearch = (q: string, signal?: AbortSignal) =>
  api.get<SearchAnswer>('/search', { q }, signal);

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: q.trim().length >= 2,
    staleTime: 10_000,
  });
}
