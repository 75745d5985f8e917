/**
 * A list's filters and sort, kept in the URL query string so any view can be bookmarked and shared.
 *
 * Declare the filters once: `const SPEC = { q: 'text', state: 'many', assigneeId: 'one' } as const`
 * then `const state = useListState(SPEC, { sort: 'created', order: 'desc' })`:
 * - `state.spec` — the declaration itself
 * - `state.filters` — `{ q: '', state: [], assigneeId: '' }` read from the URL ('' / [] = unset)
 * - `state.set({ state: ['new'] })` — change filters (replaces the history entry)
 * - `state.sort` / `state.order` / `state.setSort({ sort, order })`
 * - `state.active` — whether any filter is set; `state.clear()` unsets them all
 * - `state.viewId` — the saved view the list was opened from (`?view=`), kept while filters change
 * - `state.query` — filters + sort as the API's query object (lists joined with commas)
 * - `state.apply(params)` — replace everything at once (used when a saved view is picked)
 */
import { useSearchParams } from 'react-router-dom';

export type FilterKind = 'text' | 'one' | 'many';
export type FilterSpec = Readonly<Record<string, FilterKind>>;
export type FilterValues<S extends FilterSpec> = {
  [K in keyof S]: S[K] extends 'many' ? string[] : string;
};
export type SortState = { sort: string; order: 'asc' | 'desc' };

/** Every query-string key the kit itself uses; filter names must avoid them. */
export const RESERVED_PARAMS = ['sort', 'order', 'view', 'cursor', 'limit', 'columns'] as const;

export function parseFilters<S extends FilterSpec>(spec: S, p: URLSearchParams): FilterValues<S> {
  const out: Record<string, string | string[]> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const raw = p.get(key) ?? '';
    out[key] =
      kind === 'many'
        ? raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : raw;
  }
  return out as FilterValues<S>;
}

/** Filters, sort and view as URL parameters; empty values and the default sort are left out. */
export function listParams<S extends FilterSpec>(
  spec: S,
  filters: FilterValues<S>,
  sort: SortState,
  defaults: SortState,
  viewId?: string | null,
): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of Object.keys(spec)) {
    const v = filters[key as keyof S] as string | string[];
    if (Array.isArray(v) ? v.length : v) p.set(key, Array.isArray(v) ? v.join(',') : v);
  }
  if (sort.sort !== defaults.sort) p.set('sort', sort.sort);
  if (sort.order !== defaults.order) p.set('order', sort.order);
  if (viewId) p.set('view', viewId);
  return p;
}

export type ListState<S extends FilterSpec> = {
  /** The filters as declared. */
  spec: S;
  filters: FilterValues<S>;
  sort: string;
  order: 'asc' | 'desc';
  active: boolean;
  viewId: string | null;
  /** Filters and sort as the list API's query (lists joined by commas, unset ones left out). */
  query: Record<string, string>;
  /** The URL parameters of filters and sort only (what a saved view stores). */
  params: URLSearchParams;
  set: (next: Partial<FilterValues<S>>) => void;
  setSort: (s: SortState) => void;
  clear: () => void;
  apply: (params: URLSearchParams, viewId: string | null) => void;
};

export function useListState<S extends FilterSpec>(spec: S, defaults: SortState): ListState<S> {
  const [p, setP] = useSearchParams();
  const filters = parseFilters(spec, p);
  const sortParam = p.get('sort');
  const sort: SortState = {
    sort: sortParam || defaults.sort,
    order: p.get('order') === 'asc' ? 'asc' : p.get('order') === 'desc' ? 'desc' : defaults.order,
  };
  const viewId = p.get('view');
  const params = listParams(spec, filters, sort, defaults);
  const query: Record<string, string> = { sort: sort.sort, order: sort.order };
  for (const [k, v] of params) if (k !== 'sort' && k !== 'order') query[k] = v;
  const write = (f: FilterValues<S>, s: SortState, view: string | null) =>
    setP(listParams(spec, f, s, defaults, view), { replace: true });
  const empty = Object.fromEntries(
    Object.entries(spec).map(([k, kind]) => [k, kind === 'many' ? [] : '']),
  ) as FilterValues<S>;
  return {
    spec,
    filters,
    sort: sort.sort,
    order: sort.order,
    active: Object.keys(spec).some((k) => {
      const v = filters[k as keyof S] as string | string[];
      return Array.isArray(v) ? v.length > 0 : v !== '';
    }),
    viewId,
    query,
    params,
    set: (next) => write({ ...filters, ...next }, sort, viewId),
    setSort: (s) => write(filters, s, viewId),
    clear: () => write(empty, sort, viewId),
    apply: (next, view) => {
      const merged = new URLSearchParams(next);
      if (view) merged.set('view', view);
      setP(merged, { replace: false });
    },
  };
}
