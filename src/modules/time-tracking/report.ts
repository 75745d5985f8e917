/**
 * The time report: the minutes logged in a period (by when the work started), billable and in
 * all, grouped by the record's service, the requester's organisation (the customer), the record's
 * assignment group, the person who did the work, or the record type; as JSON or CSV. And the
 * `effort` KPI, the same time as hours in the KPI library and on dashboards.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { TimeReport, TimeReportDimension, TimeReportQuery } from '../../contracts/time-tracking.ts';
import { queryRows } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { summariseTimeReport } from '../../domain/time/duration.ts';
import { AppError, forbidden } from '../../errors.ts';
import { recordTypeOf } from '../records/index.ts';
import { defineKpi, type Table } from '../reports/index.ts';
import { assertMayReadTime } from './service.ts';

const MAX_DAYS = 3 * 366;

type Dimension = { key: SQL; label: SQL; none: string; title: string };

/** A dimension keyed by a column holding the id of a row of `table`, labelled by that row's name. */
const namedBy = (column: string, table: string, none: string, title: string): Dimension => ({
  key: sql.raw(`${column}::text`),
  label: sql.raw(`(select name from ${table} where id = ${column})`),
  none,
  title,
});

const DIMENSIONS: Record<TimeReportDimension, Dimension> = {
  service: namedBy('r.service_id', 'cis', 'No service', 'Service'),
  customer: namedBy('u.organisation_id', 'organisations', 'No customer', 'Customer'),
  group: namedBy('r.group_id', 'groups', 'No group', 'Group'),
  agent: namedBy('e.user_id', 'users', 'Nobody', 'Agent'),
  type: { key: sql`r.type`, label: sql`r.type`, none: 'No type', title: 'Record type' },
};

export async function timeReport(
  ctx: AppContext,
  actor: Actor,
  q: Omit<TimeReportQuery, 'format'>,
): Promise<TimeReport> {
  assertMayReadTime(actor);
  if (!can(actor, 'report.read')) throw forbidden('Your role may not read reports.');
  if (q.to.getTime() <= q.from.getTime())
    throw new AppError('request.invalid', 'The period ends before it starts.', [
      { field: 'query.to', message: 'must be after from' },
    ]);
  if (q.to.getTime() - q.from.getTime() > MAX_DAYS * 86_400_000)
    throw new AppError('request.invalid', 'The period is longer than three years.', [
      { field: 'query.from', message: 'at most three years before to' },
    ]);
  const dim = DIMENSIONS[q.by];
  const rows = await queryRows<{
    key: string | null;
    label: string | null;
    total: unknown;
    billable: unknown;
    entries: unknown;
    recs: unknown;
  }>(
    ctx.db,
    sql`select ${dim.key} as key, min(${dim.label}) as label, sum(e.minutes) as total,
        coalesce(sum(e.minutes) filter (where e.billable), 0) as billable, count(*) as entries,
        count(distinct e.record_id) as recs
      from time_entries e
      join records r on r.id = e.record_id
      join users u on u.id = r.requester_id
      where e.started_at >= ${q.from} and e.started_at < ${q.to}
      group by 1`,
  );
  const summary = summariseTimeReport(
    rows.map((r) => ({
      key: r.key,
      label:
        r.key === null
          ? dim.none
          : q.by === 'type'
            ? (recordTypeOf(r.key)?.label ?? r.key)
            : (r.label ?? r.key),
      totalMinutes: Number(r.total),
      billableMinutes: Number(r.billable),
      entries: Number(r.entries),
      records: Number(r.recs),
    })),
  );
  return { from: q.from.toISOString(), to: q.to.toISOString(), by: q.by, ...summary };
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The report as one table: a row per group and the total, in minutes and hours. */
export function timeReportTable(r: TimeReport): Table {
  return {
    title: `Time by ${DIMENSIONS[r.by].title.toLowerCase()} ${r.from.slice(0, 10)} to ${r.to.slice(0, 10)}`,
    columns: [
      DIMENSIONS[r.by].title,
      'Total minutes',
      'Billable minutes',
      'Non-billable minutes',
      'Total hours',
      'Billable hours',
      'Entries',
      'Records',
      'Share %',
    ],
    rows: [
      ...r.rows.map((x) => [
        x.label,
        x.totalMinutes,
        x.billableMinutes,
        x.totalMinutes - x.billableMinutes,
        hours(x.totalMinutes),
        hours(x.billableMinutes),
        x.entries,
        x.records,
        x.share,
      ]),
      [
        'Total',
        r.totalMinutes,
        r.billableMinutes,
        r.totalMinutes - r.billableMinutes,
        hours(r.totalMinutes),
        hours(r.billableMinutes),
        r.entries,
        null,
        r.totalMinutes === 0 ? 0 : 100,
      ],
    ],
  };
}

/**
 * Effort per service (or customer, group, agent, record type): the hours logged in the period.
 * One population row per time entry, counted at the instant the work started; the agent is the
 * person who logged it; hit is billable, band says billable or not.
 */
export function registerEffortKpi(): void {
  defineKpi({
    key: 'effort',
    label: 'Effort',
    definition:
      'Hours of work logged on records in the period (time entries, counted when the work started), every record type unless one is chosen. Cut by service, customer, group, agent (who logged the time) or record type; cut by band to see billable and non-billable apart.',
    category: 'effort',
    unit: 'hours',
    goodWhen: 'down',
    aggregate: 'sum',
    target: { target: 400, tolerance: 100 },
    population: (w) => sql`
      select e.record_id, e.started_at as at, e.minutes / 60.0::float8 as v, e.billable as hit,
        r.type, r.service_id, r.group_id, e.user_id as assignee_id, r.priority,
        u.organisation_id as customer_id, r.state,
        case when e.billable then 'billable' else 'non-billable' end as band
      from time_entries e
      join records r on r.id = e.record_id
      join users u on u.id = r.requester_id
      where e.started_at >= ${w.from} and e.started_at < ${w.to}`,
  });
}
