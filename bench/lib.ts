/** Shared helpers for benchmarks: result rows, a table printer, result files, throwaway databases. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type BenchRow = { name: string; value: number; unit: string; note?: string };

export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');

export function printTable(rows: BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(14)}  unit        note`);
  console.log(`${'-'.repeat(w)}  ${'-'.repeat(14)}  ----------  ----`);
  for (const r of rows) {
    const v = Number.isInteger(r.value)
      ? r.value.toLocaleString('en-US')
      : r.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    console.log(`${r.name.padEnd(w)}  ${v.padStart(14)}  ${r.unit.padEnd(10)}  ${r.note ?? ''}`);
  }
}

export function writeResults(suite: string, rows: BenchRow[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${suite}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ suite, at: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  return file;
}

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database on the benchmark's PostgreSQL server, or why there is none. */
export type BenchDatabase = { url: string; drop: () => Promise<void> } | { error: string };

/**
 * Runs `prepare` on a connection to the server's maintenance database and gives the address of
 * database `name` with `drop`, or an error when the server is not reachable.
 */
async function databaseOnServer(
  name: string,
  prepare: (admin: pg.Client) => Promise<unknown>,
  drop: () => Promise<void>,
): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await prepare(admin);
  } catch (e) {
    return { error: `PostgreSQL not reachable at the benchmark URL (${(e as Error).message})` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(BENCH_PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}

/** A fresh database on the PostgreSQL server, or null (with a reason) when none is reachable. */
export async function throwawayDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  return databaseOnServer(
    name,
    (admin) => admin.query(`create database ${name}`),
    async () => {
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  );
}

/**
 * A database on the PostgreSQL server kept between runs under the given name (created when
 * missing); `drop` leaves it in place.
 */
export async function keptDatabase(name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return { error: `not a plain database name: ${name}` };
  return databaseOnServer(
    name,
    async (admin) => {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await admin.query(`create database ${name}`);
    },
    async () => undefined,
  );
}

/** The q-quantile of ascending values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
