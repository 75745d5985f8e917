/** Reporting's use cases with their permission checks: KPI definitions, values, drill-downs and their tables. */

import type { AppContext } from '../../context.ts';
import type { DrillQuery, KpiDefinitionView, KpiQuery, KpiResult } from '../../contracts/reports.ts';
import { formatKpiValue } from '../../domain/reports/kpi.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid } from '../../errors.ts';
import { kpiDefinitions } from './catalog.ts';
import { computeKpi, drillDown, presentDefinition, requireKpi } from './engine.ts';
import type { Table } from './exports.ts';

export function assertMayReport(actor: Actor): void {
  if (!can(actor, 'report.read')) throw forbidden('Reports and KPIs are for the IT organisation.');
}

export async function listKpis(ctx: AppContext, actor: Actor): Promise<KpiDefinitionView[]> {
  assertMayReport(actor);
  return Promise.all(kpiDefinitions().map((d) => presentDefinition(ctx.db, d)));
}

export async function kpiValue(ctx: AppContext, actor: Actor, key: string, q: KpiQuery): Promise<KpiResult> {
  assertMayReport(actor);
  return computeKpi(ctx.db, key, q, ctx.clock.now());
}

export async function kpiValues(
  ctx: AppContext,
  actor: Actor,
  keys: readonly string[],
  q: KpiQuery,
): Promise<KpiResult[]> {
  assertMayReport(actor);
  const unique = [...new Set(keys)];
  if (unique.length > 12) throw invalid([{ field: 'query.keys', message: 'at most 12 KPIs at once' }]);
  for (const k of unique) requireKpi(k);
  return Promise.all(unique.map((k) => computeKpi(ctx.db, k, q, ctx.clock.now())));
}

export async function kpiRecords(ctx: AppContext, actor: Actor, key: string, q: DrillQuery) {
  assertMayReport(actor);
  return drillDown(ctx.db, key, q, ctx.clock.now());
}

const EXPORT_MAX_ROWS = 100_000;

/** Every row behind a KPI (up to 100 000) as a table. */
export async function kpiRecordsTable(
  ctx: AppContext,
  actor: Actor,
  key: string,
  q: DrillQuery,
): Promise<Table> {
  assertMayReport(actor);
  const d = requireKpi(key);
  const rows: Table['rows'] = [];
  let cursor: string | undefined;
  do {
    const page = await drillDown(ctx.db, key, { ...q, limit: 200, cursor }, ctx.clock.now());
    for (const r of page.items)
      rows.push([
        r.number,
        r.title,
        r.type,
        r.state,
        r.priority,
        r.service,
        r.customer,
        r.group,
        r.assignee,
        r.at,
        r.value === null ? null : Math.round(r.value),
        r.outcome === null ? null : r.outcome === 'hit' ? 'met' : 'missed',
        r.band,
      ]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  return {
    title: d.label,
    columns: [
      'Number',
      'Title',
      'Type',
      'State',
      'Priority',
      'Service',
      'Customer',
      'Group',
      'Assignee',
      'Counted at',
      'Measure (seconds)',
      'Outcome',
      'Band',
    ],
    rows,
  };
}

/** A KPI cut by a dimension (or its trend when no dimension is named), as a table. */
export async function kpiTable(ctx: AppContext, actor: Actor, key: string, q: KpiQuery): Promise<Table> {
  const r = await kpiValue(ctx, actor, key, q);
  const fmt = (v: number | null) => formatKpiValue(v, r.kpi.unit);
  if (q.by)
    return {
      title: `${r.kpi.label} by ${q.by}`,
      columns: [q.by, r.kpi.label, 'Formatted', 'Rows'],
      rows: r.breakdown.map((b) => [b.label, b.value, fmt(b.value), b.count]),
    };
  return {
    title: r.kpi.label,
    columns: ['Period starting', r.kpi.label, 'Formatted', 'Rows'],
    rows: [
      ...r.trend.map((p) => [p.at.slice(0, 10), p.value, fmt(p.value), p.count] as Table['rows'][number]),
      ['Whole period', r.value, r.formatted, r.count],
      ['Previous period', r.previous, fmt(r.previous), r.previousCount],
    ],
  };
}
