/**
 * Incident creation through the HTTP API under concurrency, on PGlite and on PostgreSQL, beside a
 * baseline in the same run: a bare Fastify route doing one parameterised INSERT of a similar row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import type { Role, TokenScope } from '../src/domain/roles.ts';
import { buildApp } from '../src/http/app.ts';
import { createUser } from '../src/modules/auth/directory.ts';
import { createApiToken, loadActor } from '../src/modules/auth/service.ts';
import { type BenchRow, printTable, throwawayDatabase, writeResults } from './lib.ts';
import { compare as compareLoad, type Load, type LoadOptions, type Target } from './load.ts';

/**
 * Connections, seconds in all, and the alternating rounds they are split into per side
 * (`BENCH_CONNECTIONS`, `BENCH_SECONDS`, `BENCH_ROUNDS`); the create-scale suite loads the same way.
 */
export const LOAD: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  rounds: Number(process.env.BENCH_ROUNDS ?? 4),
};
/** `pglite`, `postgres` or both (the default), comma-separated. */
const DATABASES = (process.env.BENCH_HTTP_DATABASES ?? 'pglite,postgres').split(',').map((d) => d.trim());
export const body = JSON.stringify({
  title: 'Benchmark: printer on fire',
  description: 'Smoke from tray 2 after the firmware update',
  urgency: 2,
  category: 'Hardware',
});

const BASELINE_TABLE = `create table if not exists bench_baseline (id uuid primary key default gen_random_uuid(), number text not null, title text not null,
  description text not null, state text not null, urgency int not null, category text, created_at timestamptz not null default now())`;

