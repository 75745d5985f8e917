/**
 * Alert → escalation latency for a burst of SLA alerts, on the PostgreSQL server: incidents under
 * an agreement have their clocks set back past the response target, one SLA sweep fires every
 * alert at once, and the escalation worker works the `sla.*` queues. The latency of an alert is
 * from its job's creation (the alert's commit) to its escalation row. The baseline is the same on
 * pg-boss's default worker options (one job per fetch, a 2 s poll), on a smaller burst because it
 * works about half a job a second.
 *
 *   BENCH_SUITES=sla-escalation npm run bench
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { queryRows } from '../src/db/client.ts';
import { buildApp } from '../src/http/app.ts';
import { type JobHandler, startJobQueue } from '../src/jobs/queue.ts';
import { createUser } from '../src/modules/auth/directory.ts';
import { createApiToken, loadActor } from '../src/modules/auth/service.ts';
import { handleAlertJob } from '../src/modules/escalation/worker.ts';
import { ALERT_QUEUES } from '../src/modules/sla/index.ts';
import { runSlaSweep } from '../src/modules/sla/sweep.ts';
import { type BenchRow, printTable, throwawayDatabase } from './lib.ts';

const ALERTS = Number(process.env.BENCH_ESCALATION_ALERTS ?? 1000);
const BASELINE_ALERTS = Number(process.env.BENCH_ESCALATION_BASELINE_ALERTS ?? 20);

type Run = { alerts: number; sweepMs: number; p50: number; p95: number; max: number; drainS: number };

async function ok(app: FastifyInstance, token: string, url: string, payload: object, status = 201) {
  const res = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** A manager's token, a calendar, a service and an agreed SLA (response 3 h, resolution 12 h at priority 3). */
async function setUp(ctx: AppContext, app: FastifyInstance): Promise<{ token: string; serviceId: string }> {
  const user = await createUser(ctx, 'system', {
    email: 'bench-manager@example.com',
    name: 'Bench Manager',
    roles: ['service_manager', 'agent'],
  });
  const actor = await loadActor(ctx.db, user.id, null);
  const { token } = await createApiToken(ctx, actor, { name: 'bench', scopes: ['read', 'write'] }, null);
  const always = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
  const cal = await ok(app, token, '/api/v1/calendars', {
    name: 'Always',
    timeZone: 'UTC',
    intervals: always,
    holidays: [],
  });
  const service = await ok(app, token, '/api/v1/services', {
    kind: 'business',
    name: 'Bench service',
    criticality: 'high',
    lifecycleStatus: 'live',
  });
  const targets = [1, 2, 3, 4, 5].map((p) => ({
    priority: p,
    responseMinutes: 60 * p,
    resolutionMinutes: 240 * p,
  }));
  const draft = await ok(app, token, '/api/v1/agreements', {
    kind: 'sla',
    name: 'Bench SLA',
    calendarId: cal.id,
    serviceId: service.id,
    targets,
    effectiveFrom: '2026-01-01T00:00:00Z',
  });
  await ok(app, token, `/api/v1/agreements/${draft.id}/agree`, {}, 200);
  return { token, serviceId: service.id };
}

