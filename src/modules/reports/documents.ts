/**
 * The two reports a service manager hands on: SLA compliance per customer and per agreement
 * (SLA, OLA, UC) with every breach explained from its clock and SLA timeline, and the service
 * review of one service over a period (availability from major incidents, incidents, requests,
 * SLA performance, problems, changes once they exist, and customer satisfaction). Both are plain
 * data here; the web page, the PDF and the spreadsheets present the same data.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  BreachExplained,
  ComplianceQuery,
  ComplianceReport,
  Figure,
  KpiFilter,
  ServiceReview,
} from '../../contracts/reports.ts';
import { queryRows } from '../../db/client.ts';
import { formatKpiValue } from '../../domain/reports/kpi.ts';
import type { Actor } from '../../domain/roles.ts';
import { notFound } from '../../errors.ts';
import { describeEvent, formatDuration } from '../sla/index.ts';
import { kpiDefinition } from './catalog.ts';
import { checkWindow, computeKpi } from './engine.ts';
import type { Table } from './exports.ts';
import { assertMayReport } from './service.ts';

type Scope = {
  from: Date;
  to: Date;
  now: Date;
  customerId?: string;
  agreementId?: string;
  kind?: string;
  serviceId?: string;
};

/**
 * The clocks due in the window (met in it, or open and past due in it), from the clock rows alone:
 * two parts, each on its own index (a service's met clocks by the copy of the record's service on
 * the clock, which also carries what compliance and the breach list read, so those read no clock
 * row); the record and its requester are read only to filter by customer. `cols` over `c`.
 */
function dueClocks(s: Scope, cols: SQL): SQL {
  const conds: SQL[] = [];
  if (s.kind) conds.push(sql`c.kind = ${s.kind}`);
  if (s.serviceId) conds.push(sql`c.record_service_id = ${s.serviceId}`);
  if (s.customerId)
    conds.push(sql`coalesce(c.customer_id, (select u.organisation_id from records r join users u on u.id = r.requester_id
      where r.id = c.record_id)) = ${s.customerId}`);
  if (s.agreementId)
    conds.push(
      sql`c.agreement_id in (select id from agreements where lineage_id = (select lineage_id from agreements where id = ${s.agreementId}))`,
    );
  const and = conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``;
  return sql`
    select ${cols}, not (c.due_at is not null and c.due_at <= c.stopped_at) as hit
    from sla_clocks c
    where c.state = 'met' and c.stopped_at >= ${s.from} and c.stopped_at < ${s.to}${and}
    union all
    select ${cols}, not (c.due_at is not null and c.due_at <= coalesce(c.stopped_at, ${s.now}::timestamptz)) as hit
    from sla_clocks c
    where c.state in ('running', 'paused') and c.due_at >= ${s.from} and c.due_at < ${s.to}
      and c.due_at <= ${s.now}::timestamptz${and}`;
}

type ComplianceRowDb = {
  lineage_id: string;
  agreement: string;
  agreement_kind: 'sla' | 'ola' | 'uc';
  party: string | null;
  service: string | null;
  metric: string;
  due: number;
  met: number;
};

