/**
 * Filter fields bound to a list's URL state (see listState.ts). Each takes the `state` and the
 * filter's `name` in the spec:
 *   <FilterBar state={state}>
 *     <SearchFilter state={state} name="q" />
 *     <MultiFilter state={state} name="stateCategory" label="Status" data={…} />
 *     <SelectFilter state={state} name="slaState" label="SLA" data={…} />
 *     <UserFilter state={state} name="assigneeId" label="Assignee" fixed={[{ value: 'me', label: 'Me' }]} />
 *   </FilterBar>
 * FilterBar adds the "Clear filters" button while any filter is set. SearchFilterBar is a FilterBar
 * that starts with the search on `q`. SpecFilter is the field the spec declares for a filter: a
 * select for 'one', a multi-select for 'many'.
 */
import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useUser, useUserSearch } from '../../api/queries/directory.ts';
import { useServerSearch } from '../form/useServerSearch.ts';
import type { FilterSpec, FilterValues, ListState } from './listState.ts';
import { SearchInput } from './SearchInput.tsx';

type Option = { value: string; label: string };
/** A choice filter as data: its name in the spec, its label and options (see SpecFilter). */
export type FilterField<S extends FilterSpec> = {
  name: keyof S & string;
  label: string;
  data: Option[];
  placeholder?: string;
};
type FieldProps<S extends FilterSpec> = { state: ListState<S>; name: keyof S & string };

const one = <S extends FilterSpec>(state: ListState<S>, name: keyof S) =>
  (state.filters[name] as string) || null;
const set = <S extends FilterSpec>(state: ListState<S>, name: keyof S, v: string | string[]) =>
  state.set({ [name]: v } as unknown as Partial<FilterValues<S>>);

export function FilterBar<S extends FilterSpec>({
  state,
  children,
}: {
  state: ListState<S>;
  children: ReactNode;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label="Filters">
      {children}
      {state.active && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={state.clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** The usual bar of a list: its search (the `q` filter) first, then the list's own filters. */
export function SearchFilterBar<S extends FilterSpec & { q: 'text' }>({
  state,
  label,
  placeholder,
  children,
}: {
  state: ListState<S>;
  label?: string;
  placeholder: string;
  children: ReactNode;
}) {
  return (
    <FilterBar state={state}>
      <SearchFilter state={state} name="q" label={label} placeholder={placeholder} />
      {children}
    </FilterBar>
  );
}

export function SearchFilter<S extends FilterSpec>({
  state,
  name,
  label = 'Search',
  placeholder = 'Number or words',
}: FieldProps<S> & { label?: string; placeholder?: string }) {
  const value = (state.filters[name] as string) ?? '';
  const [q, setQ] = useState(value);
  // Follow the URL (back button, cleared filters) without fighting the person typing.
  useEffect(() => setQ((cur) => (cur.trim() === value ? cur : value)), [value]);
  const push = useDebouncedCallback((v: string) => set(state, name, v.trim()), 350);
  return (
    <SearchInput
      label={label}
      placeholder={placeholder}
      value={q}
      onChange={(text) => {
        setQ(text);
        push(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') set(state, name, q.trim());
      }}
      className="filter-field"
    />
  );
}

export function MultiFilter<S extends FilterSpec>({
  state,
  name,
  label,
  data,
}: FieldProps<S> & { label: string; data: Option[] }) {
  const value = state.filters[name] as string[];
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : 'Any'}
      data={data}
      value={value}
      onChange={(v) => set(state, name, v)}
      clearable
      className="filter-field"
    />
  );
}

export function SelectFilter<S extends FilterSpec>({
  state,
  name,
  label,
  data,
  placeholder = 'Any',
}: FieldProps<S> & { label: string; data: Option[]; placeholder?: string }) {
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={one(state, name)}
      onChange={(v) => set(state, name, v ?? '')}
      searchable={data.length > 8}
      clearable
      className="filter-field"
    />
  );
}

/** The field the spec declares for a choice filter: one of the options, or any number of them. */
export function SpecFilter<S extends FilterSpec>({
  state,
  ...field
}: FilterField<S> & { state: ListState<S> }) {
  if (state.spec[field.name] !== 'many') return <SelectFilter state={state} {...field} />;
  const { placeholder: _, ...multi } = field;
  return <MultiFilter state={state} {...multi} />;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Anyone in the directory, found as you type, plus fixed choices such as "me" and "unassigned". */
export function UserFilter<S extends FilterSpec>({
  state,
  name,
  label,
  fixed = [],
  placeholder = 'Anyone',
}: FieldProps<S> & { label: string; fixed?: Option[]; placeholder?: string }) {
  const value = one(state, name);
  const chosen = useUser(value && UUID.test(value) ? value : undefined);
  const selectedLabel =
    fixed.find((o) => o.value === value)?.label ?? (chosen.data ? chosen.data.name : undefined);
  const { query, searchProps } = useServerSearch([selectedLabel]);
  const found = useUserSearch({ q: query, active: true });
  const options = new Map<string, string>(fixed.map((o) => [o.value, o.label]));
  if (value && !options.has(value)) options.set(value, chosen.data?.name ?? 'Selected person');
  for (const u of found.data?.items ?? []) options.set(u.id, u.name);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={(v) => set(state, name, v ?? '')}
      searchable
      {...searchProps(found.isFetching, 'Nobody found')}
      filter={({ options: o, search: s }) =>
        // Directory hits are already matched by the server; fixed choices match by label.
        s && s !== selectedLabel
          ? o.filter((x) =>
              'value' in x && fixed.some((f) => f.value === x.value)
                ? x.label.toLowerCase().includes(s.toLowerCase())
                : true,
            )
          : o
      }
      clearable
      className="filter-field"
    />
  );
}
