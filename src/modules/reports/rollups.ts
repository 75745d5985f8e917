/**
 * Reading KPIs from the rollups. The rollups (`report_rollups`, plus the signed rows in
 * `report_rollup_deltas` not yet folded into it) hold, per source, UTC day (or hour) and kept
 * dimension, the number of facts, those with a measure, the measures' exact sum and the hits;
 * triggers on the source tables keep them in the writing transaction (migration
 * `report_rollups`, docs/reporting.md). A KPI that declares a rollup is read from it when the
 * question fits — whole UTC days, only the dimensions it keeps, no median — plus its residual
 * (population rows that are not rolled up, such as clocks still running) computed directly, in
 * the same statement; anything else is computed from the population as before. The numbers are
 * the ones the population gives: counts and rates exactly, means up to the rounding of the sum.
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Dimension, KpiFilter } from '../../contracts/reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { type Fold, foldDeltas } from '../../db/fold.ts';
import type { Window } from '../../domain/reports/kpi.ts';
import { DAY_MS } from '../../shared/time.ts';
import type { KpiDefinition, PopulationWindow } from './catalog.ts';

export type RollupDim = 'type' | 'service' | 'priority' | 'band';

export type RollupSpec = {
  /** The source whose facts carry the KPI: its count, measure and hits. */
  source: string;
  /** The dimensions the source keeps: filters and cuts on others go to the population. */
  dims: readonly RollupDim[];
  /** The same facts by UTC hour, for the weekday × hour heat map. */
  hourly?: string;
  /** A snapshot (the backlog): facts of `source` opened and of `ended` closed before the instant. */
  ended?: string;
  /** Only facts of this band (the KPI's metric). */
  band?: string;
  /** Count the facts that missed (hits are kept targets). */
  misses?: boolean;
  /** Population rows the rollup leaves out, added directly. */
  residual?: (w: PopulationWindow) => SQL;
};

const DIM_COLUMN: Record<RollupDim, SQL> = {
  type: sql`r.type`,
  service: sql`r.service_id::text`,
  priority: sql`r.priority::text`,
  band: sql`r.band`,
};

const wholeDays = (w: Window) => w.from.getTime() % DAY_MS === 0 && w.to.getTime() % DAY_MS === 0;

/** Every offset of the zone over the window is whole hours (so UTC hours map onto its hours). */
function wholeHourZone(tz: string, w: Window): boolean {
  if (tz === 'UTC') return true;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
  for (let t = w.from.getTime(); t <= w.to.getTime() + DAY_MS; t += 7 * DAY_MS) {
    const name = fmt.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /GMT(?:[+-]\d{2}:(\d{2}))?$/.exec(name);
    if (!m || (m[1] && m[1] !== '00')) return false;
  }
  return true;
}

export type RollupUse = { spec: RollupSpec; source: string };

/** Off, every KPI is computed from its population (the tests compare the two ways). */
export const rollupSettings = { enabled: true };

/**
 * The rollup that answers this question about the KPI, or null when the population must: the
 * window is not whole UTC days, a filter or cut is on a dimension the rollup does not keep, or
 * the aggregate is a median.
 */
export function rollupFor(
  d: KpiDefinition,
  f: KpiFilter,
  w: Window,
  cut?: Dimension | 'trend' | 'value',
): RollupUse | null {
  const spec = d.rollup;
  if (!spec || !rollupSettings.enabled || d.aggregate === 'median' || !wholeDays(w)) return null;
  const has = (dim: RollupDim) => spec.dims.includes(dim);
  const types = f.type?.length ? f.type : d.defaultTypes;
  if (types?.length && !has('type')) return null;
  if (f.serviceId && !has('service')) return null;
  if (f.priority && !has('priority')) return null;
  if (f.customerId || f.groupId || f.assigneeId) return null;
  if (cut === 'weekday_hour') {
    if (!spec.hourly || !wholeHourZone(f.tz ?? 'UTC', w)) return null;
    return { spec, source: spec.hourly };
  }
  if (cut && cut !== 'trend' && cut !== 'value' && !has(cut as RollupDim)) return null;
  if (spec.ended && cut && cut !== 'trend' && cut !== 'value') return null;
  return { spec, source: spec.source };
}

/** The rollup rows of a source matching the filter, with the deltas not yet folded in. */
function rollupRows(d: KpiDefinition, f: KpiFilter, sources: string[], cond: SQL): SQL {
  const spec = d.rollup!;
  const parts: SQL[] = [inArray(sql`r.source`, sources), cond];
  const types = f.type?.length ? f.type : d.defaultTypes;
  if (types?.length) parts.push(inArray(sql`r.type`, types));
  if (f.serviceId) parts.push(sql`r.service_id = ${f.serviceId}`);
  if (f.priority) parts.push(sql`r.priority = ${f.priority}`);
  if (spec.band) parts.push(sql`r.band = ${spec.band}`);
  const where = sql.join(parts, sql` and `);
  return sql`(select r.* from report_rollups r where ${where}
    union all select r.* from report_rollup_deltas r where ${where})`;
}