/** The baseline: one Fastify route, one parameterised INSERT, no auth, no validation, no history. */
async function baselineServer(
  run: (text: string, params: unknown[]) => Promise<unknown>,
): Promise<FastifyInstance> {
  const app = Fastify();
  let n = 0;
  app.post('/insert', async (req) => {
    const b = req.body as { title: string; description: string; urgency: number; category: string };
    n++;
    await run(
      'insert into bench_baseline (number, title, description, state, urgency, category) values ($1, $2, $3, $4, $5, $6)',
      [`B${n}`, b.title, b.description, 'new', b.urgency, b.category],
    );
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** The baseline on a PostgreSQL database (its own pool of ten connections); `close` ends both. */
export async function pgBaseline(url: string): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(BASELINE_TABLE);
  const app = await baselineServer((t, p) => pool.query(t, p));
  return {
    app,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

export const portOf = (app: FastifyInstance) => (app.server.address() as { port: number }).port;
export const stewardTarget = (s: { app: FastifyInstance; token: string }): Target => ({
  url: `http://127.0.0.1:${portOf(s.app)}/api/v1/incidents`,
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
});
export const baselineTarget = (b: FastifyInstance): Target => ({
  url: `http://127.0.0.1:${portOf(b)}/insert`,
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json' },
});

async function compare(steward: Target, baseline: Target) {
  const r = await compareLoad(steward, baseline, LOAD);
  return { steward: r.subject, baseline: r.baseline };
}

/** A user with `roles` and an API token of `scopes` for them: the benchmark's credentials. */
export async function benchToken(
  ctx: AppContext,
  email: string,
  roles: Role[],
  scopes: TokenScope[],
): Promise<string> {
  const user = await createUser(ctx, 'system', { email, name: `Bench ${roles[0]}`, roles });
  const actor = await loadActor(ctx.db, user.id, null);
  return (await createApiToken(ctx, actor, { name: 'bench', scopes }, null)).token;
}

export async function stewardServer(env: Record<string, string>) {
  const ctx = await createContext(
    loadConfig({
      LOG_LEVEL: 'silent',
      STEWARD_DEMO: '0',
      STEWARD_JOBS: '0',
      // Throughput is what is measured here, not the API rate limits.
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WRITE_MAX: '0',
      ...env,
    }),
    { startJobs: false },
  );
  const token = await benchToken(ctx, 'bench@example.com', ['agent'], ['read', 'write']);
  const adminToken = await benchToken(
    ctx,
    'bench-admin@example.com',
    ['admin', 'service_manager', 'process_owner'],
    ['read', 'write', 'admin'],
  );
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  /** A setup call as the administrator; its JSON answer, or an error. */
  const setup = async (url: string, payload?: object) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${adminToken}` },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  return {
    app,
    token,
    setup,
    close: async () => {
      await app.close();
      await closeContext(ctx);
    },
  };
}

/**
 * The work a create may carry: an SLA agreement in force for the incident's service (clocks,
 * their events and the record's due instant written in the create's transaction), and an
 * automation rule that matches it (a comment and history in the same transaction).
 */
async function withSla(s: Awaited<ReturnType<typeof stewardServer>>): Promise<string> {
  const calendar = await s.setup('/api/v1/calendars', {
    name: 'Bench hours',
    timeZone: 'UTC',
    intervals: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
    holidays: [],
  });
  const service = await s.setup('/api/v1/services', {
    kind: 'business',
    name: 'Bench service',
    criticality: 'high',
    lifecycleStatus: 'live',
  });
  const draft = await s.setup('/api/v1/agreements', {
    kind: 'sla',
    name: 'Bench agreement',
    calendarId: calendar.id,
    serviceId: service.id,
    effectiveFrom: '2020-01-01T00:00:00Z',
    targets: [1, 2, 3, 4, 5].map((priority) => ({
      priority,
      responseMinutes: 60 * priority,
      resolutionMinutes: 240 * priority,
    })),
  });
  await s.setup(`/api/v1/agreements/${draft.id}/agree`);
  return JSON.stringify({ ...JSON.parse(body), serviceId: service.id });
}

async function withRule(s: Awaited<ReturnType<typeof stewardServer>>): Promise<void> {
  await s.setup('/api/v1/settings/incident/automation-rules', {
    name: 'Fires go to the desk log',
    event: 'created',
    conditions: [{ field: 'title', op: 'contains', value: 'fire' }],
    actions: [{ type: 'add_comment', body: 'Logged by the fire rule.', visibility: 'internal' }],
  });
}

function rows(label: string, steward: Load, baseline: Load): BenchRow[] {
  const ratio = steward.rps / baseline.rps;
  return [
    {
      name: `create incident, ${label}: Steward req/s`,
      value: Math.round(steward.rps),
      unit: 'req/s',
      note: `${LOAD.connections} connections, ${LOAD.seconds}s in ${LOAD.rounds} rounds alternating with the baseline${steward.errors ? `, ${steward.errors} errors` : ''}`,
    },
    {
      name: `create incident, ${label}: Steward p50 / p99`,
      value: steward.p50,
      unit: 'ms',
      note: `p99 ${steward.p99} ms`,
    },
    {
      name: `create incident, ${label}: baseline req/s`,
      value: Math.round(baseline.rps),
      unit: 'req/s',
      note: 'bare Fastify + one INSERT',
    },
    {
      name: `create incident, ${label}: baseline p50 / p99`,
      value: baseline.p50,
      unit: 'ms',
      note: `p99 ${baseline.p99} ms`,
    },
    {
      name: `create incident, ${label}: ratio to baseline`,
      value: Math.round(ratio * 1000) / 10,
      unit: '%',
      note: label === 'PostgreSQL' ? 'target >= 50 %' : label.includes('SLA') ? 'target >= 30 %' : '',
    },
  ];
}

export async function runHttpCreateBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  // PGlite: Steward on a fresh data folder; baseline on another PGlite.
  if (DATABASES.includes('pglite')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-bench-'));
    const closing: (() => Promise<unknown>)[] = [];
    try {
      const s = await stewardServer({ DATA_DIR: dir });
      closing.push(s.close);
      const lite = await PGlite.create(path.join(dir, 'baseline'));
      closing.push(() => lite.close());
      await lite.exec(BASELINE_TABLE);
      const b = await baselineServer((t, p) => lite.query(t, p));
      closing.push(() => b.close());
      const r = await compare(stewardTarget(s), baselineTarget(b));
      out.push(...rows('PGlite', r.steward, r.baseline));
    } finally {
      // Stopped and removed also when a round fails, as on PostgreSQL below.
      for (const close of closing.reverse()) await close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!DATABASES.includes('postgres')) return out;
  // PostgreSQL: both on throwaway databases of the same server.
  const db = await throwawayDatabase('steward_bench');
  if ('error' in db) {
    out.push({ name: 'create incident, PostgreSQL', value: 0, unit: '-', note: `skipped: ${db.error}` });
    return out;
  }
  const closing: (() => Promise<void>)[] = [];
  try {
    const s = await stewardServer({ DATABASE_URL: db.url });
    closing.push(s.close);
    const b = await pgBaseline(db.url);
    closing.push(b.close);
    const base = baselineTarget(b.app);
    const r = await compare(stewardTarget(s), base);
    out.push(...rows('PostgreSQL', r.steward, r.baseline));
    const sla = await compare({ ...stewardTarget(s), body: await withSla(s) }, base);
    out.push(...rows('PostgreSQL, SLA agreement in force', sla.steward, sla.baseline));
    await withRule(s);
    const rule = await compare(stewardTarget(s), base);
    out.push(...rows('PostgreSQL, automation rule', rule.steward, rule.baseline));
  } finally {
    // Both servers are stopped also when a round fails, so the database can be dropped.
    for (const close of closing.reverse()) await close();
    await db.drop();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runHttpCreateBench();
  printTable(r);
  console.log(`written to ${writeResults('http-create', r)}`);
}
