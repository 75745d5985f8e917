/**
 * Records at scale: queues, search, counts and requester views on a generated history of
 * 1,000,000 records (bench/records-generate.ts), measured through the service functions the API
 * calls (listRecords, search, recordCounts), beside a baseline in the same run: one indexed
 * primary-key lookup of a record with raw `pg`.
 *
 *   BENCH_SUITES=records npm run bench        or        node bench/records.ts
 *
 * Knobs: BENCH_RECORDS (default 1,000,000), BENCH_RECORDS_SAMPLES (timed calls per row, default 60),
 * BENCH_RECORDS_KEEP=1 keeps the generated database (`steward_bench_records_<count>`) for the
 * next run, which then reuses it (migrations are applied to it first); BENCH_RECORDS_DB names that
 * database instead (so runs side by side on one server keep apart); BENCH_RECORDS_DATABASES
 * (`postgres`, `pglite` or both, the default; the embedded run uses BENCH_RECORDS_PGLITE records,
 * default 50,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import type { RecordListQuery } from '../src/contracts/records.ts';
import { queryRows } from '../src/db/client.ts';
import type { Actor } from '../src/domain/roles.ts';
import { loadActor } from '../src/modules/auth/service.ts';
import { listRecords, recordCounts, recordTypeOf } from '../src/modules/records/index.ts';
import { search } from '../src/modules/search/service.ts';
import { BENCH_PG_URL, type BenchRow, printTable, writeResults } from './lib.ts';
import {
  AGENTS,
  AGENTS_PER_GROUP,
  type GeneratedRecords,
  generateRecords,
  groupId,
  userId,
} from './records-generate.ts';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const PGLITE_TOTAL = Number(process.env.BENCH_RECORDS_PGLITE ?? 50_000);
const SAMPLES = Number(process.env.BENCH_RECORDS_SAMPLES ?? 60);
const KEEP = process.env.BENCH_RECORDS_KEEP === '1';
/** The PostgreSQL database's name; by default it says how many records it holds. */
const DB_NAME = process.env.BENCH_RECORDS_DB;
const DATABASES = (process.env.BENCH_RECORDS_DATABASES ?? 'postgres,pglite').split(',');
/** Which parts to measure: queues, search, counts, requesters (all by default). */
const PHASES = (process.env.BENCH_RECORDS_PHASES ?? 'queues,search,counts,requesters').split(',');
const LIST_MS = 20;
const SEARCH_MS = 50;
const COUNT_MS = 50;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const quantile = (s: number[], q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;

type Timing = { p50: number; p95: number; max: number; rows: number };

async function time(n: number, fn: (i: number) => Promise<number>): Promise<Timing> {
  for (let i = 0; i < Math.min(5, n); i++) await fn(i); // warm-up: plans, caches
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    rows += await fn(i);
    ms.push(performance.now() - t);
  }
  const s = ms.sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.at(-1)!, rows: rows / n };
}

function row(label: string, t: Timing, target: number, base: Timing, note = ''): BenchRow[] {
  return [
    {
      name: `${label}: p95`,
      value: round(t.p95),
      unit: 'ms',
      note: `target <= ${target} ms: ${t.p95 <= target ? 'met' : 'MISSED'}; p50 ${round(t.p50)} ms (${round(t.p50 / base.p50, 1)}x baseline), max ${round(t.max)} ms; ${round(t.rows, 1)} rows${note ? `; ${note}` : ''}`,
    },
  ];
}

type Db = { url?: string; ctx: AppContext; gen: GeneratedRecords; label: string };

