/**
 * Reporting on the PostgreSQL server: a year of incident history with SLA and OLA clocks (the
 * demo history generator, set-based), then the server-side time of
 * - a dashboard: the service manager's 8 KPI widgets over a quarter (values, previous period,
 *   trends, cuts), computed in parallel as the web app asks for them;
 * - a drill-down page: 50 breached clocks behind the SLA breaches KPI, and the page after it;
 * - a service review PDF: the review's data and its rendering;
 * with a baseline of one indexed primary-key lookup in the same run.
 *
 *   BENCH_SUITES=reports npm run bench                        (1,000,000 records)
 *   BENCH_SUITES=reports BENCH_REPORTS_RECORDS=100000 npm run bench
 *
 * BENCH_REPORTS_DB=name keeps the generated database under that name and, when it already holds
 * the history, measures it again without generating (migrations still run, so new indexes and
 * rollups are built on it): generating a million records takes a while.
 * BENCH_REPORTS_GENERATE_ONLY=1 stops after generating (with BENCH_REPORTS_DB, to measure later).
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { queryRows } from '../src/db/client.ts';
import { DEMO_GROUPS } from '../src/demo/data.ts';
import { seedReportHistory } from '../src/demo/history.ts';
import { createGroup, createUser } from '../src/modules/auth/directory.ts';
import { loadActor } from '../src/modules/auth/service.ts';
import { createService } from '../src/modules/catalog/service.ts';
import { ROLE_DASHBOARDS } from '../src/modules/reports/dashboards.ts';
import { serviceReview } from '../src/modules/reports/documents.ts';
import { computeKpi, drillDown } from '../src/modules/reports/engine.ts';
import { renderServiceReviewPdf } from '../src/modules/reports/pdf.ts';
import { foldRollups } from '../src/modules/reports/rollups.ts';
import type { DashboardWidget } from '../src/modules/reports/schema.ts';
import { agreeAgreement, createAgreement } from '../src/modules/sla/agreements.ts';
import { createCalendar } from '../src/modules/sla/calendars.ts';
import { type BenchRow, keptDatabase, throwawayDatabase } from './lib.ts';

const RECORDS = Number(process.env.BENCH_REPORTS_RECORDS ?? 1_000_000);
const KEEP = process.env.BENCH_REPORTS_DB;
const DAYS = 365;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function widgetQuery(w: DashboardWidget) {
  if (w.chart === 'bars')
    return { by: w.kpi === 'backlog' || w.kpi.endsWith('_breaches') ? 'band' : 'service' } as const;
  if (w.chart === 'stacked') return { split: 'state' } as const;
  if (w.chart === 'heatmap') return { by: 'weekday_hour' } as const;
  return {};
}

type Ctx = Awaited<ReturnType<typeof createContext>>;

/** The users, groups, calendar, services and agreements of the bench, then the history. */
/** Agreement targets for priorities 1 to 5: priority p gets p times the given minutes. */
function targetsPerPriority(responseMinutes: number, resolutionMinutes: number) {
  return [1, 2, 3, 4, 5].map((p) => ({
    priority: p,
    responseMinutes: responseMinutes * p,
    resolutionMinutes: resolutionMinutes * p,
  }));
}

async function generate(ctx: Ctx) {
  const manager = await createUser(ctx, 'system', {
    email: 'bench-manager@example.com',
    name: 'Bench Manager',
    roles: ['service_manager'],
  });
  const actor = await loadActor(ctx.db, manager.id, null);
  const people = [];
  for (let i = 0; i < 40; i++)
    people.push(
      await createUser(ctx, 'system', {
        email: `p${i}@example.com`,
        name: `Person ${i}`,
        roles: ['agent'],
      }),
    );
  const groups = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const [i, g] of DEMO_GROUPS.entries()) {
    const memberIds = people.slice(i * 4, i * 4 + 4).map((p) => p.id);
    groups.set(g.key, (await createGroup(ctx, 'system', { name: g.name, memberIds })).id);
    members.set(g.key, memberIds);
  }
  const cal = await createCalendar(ctx, actor, {
    name: 'Office hours',
    timeZone: 'Europe/London',
    intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '08:00', end: '18:00' })),
    holidays: [],
  });
  const services: string[] = [];
  for (const name of ['Email', 'Payroll', 'CRM', 'Network']) {
    const svc = await createService(ctx, actor, {
      kind: 'business',
      name,
      criticality: 'high',
      lifecycleStatus: 'live',
    });
    services.push(svc.id);
    if (name === 'Network') continue;
    const draft = await createAgreement(ctx, actor, {
      kind: 'sla',
      name: `${name} SLA`,
      serviceId: svc.id,
      calendarId: cal.id,
      targets: targetsPerPriority(30, 240),
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
    });
    await agreeAgreement(ctx, actor, draft.id);
  }
  const draft = await createAgreement(ctx, actor, {
    kind: 'ola',
    name: 'Desk OLA',
    groupId: groups.get('desk')!,
    calendarId: cal.id,
    targets: targetsPerPriority(15, 120),
    effectiveFrom: new Date('2020-01-01T00:00:00Z'),
  });
  await agreeAgreement(ctx, actor, draft.id);

  const t0 = performance.now();
  const made = await seedReportHistory(ctx, {
    groups,
    groupMembers: members,
    requesters: people.map((p) => p.id),
    deskAgentId: people[0]!.id,
    records: RECORDS,
    days: DAYS,
  });
  const loadS = (performance.now() - t0) / 1000;
  return { actor, services, made, loadS };
}

