/**
 * The KPI catalog: every KPI as a declaration — what it means (shown in the UI), its unit and
 * target, and the population of rows it is computed over, as SQL. A population row is one fact
 * about one record (a record raised, a clock met, an approval decided) with the instant it
 * counts at, its measure and the record's dimensions; the engine (engine.ts) filters, cuts,
 * compares, trends and drills down every KPI the same way. Declaring a KPI is all it takes to
 * add one (`defineKpi`); KPIs whose data does not exist yet (changes) say so instead of a value.
 *
 * Reporting reads the tables of other modules read-only, in SQL; it writes only its own.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { GoodWhen, KpiTarget, KpiUnit } from '../../domain/reports/kpi.ts';
import { AGE_BANDS } from '../../domain/reports/kpi.ts';
import type { RollupSpec } from './rollups.ts';

/** `sum` adds the measures up (hours of effort). */
export type KpiAggregate = 'count' | 'mean' | 'median' | 'rate' | 'sum';

/** The window a population is taken over; `now` is the clock's present (open clocks breach against it). */
export type PopulationWindow = { from: Date; to: Date; now: Date };

export type KpiDefinition = {
  key: string;
  label: string;
  /** What the number means, exactly, in words people read under the KPI. */
  definition: string;
  category:
    | 'volume'
    | 'speed'
    | 'quality'
    | 'service levels'
    | 'requests'
    | 'problems'
    | 'changes'
    | 'knowledge'
    | 'cmdb'
    | 'effort';
  unit: KpiUnit;
  goodWhen: GoodWhen;
  aggregate: KpiAggregate;
  /** The default target and the tolerance of amber. */
  target: KpiTarget;
  /** A snapshot at the end of the window (backlog) rather than events inside it. */
  snapshot?: boolean;
  /** Record types counted when the caller names none. */
  defaultTypes?: readonly string[];
  /** The record type whose records must exist for the KPI to have data (e.g. change). */
  needsType?: string;
  /**
   * The population: columns record_id, at, v (measure, double or null), hit (boolean or null) and
   * the dimensions type, service_id, group_id, assignee_id, priority, customer_id, state, band.
   */
  population: (w: PopulationWindow) => SQL;
  /**
   * Where the KPI can be read from the rollups (rollups.ts): the source its facts are rolled up
   * in, the dimensions those keep, and the population rows left out of them (computed directly).
   */
  rollup?: RollupSpec;
  /**
   * The population as disjoint parts whose union it is, each ordered by its own index: a
   * drill-down page reads the newest rows of each and merges them.
   */
  parts?: (w: PopulationWindow) => SQL[];
};

const catalog = new Map<string, KpiDefinition>();

/** Declare a KPI; declaring the same key again replaces it (a module may refine one). */
export function defineKpi(def: KpiDefinition): void {
  catalog.set(def.key, def);
}

export function kpiDefinitions(): KpiDefinition[] {
  return [...catalog.values()];
}

export function kpiDefinition(key: string): KpiDefinition | undefined {
  return catalog.get(key);
}

/** The record's dimensions, for a population over `records r` joined with its requester `u`. */
export const RECORD_DIMS = sql.raw(
  'r.type, r.service_id, r.group_id, r.assignee_id, r.priority, u.organisation_id as customer_id, r.state',
);
const FROM_RECORDS = sql.raw('records r join users u on u.id = r.requester_id');

/** The record dimensions the record rollups keep. */
const RECORD_ROLLUP_DIMS = ['type', 'service', 'priority'] as const;

const epoch = (a: string, b: string) => sql.raw(`extract(epoch from (${a} - ${b}))::float8`);

// ---------------------------------------------------------------- volume and backlog

defineKpi({
  key: 'volume',
  label: 'Volume',
  definition:
    'Records raised in the period (incidents unless another record type is chosen), counted at the instant they were raised.',
  category: 'volume',
  unit: 'count',
  goodWhen: 'down',
  aggregate: 'count',
  target: { target: 400, tolerance: 100 },
  defaultTypes: ['incident'],
  rollup: { source: 'opened', hourly: 'opened_hourly', dims: RECORD_ROLLUP_DIMS },
  population: (w) => sql`
    select r.id as record_id, r.created_at as at, null::float8 as v, null::boolean as hit, ${RECORD_DIMS},
      null::text as band
    from ${FROM_RECORDS}
    where r.created_at >= ${w.from} and r.created_at < ${w.to}`,
});