async function pkBaseline(db: Db, gen: GeneratedRecords): Promise<Timing> {
  const ids = Array.from({ length: SAMPLES }, (_, i) => `rec:${(i * 7919) % gen.total}`);
  if (db.url) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const q = { name: 'bench.pk', text: `select * from records where id = md5($1)::uuid` };
    const t = await time(
      SAMPLES,
      async (i) => (await client.query({ ...q, values: [ids[i]] })).rowCount ?? 0,
    );
    await client.end();
    return t;
  }
  const lite = db.ctx.database.pglite!;
  return time(
    SAMPLES,
    async (i) => (await lite.query(`select * from records where id = md5($1)::uuid`, [ids[i]])).rows.length,
  );
}

/** The actor of agent a (member of their group), of requester r. */
async function actorOf(ctx: AppContext, n: number): Promise<Actor> {
  return loadActor(ctx.db, userId(n), null);
}

const incident = recordTypeOf('incident')!;

/**
 * A parsed list query of 50 rows. Built directly rather than through the contract: the generated
 * ids are md5 digests, which the contract's strict UUID check (versions 1-8) refuses.
 */
const listQuery = (q: Record<string, unknown>) => ({ limit: 50, ...q }) as RecordListQuery;

/** The cursor after `pages` pages of a list, or after its last full page. */
async function deepCursor(
  ctx: AppContext,
  actor: Actor,
  pages: number,
  query: (cursor?: string) => RecordListQuery,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let p = 0; p < pages; p++) {
    const page = await listRecords(ctx, actor, incident, query(cursor));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cursor;
}

async function benchQueues(db: Db, base: Timing): Promise<BenchRow[]> {
  const { ctx } = db;
  const out: BenchRow[] = [];
  // Agents of the busiest groups (group g's agents are g*10 .. g*10+9), cycling.
  const agents = await Promise.all(
    Array.from({ length: 10 }, (_, i) => actorOf(ctx, (i % 5) * AGENTS_PER_GROUP + Math.floor(i / 5))),
  );
  const open = { stateCategory: ['open', 'paused'] };
  const cases: [string, (i: number) => Record<string, unknown>][] = [
    [
      'open work of my group, by priority then due',
      (i) => ({ ...open, groupId: [groupId(i % 5)], sort: 'priority', order: 'asc' }),
    ],
    ['my work, by priority then due', () => ({ ...open, assigneeId: 'me', sort: 'priority', order: 'asc' })],
    [
      'unassigned, by priority then due',
      () => ({ ...open, assigneeId: 'none', sort: 'priority', order: 'asc' }),
    ],
    ['breached, by due', () => ({ ...open, slaState: 'breached', sort: 'sla_due', order: 'asc' })],
    ['at risk, by due', () => ({ ...open, slaState: 'at_risk', sort: 'sla_due', order: 'asc' })],
    [
      'open work of my group, by due',
      (i) => ({ ...open, groupId: [groupId(i % 5)], sort: 'sla_due', order: 'asc' }),
    ],
    [
      'open work of my group, newest',
      (i) => ({ ...open, groupId: [groupId(i % 5)], sort: 'created', order: 'desc' }),
    ],
    [
      'open work of my group, recently updated',
      (i) => ({ ...open, groupId: [groupId(i % 5)], sort: 'updated', order: 'desc' }),
    ],
    [
      'open work of my group, by number',
      (i) => ({ ...open, groupId: [groupId(i % 5)], sort: 'number', order: 'desc' }),
    ],
    ['all incidents, newest', () => ({ sort: 'created', order: 'desc' })],
    ['all incidents, recently updated', () => ({ sort: 'updated', order: 'desc' })],
    ['all incidents, by number', () => ({ sort: 'number', order: 'asc' })],
    ['all incidents, by priority then due', () => ({ sort: 'priority', order: 'asc' })],
    [
      'all incidents of a group, newest',
      (i) => ({ groupId: [groupId(i % 5)], sort: 'created', order: 'desc' }),
    ],
  ];
  for (const [label, make] of cases) {
    const query = (i: number, cursor?: string) => listQuery({ ...make(i), ...(cursor ? { cursor } : {}) });
    const first = await time(
      SAMPLES,
      async (i) => (await listRecords(ctx, agents[i % 10]!, incident, query(i))).items.length,
    );
    out.push(...row(`${db.label} queue: ${label}, first page`, first, LIST_MS, base));
    // A deep page: the cursor after 20 pages (1,000 rows) or as deep as the list goes.
    const cursors: (string | undefined)[] = [];
    for (let a = 0; a < 5; a++) cursors.push(await deepCursor(ctx, agents[a]!, 20, (c) => query(a, c)));
    const deep = await time(
      SAMPLES,
      async (i) =>
        (await listRecords(ctx, agents[i % 5]!, incident, query(i % 5, cursors[i % 5]))).items.length,
    );
    out.push(
      ...row(`${db.label} queue: ${label}, deep keyset page`, deep, LIST_MS, base, 'after up to 20 pages'),
    );
  }
  return out;
}