/** The KPI's value over the grouped facts, exactly as the population's aggregate computes it. */
function valueSql(d: KpiDefinition): SQL {
  switch (d.aggregate) {
    case 'count':
      return sql`sum(x.n)::float8`;
    case 'sum':
      return sql`coalesce(sum(x.sv), 0)::float8`;
    case 'mean':
      return sql`(sum(x.sv) / nullif(sum(x.nv), 0))::float8`;
    case 'rate':
      return sql`100.0 * sum(x.hits) / nullif(sum(x.n), 0)`;
    default:
      throw new Error(`no rollup for ${d.aggregate}`);
  }
}

/** The rows that count toward the KPI's n: with a measure for means and sums. */
const countSql = (d: KpiDefinition) =>
  d.aggregate === 'mean' || d.aggregate === 'sum' ? sql`sum(x.nv)` : sql`sum(x.n)`;

/**
 * The KPI aggregated over its rollup and its residual, grouped by `group` (SQL over `r.at` and
 * the dimensions for rollup rows, `residual` over the population `p`): columns `names`, value, n.
 */
export function rollupAggregate(
  d: KpiDefinition,
  f: KpiFilter,
  use: RollupUse,
  pw: PopulationWindow,
  group: { rollup: SQL; residual: SQL; names: string },
  residualWhere: SQL,
  nonEmpty = false,
): SQL {
  const spec = use.spec;
  const n = spec.misses ? sql`r.n - r.hits` : sql`r.n`;
  const hits = spec.misses ? sql`0::bigint` : sql`r.hits`;
  const rolled = sql`select ${group.rollup}, ${n} as n, r.nv, r.sv, ${hits} as hits
    from ${rollupRows(d, f, [use.source], sql`r.at >= ${pw.from} and r.at < ${pw.to}`)} r`;
  const residual = spec.residual
    ? sql` union all select ${group.residual}, 1::bigint as n, (p.v is not null)::int::bigint as nv,
        coalesce(p.v::numeric, 0) as sv, (p.hit is true)::int::bigint as hits
      from (${spec.residual(pw)}) p where ${residualWhere}`
    : sql``;
  return sql`select ${sql.raw(group.names)}, ${valueSql(d)} as value, ${countSql(d)} as n
      from (${rolled}${residual}) x group by ${sql.raw(group.names)}
      ${nonEmpty ? sql`having ${countSql(d)} <> 0` : sql``}`;
}

export async function aggregateRollup<T extends Record<string, unknown>>(
  db: Db,
  ...args: Parameters<typeof rollupAggregate>
): Promise<(T & { value: unknown; n: unknown })[]> {
  return queryRows(db, rollupAggregate(...args));
}

/** The column of a cut in rollup rows. */
export const rollupDimSql = (by: Dimension) => DIM_COLUMN[by as RollupDim];

/**
 * A snapshot KPI (the backlog) at each instant: facts opened before it less those ended before
 * it. Instants are whole UTC days, so a day's facts fall on one side of each.
 */
export async function snapshotCounts(
  db: Db,
  d: KpiDefinition,
  f: KpiFilter,
  instants: readonly Date[],
): Promise<Map<number, number>> {
  const spec = d.rollup!;
  const last = new Date(Math.max(...instants.map((t) => t.getTime())));
  const rows = await queryRows<{ at: Date | string; net: unknown }>(
    db,
    sql`select r.at, sum(case when r.source = ${spec.source} then r.n else -r.n end) as net
      from ${rollupRows(d, f, [spec.source, spec.ended!], sql`r.at < ${last}`)} r
      group by r.at order by r.at`,
  );
  const sorted = [...instants].map((t) => t.getTime()).sort((a, b) => a - b);
  const out = new Map<number, number>();
  let total = 0;
  let i = 0;
  for (const t of sorted) {
    while (i < rows.length && new Date(rows[i]!.at).getTime() < t) total += Number(rows[i++]!.net);
    out.set(t, total);
  }
  return out;
}

/** Fold once this many deltas have piled up. */
const FOLD_AFTER = 500;

const ROLLUP_FOLD: Fold = {
  // An arbitrary constant: the advisory lock one folder at a time holds.
  lock: 7_310_413,
  deltas: 'report_rollup_deltas',
  into: sql`insert into report_rollups (source, at, type, service_id, priority, band, n, nv, sv, hits)
    select source, at, type, service_id, priority, band, sum(n), sum(nv), sum(sv), sum(hits)
    from moved group by 1, 2, 3, 4, 5, 6
    on conflict on constraint report_rollups_key do update set n = report_rollups.n + excluded.n,
      nv = report_rollups.nv + excluded.nv, sv = report_rollups.sv + excluded.sv,
      hits = report_rollups.hits + excluded.hits`,
};

/**
 * Fold the deltas into the totals (db/fold.ts) when enough have piled up: the reports module's
 * job does, every minute, on whichever instance runs it. Totals that come to nothing stay
 * (readers skip them). Returns how many deltas were folded.
 */
export async function foldRollups(db: Db, force = false): Promise<number> {
  if (!force) {
    const [pending] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from report_rollup_deltas limit ${FOLD_AFTER}) d`,
    );
    if ((pending?.n ?? 0) < FOLD_AFTER) return 0;
  }
  return foldDeltas(db, ROLLUP_FOLD);
}
