/**
 * The CMDB at scale on PostgreSQL: a generated CMDB of about 1,000,000 CIs and 5,000,000
 * relationships (bench/cmdb-generate.ts), then
 * - downstream impact of random CIs and the dependency tree of random services at depths 3, 6 and
 *   unbounded, through the service functions the API calls (ciImpact, ciDependencies), beside a
 *   baseline: one indexed lookup of a relationship row with raw `pg`;
 * - a CSV import of 100,000 CIs through the CLI's import command, beside a baseline: the same rows
 *   written with raw `pg` multi-row INSERTs (unnest, 1,000 rows per statement) into the same table;
 * - change conflict checks against a year of scheduled changes and windows (change-conflicts.ts),
 *   beside a baseline: the schedule query each check makes.
 *
 *   BENCH_SUITES=cmdb npm run bench        or        node bench/cmdb.ts
 *
 * Knobs: BENCH_CMDB_SCALE (1 = full size), BENCH_CMDB_SAMPLES (walks per row, default 200),
 * BENCH_CMDB_IMPORT_ROWS (default 100,000), BENCH_CMDB_PHASES (walks,catchup,import,conflicts: all by
 * default), BENCH_DATABASE_URL (the server; a database is created and dropped).
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { runImportCommand } from '../src/cli-import.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { DEFAULT_MAX_NODES } from '../src/domain/cmdb/impact.ts';
import type { Actor } from '../src/domain/roles.ts';
import { createUser } from '../src/modules/auth/directory.ts';
import { loadActor } from '../src/modules/auth/service.ts';
import { CiGraphStore } from '../src/modules/cmdb/graph-store.ts';
import { ciDependencies, ciImpact, type ImpactView } from '../src/modules/cmdb/service.ts';
import { seededRandom } from '../src/shared/random.ts';
import { benchConflicts } from './change-conflicts.ts';
import { ciId, type GeneratedCmdb, generateCmdb, IMPACT_CLASSES } from './cmdb-generate.ts';
import { type BenchRow, printTable, quantile, throwawayDatabase, writeResults } from './lib.ts';

const SCALE = Number(process.env.BENCH_CMDB_SCALE ?? 1);
const SAMPLES = Number(process.env.BENCH_CMDB_SAMPLES ?? 200);
const IMPORT_ROWS = Number(process.env.BENCH_CMDB_IMPORT_ROWS ?? 100_000);
const PHASES = new Set((process.env.BENCH_CMDB_PHASES ?? 'walks,catchup,import,conflicts').split(','));
const TARGET_MS = 50;
const TARGET_ROWS_PER_S = 5_000;

const SERVICE_CLASSES = ['business_service', 'technical_service'];
const DEPTHS: (number | undefined)[] = [3, 6, undefined];

function pick(gen: GeneratedCmdb, classes: string[], n: number, seed: number): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const c = gen.classes.get(classes[i % classes.length]!)!;
    return ciId(c.first + Math.floor(rnd() * c.count));
  });
}

/** What one walk reached (complete counts) and listed; a Timing has the averages. */
type Shape = { reached: number; services: number; listed: number };
type Timing = Shape & { p50: number; p95: number; max: number };