async function benchSearch(db: Db, base: Timing): Promise<BenchRow[]> {
  const { ctx, gen } = db;
  const out: BenchRow[] = [];
  const agent = await actorOf(ctx, 3);
  const inc = gen.byType.get('incident')!;
  const number = (i: number) =>
    `INC${String((inc.firstNumber ?? 1001) + ((i * 104729) % inc.count)).padStart(7, '0')}`;
  const words: [string, (i: number) => string][] = [
    ['by number', number],
    ['a common word', (i) => ['password', 'email', 'laptop', 'vpn'][i % 4]!],
    ['two common words', (i) => ['printer blank', 'outlook slow', 'vpn connect', 'email error'][i % 4]!],
    ['a rare word', (i) => `ref${(i * 977) % 50021}`],
    ['an uncommon word', (i) => ['reconciliation', 'hypervisor', 'kerberos', 'certificate'][i % 4]!],
    ['a prefix', (i) => ['passw', 'kerber', 'synchro', 'certif'][i % 4]!],
    ['a misspelling', (i) => ['pasword', 'keybaord', 'certifcate', 'synchronisaton'][i % 4]!],
    ['a word in comments only', () => 'vendorcase'],
    ['no match', (i) => ['xylophone', 'quasar', 'zeppelin', 'marmalade'][i % 4]!],
  ];
  for (const [label, q] of words) {
    const t = await time(
      SAMPLES,
      async (i) => (await search(ctx, agent, { q: q(i), limit: 8 })).items.length,
    );
    out.push(...row(`${db.label} search (agent): ${label}`, t, SEARCH_MS, base));
  }
  return out;
}

async function benchCounts(db: Db, base: Timing): Promise<BenchRow[]> {
  const { ctx } = db;
  const agents = await Promise.all(Array.from({ length: 5 }, (_, i) => actorOf(ctx, i * AGENTS_PER_GROUP)));
  const t = await time(SAMPLES, async (i) => {
    const c = await recordCounts(ctx, agents[i % 5]!, incident);
    return c.byState.length;
  });
  return row(`${db.label} counts: totals by state and priority, queue badges`, t, COUNT_MS, base, 'exact');
}

