/** The top bar's search: records of every type by number or words, configuration items by name, knowledge articles. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';

export type SearchHit =
  | {
      kind: 'record';
      id: string;
      type: 'incident' | 'request' | 'request_task';
      number: string;
      title: string;
      state: string;
      stateLabel: string;
    }
  | { kind: 'ci'; id: string; name: string; classKey: string; className: string }
  /** A knowledge article; `snippet` is sanitised HTML with the matches in <mark>. */
  | { kind: 'article'; id: string; number: string; title: string; snippet: string };

export type SearchAnswer = {
  items: SearchHit[];
  /** The record whose number the query is, when the viewer may see it. */
  exact: SearchHit | null;
};

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
