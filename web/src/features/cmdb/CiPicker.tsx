/** Pickers for configuration items, searching the CMDB as you type (name, hostname, serial, tag). */
import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type CiRef, useCiSearch } from '../../api/queries/cmdb.ts';

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: CiRef | null;
  onChange: (ci: CiRef | null) => void;
  classKey?: string;
  exclude?: string[];
};

function useFound(search: string, chosenNames: string[], classKey: string | undefined) {
  const [debounced] = useDebouncedValue(search, 250);
  const typing = debounced.trim() !== '' && !chosenNames.includes(debounced);
  return useCiSearch({ q: typing ? debounced.trim() : undefined, class: classKey });
}

const optionLabel = (ci: CiRef) => `${ci.name} · ${ci.classLabel}`;

export function CiPicker({ value, onChange, classKey, exclude = [], ...rest }: SingleProps) {
  const [search, setSearch] = useState('');
  const found = useFound(search, value ? [optionLabel(value)] : [], classKey);
  const cis = new Map<string, CiRef>();
  if (value) cis.set(value.id, value);
  for (const c of found.data?.items ?? []) if (!exclude.includes(c.id)) cis.set(c.id, c);
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={[...cis.values()].map((c) => ({ value: c.id, label: optionLabel(c) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (cis.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No configuration item found'}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: CiRef[];
  onChange: (cis: CiRef[]) => void;
};

export function CiMultiPicker({ value, onChange, ...rest }: MultiProps) {
  const [search, setSearch] = useState('');
  const found = useFound(search, [], undefined);
  const cis = new Map<string, CiRef>();
  for (const c of value) cis.set(c.id, c);
  for (const c of found.data?.items ?? []) cis.set(c.id, c);
  return (
    <MultiSelect
      searchable
      clearable
      {...rest}
      data={[...cis.values()].map((c) => ({ value: c.id, label: optionLabel(c) }))}
      value={value.map((c) => c.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => cis.get(id) ?? []))}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No configuration item found'}
    />
  );
}
