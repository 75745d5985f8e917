/** KPI values in words, the same rules as the server's (src/domain/reports/kpi.ts, imported as values). */
import { formatKpiValue } from '../../../../src/domain/reports/kpi.ts';
import type { KpiDefinitionView } from '../../api/queries/reports.ts';

export const formatValue = (value: number | null, kpi: Pick<KpiDefinitionView, 'unit'>) =>
  formatKpiValue(value, kpi.unit);

export const RAG_COLORS = { green: 'teal', amber: 'yellow', red: 'red' } as const;
export const RAG_LABELS = { green: 'On target', amber: 'Near target', red: 'Off target' } as const;

export function changeText(changePercent: number | null): string {
  if (changePercent === null) return 'no previous value to compare';
  const rounded = Math.round(changePercent);
  return `${rounded >= 0 ? '+' : ''}${rounded}% on the previous period`;
}

export const CHART_LABELS = {
  value: 'Value with sparkline',
  trend: 'Trend line',
  bars: 'Bars by dimension',
  stacked: 'Stacked states over time',
  heatmap: 'Heat map by weekday and hour',
} as const;

/** The dimension a bar chart cuts a KPI by: age bands for the backlog, metric for breaches, else service. */
export function barDimension(kpi: Pick<KpiDefinitionView, 'key'>): string {
  if (kpi.key === 'backlog') return 'band';
  if (kpi.key.endsWith('_breaches')) return 'band';
  if (kpi.key === 'ci_completeness') return 'band';
  return 'service';
}
