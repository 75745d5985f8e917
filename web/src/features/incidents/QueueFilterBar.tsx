/** Filters above the queue: text, status, state, priority, group and assignee. */
import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLifecycle } from '../../api/queries/admin.ts';
import { useUser } from '../../api/queries/directory.ts';
import { STATE_CATEGORIES, type StateCategory } from '../../api/types.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { CATEGORY_LABELS, PRIORITY_OPTIONS } from '../../lib/labels.ts';
import { hasFilters, type QueueFilters } from './queueParams.ts';

const UUID = /^[0-9a-f-]{36}$/i;

export function QueueFilterBar({
  filters,
  onChange,
}: {
  filters: QueueFilters;
  onChange: (next: Partial<QueueFilters>) => void;
}) {
  const [q, setQ] = useState(filters.q);
  // Follow the URL (back button, cleared filters) without fighting the person typing.
  useEffect(() => setQ((cur) => (cur.trim() === filters.q ? cur : filters.q)), [filters.q]);
  const pushQ = useDebouncedCallback((value: string) => onChange({ q: value.trim() }), 350);
  const lifecycle = useLifecycle();
  const assigneeIsUser = filters.assigneeId && UUID.test(filters.assigneeId) ? filters.assigneeId : undefined;
  const assignee = useUser(assigneeIsUser);

  const assigneeOptions = [
    { value: 'me', label: 'Assigned to me' },
    { value: 'none', label: 'Unassigned' },
    ...(assigneeIsUser ? [{ value: assigneeIsUser, label: assignee.data?.name ?? 'Selected person' }] : []),
  ];
  const stateOptions = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({
    value: s.key,
    label: s.label,
  }));

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
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange({ q: q.trim() });
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
        data={stateOptions}
        value={filters.state}
        onChange={(v) => onChange({ state: v })}
        clearable
        className="filter-field"
      />
      <MultiSelect
        label="Priority"
        placeholder={filters.priority.length ? undefined : 'Any'}
        data={PRIORITY_OPTIONS}
        value={filters.priority}
        onChange={(v) => onChange({ priority: v })}
        clearable
        className="filter-field"
      />
      <GroupSelect
        label="Group"
        placeholder="Any group"
        value={filters.groupId}
        onChange={(v) => onChange({ groupId: v })}
        className="filter-field"
      />
      <Select
        label="Assignee"
        placeholder="Anyone"
        data={assigneeOptions}
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
          onClick={() =>
            onChange({ q: '', stateCategory: [], state: [], priority: [], groupId: null, assigneeId: null })
          }
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
