/** Queues of requests and fulfilment tasks: filters kept in the URL, a table, keyset "Load more". */
import {
  Anchor,
  Button,
  Center,
  Group,
  MultiSelect,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useGroups } from '../../api/queries/directory.ts';
import type { RecordSummary, RequestListQuery } from '../../api/queries/requests.ts';
import { type Page, STATE_CATEGORIES, type StateCategory } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { CATEGORY_LABELS } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';

export type RecordFilters = {
  q: string;
  stateCategory: StateCategory[];
  state: string[];
  /** A group id, or "mine" for every group the viewer belongs to. */
  groupId: string | null;
  assigneeId: string | null;
};

const split = (p: URLSearchParams, key: string) =>
  (p.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function useRecordFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RecordFilters = {
    q: params.get('q') ?? '',
    stateCategory: split(params, 'stateCategory').filter((c): c is StateCategory =>
      (STATE_CATEGORIES as string[]).includes(c),
    ),
    state: split(params, 'state'),
    groupId: params.get('groupId') || null,
    assigneeId: params.get('assigneeId') || null,
  };
  const update = (next: Partial<RecordFilters>) => {
    const f = { ...filters, ...next };
    const p = new URLSearchParams();
    if (f.q) p.set('q', f.q);
    if (f.stateCategory.length) p.set('stateCategory', f.stateCategory.join(','));
    if (f.state.length) p.set('state', f.state.join(','));
    if (f.groupId) p.set('groupId', f.groupId);
    if (f.assigneeId) p.set('assigneeId', f.assigneeId);
    setParams(p, { replace: true });
  };
  return { filters, update };
}

export function useListQuery(f: RecordFilters): RequestListQuery {
  const me = useMe();
  const groupIds = f.groupId === 'mine' ? me.groupIds : f.groupId ? [f.groupId] : undefined;
  return {
    q: f.q || undefined,
    stateCategory: f.stateCategory.length ? f.stateCategory : undefined,
    state: f.state.length ? f.state : undefined,
    // Someone in no group has no group tasks: ask for an impossible group rather than for all.
    groupId: groupIds && groupIds.length === 0 ? ['00000000-0000-4000-8000-000000000000'] : groupIds,
    assigneeId: f.assigneeId ?? undefined,
    sort: 'created',
    order: 'desc',
    limit: 50,
  };
}

const hasFilters = (f: RecordFilters) =>
  !!(f.q || f.stateCategory.length || f.state.length || f.groupId || f.assigneeId);

export function RecordFilterBar({
  filters,
  onChange,
  states,
}: {
  filters: RecordFilters;
  onChange: (next: Partial<RecordFilters>) => void;
  states: { value: string; label: string }[];
}) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ((cur) => (cur.trim() === filters.q ? cur : filters.q)), [filters.q]);
  const pushQ = useDebouncedCallback((value: string) => onChange({ q: value.trim() }), 350);
  const groups = useGroups();
  const groupOptions = [
    { value: 'mine', label: 'My groups' },
    ...(groups.data ?? []).filter((g) => g.active).map((g) => ({ value: g.id, label: g.name })),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" role="group" aria-label="Filters">
      <TextInput
        label="Search"
        placeholder="Number or words"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        className="filter-field"
      />
      <MultiSelect
        label="Status"
        placeholder={filters.stateCategory.length ? undefined : 'Any'}
        data={STATE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        value={filters.stateCategory}
        onChange={(v) => onChange({ stateCategory: v as StateCategory[] })}
        clearable
        className="filter-field"
      />
      <MultiSelect
        label="State"
        placeholder={filters.state.length ? undefined : 'Any'}
        data={states}
        value={filters.state}
        onChange={(v) => onChange({ state: v })}
        clearable
        className="filter-field"
      />
      <Select
        label="Group"
        placeholder="Any group"
        data={groupOptions}
        value={filters.groupId}
        onChange={(v) => onChange({ groupId: v })}
        searchable
        clearable
        className="filter-field"
      />
      <Select
        label="Assignee"
        placeholder="Anyone"
        data={[
          { value: 'me', label: 'Assigned to me' },
          { value: 'none', label: 'Unassigned' },
        ]}
        value={filters.assigneeId}
        onChange={(v) => onChange({ assigneeId: v })}
        clearable
        className="filter-field"
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ q: '', stateCategory: [], state: [], groupId: null, assigneeId: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

function RecordTable({
  items,
  linkTo,
  label,
}: {
  items: RecordSummary[];
  linkTo: (n: string) => string;
  label: string;
}) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" fz="sm" stickyHeader layout="fixed" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Number</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={150}>State</Table.Th>
            <Table.Th w={160}>Group</Table.Th>
            <Table.Th w={140}>Assignee</Table.Th>
            <Table.Th w={140}>Requester</Table.Th>
            <Table.Th w={110}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr
              key={r.id}
              className="queue-row"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(linkTo(r.number));
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={linkTo(r.number)} fw={600} size="sm">
                  {r.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} title={r.title}>
                  {r.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge label={r.stateLabel} category={r.stateCategory} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {r.group?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} c={r.assignee ? undefined : 'dimmed'}>
                  {r.assignee?.name ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {r.requester?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Time iso={r.updatedAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RecordQueueBody({
  list,
  linkTo,
  label,
  noun,
  filtered,
}: {
  list: UseInfiniteQueryResult<InfiniteData<Page<RecordSummary>>>;
  linkTo: (n: string) => string;
  label: string;
  noun: [string, string];
  filtered: boolean;
}) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label={`Loading ${noun[1]}`} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={`No ${noun[1]} match this view`}>
            {filtered ? 'Try removing a filter.' : `New ${noun[1]} will appear here.`}
          </EmptyState>
        ) : (
          <RecordTable items={items} linkTo={linkTo} label={label} />
        )}
      </Paper>
      {items.length > 0 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} {items.length === 1 ? noun[0] : noun[1]}
            {list.hasNextPage ? '' : ' (all)'}
          </Text>
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Load more
              </Button>
            </Center>
          )}
        </Group>
      )}
    </>
  );
}

export { hasFilters };
