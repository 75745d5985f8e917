/**
 * Computing a KPI from its declared population: filter by the cut, aggregate over the period and
 * the previous one (one statement), draw the trend, cut by a dimension, and list the rows behind
 * the number (keyset pages). Every KPI goes through these same functions.
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type {
  BreakdownRow,
  Dimension,
  DrillQuery,
  DrillRow,
  KpiDefinitionView,
  KpiFilter,
  KpiQuery,
  KpiResult,
} from '../../contracts/reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import {
  AGE_BANDS,
  bucketFor,
  bucketStarts,
  formatKpiValue,
  formatSeconds,
  percentChange,
  previousWindow,
  ragOf,
  type Window,
} from '../../domain/reports/kpi.ts';
import { isKnownTimeZone } from '../../domain/sla/zone.ts';
import { invalid, notFound } from '../../errors.ts';
import { isoDate } from '../../shared/time.ts';
import { type KpiDefinition, kpiDefinition, type PopulationWindow } from './catalog.ts';
import { aggregateRollup, rollupAggregate, rollupDimSql, rollupFor, snapshotCounts } from './rollups.ts';

const MAX_DAYS = 3 * 366;

export function checkWindow(f: Pick<KpiFilter, 'from' | 'to' | 'tz'>): Window {
  if (f.to.getTime() <= f.from.getTime())
    throw invalid(
      [{ field: 'query.to', message: 'must be after from' }],
      'The period ends before it starts.',
    );
  if (f.to.getTime() - f.from.getTime() > MAX_DAYS * 86_400_000)
    throw invalid(
      [{ field: 'query.from', message: 'at most three years' }],
      'The period is longer than three years.',
    );
  if (f.tz && !isKnownTimeZone(f.tz))
    throw invalid([{ field: 'query.tz', message: 'not an IANA time zone' }], `Unknown time zone ${f.tz}.`);
  return { from: f.from, to: f.to };
}

export function requireKpi(key: string): KpiDefinition {
  const def = kpiDefinition(key);
  if (!def) throw notFound('KPI', key);
  return def;
}

const typesCache = new Map<string, { at: number; exists: boolean }>();

/** Whether any record of the type exists (cached for a minute): KPIs of unbuilt processes wait for it. */
export async function typeHasRecords(db: Db, type: string): Promise<boolean> {
  const hit = typesCache.get(type);
  if (hit && Date.now() - hit.at < 60_000) return hit.exists;
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from records where type = ${type} limit 1`,
  );
  typesCache.set(type, { at: Date.now(), exists: rows.length > 0 });
  return rows.length > 0;
}

export async function presentDefinition(db: Db, d: KpiDefinition): Promise<KpiDefinitionView> {
  return {
    key: d.key,
    label: d.label,
    definition: d.definition,
    category: d.category,
    unit: d.unit,
    goodWhen: d.goodWhen,
    aggregate: d.aggregate,
    target: d.target.target,
    tolerance: d.target.tolerance,
    snapshot: d.snapshot ?? false,
    defaultTypes: [...(d.defaultTypes ?? [])],
    available: d.needsType ? await typeHasRecords(db, d.needsType) : true,
  };
}

function aggregateSql(d: KpiDefinition, filter?: SQL): SQL {
  const f = filter ? sql` filter (where ${filter})` : sql``;
  switch (d.aggregate) {
    case 'count':
      return sql`count(*)${f}::float8`;
    case 'mean':
      // Over the exact sum of the measures, rounded once: what the rollups give too.
      return sql`avg(p.v::numeric)${f}::float8`;
    case 'median':
      return sql`percentile_cont(0.5) within group (order by p.v)${f}`;
    case 'sum':
      return sql`coalesce(sum(p.v)${f}, 0)`;
    case 'rate':
      return filter
        ? sql`100.0 * count(*) filter (where ${filter} and p.hit) / nullif(count(*) filter (where ${filter}), 0)`
        : sql`100.0 * count(*) filter (where p.hit) / nullif(count(*), 0)`;
  }
}

/** Rows that count toward n: with a measure, those that have one. */
const counted = (d: KpiDefinition) =>
  d.aggregate === 'mean' || d.aggregate === 'median' || d.aggregate === 'sum'
    ? sql`p.v is not null`
    : sql`true`;

function whereOf(d: KpiDefinition, f: KpiFilter): SQL {
  const parts: SQL[] = [counted(d)];
  const types = f.type?.length ? f.type : d.defaultTypes;
  if (types?.length && d.key !== 'ci_completeness') parts.push(inArray(sql`p.type`, types));
  if (f.serviceId) parts.push(sql`p.service_id = ${f.serviceId}`);
  if (f.customerId) parts.push(sql`p.customer_id = ${f.customerId}`);
  if (f.groupId) parts.push(sql`p.group_id = ${f.groupId}`);
  if (f.assigneeId) parts.push(sql`p.assignee_id = ${f.assigneeId}`);
  if (f.priority) parts.push(sql`p.priority = ${f.priority}`);
  return sql.join(parts, sql` and `);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

type Aggregated = { value: number | null; count: number };

/** The KPI over one window (snapshot KPIs at its end). */
async function aggregateOver(
  db: Db,
  d: KpiDefinition,
  f: KpiFilter,
  w: PopulationWindow,
): Promise<Aggregated> {
  const [row] = await queryRows<{ value: unknown; n: unknown }>(
    db,
    sql`select ${aggregateSql(d)} as value, count(*) as n from (${d.population(w)}) p where ${whereOf(d, f)}`,
  );
  return { value: num(row?.value), count: Number(row?.n ?? 0) };
}

/** The KPI over the window and the previous one, in one statement for event KPIs. */
async function valueAndPrevious(
  db: Db,
  d: KpiDefinition,
  f: KpiFilter,
  w: Window,
  now: Date,
): Promise<{ current: Aggregated; previous: Aggregated }> {
  const prev = previousWindow(w);
  const use = rollupFor(d, f, w, 'value');
  if (use?.spec.ended) {
    const counts = await snapshotCounts(db, d, f, [w.to, prev.to]);
    const at = (t: Date) => {
      const n = counts.get(t.getTime()) ?? 0;
      return { value: n, count: n };
    };
    return { current: at(w.to), previous: at(prev.to) };
  }
  if (use && !d.snapshot) {
    const rows = await aggregateRollup<{ cur: boolean }>(
      db,
      d,
      f,
      use,
      { from: prev.from, to: w.to, now },
      { rollup: sql`(r.at >= ${w.from}) as cur`, residual: sql`(p.at >= ${w.from}) as cur`, names: 'cur' },
      whereOf(d, f),
    );
    const part = (cur: boolean): Aggregated => {
      const r = rows.find((x) => x.cur === cur);
      return r
        ? { value: num(r.value), count: Number(r.n ?? 0) }
        : { value: d.aggregate === 'count' || d.aggregate === 'sum' ? 0 : null, count: 0 };
    };
    return { current: part(true), previous: part(false) };
  }
  if (d.snapshot) {
    const [current, previous] = await Promise.all([
      aggregateOver(db, d, f, { ...w, now }),
      aggregateOver(db, d, f, { ...prev, now }),
    ]);
    return { current, previous };
  }
  const inCurrent = sql`p.at >= ${w.from}`;
  const inPrevious = sql`p.at < ${w.from}`;
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${aggregateSql(d, inCurrent)} as cur, count(*) filter (where ${inCurrent}) as cur_n,
      ${aggregateSql(d, inPrevious)} as prev, count(*) filter (where ${inPrevious}) as prev_n
    from (${d.population({ from: prev.from, to: w.to, now })}) p where ${whereOf(d, f)}`,
  );
  return {
    current: { value: num(row?.cur), count: Number(row?.cur_n ?? 0) },
    previous: { value: num(row?.prev), count: Number(row?.prev_n ?? 0) },
  };
}

