/**
 * The time report: the time logged in a period, grouped by service, customer, group, agent or
 * record type, billable and in all, in the list kit's table (sortable; a row opens the effort
 * KPI cut the same way) with the totals and a CSV download.
 */
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { TIME_REPORT_DIMENSIONS, type TimeReportDimension } from '../../../../src/contracts/time-tracking.ts';
import { formatMinutes } from '../../../../src/domain/time/duration.ts';
import { type TimeReport, useTimeReport } from '../../api/queries/time.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { FilterBar, SelectFilter } from '../../kit/list/filters.tsx';
import { ListTable } from '../../kit/list/ListTable.tsx';
import { type SortState, useListState } from '../../kit/list/listState.ts';
import { optionsOf } from '../../lib/labels.ts';
import { Downloads } from './Downloads.tsx';
import { DEFAULT_PERIOD, PeriodFilter, periodWindow } from './filters.tsx';

type Row = TimeReport['rows'][number];

const BY_LABELS: Record<TimeReportDimension, string> = {
  service: 'Service',
  customer: 'Customer',
  group: 'Group',
  agent: 'Agent',
  type: 'Record type',
};
/** The effort KPI's filter for each grouping, so a row opens the KPI cut the same way. */
const KPI_FILTER: Record<TimeReportDimension, string> = {
  service: 'serviceId',
  customer: 'customerId',
  group: 'groupId',
  agent: 'assigneeId',
  type: 'type',
};

const SPEC = { period: 'one', by: 'one' } as const;
const DEFAULT_SORT: SortState = { sort: 'total', order: 'desc' };

const SORTS: Record<string, (r: Row) => number | string> = {
  label: (r) => r.label.toLowerCase(),
  total: (r) => r.totalMinutes,
  billable: (r) => r.billableMinutes,
  entries: (r) => r.entries,
  records: (r) => r.records,
};

function sortRows(rows: Row[], s: SortState): Row[] {
  const key = SORTS[s.sort] ?? SORTS.total!;
  const dir = s.order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
}

function columns(by: TimeReportDimension): ListColumn<Row>[] {
  return [
    { key: 'label', label: BY_LABELS[by], sort: 'label', firstOrder: 'asc', render: (r) => r.label },
    { key: 'total', label: 'Total', width: 110, sort: 'total', render: (r) => formatMinutes(r.totalMinutes) },
    {
      key: 'billable',
      label: 'Billable',
      width: 110,
      sort: 'billable',
      render: (r) => formatMinutes(r.billableMinutes),
    },
    { key: 'share', label: 'Share', width: 90, render: (r) => `${r.share.toFixed(1)} %` },
    { key: 'entries', label: 'Entries', width: 100, sort: 'entries', render: (r) => r.entries },
    { key: 'records', label: 'Records', width: 100, sort: 'records', render: (r) => r.records },
  ];
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

export function TimeReportPage() {
  const state = useListState(SPEC, DEFAULT_SORT);
  const by = (TIME_REPORT_DIMENSIONS as readonly string[]).includes(state.filters.by)
    ? (state.filters.by as TimeReportDimension)
    : 'service';
  const period = state.filters.period || DEFAULT_PERIOD;
  const query = { ...periodWindow(period), by };
  const report = useTimeReport(query);
  const sort: SortState = { sort: state.sort, order: state.order };
  const rowHref = (r: Row) => {
    const p = new URLSearchParams({ period });
    if (r.key !== null) p.set(KPI_FILTER[by], r.key);
    return `/reports/kpis/effort?${p.toString()}`;
  };
  return (
    <Stack gap="md">
      <PageHeader
        title="Time report"
        description="The time logged on records in the period (by when the work started), billable and in all, grouped as you choose. A row opens the effort KPI cut the same way."
        actions={<Downloads path="/time/report" query={query} formats={['csv']} />}
      />
      <FilterBar state={state}>
        <PeriodFilter state={state} />
        <SelectFilter
          state={state}
          name="by"
          label="Group by"
          placeholder={BY_LABELS.service}
          data={optionsOf(TIME_REPORT_DIMENSIONS, BY_LABELS)}
        />
      </FilterBar>
      <Loaded query={report} label="Adding up the time">
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure label="Total" value={formatMinutes(data.totalMinutes)} />
              <Figure label="Billable" value={formatMinutes(data.billableMinutes)} />
              <Figure label="Entries" value={data.entries.toLocaleString('en')} />
            </SimpleGrid>
            {data.rows.length === 0 ? (
              <EmptyState title="No time was logged in this period" />
            ) : (
              <Group grow>
                <ListTable
                  label={`Time by ${BY_LABELS[by].toLowerCase()}`}
                  columns={columns(by)}
                  rows={sortRows(data.rows, sort)}
                  rowKey={(r) => r.key ?? 'none'}
                  rowHref={rowHref}
                  rowLabel={(r) => r.label}
                  sort={sort}
                  onSort={state.setSort}
                  activeIndex={-1}
                />
              </Group>
            )}
          </>
        )}
      </Loaded>
    </Stack>
  );
}
