/**
 * The public status page under load, on PostgreSQL: GET /api/v1/public/status (from the cache,
 * 200 with the whole page) and the same with If-None-Match (304), beside a baseline measured in
 * the same run: a static file of the same size served by the same server (@fastify/static, the
 * same hooks and headers). The page shows published services with one active major incident.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { createUser } from '../src/modules/auth/directory.ts';
import { loadActor } from '../src/modules/auth/service.ts';
import { createService } from '../src/modules/catalog/service.ts';
import { declareMajorIncident } from '../src/modules/incidents/major.ts';
import { createIncident } from '../src/modules/incidents/service.ts';
import { createStatusUpdate, publishService } from '../src/modules/status-page/service.ts';
import { type BenchRow, printTable, throwawayDatabase, writeResults } from './lib.ts';
import { compare, type Load } from './load.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const TARGET_RPS = 2000;

const portOf = (app: FastifyInstance) => (app.server.address() as { port: number }).port;

async function statusServer(databaseUrl: string, webDist: string) {
  const ctx = await createContext(
    loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', STEWARD_JOBS: '0', DATABASE_URL: databaseUrl }),
    { startJobs: false },
  );
  const user = await createUser(ctx, 'system', {
    email: 'bench@example.com',
    name: 'Bench Manager',
    roles: ['service_manager', 'agent'],
  });
  const actor = await loadActor(ctx.db, user.id, null);
  const ids: string[] = [];
  for (const name of ['Email', 'Payroll', 'Customer Portal', 'CRM', 'VPN', 'Telephony']) {
    const s = await createService(ctx, 'system', {
      kind: 'business',
      name,
      criticality: 'high',
      lifecycleStatus: 'live',
    });
    await publishService(
      ctx,
      actor,
      s.id,
      { description: `${name} for everyone`, position: ids.length },
      undefined,
    );
    ids.push(s.id);
  }
  const inc = await createIncident(ctx, actor, { title: 'Mail relay down', urgency: 1, serviceId: ids[0]! });
  await declareMajorIncident(ctx, actor, inc.id, { coordinatorId: user.id, summary: 'Mail down' });
  await createStatusUpdate(ctx, actor, 'http://127.0.0.1', {
    recordId: inc.id,
    serviceIds: [],
    title: 'Email unavailable',
    phase: 'investigating',
    message: 'Mail is not delivered. We are on it.',
  });
  const app = await buildApp(ctx, { logger: false, webDist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    close: async () => {
      await app.close();
      await closeContext(ctx);
    },
  };
}

function rows(label: string, r: { subject: Load; baseline: Load }, note: string): BenchRow[] {
  return [
    {
      name: `status page, ${label}: Steward req/s`,
      value: Math.round(r.subject.rps),
      unit: 'req/s',
      note: `${note}; target >= ${TARGET_RPS}${r.subject.errors ? `, ${r.subject.errors} errors` : ''}`,
    },
    {
      name: `status page, ${label}: Steward p50 / p99`,
      value: r.subject.p50,
      unit: 'ms',
      note: `p99 ${r.subject.p99} ms`,
    },
    {
      name: `status page, ${label}: static file req/s`,
      value: Math.round(r.baseline.rps),
      unit: 'req/s',
      note: 'same bytes from @fastify/static on the same server',
    },
    {
      name: `status page, ${label}: static p50 / p99`,
      value: r.baseline.p50,
      unit: 'ms',
      note: `p99 ${r.baseline.p99} ms`,
    },
    {
      name: `status page, ${label}: ratio to static`,
      value: Math.round((r.subject.rps / r.baseline.rps) * 1000) / 10,
      unit: '%',
    },
  ];
}

export async function runStatusPageBench(): Promise<BenchRow[]> {
  const db = await throwawayDatabase('steward_bench_status');
  if ('error' in db)
    return [{ name: 'status page, PostgreSQL', value: 0, unit: '-', note: `skipped: ${db.error}` }];
  const webDist = mkdtempSync(path.join(tmpdir(), 'steward-bench-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
  try {
    const s = await statusServer(db.url, webDist);
    const base = `http://127.0.0.1:${portOf(s.app)}`;
    const first = await fetch(`${base}/api/v1/public/status`);
    const json = await first.text();
    const etag = first.headers.get('etag') ?? '';
    if (!first.ok) throw new Error(`status page answered ${first.status}: ${json}`);
    writeFileSync(path.join(webDist, 'status.json'), json);
    const opts = { connections: CONNECTIONS, seconds: DURATION, rounds: ROUNDS };
    const full = await compare(
      { url: `${base}/api/v1/public/status`, headers: {} },
      { url: `${base}/status.json`, headers: {} },
      opts,
    );
    const cond = await compare(
      { url: `${base}/api/v1/public/status`, headers: { 'if-none-match': etag } },
      { url: `${base}/status.json`, headers: {} },
      opts,
    );
    await s.close();
    const note = `${CONNECTIONS} connections, ${DURATION}s in ${ROUNDS} rounds alternating with the baseline, ${json.length} bytes`;
    return [
      ...rows('PostgreSQL, 200', full, note),
      ...rows('PostgreSQL, 304', cond, `${note}, If-None-Match`),
    ];
  } finally {
    rmSync(webDist, { recursive: true, force: true });
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runStatusPageBench();
  printTable(r);
  console.log(`written to ${writeResults('status-page', r)}`);
}