/** Dimension → the population column and how its keys are named. */
const DIMENSION_SQL: Record<Exclude<Dimension, 'weekday_hour'>, { key: SQL; label: SQL }> = {
  service: { key: sql`p.service_id::text`, label: sql`(select name from cis where id = p.service_id)` },
  customer: {
    key: sql`p.customer_id::text`,
    label: sql`(select name from organisations where id = p.customer_id)`,
  },
  group: { key: sql`p.group_id::text`, label: sql`(select name from groups where id = p.group_id)` },
  agent: { key: sql`p.assignee_id::text`, label: sql`(select name from users where id = p.assignee_id)` },
  priority: { key: sql`p.priority::text`, label: sql`'P' || p.priority::text` },
  type: { key: sql`p.type`, label: sql`p.type` },
  state: { key: sql`p.state`, label: sql`p.state` },
  band: { key: sql`p.band`, label: sql`p.band` },
};

const BAND_LABELS: Record<string, string> = Object.fromEntries(AGE_BANDS.map((b) => [b.key, b.label]));
const NONE_LABEL: Record<string, string> = {
  service: 'No service',
  customer: 'No customer',
  group: 'No group',
  agent: 'Unassigned',
  priority: 'No priority',
  type: 'No type',
  state: 'No state',
  band: 'Other',
};
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