const bandCase = (to: Date) =>
  sql.join(
    [
      sql`case`,
      ...AGE_BANDS.filter((b) => Number.isFinite(b.maxDays)).map(
        (b) => sql`when ${to}::timestamptz - r.created_at < ${`${b.maxDays} days`}::interval then ${b.key}`,
      ),
      sql`else ${AGE_BANDS.at(-1)!.key} end`,
    ],
    sql` `,
  );

defineKpi({
  key: 'backlog',
  label: 'Backlog',
  definition:
    'Records open at the end of the period: raised before it ended and neither resolved nor closed by then (incidents unless another record type is chosen). Cut by age band for the ageing of the backlog.',
  category: 'volume',
  unit: 'count',
  goodWhen: 'down',
  aggregate: 'count',
  target: { target: 60, tolerance: 20 },
  snapshot: true,
  defaultTypes: ['incident'],
  rollup: { source: 'opened', ended: 'ended', dims: RECORD_ROLLUP_DIMS },
  // Open at w.to: neither resolved nor closed before it, written as the indexed `open until`
  // instant (least ignores a null; both null is open for good).
  population: (w) => sql`
    select r.id as record_id, r.created_at as at, extract(epoch from (${w.to}::timestamptz - r.created_at))::float8 as v,
      null::boolean as hit, ${RECORD_DIMS}, ${bandCase(w.to)} as band
    from ${FROM_RECORDS}
    where r.created_at < ${w.to}
      and coalesce(least(r.resolved_at, r.closed_at), 'infinity'::timestamptz) >= ${w.to}`,
});

// ---------------------------------------------------------------- speed: acknowledge and resolve

type Clock = 'response' | 'resolution';

/** Met clocks of one kind and metric whose stop falls in the window, with the measured durations. */
function metClocks(w: PopulationWindow, kind: string, metric: Clock, measure: 'working' | 'calendar'): SQL {
  const v = measure === 'working' ? sql.raw('d.working_seconds') : epoch('c.stopped_at', 'c.started_at');
  return sql`
    select r.id as record_id, c.stopped_at as at, ${v} as v, null::boolean as hit, ${RECORD_DIMS}, null::text as band
    from sla_clocks c
    join report_clock_durations d on d.clock_id = c.id
    join ${FROM_RECORDS} on r.id = c.record_id
    where c.kind = ${kind} and c.metric = ${metric} and c.state = 'met'
      and c.stopped_at >= ${w.from} and c.stopped_at < ${w.to}`;
}

/** Records resolved in the window; v is the calendar time from raised to resolved. */
function resolvedRecords(w: PopulationWindow, v: SQL, hit: SQL = sql`null::boolean`): SQL {
  return sql`
    select r.id as record_id, r.resolved_at as at, ${v} as v, ${hit} as hit, ${RECORD_DIMS}, null::text as band
    from ${FROM_RECORDS}
    where r.resolved_at >= ${w.from} and r.resolved_at < ${w.to}`;
}

const STAT_LABEL = { mean: 'Mean', median: 'Median' } as const;
const MEASURE_WORDS = {
  working:
    'in working time: the business calendar of the SLA, without the time the record was paused (on hold) or resolved before a reopen',
  calendar: 'in calendar time: every hour of every day, pauses included',
} as const;

for (const stat of ['mean', 'median'] as const) {
  /** Times to acknowledge and resolve: the shorter the better. */
  const speed = { category: 'speed', unit: 'seconds', goodWhen: 'down', aggregate: stat } as const;
  for (const measure of ['working', 'calendar'] as const) {
    defineKpi({
      key: `tta_${stat}_${measure}`,
      label: `${STAT_LABEL[stat]} time to acknowledge (${measure})`,
      definition: `${STAT_LABEL[stat]} time from raising a record to its first response (the SLA response clock met), over the response clocks met in the period, ${MEASURE_WORDS[measure]}.`,
      ...speed,
      target:
        measure === 'working'
          ? { target: 30 * 60, tolerance: 30 * 60 }
          : { target: 2 * 3600, tolerance: 3600 },
      defaultTypes: ['incident'],
      ...(stat === 'mean' && measure === 'working'
        ? { rollup: { source: 'work:sla:response', dims: ['type', 'service'] } }
        : {}),
      population: (w) => metClocks(w, 'sla', 'response', measure),
    });
    defineKpi({
      key: `ttr_${stat}_${measure}`,
      label: `${STAT_LABEL[stat]} time to resolve (${measure})`,
      definition:
        measure === 'working'
          ? `${STAT_LABEL[stat]} time to resolve over the SLA resolution clocks met in the period, ${MEASURE_WORDS.working}.`
          : `${STAT_LABEL[stat]} time from raising a record to resolving it, over the records resolved in the period, ${MEASURE_WORDS.calendar}.`,
      ...speed,
      target:
        measure === 'working'
          ? { target: 8 * 3600, tolerance: 4 * 3600 }
          : { target: 24 * 3600, tolerance: 12 * 3600 },
      defaultTypes: ['incident'],
      ...(stat === 'mean'
        ? {
            rollup:
              measure === 'working'
                ? { source: 'work:sla:resolution', dims: ['type', 'service'] }
                : { source: 'resolved', dims: RECORD_ROLLUP_DIMS },
          }
        : {}),
      population: (w) =>
        measure === 'working'
          ? metClocks(w, 'sla', 'resolution', 'working')
          : resolvedRecords(w, epoch('r.resolved_at', 'r.created_at')),
    });
  }
}