const when = (d: Date | string) => `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const KIND_LABEL: Record<string, string> = { sla: 'SLA', ola: 'OLA', uc: 'Underpinning contract' };

async function complianceRows(ctx: AppContext, s: Scope) {
  const rows = await queryRows<ComplianceRowDb>(
    ctx.db,
    sql`select a.lineage_id, min(a.name) as agreement, min(a.kind) as agreement_kind,
        min(coalesce(o.name, g.name, sup.name)) as party, min(svc.name) as service, d.metric,
        sum(d.due)::int as due, sum(d.met)::int as met
      from (select d.agreement_id, d.metric, count(*) as due, count(*) filter (where d.hit) as met
        from (${dueClocks(s, sql`c.agreement_id, c.metric`)}) d group by 1, 2) d
      join agreements a on a.id = d.agreement_id
      left join organisations o on o.id = a.customer_id
      left join groups g on g.id = a.group_id
      left join organisations sup on sup.id = a.supplier_id
      left join cis svc on svc.id = a.service_id
      group by a.lineage_id, d.metric order by 2, d.metric`,
  );
  const byLineage = new Map<string, ComplianceReport['rows'][number]>();
  const empty = () => ({ due: 0, met: 0, breached: 0, compliance: null as number | null });
  for (const r of rows) {
    const row = byLineage.get(r.lineage_id) ?? {
      agreementId: r.lineage_id,
      name: r.agreement,
      kind: r.agreement_kind,
      party: r.party,
      service: r.service,
      response: empty(),
      resolution: empty(),
    };
    row[r.metric === 'response' ? 'response' : 'resolution'] = {
      due: r.due,
      met: r.met,
      breached: r.due - r.met,
      compliance: r.due ? (r.met / r.due) * 100 : null,
    };
    byLineage.set(r.lineage_id, row);
  }
  return [...byLineage.values()];
}

const BREACH_LIMIT = 500;

async function explainedBreaches(ctx: AppContext, s: Scope, limit = BREACH_LIMIT) {
  const rows = await queryRows<{
    id: string;
    record_id: string;
    kind: string;
    metric: string;
    priority: number;
    target_seconds: number;
    started_at: Date | string;
    due_at: Date | string;
    stopped_at: Date | string | null;
    agreement: string;
    customer: string | null;
    number: string;
    title: string;
  }>(
    ctx.db,
    sql`select c.id, c.record_id, c.kind, c.metric, c.priority, c.target_seconds, c.started_at, c.due_at, c.stopped_at,
        a.name as agreement, r.number, r.title,
        (select name from organisations where id = coalesce(c.customer_id, u.organisation_id)) as customer
      from (select * from (${dueClocks(s, sql`c.id, c.due_at`)}) d where not d.hit order by d.due_at, d.id limit ${limit + 1}) d
      join sla_clocks c on c.id = d.id
      join agreements a on a.id = c.agreement_id
      join records r on r.id = c.record_id
      join users u on u.id = r.requester_id
      order by d.due_at, d.id`,
  );
  const listed = rows.slice(0, limit);
  const events = listed.length
    ? await queryRows<{
        clock_id: string;
        at: Date | string;
        kind: string;
        cause: string;
        details: Record<string, unknown>;
      }>(
        ctx.db,
        sql`select clock_id, at, kind, cause, details from sla_events
          where clock_id in (${sql.join(
            listed.map((r) => sql`${r.id}::uuid`),
            sql`, `,
          )}) order by at, id`,
      )
    : [];
  const breaches: BreachExplained[] = listed.map((r) => {
    const end = r.stopped_at ? new Date(r.stopped_at) : s.now;
    const late = (end.getTime() - new Date(r.due_at).getTime()) / 1000;
    const label = { kind: r.kind, metric: r.metric, agreement: r.agreement };
    const facts = `Raised ${when(r.started_at)}; the ${r.metric} target of ${formatDuration(r.target_seconds)} working time at P${r.priority} fell due ${when(r.due_at)}; ${
      r.stopped_at ? `met ${when(r.stopped_at)}` : 'still open'
    }, ${formatDuration(late)} late.`;
    return {
      recordId: r.record_id,
      number: r.number,
      title: r.title,
      agreement: r.agreement,
      kind: r.kind,
      metric: r.metric,
      priority: r.priority,
      customer: r.customer,
      startedAt: new Date(r.started_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      stoppedAt: r.stopped_at ? new Date(r.stopped_at).toISOString() : null,
      lateSeconds: late,
      explanation: [
        facts,
        ...events
          .filter((e) => e.clock_id === r.id)
          .map((e) => `${when(e.at)}: ${describeEvent(e.kind, label, e.details)} (${e.cause})`),
      ],
    };
  });
  return { breaches, more: rows.length > limit };
}

export async function slaComplianceReport(
  ctx: AppContext,
  actor: Actor,
  q: Omit<ComplianceQuery, 'format'>,
): Promise<ComplianceReport> {
  assertMayReport(actor);
  checkWindow(q);
  const s: Scope = { ...q, now: ctx.clock.now() };
  const [rows, { breaches, more }, customer] = await Promise.all([
    complianceRows(ctx, s),
    explainedBreaches(ctx, s),
    q.customerId
      ? queryRows<{ name: string }>(ctx.db, sql`select name from organisations where id = ${q.customerId}`)
      : Promise.resolve([]),
  ]);
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    customer: customer[0]?.name ?? null,
    rows,
    breaches,
    moreBreaches: more,
  };
}

const pct = (v: number | null) => (v === null ? '' : Number(v.toFixed(1)));

export function complianceTables(r: ComplianceReport): Table[] {
  return [
    {
      title: 'SLA compliance',
      columns: [
        'Agreement',
        'Kind',
        'Party',
        'Service',
        'Response due',
        'Response met',
        'Response %',
        'Resolution due',
        'Resolution met',
        'Resolution %',
      ],
      rows: r.rows.map((x) => [
        x.name,
        KIND_LABEL[x.kind] ?? x.kind,
        x.party,
        x.service,
        x.response.due,
        x.response.met,
        pct(x.response.compliance),
        x.resolution.due,
        x.resolution.met,
        pct(x.resolution.compliance),
      ]),
    },
    {
      title: 'Breaches',
      columns: [
        'Number',
        'Title',
        'Agreement',
        'Metric',
        'Priority',
        'Customer',
        'Due',
        'Met',
        'Late (minutes)',
        'Explanation',
      ],
      rows: r.breaches.map((b) => [
        b.number,
        b.title,
        b.agreement,
        b.metric,
        b.priority,
        b.customer,
        b.dueAt,
        b.stoppedAt,
        Math.round(b.lateSeconds / 60),
        b.explanation.join(' | '),
      ]),
    },
  ];
}

// ---------------------------------------------------------------- service review

type FigureSpec = { key: string; label: string; types?: string[] };

/**
 * The review's sections. `needsType`: shown once records of that type exist; `needsKpi`: shown
 * when a module declared that KPI (customer satisfaction comes with the CSAT module).
 */
const SECTIONS: {
  key: string;
  title: string;
  figures: FigureSpec[];
  needsType?: string;
  needsKpi?: string;
}[] = [
  {
    key: 'incidents',
    title: 'Incidents',
    figures: [
      { key: 'volume', label: 'Incidents raised' },
      { key: 'backlog', label: 'Open at the end of the period' },
      { key: 'ttr_mean_working', label: 'Mean time to resolve (working time)' },
      { key: 'ttr_median_calendar', label: 'Median time to resolve (calendar time)' },
      { key: 'first_contact_resolution', label: 'First-contact resolution' },
      { key: 'reopen_rate', label: 'Reopen rate' },
    ],
  },
  {
    key: 'requests',
    title: 'Service requests',
    figures: [
      { key: 'volume', label: 'Requests ordered', types: ['request'] },
      { key: 'request_fulfilment_time', label: 'Mean fulfilment time' },
      { key: 'backlog', label: 'Open at the end of the period', types: ['request'] },
    ],
  },
  {
    key: 'service_levels',
    title: 'Service level performance',
    figures: [
      { key: 'sla_response_compliance', label: 'SLA response compliance', types: ['incident', 'request'] },
      {
        key: 'sla_resolution_compliance',
        label: 'SLA resolution compliance',
        types: ['incident', 'request'],
      },
      { key: 'sla_breaches', label: 'SLA breaches', types: ['incident', 'request'] },
      {
        key: 'ola_resolution_compliance',
        label: 'OLA resolution compliance',
        types: ['incident', 'request'],
      },
    ],
  },
  {
    key: 'problems',
    title: 'Problems',
    figures: [
      { key: 'volume', label: 'Problems raised', types: ['problem'] },
      { key: 'backlog', label: 'Problems open at the end', types: ['problem'] },
      { key: 'problem_to_known_error', label: 'Problem to known error' },
    ],
  },
  {
    key: 'changes',
    title: 'Changes',
    needsType: 'change',
    figures: [
      { key: 'volume', label: 'Changes raised', types: ['change'] },
      { key: 'change_success_rate', label: 'Change success rate' },
      { key: 'emergency_change_share', label: 'Emergency changes' },
    ],
  },
  {
    key: 'satisfaction',
    title: 'Customer satisfaction',
    needsKpi: 'csat',
    figures: [
      { key: 'csat', label: 'Mean satisfaction score (1–5)' },
      { key: 'csat_response_rate', label: 'Surveys answered' },
    ],
  },
];

/** Merge overlapping outage intervals and sum them. */
function outageSeconds(intervals: { from: number; to: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  let total = 0;
  let cur: { from: number; to: number } | null = null;
  for (const i of sorted) {
    if (cur && i.from <= cur.to) cur.to = Math.max(cur.to, i.to);
    else {
      if (cur) total += cur.to - cur.from;
      cur = { ...i };
    }
  }
  if (cur) total += cur.to - cur.from;
  return total / 1000;
}

export async function serviceReview(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  q: { from: Date; to: Date },
): Promise<ServiceReview> {
  assertMayReport(actor);
  const w = checkWindow(q);
  const now = ctx.clock.now();
  const [svc] = await queryRows<{ id: string; name: string; description: string; owner: string | null }>(
    ctx.db,
    sql`select c.id, c.name, c.description, (select name from users where id = c.owner_id) as owner
      from services s join cis c on c.id = s.ci_id where s.ci_id = ${serviceId}`,
  );
  if (!svc) throw notFound('Service', serviceId);
  const end = Math.min(w.to.getTime(), now.getTime());
  const outages = await queryRows<{ number: string; title: string; from: Date | string; to: Date | string }>(
    ctx.db,
    sql`select r.number, r.title, greatest(m.declared_at, ${w.from}::timestamptz) as "from",
        least(coalesce(r.resolved_at, m.stood_down_at, ${now}::timestamptz), ${w.to}::timestamptz) as "to"
      from major_incidents m join records r on r.id = m.record_id
      where r.service_id = ${serviceId} and m.declared_at < ${w.to}
        and coalesce(r.resolved_at, m.stood_down_at, ${now}::timestamptz) > ${w.from}
      order by m.declared_at`,
  );
  const spans = outages.map((o) => ({
    from: new Date(o.from).getTime(),
    to: Math.min(new Date(o.to).getTime(), end),
  }));
  const down = outageSeconds(spans.filter((s) => s.to > s.from));
  const length = Math.max(1, (end - w.from.getTime()) / 1000);
  const [target] = await queryRows<{ target: number | null }>(
    ctx.db,
    sql`select max(availability_target)::float8 as target from agreements
      where service_id = ${serviceId} and status = 'agreed' and kind = 'sla'
        and effective_from < ${w.to} and (effective_to is null or effective_to > ${w.from})`,
  );
  const availability = 100 * (1 - down / length);
  const availabilityTarget = target?.target ?? null;
  const hasChanges =
    (
      await queryRows<{ one: number }>(
        ctx.db,
        sql`select 1 as one from records where type = 'change' limit 1`,
      )
    ).length > 0;
  const sections = await Promise.all(
    SECTIONS.filter((s) => (!s.needsType || hasChanges) && (!s.needsKpi || kpiDefinition(s.needsKpi))).map(
      async (s) => ({
        key: s.key,
        title: s.title,
        figures: await Promise.all(
          s.figures.map(async (f): Promise<Figure> => {
            const filter: KpiFilter = {
              from: w.from,
              to: w.to,
              serviceId,
              ...(f.types ? { type: f.types } : {}),
            };
            const r = await computeKpi(ctx.db, f.key, filter, now, { trend: false });
            return {
              key: f.key,
              label: f.label,
              value: r.value,
              formatted: r.formatted,
              previous: r.previous,
              previousFormatted: formatKpiValue(r.previous, r.kpi.unit),
              target: formatKpiValue(r.kpi.target, r.kpi.unit),
              rag: r.rag,
            };
          }),
        ),
      }),
    ),
  );
  const scope: Scope = { from: w.from, to: w.to, now, serviceId };
  // Records of a type on the service that were open at some point in the period.
  const openOnService = (type: string) =>
    queryRows<{ number: string; title: string; state: string }>(
      ctx.db,
      sql`select number, title, state from records where type = ${type} and service_id = ${serviceId}
        and created_at < ${w.to} and (closed_at is null or closed_at >= ${w.from}) order by created_at desc limit 25`,
    );
  const [agreements, { breaches }, problems, improvements] = await Promise.all([
    complianceRows(ctx, scope),
    explainedBreaches(ctx, scope, 25),
    openOnService('problem'),
    openOnService('improvement'),
  ]);
  return {
    service: svc,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    generatedAt: now.toISOString(),
    availability: {
      percent: availability,
      target: availabilityTarget,
      met: availabilityTarget === null ? null : availability >= availabilityTarget,
      outageSeconds: down,
      outages: outages.map((o) => ({
        number: o.number,
        title: o.title,
        from: new Date(o.from).toISOString(),
        to: new Date(o.to).toISOString(),
      })),
    },
    sections,
    agreements,
    breaches,
    problems,
    improvements,
  };
}

export function serviceReviewTables(r: ServiceReview): Table[] {
  return [
    {
      title: 'Service review',
      columns: ['Section', 'Measure', 'Value', 'Previous period', 'Target'],
      rows: [
        [
          'Availability',
          'Availability',
          `${r.availability.percent.toFixed(3)} %`,
          '',
          r.availability.target === null ? '' : `${r.availability.target} %`,
        ],
        ...r.sections.flatMap((s) =>
          s.figures.map((f) => [s.title, f.label, f.formatted, f.previousFormatted, f.target]),
        ),
      ],
    },
    ...complianceTables({
      from: r.from,
      to: r.to,
      customer: null,
      rows: r.agreements,
      breaches: r.breaches,
      moreBreaches: false,
    }),
  ];
}
