/** Pickers for service level forms: organisations, calendars and services. */
import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import {
  type Organisation,
  type ServiceKind,
  useCalendars,
  useOrganisations,
  useServiceChoices,
} from '../../api/queries/serviceLevels.ts';

type SelectBase = Omit<SelectProps, 'data' | 'value' | 'onChange'>;

/** Organisations of the given kinds (customers: customer and internal; suppliers: supplier). */
export function OrganisationSelect({
  kinds,
  value,
  onChange,
  ...rest
}: SelectBase & {
  kinds: Organisation['kind'][];
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const orgs = useOrganisations();
  const data = (orgs.data ?? [])
    .filter((o) => kinds.includes(o.kind) || o.id === value)
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={orgs.isPending ? 'Loading…' : 'No organisation found'}
    />
  );
}

export function CustomerMultiSelect({
  value,
  onChange,
  ...rest
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const orgs = useOrganisations();
  const data = (orgs.data ?? [])
    .filter((o) => o.kind !== 'supplier' || value.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <MultiSelect
      searchable
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={orgs.isPending ? 'Loading…' : 'No organisation found'}
    />
  );
}

export function CalendarSelect({
  value,
  onChange,
  ...rest
}: SelectBase & { value: string | null; onChange: (id: string | null) => void }) {
  const calendars = useCalendars();
  const data = (calendars.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${c.timeZone}, ${Math.round(c.weeklyHours * 10) / 10} h a week)`,
  }));
  return (
    <Select
      searchable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={calendars.isPending ? 'Loading…' : 'No calendar yet: add one under Calendars'}
    />
  );
}

/** Services of a kind; `liveOnly` for records (which only live services take), keeping the current choice. */
export function ServiceSelect({
  kind,
  liveOnly = false,
  value,
  onChange,
  ...rest
}: SelectBase & {
  kind?: ServiceKind;
  liveOnly?: boolean;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const services = useServiceChoices(kind);
  const data = (services.data?.items ?? [])
    .filter((s) => !liveOnly || s.lifecycleStatus === 'live' || s.id === value)
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <Select
      searchable
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={services.isPending ? 'Loading…' : 'No service found'}
    />
  );
}

export function TechnicalServicesSelect({
  exclude,
  value,
  onChange,
  ...rest
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  exclude?: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const services = useServiceChoices('technical');
  const data = (services.data?.items ?? [])
    .filter((s) => s.id !== exclude)
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <MultiSelect
      searchable
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={services.isPending ? 'Loading…' : 'No technical service found'}
    />
  );
}