// ---------------------------------------------------------------- quality

defineKpi({
  key: 'first_contact_resolution',
  label: 'First-contact resolution',
  definition:
    'Share of the records resolved in the period that were resolved by the group that first took them (never reassigned to another group) and never reopened.',
  category: 'quality',
  unit: 'percent',
  goodWhen: 'up',
  aggregate: 'rate',
  target: { target: 70, tolerance: 10 },
  defaultTypes: ['incident'],
  rollup: { source: 'first_contact', dims: RECORD_ROLLUP_DIMS },
  population: (w) =>
    resolvedRecords(
      w,
      sql`null::float8`,
      sql`(r.reopen_count = 0 and not exists (
        select 1 from record_history h
        where h.record_id = r.id and h.field = 'groupId' and h.old_value is not null))`,
    ),
});

defineKpi({
  key: 'reopen_rate',
  label: 'Reopen rate',
  definition: 'Share of the records resolved in the period that had been reopened at least once.',
  category: 'quality',
  unit: 'percent',
  goodWhen: 'down',
  aggregate: 'rate',
  target: { target: 5, tolerance: 5 },
  defaultTypes: ['incident'],
  rollup: { source: 'resolved', dims: RECORD_ROLLUP_DIMS },
  population: (w) => resolvedRecords(w, sql`null::float8`, sql`r.reopen_count > 0`),
});

// ---------------------------------------------------------------- service levels

/** Clock facts keep the record's type and service (copied onto the clock) and their own priority and metric. */
const CLOCK_ROLLUP_DIMS = ['type', 'service', 'priority', 'band'] as const;

const KIND_WORDS = { sla: 'SLA', ola: 'OLA', uc: 'underpinning contract' } as const;

/**
 * Clocks that finished in the window (met) or fell due in it while still open; `hit` is whether
 * the target was kept. A clock breached when its due instant came before it was met (or before
 * now while still running). Two parts, each on its own index: the met clocks (rolled up) and the
 * open ones (whether they breached depends on now).
 */
export function clocksDue(w: PopulationWindow, kind: string, metric: Clock | null): SQL {
  return sql`${clocksDuePart(w, kind, metric, 'met')} union all ${clocksDuePart(w, kind, metric, 'open')}`;
}

function clocksDuePart(w: PopulationWindow, kind: string, metric: Clock | null, part: 'met' | 'open'): SQL {
  const metricCond = metric ? sql`and c.metric = ${metric}` : sql``;
  const cond =
    part === 'met'
      ? sql`c.state = 'met' and c.stopped_at >= ${w.from} and c.stopped_at < ${w.to}`
      : sql`c.state in ('running', 'paused') and c.due_at >= ${w.from} and c.due_at < ${w.to}
          and c.due_at <= ${w.now}::timestamptz`;
  // A met clock has its stop (the window holds it), so its arm names c.stopped_at where the open
  // arm says coalesce(c.stopped_at, now): the same values, in the terms of its partial indexes
  // (and c.record_id for r.id, so a drill-down's order is the index's).
  const end = part === 'met' ? sql`c.stopped_at` : sql`coalesce(c.stopped_at, ${w.now}::timestamptz)`;
  return sql`
    select c.record_id, ${part === 'met' ? sql`c.stopped_at` : sql`coalesce(c.stopped_at, c.due_at)`} as at,
      extract(epoch from (${end} - c.due_at))::float8 as v,
      not (c.due_at is not null and c.due_at <= ${end}) as hit,
      r.type, r.service_id, coalesce(c.group_id, r.group_id) as group_id, r.assignee_id, c.priority,
      coalesce(c.customer_id, u.organisation_id) as customer_id, r.state, c.metric as band
    from sla_clocks c
    join ${FROM_RECORDS} on r.id = c.record_id
    where c.kind = ${kind} ${metricCond} and ${cond}`;
}

