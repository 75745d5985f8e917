/** Pickers for people and groups, searching the directory as you type. */
import { Select, type SelectProps } from '@mantine/core';
import { useGroups, useUserList, useUserSearch } from '../api/queries/directory.ts';
import type { PersonRef, Role } from '../api/types.ts';
import { namedOption } from '../kit/form/namedOptions.ts';
import { useServerSearch } from '../kit/form/useServerSearch.ts';

type BaseProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'>;

/** Any user, found by name or email; keeps the chosen person's label while you search. */
export function UserPicker({
  value,
  onChange,
  role,
  ...rest
}: BaseProps & { value: PersonRef | null; onChange: (p: PersonRef | null) => void; role?: Role }) {
  const { query, searchProps } = useServerSearch([value?.name]);
  const found = useUserSearch({ q: query, role, active: true });
  const people = new Map<string, PersonRef>();
  if (value) people.set(value.id, value);
  for (const u of found.data?.items ?? []) people.set(u.id, { id: u.id, name: u.name, email: u.email });
  const data = [...people.values()].map((p) => ({ value: p.id, label: p.name, email: p.email }));
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (people.get(id) ?? null) : null)}
      {...searchProps(found.isFetching, 'Nobody found')}
      renderOption={({ option }) => {
        const p = people.get(option.value);
        return (
          <div>
            <div>{option.label}</div>
            <div style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{p?.email}</div>
          </div>
        );
      }}
    />
  );
}

/** Active groups by name. */
export function GroupSelect({
  value,
  onChange,
  ...rest
}: BaseProps & { value: string | null; onChange: (id: string | null) => void }) {
  const groups = useGroups();
  const data = (groups.data ?? []).filter((g) => g.active || g.id === value).map(namedOption);
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={groups.isPending ? 'Loading…' : 'No group found'}
    />
  );
}

/** Members of one group: the people an incident in that group may be assigned to. */
export function MemberSelect({
  groupId,
  value,
  onChange,
  ...rest
}: BaseProps & { groupId: string | null; value: PersonRef | null; onChange: (p: PersonRef | null) => void }) {
  const members = useUserList({ groupId: groupId ?? undefined, active: true, limit: 200 }, !!groupId);
  const people = new Map<string, PersonRef>();
  for (const u of members.data?.pages.flatMap((p) => p.items) ?? [])
    people.set(u.id, { id: u.id, name: u.name, email: u.email });
  if (value && !people.has(value.id)) people.set(value.id, value);
  return (
    <Select
      searchable
      clearable
      {...rest}
      disabled={rest.disabled || !groupId}
      description={groupId ? rest.description : 'Choose an assignment group first'}
      data={[...people.values()].map(namedOption)}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (people.get(id) ?? null) : null)}
      nothingFoundMessage={members.isPending ? 'Loading…' : 'This group has no active members'}
    />
  );
}
