/**
 * Creates as the ticket history grows, and with a second instance: incident creation through the
 * HTTP API on PostgreSQL with 0, 100,000 and 1,000,000 records already in the database (generated
 * as the `records` suite generates them: several types over three years, comments, SLA clocks),
 * each beside the bare-insert baseline of `http-create` on the same database in alternating
 * rounds; then one server process against two on one database, with the same load spread over
 * both.
 */
import pg from 'pg';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import {
  baselineTarget,
  benchToken,
  body,
  LOAD,
  pgBaseline,
  stewardServer,
  stewardTarget,
} from './http-create.ts';
import { type BenchRow, printTable, throwawayDatabase, writeResults } from './lib.ts';
import { compare, type Load, round, summarise, type Target } from './load.ts';
import { generateRecords } from './records-generate.ts';
import { SERVER, type Started, start, stop } from './server-start.ts';

const { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS } = LOAD;
/** Records in the database before creates are measured, comma-separated. */
const SIZES = (process.env.BENCH_CREATE_SIZES ?? '0,100000,1000000').split(',').map(Number);
const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (r: number) => Math.round(r * 1000) / 10;

/** Creates against the baseline, with `existing` records generated into the database first. */
async function atSize(existing: number): Promise<{ steward: Load; baseline: Load; generatedS: number }> {
  const db = await throwawayDatabase('steward_bench_scale');
  if ('error' in db) throw new Error(db.error);
  const closing: (() => Promise<void>)[] = [];
  try {
    const s = await stewardServer({ DATABASE_URL: db.url });
    closing.push(s.close);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    closing.push(() => client.end());
    const t0 = performance.now();
    if (existing > 0) await generateRecords(client, existing, () => undefined);
    const generatedS = (performance.now() - t0) / 1000;
    await client.query('checkpoint');
    const b = await pgBaseline(db.url);
    closing.push(b.close);
    const r = await compare(stewardTarget(s), baselineTarget(b.app), LOAD);
    return { steward: r.subject, baseline: r.baseline, generatedS };
  } finally {
    // Whatever started is stopped, also when generating or loading failed half-way.
    for (const close of closing.reverse()) await close();
    await db.drop();
  }
}

/**
 * One server process against two on one database: the same connections on one, then split over
 * both, in alternating rounds. Every create of either answers with its own number.
 */
async function instances(): Promise<{
  one: Load;
  two: Load;
  numbers: { created: number; distinct: number };
}> {
  const db = await throwawayDatabase('steward_bench_instances');
  if ('error' in db) throw new Error(db.error);
  const servers: Started[] = [];
  try {
    const env = {
      DATABASE_URL: db.url,
      STEWARD_DEMO: '0',
      STEWARD_JOBS: '0',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WRITE_MAX: '0',
    };
    // Migrate and make the benchmark's agent here, then start both processes on the same database.
    const ctx = await createContext(loadConfig({ LOG_LEVEL: 'silent', ...env }), { startJobs: false });
    const token = await benchToken(ctx, 'bench@example.com', ['agent'], ['read', 'write']);
    await closeContext(ctx);
    for (let i = 0; i < 2; i++) servers.push(await start(SERVER, env, '/readyz'));
    const target = (s: Started): Target => ({
      url: `${s.base}/api/v1/incidents`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    const seconds = SECONDS / ROUNDS;
    const one = [];
    const two = [];
    for (let i = 0; i < ROUNDS; i++) {
      one.push(await round(target(servers[0]!), seconds, CONNECTIONS));
      const [a, b] = await Promise.all(servers.map((s) => round(target(s), seconds, CONNECTIONS / 2)));
      // Both ran over the same wall time: their requests add up, their time does not.
      two.push({
        requests: a!.requests + b!.requests,
        seconds: Math.max(a!.seconds, b!.seconds),
        errors: a!.errors + b!.errors,
        latencies: [...a!.latencies, ...b!.latencies],
      });
    }
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const n = await check.query<{ created: number; distinct: number }>(
      `select count(*)::int as created, count(distinct number)::int as "distinct" from records`,
    );
    await check.end();
    return { one: summarise(one), two: summarise(two), numbers: n.rows[0]! };
  } finally {
    for (const s of servers) await stop(s);
    await db.drop();
  }
}

export async function runCreateScaleBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const probe = await throwawayDatabase('steward_bench_probe');
  if ('error' in probe)
    return [{ name: 'create scale', value: 0, unit: '-', note: `skipped: ${probe.error}` }];
  await probe.drop();
  let first: number | undefined;
  for (const size of SIZES) {
    const r = await atSize(size);
    const ratio = r.steward.rps / r.baseline.rps;
    first ??= ratio;
    out.push(
      {
        name: `create incident with ${fmt(size)} records present: Steward req/s`,
        value: Math.round(r.steward.rps),
        unit: 'req/s',
        note: `p50 ${r.steward.p50} ms, p99 ${r.steward.p99} ms${r.steward.errors ? `, ${r.steward.errors} errors` : ''}${size ? `; generated in ${Math.round(r.generatedS)} s` : ''}`,
      },
      {
        name: `create incident with ${fmt(size)} records present: baseline req/s`,
        value: Math.round(r.baseline.rps),
        unit: 'req/s',
        note: 'bare Fastify + one INSERT, same database',
      },
      {
        name: `create incident with ${fmt(size)} records present: ratio to baseline`,
        value: pct(ratio),
        unit: '%',
        note: `${pct(ratio / first)} % of the ratio with ${fmt(SIZES[0]!)} records present`,
      },
    );
  }
  const i = await instances();
  out.push(
    {
      name: 'create incident, one server process: req/s',
      value: Math.round(i.one.rps),
      unit: 'req/s',
      note: `${CONNECTIONS} connections; p50 ${i.one.p50} ms, p99 ${i.one.p99} ms${i.one.errors ? `, ${i.one.errors} errors` : ''}`,
    },
    {
      name: 'create incident, two server processes on one database: req/s',
      value: Math.round(i.two.rps),
      unit: 'req/s',
      note: `${CONNECTIONS / 2} connections each; p50 ${i.two.p50} ms, p99 ${i.two.p99} ms${i.two.errors ? `, ${i.two.errors} errors` : ''}; ${pct(i.two.rps / i.one.rps)} % of one`,
    },
    {
      name: 'create incident, one and two server processes: distinct numbers',
      value: i.numbers.distinct,
      unit: 'records',
      note: `${fmt(i.numbers.created)} records created; every number ${i.numbers.distinct === i.numbers.created ? 'unique' : 'NOT unique'}`,
    },
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCreateScaleBench();
  printTable(r);
  console.log(`written to ${writeResults('create-scale', r)}`);
}