/** The clocks of a query over due clocks that missed their target. */
const missedOnly = (due: SQL) => sql`select * from (${due}) due where not due.hit`;

for (const kind of ['sla', 'ola', 'uc'] as const) {
  const Kind = KIND_WORDS[kind].replace(/^u/, 'U');
  const clockRollup = { source: `clock:${kind}`, dims: CLOCK_ROLLUP_DIMS };
  for (const metric of ['response', 'resolution'] as const) {
    defineKpi({
      key: `${kind}_${metric}_compliance`,
      label: `${Kind} ${metric} compliance`,
      definition: `Share of the ${KIND_WORDS[kind]} ${metric} clocks due in the period that were met on time: clocks met in the period, plus clocks still open whose due time passed in it (those count as breached).`,
      category: 'service levels',
      unit: 'percent',
      goodWhen: 'up',
      aggregate: 'rate',
      target: { target: 95, tolerance: 5 },
      rollup: {
        ...clockRollup,
        band: metric,
        residual: (w) => clocksDuePart(w, kind, metric, 'open'),
      },
      parts: (w) => [clocksDuePart(w, kind, metric, 'met'), clocksDuePart(w, kind, metric, 'open')],
      population: (w) => clocksDue(w, kind, metric),
    });
  }
  defineKpi({
    key: `${kind}_breaches`,
    label: `${Kind} breaches`,
    definition: `${Kind} clocks (response and resolution) that breached in the period: due before they were met. Cut by metric to see response and resolution apart.`,
    category: 'service levels',
    unit: 'count',
    goodWhen: 'down',
    aggregate: 'count',
    target: { target: 10, tolerance: 10 },
    rollup: {
      ...clockRollup,
      misses: true,
      residual: (w) => missedOnly(clocksDuePart(w, kind, null, 'open')),
    },
    parts: (w) => (['met', 'open'] as const).map((part) => missedOnly(clocksDuePart(w, kind, null, part))),
    population: (w) => missedOnly(clocksDue(w, kind, null)),
  });
}

// ---------------------------------------------------------------- requests and problems

defineKpi({
  key: 'request_fulfilment_time',
  label: 'Request fulfilment time',
  definition:
    'Mean calendar time from ordering a service request to its fulfilment (resolved), over the requests fulfilled in the period.',
  category: 'requests',
  unit: 'seconds',
  goodWhen: 'down',
  aggregate: 'mean',
  target: { target: 3 * 86_400, tolerance: 2 * 86_400 },
  defaultTypes: ['request'],
  rollup: { source: 'resolved', dims: RECORD_ROLLUP_DIMS },
  population: (w) => resolvedRecords(w, epoch('r.resolved_at', 'r.created_at')),
});

defineKpi({
  key: 'approval_turnaround',
  label: 'Approval turnaround',
  definition:
    'Mean calendar time an approval level of a service request waited for its decision, over the levels decided in the period.',
  category: 'requests',
  unit: 'seconds',
  goodWhen: 'down',
  aggregate: 'mean',
  target: { target: 86_400, tolerance: 86_400 },
  population: (w) => sql`
    select r.id as record_id, l.decided_at as at, ${epoch('l.decided_at', 'l.started_at')} as v,
      (l.state = 'approved') as hit, ${RECORD_DIMS}, l.state as band
    from request_approval_levels l
    join ${FROM_RECORDS} on r.id = l.request_id
    where l.decided_at >= ${w.from} and l.decided_at < ${w.to} and l.started_at is not null`,
});

defineKpi({
  key: 'problem_to_known_error',
  label: 'Problem to known error',
  definition:
    'Mean calendar time from raising a problem to recording its known error (cause and workaround), over the known errors recorded in the period.',
  category: 'problems',
  unit: 'seconds',
  goodWhen: 'down',
  aggregate: 'mean',
  target: { target: 14 * 86_400, tolerance: 7 * 86_400 },
  population: (w) => sql`
    select r.id as record_id, k.created_at as at, ${epoch('k.created_at', 'r.created_at')} as v,
      null::boolean as hit, ${RECORD_DIMS}, k.status as band
    from known_errors k
    join ${FROM_RECORDS} on r.id = k.problem_id
    where k.created_at >= ${w.from} and k.created_at < ${w.to}`,
});

// ---------------------------------------------------------------- changes (light up when change records exist)

/**
 * A share of the changes whose `at` column falls in the window, `hit` when their change details'
 * `column` (the change module's own columns: outcome, change type) is `value`.
 */
