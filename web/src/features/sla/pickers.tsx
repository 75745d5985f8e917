/** Pickers for service level forms: organisations, calendars and services. */
import type { MultiSelectProps, SelectProps } from '@mantine/core';
import {
  type Organisation,
  type ServiceKind,
  useCalendars,
  useOrganisations,
  useServiceChoices,
} from '../../api/queries/serviceLevels.ts';
import { namedOption } from '../../kit/form/namedOptions.ts';
import { QueryMultiSelect, QuerySelect } from '../../kit/form/QuerySelect.tsx';

type One = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};
type Many = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (ids: string[]) => void;
};

/** Organisations of the given kinds (customers: customer and internal; suppliers: supplier). */
export function OrganisationSelect({ kinds, ...props }: One & { kinds: Organisation['kind'][] }) {
  const orgs = useOrganisations();
  const data = (orgs.data ?? [])
    .filter((o) => kinds.includes(o.kind) || o.id === props.value)
    .map(namedOption);
  return <QuerySelect {...props} data={data} pending={orgs.isPending} empty="No organisation found" />;
}

/** The customer an agreement or requirement is for; none means every customer. */
export function CustomerSelect(props: One) {
  return (
    <OrganisationSelect
      label="Customer"
      placeholder="Every customer"
      kinds={['customer', 'internal']}
      {...props}
    />
  );
}

export function CustomerMultiSelect(props: Many) {
  const orgs = useOrganisations();
  const data = (orgs.data ?? [])
    .filter((o) => o.kind !== 'supplier' || props.value.includes(o.id))
    .map(namedOption);
  return <QueryMultiSelect {...props} data={data} pending={orgs.isPending} empty="No organisation found" />;
}

export function CalendarSelect(props: One) {
  const calendars = useCalendars();
  const data = (calendars.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${c.timeZone}, ${Math.round(c.weeklyHours * 10) / 10} h a week)`,
  }));
  const empty = 'No calendar yet: add one under Calendars';
  return <QuerySelect clearable={false} {...props} data={data} pending={calendars.isPending} empty={empty} />;
}

/** Services of a kind; `liveOnly` for records (which only live services take), keeping the current choice. */
export function ServiceSelect({
  kind,
  liveOnly = false,
  ...props
}: One & { kind?: ServiceKind; liveOnly?: boolean }) {
  const services = useServiceChoices(kind);
  const data = (services.data?.items ?? [])
    .filter((s) => !liveOnly || s.lifecycleStatus === 'live' || s.id === props.value)
    .map(namedOption);
  return <QuerySelect {...props} data={data} pending={services.isPending} empty="No service found" />;
}

export function TechnicalServicesSelect({ exclude, ...props }: Many & { exclude?: string }) {
  const services = useServiceChoices('technical');
  const data = (services.data?.items ?? []).filter((s) => s.id !== exclude).map(namedOption);
  return (
    <QueryMultiSelect
      {...props}
      data={data}
      pending={services.isPending}
      empty="No technical service found"
    />
  );
}
