/**
 * What the query modules of the record types (incidents, problems, changes, requests,
 * improvements) share: one record by number or id, cached under both in upper case; the type's
 * form options; the paged list; and writes that answer the record, after which it is remembered
 * (cached as answered, its lists and activity refreshed, and what else the type says).
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { api, type Query } from './client.ts';
import { usePagedList } from './paged.ts';
import type { TransitionInput } from './types.ts';
import { useWriteThen } from './writes.ts';

type RecordLike = { id: string; number: string };

export function recordQueries<V extends RecordLike>(cfg: {
  /** The query-key root, e.g. `'changes'`. */
  root: string;
  /** The collection under /api/v1, e.g. `/changes`. */
  path: string;
  /** What a write makes stale besides the record, the type's lists and the record's activity. */
  alsoInvalidate?: readonly QueryKey[];
  /** Instead of caching the answer: what a write refreshes (a type whose answers feed other views). */
  refresh?: (qc: QueryClient, rec: V) => void;
}) {
  const keys = {
    list: (q: Query) => [cfg.root, 'list', q] as const,
    one: (ref: string) => [cfg.root, 'one', ref.toUpperCase()] as const,
    options: [cfg.root, 'options'] as const,
  };

  function remember(qc: QueryClient, rec: V): void {
    if (cfg.refresh) {
      cfg.refresh(qc, rec);
      return;
    }
    qc.setQueryData(keys.one(rec.number), rec);
    qc.setQueryData(keys.one(rec.id), rec);
    void qc.invalidateQueries({ queryKey: [cfg.root, 'list'] });
    void qc.invalidateQueries({ queryKey: ['records', rec.id] });
    for (const k of cfg.alsoInvalidate ?? []) void qc.invalidateQueries({ queryKey: k });
  }

  return {
    keys,
    remember,

    /** A write that answers the record, which is then remembered. */
    useWrite<I = void>(write: (input: I) => Promise<V>) {
      return useWriteThen(write, remember);
    },

    /** Raise a record: the input posted to the collection. */
    useCreate<I>() {
      return useWriteThen((input: I) => api.post<V>(cfg.path, input), remember);
    },

    /** Edit a record: `version` is the one the edits were based on, sent as If-Match. */
    useUpdate<P = Record<string, unknown>>(id: string) {
      return useWriteThen(
        ({ patch, version }: { patch: P; version: number }) =>
          api.patch<V>(`${cfg.path}/${id}`, patch, version),
        remember,
      );
    },

    /** A lifecycle step from the version shown (If-Match). */
    useTransition<I = TransitionInput>(rec: { id: string; version: number }) {
      return useWriteThen(
        (input: I) => api.post<V>(`${cfg.path}/${rec.id}/transitions`, input, rec.version),
        remember,
      );
    },

    /** One record by its number or id (from the URL). */
    useOne(ref: string | undefined) {
      return useQuery({
        queryKey: keys.one(ref ?? ''),
        queryFn: ({ signal }) =>
          api.get<V>(`${cfg.path}/${encodeURIComponent(ref ?? '')}`, undefined, signal),
        enabled: !!ref,
      });
    },

    /** The type's form choices (categories, codes…); they change only with a deployment or admin edit. */
    useOptions<O>() {
      return useQuery({
        queryKey: keys.options,
        queryFn: () => api.get<O>(`${cfg.path}/meta/options`),
        staleTime: Number.POSITIVE_INFINITY,
      });
    },

    /** The keyset-paged list of `Row`s. */
    useList<Row>(query: Query, enabled = true) {
      return usePagedList<Row>(keys.list(query), cfg.path, query, enabled);
    },
  };
}
