/**
 * Start and memory of the real server process (`node src/server.js`) with the demo data present:
 * the first start seeds the demo; then warm starts are measured from spawning the process to its
 * first 200 from /readyz, and its resident memory after it has stood idle (with the peak, VmHWM).
 * On the embedded database (a fresh data folder) and on the PostgreSQL server (a throwaway database).
 * Baseline in the same run: a bare Node HTTP server started and measured the same way.
 *
 *   BENCH_SUITES=server-start npm run bench        or        node bench/server-start.ts
 *
 * Knobs: BENCH_START_ROUNDS (warm starts per database, default 3), BENCH_START_IDLE_S (default 10).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchRow, printTable, throwawayDatabase, writeResults } from './lib.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 3);
const IDLE_S = Number(process.env.BENCH_START_IDLE_S ?? 10);
/** The server's command line as `npm start` runs it: its environment, its Node flags, then the entry file. */
const START = /((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)src\/server\.js/.exec(
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start,
);
const words = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean);
export const SERVER = [...words(START?.[2]), 'src/server.js'];
export const SERVER_ENV = Object.fromEntries(words(START?.[1]).map((w) => w.split('=') as [string, string]));
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export type Started = { proc: ChildProcess; base: string; ms: number; exited: Promise<unknown> };

/** Spawn a process, wait until it prints its address and answers 200 on `ready`. */
export async function start(args: string[], env: Record<string, string>, ready: string): Promise<Started> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...SERVER_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => proc.on('exit', r));
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 600_000);
    const read = (c: Buffer) => {
      out += c.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`exited:\n${out}`)));
  });
  for (;;) {
    const ok = await fetch(`${base}${ready}`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { proc, base, ms: performance.now() - t0, exited };
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function stop(s: Started): Promise<void> {
  s.proc.kill('SIGTERM');
  await s.exited;
}

type Sample = { ms: number; rss: number; peak: number };

async function measure(args: string[], env: Record<string, string>, ready: string): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const s = await start(args, env, ready);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    out.push({ ms: s.ms, ...memory(s.proc.pid!) });
    await stop(s);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function rows(
  label: string,
  s: Sample[],
  base: Sample[],
  startTarget: number | null,
  rssTarget: number,
): BenchRow[] {
  const ms = median(s.map((x) => x.ms));
  const rss = median(s.map((x) => x.rss));
  const peak = Math.max(...s.map((x) => x.peak));
  const bms = median(base.map((x) => x.ms));
  const brss = median(base.map((x) => x.rss));
  return [
    {
      name: `${label}: start to ready (median of ${s.length})`,
      value: round(ms / 1000),
      unit: 's',
      note: `${startTarget ? `target <= ${startTarget} s: ${ms / 1000 <= startTarget ? 'met' : 'MISSED'}; ` : ''}baseline (bare Node HTTP server) ${round(bms / 1000)} s`,
    },
    {
      name: `${label}: idle resident memory after ${IDLE_S} s`,
      value: Math.round(rss),
      unit: 'MB',
      note: `target <= ${rssTarget} MB: ${rss <= rssTarget ? 'met' : 'MISSED'}; peak ${Math.round(peak)} MB; baseline ${Math.round(brss)} MB`,
    },
  ];
}

export async function runServerStartBench(): Promise<BenchRow[]> {
  const startLoad = loadavg()[0]!;
  const bare = [
    '-e',
    `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () {
       console.log('listening at http://127.0.0.1:' + this.address().port); });`,
  ];
  const base = await measure(bare, {}, '/');
  const out: BenchRow[] = [];
  // Embedded: the first start seeds the demo data; the measured starts find it there.
  const dir = path.join(tmpdir(), `steward-bench-start-${Date.now().toString(36)}`);
  try {
    const env = { DATA_DIR: dir, STEWARD_DEMO: '1', STEWARD_JOBS: '1' };
    const seeded = await start(SERVER, env, '/readyz');
    await stop(seeded);
    out.push(
      { name: 'embedded: first start with demo seeding', value: round(seeded.ms / 1000), unit: 's' },
      ...rows('embedded (PGlite), demo data present', await measure(SERVER, env, '/readyz'), base, 2, 300),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const db = await throwawayDatabase('steward_bench_start');
  if ('error' in db)
    out.push({ name: 'PostgreSQL server start', value: 0, unit: '-', note: `skipped: ${db.error}` });
  else {
    try {
      const env = { DATABASE_URL: db.url, STEWARD_DEMO: '1', STEWARD_JOBS: '1' };
      await stop(await start(SERVER, env, '/readyz'));
      out.push(
        ...rows(
          'PostgreSQL server, demo data present',
          await measure(SERVER, env, '/readyz'),
          base,
          null,
          150,
        ),
      );
    } finally {
      await db.drop();
    }
  }
  out.push({
    name: 'machine: load average (1 min) at start / end',
    value: round(startLoad),
    unit: 'load',
    note: `${round(loadavg()[0]!)} at the end`,
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runServerStartBench();
  printTable(r);
  console.log(`written to ${writeResults('server-start', r)}`);
}
