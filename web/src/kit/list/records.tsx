/**
 * The list kit specialised for records (incidents, requests, tasks): the shared filter spec,
 * columns, filter bar, the paged list query and the CSV export address.
 *
 *   const kind = RECORD_LISTS.incident;
 *   const state = useListState(RECORD_FILTERS, RECORD_SORT);
 *   const list = useRecordList(kind, state);
 *   <ListView listKey={kind.listKey} columns={recordColumns(kind)} list={list} state={state} … />
 */
import { Anchor, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { API_BASE, api } from '../../api/client.ts';
import { useGroups } from '../../api/queries/directory.ts';
import type { Incident, Page } from '../../api/types.ts';
import { STATE_CATEGORIES } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { SlaDue } from '../../features/sla/SlaDue.tsx';
import { CATEGORY_LABELS, optionsOf, PRIORITY_OPTIONS } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';
import { namedOption } from '../form/namedOptions.ts';
import type { ListColumn } from './columns.ts';
import { FilterBar, MultiFilter, SearchFilter, SelectFilter, UserFilter } from './filters.tsx';
import type { ListState } from './listState.ts';

export type RecordRow = Incident & { slaDueAt?: string | null };

export type RecordListKind = {
  /** The records core's type key (also the export's `type`). */
  type: 'incident' | 'problem' | 'change' | 'request' | 'request_task' | 'improvement';
  /** Saved views and column choice are kept under this name. */
  listKey: string;
  /** The list API path and the query cache's root key (edits elsewhere invalidate it). */
  path: string;
  cacheRoot: string;
  /** Where a record of this list opens. */
  href: (number: string) => string;
  withPriority: boolean;
};

export const RECORD_LISTS = {
  incident: {
    type: 'incident',
    listKey: 'incidents',
    path: '/incidents',
    cacheRoot: 'incidents',
    href: (n) => recordPath('incident', n),
    withPriority: true,
  },
  problem: {
    type: 'problem',
    listKey: 'problems',
    path: '/problems',
    cacheRoot: 'problems',
    href: (n) => `/problems/${n}`,
    withPriority: true,
  },
  change: {
    type: 'change',
    listKey: 'changes',
    path: '/changes',
    cacheRoot: 'changes',
    href: (n) => recordPath('change', n),
    withPriority: true,
  },
  request: {
    type: 'request',
    listKey: 'requests',
    path: '/requests',
    cacheRoot: 'requests',
    href: (n) => recordPath('request', n),
    withPriority: false,
  },
  improvement: {
    type: 'improvement',
    listKey: 'improvements',
    path: '/improvements',
    cacheRoot: 'improvements',
    href: (n) => recordPath('improvement', n),
    withPriority: true,
  },
  request_task: {
    type: 'request_task',
    listKey: 'request-tasks',
    path: '/request-tasks',
    cacheRoot: 'request-tasks',
    href: (n) => recordPath('request_task', n),
    withPriority: false,
  },
} as const satisfies Record<string, RecordListKind>;

export const RECORD_FILTERS = {
  q: 'text',
  stateCategory: 'many',
  state: 'many',
  priority: 'many',
  /** A group id, or "mine" for every group the viewer belongs to. */
  groupId: 'one',
  /** A user id, "me" or "none". */
  assigneeId: 'one',
  slaState: 'one',
} as const;
export const RECORD_SORT = { sort: 'created', order: 'desc' } as const;

export type RecordListState = ListState<typeof RECORD_FILTERS>;

/** Someone in no group has no group work: ask for an impossible group rather than for all. */
const NO_GROUP = '00000000-0000-4000-8000-000000000000';

/** The list API's query for the URL state ("mine" expanded to the viewer's groups). */
export function useRecordQuery(state: RecordListState): Record<string, string> {
  const me = useMe();
  const q = { ...state.query };
  if (q.groupId === 'mine') q.groupId = me.groupIds.length ? me.groupIds.join(',') : NO_GROUP;
  return q;
}

export function useRecordList(kind: RecordListKind, state: RecordListState) {
  const query = { ...useRecordQuery(state), limit: '50' };
  return useInfiniteQuery({
    queryKey: [kind.cacheRoot, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RecordRow>>(kind.path, { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The CSV of the same list: same filters and sort, the shown columns. */
export function useRecordExportHref(kind: RecordListKind, state: RecordListState) {
  const query = useRecordQuery(state);
  return (columns: string[]) => {
    const p = new URLSearchParams({ type: kind.type, ...query, columns: columns.join(',') });
    return `${API_BASE}/records/export.csv?${p}`;
  };
}

const muted = (v: string | null | undefined, fallback = '—') => (
  <Text size="sm" lineClamp={1} c={v ? undefined : 'dimmed'}>
    {v ?? fallback}
  </Text>
);

export function recordColumns(kind: RecordListKind): ListColumn<RecordRow>[] {
  const cols: (ListColumn<RecordRow> | false)[] = [
    {
      key: 'number',
      label: 'Number',
      width: 112,
      sort: 'number',
      render: (r) => (
        <Anchor component={Link} to={kind.href(r.number)} fw={600} size="sm">
          {r.number}
        </Anchor>
      ),
    },
    {
      key: 'title',
      label: 'Title',
      render: (r) => (
        <>
          <Text size="sm" lineClamp={1} title={r.title}>
            {r.title}
          </Text>
          {r.category && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {r.category}
              {r.subcategory ? ` › ${r.subcategory}` : ''}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'state',
      label: 'State',
      width: 160,
      render: (r) => <StateBadge label={r.stateLabel} category={r.stateCategory} />,
    },
    kind.withPriority && {
      key: 'priority',
      label: 'Priority',
      width: 132,
      sort: 'priority',
      firstOrder: 'asc',
      render: (r) => <PriorityBadge priority={r.priority} />,
    },
    {
      key: 'sla_due',
      label: 'SLA',
      width: 112,
      sort: 'sla_due',
      firstOrder: 'asc',
      hidden: !kind.withPriority,
      render: (r) => <SlaDue recordId={r.id} dueAt={r.slaDueAt} stateCategory={r.stateCategory} inColumn />,
    },
    // Hidden by default where the SLA column shows, so the title keeps its room.
    {
      key: 'group',
      label: 'Group',
      width: 140,
      hidden: kind.withPriority,
      render: (r) => muted(r.group?.name),
    },
    { key: 'assignee', label: 'Assignee', width: 132, render: (r) => muted(r.assignee?.name, 'Unassigned') },
    {
      key: 'requester',
      label: 'Requester',
      width: 132,
      hidden: kind.withPriority,
      render: (r) => muted(r.requester?.name),
    },
    {
      key: 'updated',
      label: 'Updated',
      width: 100,
      sort: 'updated',
      render: (r) => <Time iso={r.updatedAt} size="sm" />,
    },
    {
      key: 'created',
      label: 'Created',
      width: 100,
      sort: 'created',
      hidden: true,
      render: (r) => <Time iso={r.createdAt} size="sm" />,
    },
  ];
  return cols.filter((c): c is ListColumn<RecordRow> => c !== false);
}

/** A queue's description: what is being searched for, else what the queue holds. */
export const queueDescription = (state: RecordListState, description: string) =>
  state.filters.q ? `Matching “${state.filters.q}”` : description;

/** The state filter's choices: the states of the record type's lifecycle, once it has loaded. */
export const lifecycleStateOptions = (
  setting: { lifecycle: { states: { key: string; label: string }[] } } | undefined,
) => (setting?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));

const SLA_OPTIONS = [
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'Breached' },
];

export function RecordFilterBar({
  kind,
  state,
  states,
}: {
  kind: RecordListKind;
  state: RecordListState;
  states: { value: string; label: string }[];
}) {
  const groups = useGroups();
  const groupOptions = [
    { value: 'mine', label: 'My groups' },
    ...(groups.data ?? []).filter((g) => g.active).map(namedOption),
  ];
  return (
    <FilterBar state={state}>
      <SearchFilter state={state} name="q" />
      <MultiFilter
        state={state}
        name="stateCategory"
        label="Status"
        data={optionsOf(STATE_CATEGORIES, CATEGORY_LABELS)}
      />
      <MultiFilter state={state} name="state" label="State" data={states} />
      {kind.withPriority && (
        <MultiFilter state={state} name="priority" label="Priority" data={PRIORITY_OPTIONS} />
      )}
      <SelectFilter state={state} name="slaState" label="SLA" data={SLA_OPTIONS} />
      <SelectFilter state={state} name="groupId" label="Group" data={groupOptions} placeholder="Any group" />
      <UserFilter
        state={state}
        name="assigneeId"
        label="Assignee"
        fixed={[
          { value: 'me', label: 'Assigned to me' },
          { value: 'none', label: 'Unassigned' },
        ]}
      />
    </FilterBar>
  );
}
