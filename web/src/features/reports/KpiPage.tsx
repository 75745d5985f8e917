/**
 * One KPI: its definition, value against target and previous period, trend, a cut by any
 * dimension (chart and table, to CSV or XLSX), and the exact records behind the number in the
 * list kit (filters in the URL, saved views, columns, CSV export).
 */
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconBulb, IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { kpiCutOf, mayRaiseImprovement, raiseImprovementPath } from '../../api/queries/improvements.ts';
import { type DrillRow, kpiExportHref, useKpi, useKpiRecords } from '../../api/queries/reports.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { SelectFilter } from '../../kit/list/filters.tsx';
import { ListView } from '../../kit/list/ListView.tsx';
import { REPORT_SPEC, ReportFilterBar, useReportFilters } from './filters.tsx';
import { formatValue } from './format.ts';
import { BreakdownBars, TrendChart } from './KpiChart.tsx';
import { KpiHeadline } from './KpiWidget.tsx';

const DRILL_SPEC = { ...REPORT_SPEC, outcome: 'one', band: 'one', by: 'one' } as const;

const DIMENSIONS = [
  { value: 'service', label: 'Service' },
  { value: 'customer', label: 'Customer' },
  { value: 'group', label: 'Group' },
  { value: 'agent', label: 'Agent' },
  { value: 'priority', label: 'Priority' },
  { value: 'type', label: 'Type' },
  { value: 'band', label: 'Band' },
];

const COLUMNS: ListColumn<DrillRow>[] = [
  { key: 'number', label: 'Number', width: 120, render: (r) => r.number },
  { key: 'title', label: 'Title', render: (r) => r.title },
  { key: 'at', label: 'Counted at', width: 150, render: (r) => new Date(r.at).toLocaleString() },
  {
    key: 'outcome',
    label: 'Outcome',
    width: 90,
    render: (r) =>
      r.outcome === null ? (
        ''
      ) : (
        <Badge color={r.outcome === 'hit' ? 'teal' : 'red'} variant="light">
          {r.outcome === 'hit' ? 'Met' : 'Missed'}
        </Badge>
      ),
  },
  { key: 'measure', label: 'Measure', width: 120, render: (r) => r.formatted },
  { key: 'band', label: 'Band', width: 110, render: (r) => r.band ?? '', hidden: true },
  {
    key: 'priority',
    label: 'Priority',
    width: 80,
    render: (r) => (r.priority ? `P${r.priority}` : ''),
    hidden: true,
  },
  { key: 'service', label: 'Service', width: 140, render: (r) => r.service ?? '' },
  { key: 'group', label: 'Group', width: 150, render: (r) => r.group ?? '', hidden: true },
  { key: 'assignee', label: 'Assignee', width: 150, render: (r) => r.assignee ?? '', hidden: true },
  { key: 'customer', label: 'Customer', width: 150, render: (r) => r.customer ?? '', hidden: true },
  { key: 'state', label: 'State', width: 110, render: (r) => r.state ?? '', hidden: true },
];

export function KpiPage() {
  const { key = '' } = useParams();
  const me = useMe();
  const { state, query } = useReportFilters(DRILL_SPEC);
  const by = state.filters.by || 'service';
  const { outcome, band, by: _by, ...cut } = query;
  const result = useKpi(key, { ...cut, by });
  const drillQuery = { ...cut, ...(outcome ? { outcome } : {}), ...(band ? { band } : {}) };
  const records = useKpiRecords(key, drillQuery);
  if (result.isPending) return <PageLoader label="Computing the KPI" />;
  if (result.isError) return <ErrorState error={result.error} onRetry={() => result.refetch()} />;
  const r = result.data;
  const rate = r.kpi.aggregate === 'rate';
  return (
    <Stack gap="lg">
      <PageHeader
        title={r.kpi.label}
        description={r.kpi.definition}
        actions={
          <Group gap="xs">
            {mayRaiseImprovement(me) && (
              <Button
                component={Link}
                to={raiseImprovementPath({ kind: 'kpi', ref: key, cut: kpiCutOf(cut) })}
                leftSection={<IconBulb size={16} aria-hidden />}
                color={r.rag === 'red' ? 'orange' : undefined}
                variant={r.rag === 'red' ? 'filled' : 'default'}
              >
                Raise improvement
              </Button>
            )}
            <Button component={Link} to={`/reports${window.location.search}`} variant="default">
              KPI library
            </Button>
          </Group>
        }
      />
      <ReportFilterBar state={state} />
      <Paper p="md" withBorder>
        <Stack gap="sm">
          <KpiHeadline result={r} />
          <TrendChart result={r} h={220} />
        </Stack>
      </Paper>
      <Paper p="md" withBorder component="section" aria-label={`${r.kpi.label} by ${by}`}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              Cut by
            </Title>
            <SegmentedControl
              aria-label="Cut by"
              data={DIMENSIONS}
              value={by}
              onChange={(v) => state.set({ by: v })}
            />
          </Group>
          <BreakdownBars result={r} />
          <DataTable
            striped
            aria-label={`${r.kpi.label} by ${by} as a table`}
            columns={[DIMENSIONS.find((d) => d.value === by)?.label ?? '', r.kpi.label, 'Rows']}
          >
            {r.breakdown.map((b) => (
              <Table.Tr key={b.key ?? 'none'}>
                <Table.Td>{b.label}</Table.Td>
                <Table.Td>{formatValue(b.value, r.kpi)}</Table.Td>
                <Table.Td>{b.count}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={kpiExportHref(key, 'table', { ...cut, by, format })}
                download
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
              >
                Table as {format.toUpperCase()}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
      <Stack gap="xs" component="section" aria-label="Records behind the number">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Records behind the number
          </Title>
          <Button
            component="a"
            href={kpiExportHref(key, 'records', { ...drillQuery, format: 'xlsx' })}
            download
            variant="subtle"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            Export XLSX
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Exactly the rows the value is computed from{rate ? '; filter by outcome to see the misses' : ''}.
        </Text>
        <ListView
          listKey="kpi-records"
          label={`Records behind ${r.kpi.label}`}
          noun={['row', 'rows']}
          columns={COLUMNS}
          list={records}
          state={state}
          rowKey={(row) => `${row.id}-${row.at}-${row.band ?? ''}`}
          rowHref={(row) => row.href ?? '#'}
          rowLabel={(row) => row.number}
          filters={
            rate ? (
              <SelectFilter
                state={state}
                name="outcome"
                label="Outcome"
                data={[
                  { value: 'hit', label: 'Met' },
                  { value: 'miss', label: 'Missed' },
                ]}
              />
            ) : undefined
          }
          exportHref={() => kpiExportHref(key, 'records', { ...drillQuery, format: 'csv' })}
        />
      </Stack>
    </Stack>
  );
}