async function breakdown(
  db: Db,
  d: KpiDefinition,
  f: KpiFilter,
  w: PopulationWindow,
  by: Dimension,
): Promise<BreakdownRow[]> {
  const pop = d.population(w);
  const where = whereOf(d, f);
  const use = rollupFor(d, f, w, by);
  if (use && by === 'weekday_hour') {
    const tz = f.tz ?? 'UTC';
    const rows = await aggregateRollup<{ dow: number; hour: number }>(
      db,
      d,
      f,
      use,
      w,
      {
        rollup: sql`extract(isodow from r.at at time zone ${tz})::int as dow, extract(hour from r.at at time zone ${tz})::int as hour`,
        residual: sql`extract(isodow from p.at at time zone ${tz})::int as dow, extract(hour from p.at at time zone ${tz})::int as hour`,
        names: 'dow, hour',
      },
      where,
      true,
    );
    return rows
      .sort((a, b) => a.dow - b.dow || a.hour - b.hour)
      .map((r) => ({
        key: `${r.dow}-${r.hour}`,
        label: `${WEEKDAYS[r.dow - 1]} ${String(r.hour).padStart(2, '0')}:00`,
        value: num(r.value),
        count: Number(r.n),
      }));
  }
  if (use && by !== 'weekday_hour') {
    const dim = DIMENSION_SQL[by];
    const grouped = rollupAggregate(
      d,
      f,
      use,
      w,
      { rollup: sql`${rollupDimSql(by)} as key`, residual: sql`${dim.key} as key`, names: 'key' },
      where,
      true,
    );
    const label =
      by === 'service'
        ? sql`(select name from cis where id = k.key::uuid)`
        : by === 'priority'
          ? sql`'P' || k.key`
          : sql`k.key`;
    return cutRows(
      by,
      await queryRows<{ key: string | null; label: string | null; value: unknown; n: unknown }>(
        db,
        sql`select k.key, ${label} as label, k.value, k.n from (${grouped}) k order by k.n desc, k.key limit 50`,
      ),
    );
  }
  if (by === 'weekday_hour') {
    const tz = f.tz ?? 'UTC';
    const rows = await queryRows<{ dow: number; hour: number; value: unknown; n: unknown }>(
      db,
      sql`select extract(isodow from p.at at time zone ${tz})::int as dow, extract(hour from p.at at time zone ${tz})::int as hour,
        ${aggregateSql(d)} as value, count(*) as n
      from (${pop}) p where ${where} group by 1, 2 order by 1, 2`,
    );
    return rows.map((r) => ({
      key: `${r.dow}-${r.hour}`,
      label: `${WEEKDAYS[r.dow - 1]} ${String(r.hour).padStart(2, '0')}:00`,
      value: num(r.value),
      count: Number(r.n),
    }));
  }
  const dim = DIMENSION_SQL[by];
  const rows = await queryRows<{ key: string | null; label: string | null; value: unknown; n: unknown }>(
    db,
    sql`select k.key, k.label, k.value, k.n from (
        select ${dim.key} as key, min(${dim.label}) as label, ${aggregateSql(d)} as value, count(*) as n
        from (${pop}) p where ${where} group by 1
      ) k order by k.n desc, k.key limit 50`,
  );
  return cutRows(by, rows);
}

function cutRows(
  by: Dimension,
  rows: { key: string | null; label: string | null; value: unknown; n: unknown }[],
): BreakdownRow[] {
  return rows.map((r) => ({
    key: r.key,
    label:
      r.key === null
        ? NONE_LABEL[by]!
        : by === 'band'
          ? (BAND_LABELS[r.key] ?? r.label ?? r.key)
          : (r.label ?? r.key),
    value: num(r.value),
    count: Number(r.n),
  }));
}

