/**
 * A searchable, clearable Select (or MultiSelect) over options a query loads: it says "Loading…"
 * until they arrive and `empty` when nothing matches. Pickers give only their options.
 */
import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';

type Loading = { pending: boolean; empty: string };

export function QuerySelect({ pending, empty, ...rest }: SelectProps & Loading) {
  return <Select searchable clearable {...rest} nothingFoundMessage={pending ? 'Loading…' : empty} />;
}

export function QueryMultiSelect({ pending, empty, ...rest }: MultiSelectProps & Loading) {
  return <MultiSelect searchable clearable {...rest} nothingFoundMessage={pending ? 'Loading…' : empty} />;
}