/** Requesters: the busiest (about 1 % of all records) and ordinary ones. */
async function benchRequesters(db: Db, base: Timing): Promise<BenchRow[]> {
  const { ctx, gen } = db;
  const out: BenchRow[] = [];
  const people = await Promise.all(
    [0, 1, 5, 40, 300, 2000].map((r) => actorOf(ctx, AGENTS + Math.min(r, gen.requesters - 1))),
  );
  const sizes = await Promise.all(
    people.map(async (p) => {
      const [r] = await queryRows<{ n: number }>(ctx.db, sqlCount(p.userId));
      return r!.n;
    }),
  );
  const mine = (cursor?: string) =>
    listQuery({ sort: 'created', order: 'desc', ...(cursor ? { cursor } : {}) });
  const first = await time(
    SAMPLES,
    async (i) => (await listRecords(ctx, people[i % people.length]!, incident, mine())).items.length,
  );
  const note = `requesters with ${sizes.join(', ')} records`;
  out.push(...row(`${db.label} requester: my incidents, first page`, first, LIST_MS, base, note));
  const cursors: (string | undefined)[] = [];
  for (const p of people) cursors.push(await deepCursor(ctx, p, 10, mine));
  const deep = await time(
    SAMPLES,
    async (i) =>
      (await listRecords(ctx, people[i % people.length]!, incident, mine(cursors[i % people.length]))).items
        .length,
  );
  out.push(
    ...row(
      `${db.label} requester: my incidents, deep keyset page`,
      deep,
      LIST_MS,
      base,
      'after up to 10 pages',
    ),
  );
  const terms = ['password', 'printer', 'passw', 'pasword', 'vendorcase', 'xylophone'];
  let leaked = 0;
  const s = await time(SAMPLES, async (i) => {
    const p = people[i % people.length]!;
    const answer = await search(ctx, p, { q: terms[i % terms.length]!, limit: 8 });
    for (const h of answer.items) if (h.kind === 'record' && !(await visibleTo(ctx, p, h.id))) leaked++;
    if (terms[i % terms.length] === 'vendorcase' && answer.items.length) leaked += answer.items.length;
    return answer.items.length;
  });
  out.push(
    ...row(
      `${db.label} requester: search`,
      s,
      SEARCH_MS,
      base,
      `${leaked} hits they may not see (must be 0); p95 includes checking each hit`,
    ),
  );
  const c = await time(
    SAMPLES,
    async (i) => (await recordCounts(ctx, people[i % people.length]!, incident)).byState.length,
  );
  out.push(...row(`${db.label} requester: my counts`, c, COUNT_MS, base));
  return out;
}

const sqlCount = (id: string) =>
  sql`select count(*)::int as n from records where type = 'incident' and requester_id = ${id}`;

async function visibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const [r] = await queryRows<{ ok: boolean }>(
    ctx.db,
    sql`select exists(select 1 from records where id = ${id} and (requester_id = ${actor.userId}
          or exists(select 1 from record_watchers where record_id = ${id} and user_id = ${actor.userId}))) as ok`,
  );
  return r!.ok;
}

async function measure(db: Db): Promise<BenchRow[]> {
  const base = await pkBaseline(db, db.gen);
  const rows: BenchRow[] = [
    { name: `${db.label} baseline: one record by primary key: p50`, value: round(base.p50, 3), unit: 'ms' },
    { name: `${db.label} baseline: one record by primary key: p95`, value: round(base.p95, 3), unit: 'ms' },
  ];
  const phases: [string, (db: Db, base: Timing) => Promise<BenchRow[]>][] = [
    ['queues', benchQueues],
    ['search', benchSearch],
    ['counts', benchCounts],
    ['requesters', benchRequesters],
  ];
  for (const [name, run] of phases) {
    if (!PHASES.includes(name)) continue;
    console.log(`${name}…`);
    rows.push(...(await run(db, base)));
  }
  return rows;
}

