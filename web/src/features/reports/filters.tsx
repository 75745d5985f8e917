/**
 * The cut every report page shares, kept in the URL: the period (a preset ending today) and the
 * service, customer, group, agent, priority and record types. `useReportFilters` gives the list
 * kit's state and the API query (from/to instead of the preset).
 */
import { useGroups } from '../../api/queries/directory.ts';
import { useOrganisations, useServiceChoices } from '../../api/queries/serviceLevels.ts';
import { namedOption, namedOptions } from '../../kit/form/namedOptions.ts';
import { FilterBar, MultiFilter, SelectFilter, UserFilter } from '../../kit/list/filters.tsx';
import { type FilterSpec, type ListState, useListState } from '../../kit/list/listState.ts';
import { RECORD_TYPE_LIST } from '../../records/registry.ts';

export const PERIODS = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last quarter (90 days)', days: 90 },
  { value: '182d', label: 'Last 6 months', days: 182 },
  { value: '365d', label: 'Last 12 months', days: 365 },
] as const;
export const DEFAULT_PERIOD = '90d';

export const REPORT_SPEC = {
  period: 'one',
  serviceId: 'one',
  customerId: 'one',
  groupId: 'one',
  assigneeId: 'one',
  priority: 'one',
  type: 'many',
} as const satisfies FilterSpec;

/** The period as instants: whole UTC days ending with today. */
export function periodWindow(period: string, today = new Date()): { from: string; to: string } {
  const days = PERIODS.find((p) => p.value === period)?.days ?? 90;
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

export function reportQuery<S extends typeof REPORT_SPEC>(state: ListState<S>): Record<string, string> {
  const { period, ...rest } = state.query;
  return { ...rest, ...periodWindow(period || DEFAULT_PERIOD) };
}

export function useReportFilters<S extends FilterSpec = typeof REPORT_SPEC>(
  spec: S = REPORT_SPEC as unknown as S,
) {
  const state = useListState(spec, { sort: 'at', order: 'desc' });
  // Query keys compare by value, so a fresh object each render refetches nothing.
  const query = reportQuery(state as unknown as ListState<typeof REPORT_SPEC>);
  return { state, query };
}

const PRIORITIES = [1, 2, 3, 4, 5].map((p) => ({ value: String(p), label: `P${p}` }));
const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p.value, label: p.label }));
const DEFAULT_PERIOD_LABEL = PERIODS.find((p) => p.value === DEFAULT_PERIOD)!.label;

type CutProps<S extends FilterSpec> = { state: ListState<S> };

/** The period preset; left empty it is the default quarter. */
export function PeriodFilter<S extends FilterSpec & { period: 'one' }>({ state }: CutProps<S>) {
  return (
    <SelectFilter
      state={state}
      name="period"
      label="Period"
      placeholder={DEFAULT_PERIOD_LABEL}
      data={PERIOD_OPTIONS}
    />
  );
}

export function ServiceFilter<S extends FilterSpec & { serviceId: 'one' }>({
  state,
  placeholder,
}: CutProps<S> & { placeholder?: string }) {
  const services = useServiceChoices();
  return (
    <SelectFilter
      state={state}
      name="serviceId"
      label="Service"
      placeholder={placeholder}
      data={namedOptions(services.data?.items)}
    />
  );
}

/** The customer organisations (not the suppliers). */
export function CustomerFilter<S extends FilterSpec & { customerId: 'one' }>({ state }: CutProps<S>) {
  const customers = useOrganisations();
  return (
    <SelectFilter
      state={state}
      name="customerId"
      label="Customer"
      data={(customers.data ?? []).filter((o) => o.kind === 'customer').map(namedOption)}
    />
  );
}

export function ReportFilterBar<S extends typeof REPORT_SPEC>({ state }: { state: ListState<S> }) {
  const groups = useGroups();
  return (
    <FilterBar state={state}>
      <PeriodFilter state={state} />
      <ServiceFilter state={state} />
      <CustomerFilter state={state} />
      <SelectFilter state={state} name="groupId" label="Group" data={namedOptions(groups.data)} />
      <UserFilter state={state} name="assigneeId" label="Agent" />
      <SelectFilter state={state} name="priority" label="Priority" data={PRIORITIES} />
      <MultiFilter
        state={state}
        name="type"
        label="Record type"
        data={RECORD_TYPE_LIST.map((t) => ({ value: t.key, label: t.label }))}
      />
    </FilterBar>
  );
}