async function trend(
  db: Db,
  d: KpiDefinition,
  f: KpiFilter,
  w: Window,
  now: Date,
  split: Dimension | undefined,
): Promise<{ points: KpiResult['trend']; series: KpiResult['series']; bucket: KpiResult['bucket'] }> {
  const bucket = bucketFor(w);
  const starts = bucketStarts(w, bucket);
  const use = rollupFor(d, f, w, 'trend');
  if (d.snapshot && use?.spec.ended) {
    const ends = starts.map((_, i) => starts[i + 1] ?? w.to);
    const counts = await snapshotCounts(db, d, f, ends);
    const points = starts.map((start, i) => {
      const n = counts.get(ends[i]!.getTime()) ?? 0;
      return { at: start.toISOString(), value: n, count: n };
    });
    return { points, series: [], bucket };
  }
  if (d.snapshot) {
    // A snapshot KPI is taken at the end of each bucket.
    const points = await Promise.all(
      starts.map(async (start, i) => {
        const end = starts[i + 1] ?? w.to;
        const a = await aggregateOver(db, d, f, { from: start, to: end, now });
        return { at: start.toISOString(), value: a.value, count: a.count };
      }),
    );
    return { points, series: [], bucket };
  }
  const pw = { ...w, now };
  const where = whereOf(d, f);
  const rows = use
    ? await aggregateRollup<{ b: Date | string }>(
        db,
        d,
        f,
        use,
        pw,
        {
          rollup: sql`date_trunc(${bucket}, r.at at time zone 'UTC') as b`,
          residual: sql`date_trunc(${bucket}, p.at at time zone 'UTC') as b`,
          names: 'b',
        },
        where,
      )
    : await queryRows<{ b: Date | string; value: unknown; n: unknown }>(
        db,
        sql`select date_trunc(${bucket}, p.at at time zone 'UTC') as b, ${aggregateSql(d)} as value, count(*) as n
      from (${d.population(pw)}) p where ${where} group by 1`,
      );
  const key = (b: Date | string) => (typeof b === 'string' ? `${b.slice(0, 10)}` : isoDate(b));
  const byBucket = new Map(rows.map((r) => [key(r.b), r]));
  let series: KpiResult['series'] = [];
  const splitValues = new Map<string, Record<string, number>>();
  if (split && split !== 'weekday_hour') {
    const top = (await breakdown(db, d, f, pw, split)).slice(0, 6);
    series = top.map((t) => ({ key: t.key ?? 'none', label: t.label }));
    const dim = DIMENSION_SQL[split];
    const splitUse = rollupFor(d, f, w, split);
    const splitRows = splitUse
      ? await aggregateRollup<{ b: Date | string; k: string | null }>(
          db,
          d,
          f,
          splitUse,
          pw,
          {
            rollup: sql`date_trunc(${bucket}, r.at at time zone 'UTC') as b, ${rollupDimSql(split)} as k`,
            residual: sql`date_trunc(${bucket}, p.at at time zone 'UTC') as b, ${dim.key} as k`,
            names: 'b, k',
          },
          where,
          true,
        )
      : await queryRows<{ b: Date | string; k: string | null; value: unknown }>(
          db,
          sql`select date_trunc(${bucket}, p.at at time zone 'UTC') as b, ${dim.key} as k, ${aggregateSql(d)} as value
        from (${d.population(pw)}) p where ${where} group by 1, 2`,
        );
    const wanted = new Set(series.map((s) => s.key));
    for (const r of splitRows) {
      const k = r.k ?? 'none';
      if (!wanted.has(k)) continue;
      const m = splitValues.get(key(r.b)) ?? {};
      m[k] = num(r.value) ?? 0;
      splitValues.set(key(r.b), m);
    }
  }
  const points = starts.map((s) => {
    const r = byBucket.get(isoDate(s));
    const value = r ? num(r.value) : d.aggregate === 'count' || d.aggregate === 'sum' ? 0 : null;
    return {
      at: s.toISOString(),
      value,
      count: r ? Number(r.n) : 0,
      ...(split ? { series: splitValues.get(isoDate(s)) ?? {} } : {}),
    };
  });
  return { points, series, bucket };
}

/** The KPI over the query's period; `trend: false` leaves the trend out (a report's figure). */
export async function computeKpi(
  db: Db,
  key: string,
  q: KpiQuery,
  now: Date,
  opts: { trend?: boolean } = {},
): Promise<KpiResult> {
  const d = requireKpi(key);
  const w = checkWindow(q);
  const view = await presentDefinition(db, d);
  const [{ current, previous }, tr, cut] = await Promise.all([
    valueAndPrevious(db, d, q, w, now),
    opts.trend === false
      ? Promise.resolve({ points: [], series: [], bucket: bucketFor(w) })
      : trend(db, d, q, w, now, q.split),
    q.by ? breakdown(db, d, q, { ...w, now }, q.by) : Promise.resolve([]),
  ]);
  return {
    kpi: view,
    value: current.value,
    count: current.count,
    previous: previous.value,
    previousCount: previous.count,
    changePercent: percentChange(current.value, previous.value),
    rag: ragOf(current.value, d.target, d.goodWhen),
    formatted: formatKpiValue(current.value, d.unit),
    bucket: tr.bucket,
    trend: tr.points,
    series: tr.series,
    breakdown: cut,
  };
}

