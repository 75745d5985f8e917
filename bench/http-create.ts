/**
 * Incident creation through the HTTP API under concurrency, on PGlite and on PostgreSQL, beside a
 * baseline in the same run: a bare Fastify route doing one parameterised INSERT of a similar row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { createUser } from '../src/modules/auth/directory.ts';
import { createApiToken, loadActor } from '../src/modules/auth/service.ts';
import { type BenchRow, printTable, throwawayDatabase, writeResults } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const body = JSON.stringify({
  title: 'Benchmark: printer on fire',
  description: 'Smoke from tray 2 after the firmware update',
  urgency: 2,
  category: 'Hardware',
});

type Load = { rps: number; p50: number; p99: number; errors: number };

async function load(url: string, headers: Record<string, string>): Promise<Load> {
  const r = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const non2xx = r.non2xx + r.errors;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: non2xx };
}

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

const portOf = (app: FastifyInstance) => (app.server.address() as { port: number }).port;

async function stewardServer(env: Record<string, string>) {
  const ctx = await createContext(
    loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', STEWARD_JOBS: '0', ...env }),
    { startJobs: false },
  );
  const user = await createUser(ctx, 'system', {
    email: 'bench@example.com',
    name: 'Bench Agent',
    roles: ['agent'],
  });
  const { token } = await createApiToken(
    ctx,
    await loadActor(ctx.db, user.id, null),
    { name: 'bench', scopes: ['read', 'write'] },
    null,
  );
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    token,
    close: async () => {
      await app.close();
      await closeContext(ctx);
    },
  };
}

function rows(label: string, steward: Load, baseline: Load): BenchRow[] {
  const ratio = steward.rps / baseline.rps;
  return [
    {
      name: `create incident, ${label}: Steward req/s`,
      value: Math.round(steward.rps),
      unit: 'req/s',
      note: `${CONNECTIONS} connections, ${DURATION}s${steward.errors ? `, ${steward.errors} errors` : ''}`,
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
      note: label === 'PostgreSQL' ? 'target >= 40 %' : '',
    },
  ];
}

export async function runHttpCreateBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  // PGlite: Steward on a fresh data folder; baseline on another PGlite.
  {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-bench-'));
    const s = await stewardServer({ DATA_DIR: dir });
    const steward = await load(`http://127.0.0.1:${portOf(s.app)}/api/v1/incidents`, {
      authorization: `Bearer ${s.token}`,
    });
    await s.close();
    const lite = await PGlite.create(path.join(dir, 'baseline'));
    await lite.exec(BASELINE_TABLE);
    const b = await baselineServer((t, p) => lite.query(t, p));
    const baseline = await load(`http://127.0.0.1:${portOf(b)}/insert`, {});
    await b.close();
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
    out.push(...rows('PGlite', steward, baseline));
  }
  // PostgreSQL: both on throwaway databases of the same server.
  const db = await throwawayDatabase('steward_bench');
  if ('error' in db) {
    out.push({ name: 'create incident, PostgreSQL', value: 0, unit: '-', note: `skipped: ${db.error}` });
    return out;
  }
  try {
    const s = await stewardServer({ DATABASE_URL: db.url });
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query(BASELINE_TABLE);
    const b = await baselineServer((t, p) => pool.query(t, p));
    const baseline = await load(`http://127.0.0.1:${portOf(b)}/insert`, {});
    await b.close();
    await pool.end();
    const steward = await load(`http://127.0.0.1:${portOf(s.app)}/api/v1/incidents`, {
      authorization: `Bearer ${s.token}`,
    });
    await s.close();
    out.push(...rows('PostgreSQL', steward, baseline));
  } finally {
    await db.drop();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runHttpCreateBench();
  printTable(r);
  console.log(`written to ${writeResults('http-create', r)}`);
}
