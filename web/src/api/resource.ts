/**
 * A typed hook factory for one REST resource: list (keyset pages), all (unpaged), one, a sub-path of
 * one (history, coverage…), create, update (PATCH with If-Match), delete, and a custom action —
 * with one query-key layout (`[...root, 'list', query]`, `[...root, 'one', id, part?]`) so every
 * write refreshes exactly what it made stale. A resource is declared once; its hooks replace the
 * per-resource boilerplate the query files used to repeat.
 */
import {
  type QueryClient,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Query, request } from './client.ts';
import { usePagedList } from './paged.ts';
import type { Page } from './types.ts';
import { useWriteThen } from './writes.ts';

export type ResourceConfig<T> = {
  /** The query-key root, e.g. `['cmdb', 'cis']`. */
  key: readonly string[];
  /** The collection path under /api/v1, e.g. `/cmdb/cis`. */
  path: string;
  /** Other ways to address one item (an asset by its tag): cached under these ids too. */
  aliases?: (item: T) => string[];
  /** Keys that a write makes stale besides this resource's lists (e.g. `['session']`). */
  alsoInvalidate?: readonly QueryKey[];
  /** How long the unpaged list and single items stay fresh. */
  staleTime?: number;
  /** Writes answer less than `useOne` reads (a service without its agreements): refetch, not cache. */
  writesAnswerSummary?: boolean;
};

type Identified = { id: string };
export type UpdateVars<I> = { id: string; patch: I; version?: number };

const enc = encodeURIComponent;

export function defineResource<T extends Identified, Input, ListQuery extends Query = Query>(
  cfg: ResourceConfig<T>,
) {
  const keys = {
    all: cfg.key,
    lists: [...cfg.key, 'list'] as const,
    list: (q?: ListQuery) => (q === undefined ? [...cfg.key, 'list'] : [...cfg.key, 'list', q]),
    search: (q: ListQuery) => [...cfg.key, 'search', q],
    one: (id: string) => [...cfg.key, 'one', id],
    part: (id: string, part: string) => [...cfg.key, 'one', id, part],
  };
  const itemPath = (id: string, part?: string) => `${cfg.path}/${enc(id)}${part ? `/${part}` : ''}`;

  /** After a write: the item is cached as answered; lists, searches, its parts and listeners refresh. */
  function remember(qc: QueryClient, item: T | undefined): void {
    if (item && typeof item === 'object' && 'id' in item) {
      const one = keys.one(item.id);
      if (!cfg.writesAnswerSummary)
        for (const id of [item.id, ...(cfg.aliases?.(item) ?? [])]) qc.setQueryData(keys.one(id), item);
      const from = cfg.writesAnswerSummary ? one.length : one.length + 1;
      void qc.invalidateQueries({
        predicate: (q) => q.queryKey.length >= from && one.every((p, i) => q.queryKey[i] === p),
      });
    }
    void qc.invalidateQueries({ queryKey: keys.lists });
    void qc.invalidateQueries({ queryKey: [...cfg.key, 'search'] });
    for (const k of cfg.alsoInvalidate ?? []) void qc.invalidateQueries({ queryKey: k });
  }

  return {
    keys,
    path: itemPath,
    remember,

    /** Keyset-paged list. */
    useList(query: ListQuery, enabled = true) {
      return usePagedList<T>(keys.list(query), cfg.path, query, enabled);
    },

    /** One page matching a search, for pickers (keeps the previous answer while typing). */
    useSearch(query: ListQuery, enabled = true) {
      return useQuery({
        queryKey: keys.search(query),
        queryFn: ({ signal }) => api.get<Page<T>>(cfg.path, { limit: 20, ...query }, signal),
        enabled,
        placeholderData: (prev) => prev,
      });
    },

    /** The whole collection when it is small and unpaged (groups, suppliers). */
    useAll(query?: ListQuery, enabled = true) {
      return useQuery({
        queryKey: keys.list(query),
        queryFn: ({ signal }) => api.get<T[]>(cfg.path, query, signal),
        staleTime: cfg.staleTime,
        enabled,
      });
    },

    /** One item; `D` when the item endpoint answers more than the list (a detail view). */
    useOne<D extends T = T>(id: string | undefined) {
      return useQuery({
        queryKey: keys.one(id ?? ''),
        queryFn: ({ signal }) => api.get<D>(itemPath(id ?? ''), undefined, signal),
        enabled: !!id,
        staleTime: cfg.staleTime,
      });
    },

    /** A read-only sub-resource of one item: `GET {path}/{id}/{part}`. */
    usePart<P>(id: string, part: string, enabled = true) {
      return useQuery({
        queryKey: keys.part(id, part),
        queryFn: ({ signal }) => api.get<P>(itemPath(id, part), undefined, signal),
        enabled: enabled && !!id,
      });
    },

    useCreate() {
      return useWriteThen((input: Input) => api.post<T>(cfg.path, input), remember);
    },

    /** PATCH with the version the edit started from (If-Match): a stale write answers 412. */
    useUpdate() {
      return useWriteThen(
        ({ id, patch, version }: UpdateVars<Input>) => api.patch<T>(itemPath(id), patch, version),
        remember,
      );
    },

    /** Create when `current` is absent, else PATCH it with the version it was read at (If-Match). */
    useSave(current: { id: string; version: number } | undefined) {
      return useWriteThen((input: Input) => api.save<T>(current, cfg.path, input), remember);
    },

    useDelete() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ id, version }: { id: string; version?: number }) =>
          request<void>(itemPath(id), { method: 'DELETE', version }),
        onSuccess: () => {
          void qc.invalidateQueries({ queryKey: cfg.key });
          for (const k of cfg.alsoInvalidate ?? []) void qc.invalidateQueries({ queryKey: k });
        },
      });
    },

    /** A state-changing sub-path answering the item: `POST {path}/{id}/{action}` with If-Match. */
    useAction<A>(action: string) {
      return useWriteThen(
        ({ id, input, version }: { id: string; input: A; version?: number }) =>
          api.post<T>(itemPath(id, action), input, version),
        remember,
      );
    },
  };
}

export type Resource<T extends Identified, Input, Q extends Query = Query> = ReturnType<
  typeof defineResource<T, Input, Q>
>;
