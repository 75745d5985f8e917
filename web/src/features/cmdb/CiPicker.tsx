/** Pickers for configuration items, searching the CMDB as you type (name, hostname, serial, tag), and the form adding one. */
import { Button, Group, MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { type CiRef, useCiSearch } from '../../api/queries/cmdb.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { useServerSearch } from '../../kit/form/useServerSearch.ts';

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: CiRef | null;
  onChange: (ci: CiRef | null) => void;
  classKey?: string;
  exclude?: string[];
};

const optionLabel = (ci: CiRef) => `${ci.name} · ${ci.classLabel}`;

/**
 * What a CI picker offers: the chosen CIs, kept while searching, then those found for what is
 * typed (less `exclude`), by id; their options; and the props that put the search into the select.
 * `shown` is the label a single select's box holds for its choice, which is not searched for.
 */
function useCiOptions(
  chosen: readonly CiRef[],
  { shown, classKey, exclude = [] }: { shown?: string; classKey?: string; exclude?: string[] },
) {
  const { query, searchProps } = useServerSearch(shown ? [shown] : []);
  const found = useCiSearch({ q: query, class: classKey });
  const cis = new Map<string, CiRef>();
  for (const c of chosen) cis.set(c.id, c);
  for (const c of found.data?.items ?? []) if (!exclude.includes(c.id)) cis.set(c.id, c);
  return {
    cis,
    data: [...cis.values()].map((c) => ({ value: c.id, label: optionLabel(c) })),
    searchProps: searchProps(found.isFetching, 'No configuration item found'),
  };
}

export function CiPicker({ value, onChange, classKey, exclude, ...rest }: SingleProps) {
  const { cis, data, searchProps } = useCiOptions(value ? [value] : [], {
    shown: value ? optionLabel(value) : undefined,
    classKey,
    exclude,
  });
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (cis.get(id) ?? null) : null)}
      {...searchProps}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: CiRef[];
  onChange: (cis: CiRef[]) => void;
};

export function CiMultiPicker({ value, onChange, ...rest }: MultiProps) {
  const { cis, data, searchProps } = useCiOptions(value, {});
  return (
    <MultiSelect
      searchable
      clearable
      {...rest}
      data={data}
      value={value.map((c) => c.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => cis.get(id) ?? []))}
      {...searchProps}
    />
  );
}

/**
 * Picking a CI and adding it (to a record, to a contract's coverage) as one line of a form, the
 * add's error under it. `onAdd` gets the CI and what clears the picker once it is added.
 */
export function AddCiForm({
  label,
  placeholder,
  exclude,
  submitLabel,
  pending,
  error,
  errorTitle,
  onAdd,
}: {
  label: string;
  placeholder?: string;
  exclude?: string[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onAdd: (ci: CiRef, clear: () => void) => void;
}) {
  const [ci, setCi] = useState<CiRef | null>(null);
  return (
    <SubmitForm
      onSubmit={() => {
        if (ci) onAdd(ci, () => setCi(null));
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <CiPicker
          label={label}
          placeholder={placeholder}
          value={ci}
          onChange={setCi}
          exclude={exclude}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="light" disabled={!ci} loading={pending}>
          {submitLabel}
        </Button>
      </Group>
      <ErrorAlert error={error} title={errorTitle} />
    </SubmitForm>
  );
}