/** Keep the generated database between runs: its name says how many records it holds. */
async function postgresDatabase(
  total: number,
): Promise<{ url: string; fresh: boolean; drop: () => Promise<void> } | { error: string }> {
  const name = DB_NAME ?? `steward_bench_records_${total}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return { error: `not a plain database name: ${name}` };
  const admin = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    return { error: `PostgreSQL not reachable at the benchmark URL (${(e as Error).message})` };
  }
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
  let fresh = !exists;
  if (exists) {
    const url = dbUrl(name);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const done = await c.query(`select to_regclass('bench_generated') is not null as ok`);
    if (!done.rows[0].ok) fresh = true;
    await c.end();
    if (fresh) await admin.query(`drop database ${name} with (force)`);
  }
  if (fresh) await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: dbUrl(name),
    fresh,
    drop: async () => {
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function dbUrl(name: string): string {
  const url = new URL(BENCH_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What the generator made, read back from a kept database. */
async function readGenerated(client: pg.Client): Promise<GeneratedRecords> {
  const r = await client.query<{
    info: GeneratedRecords & {
      byType: [string, { first: number; count: number; prefix: string; firstNumber: number }][];
    };
  }>('select info from bench_generated');
  const info = r.rows[0]!.info;
  return { ...info, byType: new Map(info.byType) };
}

async function generateInto(client: pg.Client, total: number): Promise<GeneratedRecords> {
  console.log(`generating ${total.toLocaleString('en-US')} records…`);
  const gen = await generateRecords(client, total, console.log);
  await client.query('create table bench_generated (info jsonb not null)');
  await client.query('insert into bench_generated values ($1)', [
    JSON.stringify({ ...gen, byType: [...gen.byType] }),
  ]);
  return gen;
}

function genRow(label: string, gen: GeneratedRecords, reused: boolean): BenchRow {
  return {
    name: `${label} generated records`,
    value: gen.total,
    unit: 'records',
    note: `${gen.comments.toLocaleString('en-US')} comments, ${gen.clocks.toLocaleString('en-US')} SLA clocks, ${gen.requesters.toLocaleString('en-US')} requesters; ${reused ? 'reused from an earlier run' : `generated in ${round(gen.seconds, 0)} s`}`,
  };
}

async function runPostgres(): Promise<BenchRow[]> {
  const db = await postgresDatabase(TOTAL);
  if ('error' in db)
    return [{ name: 'records (PostgreSQL)', value: 0, unit: '-', note: `skipped: ${db.error}` }];
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(
      loadConfig({ LOG_LEVEL: 'silent', STEWARD_DEMO: '0', STEWARD_JOBS: '0', DATABASE_URL: db.url }),
      { startJobs: false },
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const gen = db.fresh ? await generateInto(client, TOTAL) : await readGenerated(client);
    await client.query('checkpoint').catch(() => undefined);
    await client.end();
    const label = 'PostgreSQL';
    return [genRow(label, gen, !db.fresh), ...(await measure({ url: db.url, ctx, gen, label }))];
  } finally {
    if (ctx) await closeContext(ctx);
    if (!KEEP) await db.drop();
  }
}

async function runPglite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-bench-records-'));
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(
      loadConfig({
        LOG_LEVEL: 'silent',
        STEWARD_DEMO: '0',
        STEWARD_JOBS: '0',
        DATA_DIR: dir,
        EMBEDDED_SHARED_BUFFERS: process.env.EMBEDDED_SHARED_BUFFERS,
      }),
      { startJobs: false },
    );
    const lite = ctx.database.pglite!;
    // The generator speaks pg.Client's query(); PGlite's has the same shape for what it uses.
    const client = {
      query: (text: string, values?: unknown[]) => lite.query(text, values),
    } as unknown as pg.Client;
    const gen = await generateInto(client, PGLITE_TOTAL);
    const label = 'PGlite';
    return [genRow(label, gen, false), ...(await measure({ ctx, gen, label }))];
  } finally {
    if (ctx) await closeContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  }
}

function machineRow(startLoad: number): BenchRow {
  return {
    name: 'machine: load average (1 min) at start / end',
    value: round(startLoad),
    unit: 'load',
    note: `${round(loadavg()[0]!)} at the end, ${availableParallelism()} CPUs`,
  };
}

export async function runRecordsBench(): Promise<BenchRow[]> {
  const startLoad = loadavg()[0]!;
  const rows: BenchRow[] = [];
  if (DATABASES.includes('postgres')) rows.push(...(await runPostgres()));
  if (DATABASES.includes('pglite')) rows.push(...(await runPglite()));
  rows.push(machineRow(startLoad));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runRecordsBench();
  printTable(r);
  console.log(`written to ${writeResults('records', r)}`);
}
