/** The queue's filters live in the URL so a view can be bookmarked and shared. */
import type { IncidentListQuery, SortField, StateCategory } from '../../api/types.ts';
import { SORT_FIELDS, STATE_CATEGORIES } from '../../api/types.ts';

export type QueueFilters = {
  q: string;
  stateCategory: StateCategory[];
  state: string[];
  priority: string[];
  groupId: string | null;
  assigneeId: string | null;
  sort: SortField;
  order: 'asc' | 'desc';
};

const list = (p: URLSearchParams, key: string) =>
  (p.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function parseFilters(p: URLSearchParams): QueueFilters {
  const sort = p.get('sort');
  return {
    q: p.get('q') ?? '',
    stateCategory: list(p, 'stateCategory').filter((c): c is StateCategory =>
      (STATE_CATEGORIES as string[]).includes(c),
    ),
    state: list(p, 'state'),
    priority: list(p, 'priority').filter((n) => /^[1-5]$/.test(n)),
    groupId: p.get('groupId') || null,
    assigneeId: p.get('assigneeId') || null,
    sort: (SORT_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as SortField) : 'created',
    order: p.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export function filtersToParams(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.stateCategory.length) p.set('stateCategory', f.stateCategory.join(','));
  if (f.state.length) p.set('state', f.state.join(','));
  if (f.priority.length) p.set('priority', f.priority.join(','));
  if (f.groupId) p.set('groupId', f.groupId);
  if (f.assigneeId) p.set('assigneeId', f.assigneeId);
  if (f.sort !== 'created') p.set('sort', f.sort);
  if (f.order !== 'desc') p.set('order', f.order);
  return p;
}

export function toListQuery(f: QueueFilters): IncidentListQuery {
  return {
    q: f.q || undefined,
    stateCategory: f.stateCategory.length ? f.stateCategory : undefined,
    state: f.state.length ? f.state : undefined,
    priority: f.priority.length ? f.priority : undefined,
    groupId: f.groupId ?? undefined,
    assigneeId: f.assigneeId ?? undefined,
    sort: f.sort,
    order: f.order,
    limit: 50,
  };
}

export const hasFilters = (f: QueueFilters) =>
  !!(f.q || f.stateCategory.length || f.state.length || f.priority.length || f.groupId || f.assigneeId);