/** One burst on a fresh database, worked with `work` options (undefined: pg-boss's defaults). */
async function burst(url: string, alerts: number, tuned: boolean): Promise<Run> {
  const ctx = await createContext(loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', DATABASE_URL: url }), {
    startJobs: false,
  });
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  const queue = await startJobQueue(ctx.database, url);
  ctx.jobs = queue;
  try {
    const { token, serviceId } = await setUp(ctx, app);
    for (const name of Object.values(ALERT_QUEUES)) {
      await queue.declare(name);
      // The baseline's queues are as they were before: no NOTIFY on send, no heartbeat.
      if (!tuned) await queue.boss.updateQueue(name, { notify: false, heartbeatSeconds: null });
    }
    // Each incident fires its response warning(s) and breach; make about `alerts` of them.
    const probe = await ok(app, token, '/api/v1/incidents', {
      title: 'Probe',
      description: 'Bench',
      urgency: 2,
      impact: 2,
      serviceId,
    });
    await backdate(ctx, 4);
    await runSlaSweep(ctx);
    const [perRecord] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from sla_alerts where record_id = ${probe.id}`,
    );
    await queryRows(ctx.db, sql`delete from pgboss.job where name like 'sla.%'`);
    const records = Math.max(1, Math.round(alerts / Math.max(1, perRecord!.n)));
    for (let i = 0; i < records; i++)
      await ok(app, token, '/api/v1/incidents', {
        title: `Burst ${i}`,
        description: 'Bench',
        urgency: 2,
        impact: 2,
        serviceId,
      });
    await backdate(ctx, 4);
    const handler: JobHandler = (data) => handleAlertJob(ctx, data);
    for (const name of Object.values(ALERT_QUEUES))
      if (tuned) await queue.work(name, handler);
      else
        await queue.boss.work(name, async (jobs) => {
          for (const j of jobs) await handler((j.data ?? {}) as Record<string, unknown>);
        });
    const began = performance.now();
    await runSlaSweep(ctx);
    const sweepMs = performance.now() - began;
    const [{ fired }] = (await queryRows<{ fired: number }>(
      ctx.db,
      sql`select count(*)::int as fired from pgboss.job where name like 'sla.%'`,
    )) as [{ fired: number }];
    for (;;) {
      const [open] = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from pgboss.job where name like 'sla.%' and state < 'completed'`,
      );
      if (open!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainS = (performance.now() - began) / 1000;
    const [lat] = await queryRows<{ p50: number; p95: number; max: number }>(
      ctx.db,
      sql`select percentile_cont(0.5) within group (order by s) as p50,
                 percentile_cont(0.95) within group (order by s) as p95, max(s) as max
          from (select extract(epoch from e.at - j.created_on)::float8 as s
                from escalations e join pgboss.job j on j.name like 'sla.%' and (j.data->>'alertId')::uuid = e.alert_id) x`,
    );
    return { alerts: fired, sweepMs, p50: lat!.p50, p95: lat!.p95, max: lat!.max, drainS };
  } finally {
    await app.close();
    await closeContext(ctx);
  }
}

/** Set every running clock `hours` back, as if the incidents had been raised that long ago. */
async function backdate(ctx: AppContext, hours: number): Promise<void> {
  const by = sql.raw(`interval '${hours} hours'`);
  await queryRows(
    ctx.db,
    sql`update sla_clocks set started_at = started_at - ${by}, selected_at = selected_at - ${by},
          due_at = due_at - ${by}, next_check_at = next_check_at - ${by} where state = 'running'`,
  );
}

function rows(label: string, r: Run): BenchRow[] {
  const note = `${r.alerts} alerts`;
  return [
    { name: `${label}: alert → escalation p50`, value: r.p50, unit: 's', note },
    { name: `${label}: alert → escalation p95`, value: r.p95, unit: 's', note },
    { name: `${label}: alert → escalation max`, value: r.max, unit: 's', note },
    {
      name: `${label}: burst worked in`,
      value: r.drainS,
      unit: 's',
      note: `sweep firing took ${Math.round(r.sweepMs)} ms`,
    },
  ];
}

export async function runSlaEscalationBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const [label, alerts, tuned] of [
    ['baseline (pg-boss defaults)', BASELINE_ALERTS, false],
    ['batched workers', ALERTS, true],
  ] as const) {
    const db = await throwawayDatabase('steward_bench_escalation');
    if ('error' in db) return [{ name: 'sla-escalation', value: 0, unit: '-', note: db.error }];
    try {
      out.push(...rows(label, await burst(db.url, alerts, tuned)));
    } finally {
      await db.drop();
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) printTable(await runSlaEscalationBench());
