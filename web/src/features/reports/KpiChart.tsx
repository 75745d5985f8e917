/**
 * The charts of a KPI widget (Mantine charts): a trend line, bars by a dimension, bars stacked
 * by state over time, and a heat map of weekday × hour (a table of shaded cells, readable by
 * screen readers as a table).
 */
import { BarChart, LineChart, Sparkline } from '@mantine/charts';
import { Box, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/** A chart as a labelled figure: charts themselves may not carry a label. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="figure" m={0} aria-label={label}>
      {children}
    </Box>
  );
}

import type { KpiResult } from '../../api/queries/reports.ts';
import { formatValue } from './format.ts';

const day = (iso: string) => iso.slice(5, 10);

export function TrendChart({ result, h = 180 }: { result: KpiResult; h?: number }) {
  const data = result.trend.map((p) => ({ at: day(p.at), value: p.value }));
  return (
    <Figure label={`${result.kpi.label}: trend`}>
      <LineChart
        h={h}
        data={data}
        dataKey="at"
        series={[{ name: 'value', label: result.kpi.label, color: 'blue.6' }]}
        curveType="linear"
        connectNulls
        withDots={data.length < 20}
        referenceLines={[{ y: result.kpi.target, label: 'Target', color: 'gray.6' }]}
        valueFormatter={(v) => formatValue(v, result.kpi)}
      />
    </Figure>
  );
}

export function Spark({ result }: { result: KpiResult }) {
  const values = result.trend.map((p) => p.value ?? 0);
  if (values.length < 2) return null;
  return (
    <Figure label={`${result.kpi.label}: sparkline of the period`}>
      <Sparkline h={40} data={values} curveType="linear" color="blue" />
    </Figure>
  );
}

export function BreakdownBars({ result, h = 200 }: { result: KpiResult; h?: number }) {
  const data = result.breakdown.slice(0, 12).map((b) => ({ name: b.label, value: b.value ?? 0 }));
  if (data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing to cut in this period.
      </Text>
    );
  return (
    <Figure label={`${result.kpi.label} by ${result.breakdown.length} groups`}>
      <BarChart
        h={h}
        data={data}
        dataKey="name"
        series={[{ name: 'value', label: result.kpi.label, color: 'indigo.6' }]}
        valueFormatter={(v) => formatValue(v, result.kpi)}
      />
    </Figure>
  );
}

const SERIES_COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'gray.6'];

export function StackedBars({ result, h = 200 }: { result: KpiResult; h?: number }) {
  if (result.series.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing to stack in this period.
      </Text>
    );
  const data = result.trend.map((p) => ({ at: day(p.at), ...(p.series ?? {}) }));
  return (
    <Figure label={`${result.kpi.label} over time, stacked by state`}>
      <BarChart
        h={h}
        data={data}
        dataKey="at"
        type="stacked"
        withLegend
        series={result.series.map((s, i) => ({ name: s.key, label: s.label, color: SERIES_COLORS[i % 6]! }))}
      />
    </Figure>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function HeatMap({ result }: { result: KpiResult }) {
  const cells = new Map(result.breakdown.map((b) => [b.key, b]));
  const max = Math.max(1, ...result.breakdown.map((b) => b.count));
  return (
    <Table
      withRowBorders={false}
      horizontalSpacing={0}
      verticalSpacing={0}
      fz={10}
      style={{ tableLayout: 'fixed' }}
      aria-label={`${result.kpi.label} by weekday and hour`}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={34}>
            <VisuallyHidden>Weekday</VisuallyHidden>
          </Table.Th>
          {HOURS.map((h) => (
            <Table.Th key={h} ta="center" fw={400} c="dimmed">
              {h % 6 === 0 ? String(h).padStart(2, '0') : ''}
              {h % 6 !== 0 && <VisuallyHidden>{`${h}:00`}</VisuallyHidden>}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {WEEKDAYS.map((name, d) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" fw={500}>
              {name}
            </Table.Th>
            {HOURS.map((h) => {
              const cell = cells.get(`${d + 1}-${h}`);
              const n = cell?.count ?? 0;
              const label = `${name} ${String(h).padStart(2, '0')}:00: ${n}`;
              return (
                <Tooltip key={h} label={label} openDelay={200}>
                  <Table.Td
                    aria-label={label}
                    style={{
                      height: 16,
                      border: '1px solid var(--mantine-color-body)',
                      background:
                        n === 0
                          ? 'var(--mantine-color-gray-1)'
                          : `color-mix(in srgb, var(--mantine-color-blue-7) ${Math.round(15 + (85 * n) / max)}%, white)`,
                    }}
                  />
                </Tooltip>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