function summarise(ms: number[], views: Shape[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return {
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    max: s.at(-1)!,
    reached: views.reduce((a, v) => a + v.reached, 0) / views.length,
    services: views.reduce((a, v) => a + v.services, 0) / views.length,
    listed: views.reduce((a, v) => a + v.listed, 0) / views.length,
  };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

type WalkOpts = { depth?: number; maxNodes?: number };
type Walk = (ctx: AppContext, actor: Actor, id: string, opts: WalkOpts) => Promise<ImpactView>;

async function timeWalks(ctx: AppContext, actor: Actor, walk: Walk, ids: string[], opts: WalkOpts) {
  const ms: number[] = [];
  const views: Shape[] = [];
  for (const id of ids) {
    const t = performance.now();
    const v = await walk(ctx, actor, id, opts);
    ms.push(performance.now() - t);
    views.push({ reached: v.counts.cis, services: v.counts.services, listed: v.items.length });
  }
  return summarise(ms, views);
}

/** Baseline: one indexed lookup of a relationship row by its from end, with raw pg. */
async function timeBaseline(url: string, ids: string[]): Promise<Timing> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ms: number[] = [];
  const q = { name: 'bench.one_rel', text: 'select * from ci_relationships where from_id = $1 limit 1' };
  for (const id of [...ids.slice(0, 20), ...ids]) {
    const t = performance.now();
    await client.query({ ...q, values: [id] });
    ms.push(performance.now() - t);
  }
  await client.end();
  return summarise(ms.slice(20), [{ reached: 1, services: 0, listed: 1 }]);
}

function walkRows(label: string, t: Timing, base: Timing, opts: WalkOpts, samples: number): BenchRow[] {
  const d = `${opts.depth === undefined ? 'unbounded' : `depth ${opts.depth}`}${opts.maxNodes ? `, maxNodes ${opts.maxNodes}` : ''}`;
  const shape = `${samples} walks; each reached on average ${Math.round(t.reached).toLocaleString('en-US')} CIs and ${Math.round(t.services).toLocaleString('en-US')} services, all counted; ${Math.round(t.listed)} listed`;
  const target = opts.maxNodes
    ? `max ${round(t.max)} ms (larger answers than the default, no target)`
    : `target <= ${TARGET_MS} ms: ${t.p95 <= TARGET_MS ? 'met' : 'MISSED'}; max ${round(t.max)} ms`;
  return [
    { name: `${label}, ${d}: p50`, value: round(t.p50), unit: 'ms', note: shape },
    {
      name: `${label}, ${d}: p95`,
      value: round(t.p95),
      unit: 'ms',
      note: target,
    },
    {
      name: `${label}, ${d}: p50 ratio to baseline`,
      value: round(t.p50 / base.p50, 1),
      unit: 'x',
      note: 'baseline: one indexed relationship lookup',
    },
  ];
}

async function benchWalks(ctx: AppContext, url: string, gen: GeneratedCmdb, actor: Actor) {
  const rows: BenchRow[] = [];
  const impactIds = pick(gen, IMPACT_CLASSES, SAMPLES, 1);
  const serviceIds = pick(gen, SERVICE_CLASSES, SAMPLES, 2);
  // Warm-up: prepared statements, JIT, the hot part of the indexes.
  await timeWalks(ctx, actor, ciImpact, pick(gen, IMPACT_CLASSES, 30, 3), { depth: 6 });
  await timeWalks(ctx, actor, ciDependencies, pick(gen, SERVICE_CLASSES, 30, 4), {});
  const base = await timeBaseline(url, impactIds);
  rows.push(
    { name: 'baseline: one relationship by from_id (raw pg): p50', value: round(base.p50, 3), unit: 'ms' },
    { name: 'baseline: one relationship by from_id (raw pg): p95', value: round(base.p95, 3), unit: 'ms' },
  );
  const suites: [string, Walk, string[]][] = [
    ['impact of a CI', ciImpact, impactIds],
    ['dependency tree of a service', ciDependencies, serviceIds],
  ];
  for (const [label, walk, ids] of suites) {
    for (const depth of DEPTHS) {
      const opts = depth === undefined ? {} : { depth };
      rows.push(...walkRows(label, await timeWalks(ctx, actor, walk, ids, opts), base, opts, ids.length));
    }
  }
  // For scale: what asking for ten times the default list costs.
  for (const [label, walk, ids] of suites) {
    const few = ids.slice(0, Math.max(10, Math.floor(ids.length / 4)));
    const opts = { maxNodes: 10 * DEFAULT_MAX_NODES };
    rows.push(...walkRows(label, await timeWalks(ctx, actor, walk, few, opts), base, opts, few.length));
  }
  return rows;
}

/** Memory held, after a full garbage collection. */
async function heldBytes(): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // Array buffers are freed by a background sweeper after a collection: settle over a few rounds.
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
    const m = process.memoryUsage();
    least = Math.min(least, m.heapUsed + m.arrayBuffers);
  }
  return least;
}

/** Loading the graph index from the tables, as an instance does when it starts. */
async function benchGraphLoad(ctx: AppContext): Promise<BenchRow[]> {
  const before = await heldBytes();
  const t = performance.now();
  const index = await ctx.ciGraph.current();
  const seconds = (performance.now() - t) / 1000;
  const mb = ((await heldBytes()) - before) / 2 ** 20;
  return [
    {
      name: 'graph index: load from the database',
      value: round(seconds, 1),
      unit: 's',
      note: `${index.size.toLocaleString('en-US')} CIs, ${index.edgeCount.toLocaleString('en-US')} relationships; once per instance, in the background at start-up`,
    },
    { name: 'graph index: memory held', value: Math.round(mb), unit: 'MB' },
    ...(await benchSnapshotLoad(ctx, seconds)),
  ];
}

/**
 * A second instance's start: the first wrote the index to a snapshot file after its load; this one
 * reads the file and the change log since.
 */
