/**
 * One data layer, two drivers: embedded PGlite (data in a local folder, or in memory for tests)
 * or a PostgreSQL server through node-postgres. Everything above this file sees the same
 * Drizzle database type and the same SQL dialect.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { withAfterCommit } from './after-commit.ts';

/**
 * The database, or a transaction on it: both expose the same query builder. Built without the
 * schema: the schema only feeds Drizzle's relational queries (`db.query.…`), which Steward does
 * not use, and with it every transaction built a query object per table (about 100) before its
 * first statement.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The raw PGlite instance (embedded mode only), e.g. for the job queue adapter. */
  pglite: PGlite | undefined;
  /** The node-postgres pool (server mode only). */
  pool: pg.Pool | undefined;
  /**
   * Run a hot-path statement by name: a server-side prepared statement on PostgreSQL (parsed and
   * planned once per connection), a plain parameterised query on PGlite.
   */
  prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
  /** Told after every `db.transaction(…)` commits (not after single statements outside one). */
  committed: Set<() => void>;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

// Timestamps come back as JS Dates from both drivers; bigint counts as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /**
   * Embedded databases only: PostgreSQL's shared_buffers (default 32MB). The pool lives in the
   * process's memory from the start; PostgreSQL's own default of 128MB held about 100 MB more
   * for a database that fits in a few megabytes, and reads beyond the pool come from the
   * operating system's file cache.
   */
  sharedBuffers?: string | undefined;
  /**
   * Embedded in-memory databases only: start from this data folder (a tarball from PGlite's
   * `dumpDataDir`) instead of an empty cluster; the tests open every database this way from one
   * migrated copy.
   */
  initialData?: Blob | undefined;
};

/** Either driver's Drizzle database, with its after-commit work and the `committed` listeners it tells. */
function committing(driverDb: unknown): Pick<Database, 'db' | 'committed'> {
  const committed = new Set<() => void>();
  return { db: withAfterCommit(driverDb as Db, committed), committed };
}

/** dataDir 'memory://' gives a throwaway in-memory database. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? './data', opts.initialData, opts.sharedBuffers ?? '32MB');
}

/**
 * The embedded database belongs to one process at a time; a second opener (a CLI command while
 * the server runs) would corrupt it. A lock file with the owner's pid keeps that from happening.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = path.join(dataDir, '.steward.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch {
      const pid = Number(readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first, or use the API while it runs.`,
        );
      }
      rmSync(lock, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function openPglite(
  dataDir: string,
  initialData: Blob | undefined,
  sharedBuffers: string,
): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  if (initialData && !memory) throw new Error('Initial data is only for in-memory databases.');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  // Loaded here, not at start: a server on PostgreSQL never holds the embedded database's code.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ],
  );
  const unlock = memory ? () => {} : lockDataDir(dataDir);
  // Extensions the migrations create must be loaded into every PGlite instance: trigram matching
  // for typo-tolerant article titles and misspelt search words (the record_search_words index).
  const client = await PGlite.create({
    ...(memory ? {} : { dataDir: path.resolve(dataDir) }),
    ...(initialData ? { loadDataDir: initialData } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  }).catch((e: unknown) => {
    unlock();
    throw e;
  });
  return {
    ...committing(drizzlePglite(client)),
    kind: 'pglite',
    pglite: client,
    pool: undefined,
    prepared: async <T>(_name: string, text: string, values: unknown[]) =>
      (await client.query<T>(text, values)).rows,
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // JIT compilation costs 50–100 ms on each statement the planner thinks large (a report over a
  // quarter), more than it saves on queries of this size: off, unless the URL sets options itself.
  const options = new URL(url).searchParams.has('options') ? {} : { options: '-c jit=off' };
  const pool = new pg.Pool({ connectionString: url, max, ...options });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  return {
    ...committing(drizzlePg(pool)),
    kind: 'postgres',
    pglite: undefined,
    pool,
    prepared: async <T>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as T[],
    migrate: async () => {
      // Several instances may start at once: one migrates while the others wait on the lock.
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock(7405261)');
        await migratePg(drizzlePg(conn), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await conn.query('select pg_advisory_unlock(7405261)').catch(() => undefined);
        conn.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}

/** Run raw SQL and get its rows, whichever driver is underneath. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type DriverClient = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** The driver's client underneath a database or transaction handle, where there is one. */
const driverClient = (db: Db) => (db as unknown as { session?: { client?: DriverClient } }).session?.client;

/**
 * Whether `db` is a PostgreSQL server's pool, on which statements sent at once run side by side;
 * the embedded database, and a transaction's one connection, run them one after another.
 */
export const runsSideBySide = (db: Db): boolean => driverClient(db) instanceof pg.Pool;

/**
 * A `$1, $2…` statement with its values, sent on the connection of the database or transaction
 * it is given without a query builder in between; with a `name`, on PostgreSQL, as a named
 * prepared statement, parsed and planned once per connection (a name must always stand for the
 * same text). Rows come with the driver's own type parsing (timestamps as Date objects, where
 * Drizzle's raw `execute` leaves them strings).
 */
export async function statementRows<T>(
  db: Db,
  name: string | null,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const client = driverClient(db);
  if (!client) return queryRows<T>(db, sqlWithParams(text, values));
  if (name && (client instanceof pg.Pool || client instanceof pg.Client))
    return (await client.query({ name, text, values })).rows as T[];
  return (await client.query(text, values)).rows as T[];
}

/** A `$1, $2…` statement as Drizzle SQL, to run a prepared-style statement inside a transaction. */
export function sqlWithParams(text: string, params: unknown[]): SQL {
  const out = sql.empty();
  text.split(/\$(\d+)/).forEach((part, i) => {
    out.append(i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`);
  });
  return out;
}

/**
 * An error as it may be logged: a failed query keeps its SQL text but never its parameter values
 * (they can hold token hashes, passwords' hashes or personal data), and the database's `detail`
 * (which quotes values, e.g. "Key (token_hash)=(…)") is dropped.
 */
export function logSafeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const query = (err as { query?: unknown }).query;
  if (typeof query !== 'string' || !('params' in err)) return err;
  const cause = err.cause as { message?: unknown; code?: unknown; stack?: unknown } | undefined;
  const safe = new Error(`Failed query: ${query}`);
  safe.name = err.name;
  safe.stack = `${safe.name}: ${safe.message}\n${String(err.stack ?? '')
    .split('\n')
    .filter((l) => l.startsWith('    at '))
    .join('\n')}`;
  if (cause && typeof cause === 'object') {
    safe.cause = { message: String(cause.message ?? ''), code: cause.code, stack: cause.stack };
  }
  return safe;
}

export { sql };