function changeShare(
  key: string,
  label: string,
  definition: string,
  goodWhen: GoodWhen,
  target: KpiTarget,
  at: 'closed_at' | 'created_at',
  column: 'outcome' | 'change_type',
  value: string,
): KpiDefinition {
  const atCol = sql.raw(`r.${at}`);
  const col = sql.raw(`d.${column}`);
  return {
    key,
    label,
    definition,
    category: 'changes',
    unit: 'percent',
    goodWhen,
    aggregate: 'rate',
    target,
    defaultTypes: ['change'],
    needsType: 'change',
    population: (w) => sql`
      select r.id as record_id, ${atCol} as at, null::float8 as v, (${col} = ${value}) as hit,
        ${RECORD_DIMS}, ${col} as band
      from ${FROM_RECORDS}
      left join change_details d on d.record_id = r.id
      where ${atCol} >= ${w.from} and ${atCol} < ${w.to}`,
  };
}

defineKpi(
  changeShare(
    'change_success_rate',
    'Change success rate',
    'Share of the changes closed in the period whose implementation was successful (outcome "successful", not failed or backed out), out of all changes closed in it.',
    'up',
    { target: 90, tolerance: 5 },
    'closed_at',
    'outcome',
    'successful',
  ),
);
defineKpi(
  changeShare(
    'emergency_change_share',
    'Emergency change share',
    'Share of the changes raised in the period that were emergency changes (change type "emergency").',
    'down',
    { target: 10, tolerance: 5 },
    'created_at',
    'change_type',
    'emergency',
  ),
);

/**
 * Changes causing incidents. A change caused an incident when an incident is linked to it as
 * caused by it (the post-implementation review, or any caused_by link), or when an incident was
 * raised on one of the change's CIs within CHANGE_INCIDENT_HOURS after its implementation ended.
 */
export const CHANGE_INCIDENT_HOURS = 24;
const changeIncidentAfter = `${CHANGE_INCIDENT_HOURS} hours`;
defineKpi({
  key: 'changes_causing_incidents',
  label: 'Changes causing incidents',
  definition: `Share of the changes completed in the period (implementation ended, its outcome recorded) that caused an incident: an incident is linked to the change as caused by it, or an incident was raised on one of the change's CIs within ${CHANGE_INCIDENT_HOURS} hours after its implementation ended. Out of all changes completed in the period; cut by band to see the outcomes.`,
  category: 'changes',
  unit: 'percent',
  goodWhen: 'down',
  aggregate: 'rate',
  target: { target: 5, tolerance: 5 },
  defaultTypes: ['change'],
  needsType: 'change',
  population: (w) => sql`
    select r.id as record_id, d.actual_end as at, null::float8 as v,
      (exists (select 1 from record_links l join records i on i.id = l.from_id
                where l.to_id = r.id and l.kind = 'caused_by' and i.type = 'incident')
        or exists (select 1 from record_links l join records i on i.id = l.to_id
                where l.from_id = r.id and l.kind = 'caused_by' and i.type = 'incident')
        or exists (select 1 from record_cis rc
                join record_cis ic on ic.ci_id = rc.ci_id and ic.record_id <> rc.record_id
                join records i on i.id = ic.record_id
                where rc.record_id = r.id and i.type = 'incident'
                  and i.created_at >= d.actual_end
                  and i.created_at < d.actual_end + ${changeIncidentAfter}::interval)) as hit,
      ${RECORD_DIMS}, d.outcome as band
    from change_details d
    join records r on r.id = d.record_id
    join users u on u.id = r.requester_id
    where d.actual_end >= ${w.from} and d.actual_end < ${w.to}`,
});

// ---------------------------------------------------------------- CMDB

defineKpi({
  key: 'ci_completeness',
  label: 'CI data completeness',
  definition:
    'Share of the configuration items in use at the end of the period (not retired) that have an owner, a support group and a description.',
  category: 'cmdb',
  unit: 'percent',
  goodWhen: 'up',
  aggregate: 'rate',
  target: { target: 90, tolerance: 10 },
  snapshot: true,
  population: (w) => sql`
    select ci.id as record_id, ci.created_at as at, null::float8 as v,
      (ci.owner_id is not null and ci.support_group_id is not null and ci.description <> '') as hit,
      'ci'::text as type, null::uuid as service_id, ci.support_group_id as group_id, null::uuid as assignee_id,
      null::int as priority, null::uuid as customer_id, ci.status as state, ci.class_key as band
    from cis ci
    where ci.created_at < ${w.to} and ci.status <> 'retired'`,
});