async function benchSnapshotLoad(ctx: AppContext, fromDatabase: number): Promise<BenchRow[]> {
  const dir = ctx.config.graphSnapshotDir;
  if (!dir)
    return [
      { name: 'graph index: load from a snapshot', value: 0, unit: '-', note: 'skipped: snapshots off' },
    ];
  await ctx.ciGraph.settled();
  const file = readdirSync(dir).find((f) => f.startsWith('ci-graph-') && f.endsWith('.snapshot'));
  const size = file ? statSync(path.join(dir, file)).size : 0;
  try {
    const store = new CiGraphStore(ctx.database, { snapshotDir: dir });
    const t = performance.now();
    await store.current();
    const seconds = (performance.now() - t) / 1000;
    const read = store.stats().source === 'snapshot';
    return [
      {
        name: 'graph index: load from a snapshot',
        value: round(seconds, 2),
        unit: 's',
        note: `${read ? 'read' : 'NOT read (loaded from the database)'}: a ${Math.round(size / 2 ** 20)} MB file and the change log since; target <= 5 s: ${seconds <= 5 && read ? 'met' : 'MISSED'}; ${round(fromDatabase / seconds, 0)} times faster than the load from the database`,
      },
    ];
  } finally {
    if (file) rmSync(path.join(dir, file), { force: true });
  }
}

/**
 * A walk right after another writer changed many relationships: the walk first applies the change
 * log. The changes are plain SQL (as a second instance or a script would write them).
 */