/** A database generated by an earlier run (BENCH_REPORTS_DB): its actor, services and size. */
async function reuse(ctx: Ctx, managerId: string) {
  const actor = await loadActor(ctx.db, managerId, null);
  const services = (
    await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from cis where name in ('Email', 'Payroll', 'CRM', 'Network') order by array_position(array['Email', 'Payroll', 'CRM', 'Network'], name)`,
    )
  ).map((r) => r.id);
  const [n] = await queryRows<{ records: number; clocks: number }>(
    ctx.db,
    sql`select (select count(*) from records)::int as records, (select count(*) from sla_clocks)::int as clocks`,
  );
  return { actor, services, made: { records: n!.records, clocks: n!.clocks, surveys: 0 }, loadS: 0 };
}

export async function runReportsBench(): Promise<BenchRow[]> {
  const db = KEEP ? await keptDatabase(KEEP) : await throwawayDatabase('steward_bench_reports');
  if ('error' in db) return [{ name: 'reports', value: 0, unit: 'skipped', note: db.error }];
  const m0 = performance.now();
  const ctx = await createContext(
    loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', DATABASE_URL: db.url }),
    {
      startJobs: false,
    },
  );
  // On a kept database this includes migrations written since (building indexes and rollups).
  const migrateS = (performance.now() - m0) / 1000;
  try {
    const [kept] = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from users where email = 'bench-manager@example.com'`,
    );
    const generated = kept ? await reuse(ctx, kept.id) : await generate(ctx);
    const { actor, services, made, loadS } = generated;
    // What the reports job does within a minute of the load.
    await foldRollups(ctx.db, true);
    await ctx.db.execute(sql`analyze`);
    if (process.env.BENCH_REPORTS_GENERATE_ONLY === '1')
      return [
        {
          name: 'reports: generated',
          value: made.records,
          unit: 'records',
          note: `in ${loadS.toFixed(0)} s`,
        },
      ];

    const now = ctx.clock.now();
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const from = new Date(to.getTime() - 91 * 86_400_000);
    const quarter = { from, to };
    const [any] = await queryRows<{ id: string }>(ctx.db, sql`select id from records limit 1`);
    const anyId = any!.id;
    const baseline = await time(200, () => queryRows(ctx.db, sql`select * from records where id = ${anyId}`));

    const widgets = ROLE_DASHBOARDS.find((d) => d.role === 'service_manager')!.widgets;
    const dashboard = () =>
      Promise.all(widgets.map((w) => computeKpi(ctx.db, w.kpi, { ...quarter, ...widgetQuery(w) }, now)));
    await dashboard(); // warm
    const dash = await time(15, dashboard);

    const first = await drillDown(ctx.db, 'sla_breaches', { ...quarter, limit: 50 }, now);
    const drill = await time(40, () => drillDown(ctx.db, 'sla_breaches', { ...quarter, limit: 50 }, now));
    const drill2 = await time(40, () =>
      drillDown(
        ctx.db,
        'sla_breaches',
        { ...quarter, limit: 50, cursor: first.nextCursor ?? undefined },
        now,
      ),
    );
    const reviewData: number[] = [];
    const review = await time(5, async () => {
      const t = performance.now();
      const data = await serviceReview(ctx, actor, services[0]!, quarter);
      reviewData.push(performance.now() - t);
      return renderServiceReviewPdf(data);
    });
    const load = `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
    const note = `${load}; ${made.records.toLocaleString('en-US')} records, ${made.clocks.toLocaleString('en-US')} clocks over ${DAYS} days, ${loadS ? `loaded in ${loadS.toFixed(0)} s` : `generated by an earlier run, opened and migrated in ${migrateS.toFixed(0)} s`}`;
    return [
      { name: 'reports: baseline pk lookup p95', value: p95(baseline), unit: 'ms', note },
      {
        name: 'reports: dashboard 8 KPIs quarter p95',
        value: p95(dash),
        unit: 'ms',
        note: 'target ≤ 300 ms',
      },
      { name: 'reports: drill-down page p95', value: p95(drill), unit: 'ms', note: 'target ≤ 50 ms' },
      { name: 'reports: drill-down next page p95', value: p95(drill2), unit: 'ms', note: 'target ≤ 50 ms' },
      {
        name: 'reports: service review PDF max',
        value: Math.max(...review),
        unit: 'ms',
        note: 'target ≤ 2000 ms',
      },
      {
        name: 'reports: service review data max',
        value: Math.max(...reviewData),
        unit: 'ms',
        note: 'of the PDF above: the figures, compliance and breaches, before rendering',
      },
    ];
  } finally {
    await closeContext(ctx);
    await db.drop();
  }
}