const TYPE_PATHS: Record<string, string> = {
  incident: '/incidents',
  problem: '/problems',
  request: '/requests',
  request_task: '/tasks',
  change: '/changes',
  article: '/knowledge',
};

type DrillDbRow = {
  record_id: string;
  at: Date | string;
  v: unknown;
  hit: boolean | null;
  band: string | null;
  type: string;
  state: string | null;
  priority: number | null;
  number: string | null;
  title: string | null;
  service: string | null;
  grp: string | null;
  assignee: string | null;
  customer: string | null;
};

/** The rows behind a KPI's value, newest first, in keyset pages. */
export async function drillDown(
  db: Db,
  key: string,
  q: DrillQuery,
  now: Date,
): Promise<{ items: DrillRow[]; nextCursor: string | null }> {
  const d = requireKpi(key);
  const w = checkWindow(q);
  const parts: SQL[] = [whereOf(d, q)];
  if (q.outcome) parts.push(q.outcome === 'hit' ? sql`p.hit` : sql`not p.hit`);
  if (q.band) parts.push(sql`p.band = ${q.band}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']);
    parts.push(sql`(p.at, p.record_id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const pageOf = (population: SQL) =>
    queryRows<DrillDbRow>(
      db,
      sql`select p.record_id, p.at, p.v, p.hit, p.band, p.type, p.state, p.priority,
        coalesce(rr.number, ci.name, ka.number) as number, coalesce(rr.title, ci.description, ka.title) as title,
        (select name from cis where id = p.service_id) as service,
        (select name from groups where id = p.group_id) as grp,
        (select name from users where id = p.assignee_id) as assignee,
        (select name from organisations where id = p.customer_id) as customer
      from (${population}) p
      left join records rr on rr.id = p.record_id
      left join cis ci on ci.id = p.record_id and rr.id is null
      left join knowledge_articles ka on ka.id = p.record_id and p.type = 'article'
      where ${sql.join(parts, sql` and `)}
      order by p.at desc, p.record_id desc
      limit ${q.limit + 1}`,
    );
  // A population made of disjoint parts is paged part by part, each in its own index order, and
  // the pages merged: the same rows in the same order as one statement over their union.
  const pw = { ...w, now };
  const rows = d.parts
    ? (await Promise.all(d.parts(pw).map(pageOf)))
        .flat()
        .sort(
          (x, y) =>
            new Date(y.at).getTime() - new Date(x.at).getTime() ||
            (x.record_id < y.record_id ? 1 : x.record_id > y.record_id ? -1 : 0),
        )
        .slice(0, q.limit + 1)
    : await pageOf(d.population(pw));
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const items: DrillRow[] = page.map((r) => {
    const at = new Date(r.at);
    const value = num(r.v);
    return {
      id: r.record_id,
      number: r.number ?? r.record_id,
      title: r.title ?? '',
      type: r.type,
      state: r.state,
      priority: r.priority,
      service: r.service,
      group: r.grp,
      assignee: r.assignee,
      customer: r.customer,
      at: at.toISOString(),
      value,
      formatted:
        value === null
          ? ''
          : d.unit !== 'seconds'
            ? formatKpiValue(value, d.unit)
            : value < 0
              ? `${formatSeconds(-value)} to spare`
              : formatSeconds(value),
      outcome: r.hit === null ? null : r.hit ? 'hit' : 'miss',
      band: r.band,
      href:
        r.type === 'ci'
          ? `/cmdb/cis/${r.record_id}`
          : TYPE_PATHS[r.type]
            ? `${TYPE_PATHS[r.type]}/${r.number}`
            : null,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: more && last ? encodeCursor([new Date(last.at).toISOString(), last.record_id]) : null,
  };
}

/**
 * A KPI's value and count over one window, without trend or comparison: what other modules
 * measure with (an improvement's before and after, a KPI's months when looking for a red streak).
 */
export async function kpiValueOver(
  db: Db,
  key: string,
  f: Omit<KpiFilter, 'from' | 'to'>,
  w: Window,
  now: Date,
): Promise<{ value: number | null; count: number }> {
  const d = requireKpi(key);
  checkWindow({ ...w, tz: undefined });
  return aggregateOver(db, d, { ...f, ...w }, { ...w, now });
}