async function benchCatchUp(ctx: AppContext, url: string, gen: GeneratedCmdb, actor: Actor) {
  const apps = gen.classes.get('application')!;
  const rnd = seededRandom(5);
  const ms: number[] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const CHANGES = 1_000;
  for (let round = 0; round < 10; round++) {
    const pairs = Array.from({ length: CHANGES }, () => [
      ciId(apps.first + Math.floor(rnd() * apps.count)),
      ciId(apps.first + Math.floor(rnd() * apps.count)),
    ]);
    await client.query(
      `insert into ci_relationships (type_key, from_id, to_id)
       select 'depends_on', f, t from unnest($1::uuid[], $2::uuid[]) as p(f, t) where f <> t
       on conflict do nothing`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const t = performance.now();
    await ciImpact(ctx, actor, pairs[0]![1]!, { depth: 3 });
    ms.push(performance.now() - t);
  }
  await client.end();
  const s = [...ms].sort((a, b) => a - b);
  return [
    {
      name: `impact walk (depth 3) right after ${CHANGES.toLocaleString('en-US')} relationship changes: p50`,
      value: round(quantile(s, 0.5)),
      unit: 'ms',
      note: `${ms.length} rounds; the walk first applies the changes from the log`,
    },
  ];
}

type ImportCi = { classKey: string; name: string; attributes: Record<string, string | number | undefined> };

/** The rows to import: new virtual servers, physical servers, applications and databases. */
function importCis(n: number): ImportCi[] {
  return Array.from({ length: n }, (_, i): ImportCi => {
    const kind = i % 10;
    if (kind < 6)
      return {
        classKey: 'virtual_server',
        name: `imported-vm${i}`,
        attributes: {
          hostname: `imported-vm${i}.cloud.example.net`,
          instance_id: `i-imp${i.toString(16).padStart(12, '0')}`,
          ip_address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          os: 'linux',
          environment: 'production',
        },
      };
    if (kind < 7)
      return {
        classKey: 'physical_server',
        name: `imported-host${i}`,
        attributes: {
          hostname: `imported-host${i}.dc9.example.net`,
          serial_number: `ISN${i}`,
          os: 'linux',
          environment: 'production',
        },
      };
    if (kind < 9)
      return {
        classKey: 'application',
        name: `imported-app-${i}`,
        attributes: { version: '2.4', environment: 'production' },
      };
    return {
      classKey: 'database',
      name: `imported-db-${i}`,
      attributes: { engine: 'postgresql', version: '16', port: 5432, environment: 'production' },
    };
  });
}

const CSV_ATTRIBUTES = ['hostname', 'instance_id', 'serial_number', 'ip_address', 'os', 'environment'];
const CSV_MORE = ['engine', 'version', 'port'];

function toCsv(rows: ImportCi[]): string {
  const cols = [...CSV_ATTRIBUTES, ...CSV_MORE];
  const lines = [`class,name,status,location,${cols.join(',')}`];
  for (const r of rows)
    lines.push(
      `${r.classKey},${r.name},in_use,DC9,${cols.map((c) => String(r.attributes[c] ?? '')).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Baseline: the same rows, plain multi-row INSERTs of 1,000 rows, in one transaction each. */
async function baselineInsert(url: string, rows: ImportCi[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  for (let i = 0; i < rows.length; i += 1000) {
    const b = rows.slice(i, i + 1000);
    await client.query(
      `insert into cis (class_key, name, status, location, attributes)
       select c, n, 'in_use', 'DC9', a from unnest($1::text[], $2::text[], $3::jsonb[]) as t(c, n, a)`,
      [
        b.map((r) => r.classKey),
        b.map((r) => `${r.name}-baseline`),
        b.map((r) => JSON.stringify(r.attributes)),
      ],
    );
  }
  const seconds = (performance.now() - t) / 1000;
  await client.end();
  return seconds;
}

export async function benchImport(ctx: AppContext, url: string): Promise<BenchRow[]> {
  const rows = importCis(IMPORT_ROWS);
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-bench-'));
  const file = path.join(dir, 'cis.csv');
  writeFileSync(file, toCsv(rows));
  const out: string[] = [];
  const t = performance.now();
  const code = await runImportCommand(ctx, { file, type: 'cis', format: 'csv', dryRun: false }, (s) =>
    out.push(s),
  );
  const seconds = (performance.now() - t) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 || !out[0]?.includes(`${IMPORT_ROWS} created`))
    throw new Error(`The benchmark import did not create every row:\n${out.slice(0, 10).join('\n')}`);
  const base = await baselineInsert(url, rows);
  const rate = IMPORT_ROWS / seconds;
  const baseRate = IMPORT_ROWS / base;
  return [
    {
      name: 'import CIs from CSV (CLI import path)',
      value: Math.round(rate),
      unit: 'rows/s',
      note: `${IMPORT_ROWS.toLocaleString('en-US')} rows in ${round(seconds, 1)} s; target >= ${TARGET_ROWS_PER_S}: ${rate >= TARGET_ROWS_PER_S ? 'met' : 'MISSED'}`,
    },
    {
      name: 'import baseline: multi-row INSERT (raw pg)',
      value: Math.round(baseRate),
      unit: 'rows/s',
      note: `same rows, 1,000 per statement, ${round(base, 1)} s`,
    },
    { name: 'import: ratio to baseline', value: round((rate / baseRate) * 100, 1), unit: '%' },
  ];
}

/**
 * Write out what the generator (or the previous phase) left dirty, so a checkpoint does not land
 * in the middle of a measurement. Needs a superuser; without one the phase just runs.
 */
async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('checkpoint').catch(() => undefined);
  await client.end();
}

/** Timings on a shared machine mean little without its load; recorded beside the results. */
function machineRow(startLoad: number): BenchRow {
  const cpus = availableParallelism();
  return {
    name: 'machine: load average (1 min) at start / end',
    value: round(startLoad),
    unit: 'load',
    note: `${round(loadavg()[0]!)} at the end, ${cpus} CPU${cpus === 1 ? '' : 's'}`,
  };
}

export async function runCmdbBench(): Promise<BenchRow[]> {
  const startLoad = loadavg()[0]!;
  const db = await throwawayDatabase('steward_bench_cmdb');
  if ('error' in db) return [{ name: 'cmdb', value: 0, unit: '-', note: `skipped: ${db.error}` }];
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(
      loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', STEWARD_JOBS: '0', DATABASE_URL: db.url }),
      { startJobs: false },
    );
    const user = await createUser(ctx, 'system', {
      email: 'bench@example.com',
      name: 'Bench Agent',
      roles: ['agent'],
    });
    const actor = await loadActor(ctx.db, user.id, null);
    console.log(`generating the CMDB (scale ${SCALE})…`);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const gen = await generateCmdb(client, SCALE, console.log).finally(() => client.end());
    const rows: BenchRow[] = [
      {
        name: 'generated CMDB',
        value: gen.cis,
        unit: 'CIs',
        note: `${gen.relationships.toLocaleString('en-US')} relationships, generated in ${round(gen.seconds, 0)} s`,
      },
    ];
    console.log('loading the graph index…');
    await settle(db.url);
    rows.push(...(await benchGraphLoad(ctx)));
    if (PHASES.has('walks')) {
      console.log('walking…');
      rows.push(...(await benchWalks(ctx, db.url, gen, actor)));
    }
    if (PHASES.has('conflicts')) {
      console.log('checking change conflicts…');
      await settle(db.url);
      rows.push(...(await benchConflicts(ctx, db.url, gen, SCALE, SAMPLES)));
    }
    if (PHASES.has('catchup')) rows.push(...(await benchCatchUp(ctx, db.url, gen, actor)));
    if (PHASES.has('import')) {
      console.log('importing…');
      await settle(db.url);
      rows.push(...(await benchImport(ctx, db.url)));
    }
    rows.push(machineRow(startLoad));
    return rows;
  } finally {
    if (ctx) await closeContext(ctx);
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCmdbBench();
  printTable(r);
  console.log(`written to ${writeResults('cmdb', r)}`);
}
