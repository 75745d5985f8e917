/**
 * Keeps this instance's in-memory graph index (src/domain/cmdb/graph-index.ts) equal to the
 * database. Loaded once from a consistent snapshot, then brought up to date before every walk from
 * `ci_graph_changes`, the change log the database's triggers write in the changing transaction.
 * A walk therefore sees every change committed before it started, on whichever instance it runs,
 * for the cost of one indexed query that usually returns nothing.
 *
 * Reading a log by sequence number alone would miss rows: a transaction may take sequence 10,
 * commit after another took 11 and committed, and a reader that saw 11 would never look back. So
 * the reader keeps the oldest transaction still running when it last read (the snapshot's xmin)
 * and reads again every row written by that transaction or later ones, skipping the rows it has
 * already applied. Rows of transactions older than xmin are final: committed and seen, or aborted.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PoolClient } from 'pg';
import type { Database } from '../../db/client.ts';
import { CiGraphIndex } from '../../domain/cmdb/graph-index.ts';
import {
  decodeSnapshot,
  encodeSnapshot,
  readSnapshotFile,
  type SnapshotState,
  writeSnapshotFile,
} from './graph-snapshot.ts';
import { RELATIONSHIP_TYPES } from './model.ts';

/** Log rows older than this are pruned by an hourly job (pruneGraphChanges, cmdb/jobs.ts). */
const RETENTION_HOURS = 24;
/** An instance that has not read the log for this long loads afresh instead. */
const STALE_MS = (RETENTION_HOURS / 2) * 3_600_000;
const CHUNK = 50_000;
/** A snapshot file is written again once it is this old (after a read of the log). */
const SNAPSHOT_EVERY_MS = 3_600_000;
/** Smaller graphs load from the database in about a second: no file for them. */
const SNAPSHOT_MIN_CIS = 50_000;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

type Query = <T>(text: string, values?: unknown[]) => Promise<T[]>;
type ChangeRow = {
  xmin: string;
  seq: number | null;
  xid: string | null;
  kind: string | null;
  ci_id: string | null;
  class_key: string | null;
  name: string | null;
  status: string | null;
  type_key: string | null;
  from_id: string | null;
  to_id: string | null;
  rel_id: string | null;
};

const SNAPSHOT_XMIN = 'pg_snapshot_xmin(pg_current_snapshot())';

const CHANGES_SQL = `with s as (select ${SNAPSHOT_XMIN} as xmin)
  select s.xmin::text as xmin, c.seq, c.xid::text as xid, c.kind, c.ci_id, c.class_key, c.name, c.status,
    c.type_key,
    c.from_id, c.to_id, c.rel_id
  from s left join ci_graph_changes c on c.xid >= $1::xid8
  order by c.seq`;

/** Run `fn` with queries that all read one snapshot of the database. */
async function inSnapshot<T>(database: Database, fn: (query: Query) => Promise<T>): Promise<T> {
  if (database.pglite) {
    const pglite = database.pglite;
    return pglite.transaction(async (tx) =>
      fn(async (text, values) => (await tx.query(text, values)).rows as never),
    );
  }
  const client: PoolClient = await database.pool!.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const out = await fn(async (text, values) => (await client.query(text, values)).rows);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export type GraphStoreOptions = {
  /** Where snapshot files are kept; none when null. */
  snapshotDir?: string | null;
  /** Graphs with fewer CIs are not written to a snapshot. */
  snapshotMinCis?: number;
};

export type GraphStoreStats = {
  /** 'loading' until the first load ends (walks wait for it), 'loaded' after; 'idle' before any. */
  state: 'idle' | 'loading' | 'loaded';
  /** What the last load read: every CI and relationship, or a snapshot file and the log since. */
  source: 'database' | 'snapshot' | null;
  cis: number;
  relationships: number;
  loadedAt: Date | null;
  loadMs: number;
};

export class CiGraphStore {
  #database: Database;
  #index: CiGraphIndex | undefined;
  #loading: Promise<CiGraphIndex> | undefined;
  /** xmin of the snapshot of the last read: rows of this transaction or later ones are re-read. */
  #xmin = '0';
  /** Sequence numbers already applied among the rows that will be read again, with their xid. */
  #applied = new Map<number, bigint>();
  #lastRead = 0;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #loadedAt: Date | null = null;
  #loadMs = 0;
  #source: GraphStoreStats['source'] = null;
  #snapshotDir: string | null;
  #snapshotMinCis: number;
  /** This database's identity and snapshot file, once asked. */
  #identity: string | null = null;
  #snapshotFile: string | null = null;
  #snapshotAt = 0;
  #writing: Promise<void> | undefined;

  constructor(database: Database, opts: GraphStoreOptions = {}) {
    this.#database = database;
    this.#snapshotDir = opts.snapshotDir ?? null;
    this.#snapshotMinCis = opts.snapshotMinCis ?? SNAPSHOT_MIN_CIS;
  }

  /** The index, up to date with every graph change committed before this call. */
  async current(): Promise<CiGraphIndex> {
    if (this.#index && Date.now() - this.#lastRead > STALE_MS) this.#index = undefined;
    if (!this.#index) {
      this.#loading ??= this.#load().finally(() => {
        this.#loading = undefined;
      });
      await this.#loading;
    }
    await this.#readLog();
    return this.#index!;
  }

  /** Start loading in the background (the server does at start-up); failures wait for a walk. */
  warm(): void {
    this.current().catch(() => undefined);
  }

  stats(): GraphStoreStats {
    return {
      state: this.#index ? 'loaded' : this.#loading ? 'loading' : 'idle',
      cis: this.#index?.size ?? 0,
      relationships: this.#index?.edgeCount ?? 0,
      source: this.#source,
      loadedAt: this.#loadedAt,
      loadMs: this.#loadMs,
    };
  }

  /** Wait for a snapshot being written (tests, shutdown). */
  async settled(): Promise<void> {
    await this.#writing;
  }

  async #load(): Promise<CiGraphIndex> {
    const began = performance.now();
    const fromFile = await this.#loadSnapshot().catch(() => null);
    if (fromFile) {
      this.#index = fromFile;
      this.#source = 'snapshot';
      this.#loadedAt = new Date();
      this.#loadMs = performance.now() - began;
      return fromFile;
    }
    const index = new CiGraphIndex(RELATIONSHIP_TYPES);
    const { xmin, applied } = await inSnapshot(this.#database, async (query) => {
      const [snap] = await query<{ xmin: string }>(`select ${SNAPSHOT_XMIN}::text as xmin`);
      const seen = await query<{ seq: number; xid: string }>(
        `select seq, xid::text as xid from ci_graph_changes where xid >= $1::xid8`,
        [snap!.xmin],
      );
      for (let last = FIRST_UUID; ; ) {
        const rows = await query<{ id: string; class_key: string; name: string; status: string }>(
          'select id, class_key, name, status from cis where id > $1 order by id limit $2',
          [last, CHUNK],
        );
        for (const r of rows) index.setCi(r.id, r.class_key, r.name, r.status);
        if (rows.length < CHUNK) break;
        last = rows.at(-1)!.id;
      }
      for (let last = [FIRST_UUID, '', FIRST_UUID]; ; ) {
        // Keyset over the unique index (from, type, to): read in index order, never re-sorted.
        const rows = await query<{ id: string; type: string; from: string; to: string }>(
          `select id, from_id as "from", type_key as type, to_id as "to" from ci_relationships
           where (from_id, type_key, to_id) > ($1::uuid, $2, $3::uuid)
           order by from_id, type_key, to_id limit $4`,
          [...last, CHUNK],
        );
        index.loadEdges(rows);
        if (rows.length < CHUNK) break;
        const l = rows.at(-1)!;
        last = [l.from, l.type, l.to];
      }
      index.finishLoad();
      return { xmin: snap!.xmin, applied: seen };
    });
    this.#xmin = xmin;
    this.#applied = new Map(applied.map((r) => [Number(r.seq), BigInt(r.xid)]));
    this.#lastRead = Date.now();
    this.#index = index;
    this.#source = 'database';
    this.#loadedAt = new Date();
    this.#loadMs = performance.now() - began;
    this.#saveSnapshot(index);
    return index;
  }

  /**
   * The index from this database's snapshot file, with where the log stood then; null when there
   * is no usable file: none, another database's, torn, or older than the log keeps (it is read
   * again from the database then, and the file written anew).
   */
  async #loadSnapshot(): Promise<CiGraphIndex | null> {
    if (!this.#snapshotDir) return null;
    const [row] = await this.#database.prepared<{ identity: string; now: Date }>(
      'cmdb.graph_identity',
      `select (select system_identifier::text from pg_control_system()) || '-' ||
         (select oid::text from pg_database where datname = current_database()) as identity, now() as now`,
      [],
    );
    this.#identity = row!.identity;
    this.#snapshotFile = path.join(this.#snapshotDir, `ci-graph-${row!.identity}.snapshot`);
    const bytes = await readSnapshotFile(this.#snapshotFile);
    const decoded = bytes && decodeSnapshot(bytes);
    if (!decoded || decoded.state.identity !== row!.identity) return null;
    const age = new Date(row!.now).getTime() - new Date(decoded.state.takenAt).getTime();
    if (!(age >= 0 && age < STALE_MS)) return null;
    const index = CiGraphIndex.fromSnapshot(RELATIONSHIP_TYPES, decoded.snap);
    this.#xmin = decoded.state.xmin;
    this.#applied = new Map(decoded.state.applied.map(([seq, xid]) => [seq, BigInt(xid)]));
    this.#lastRead = Date.now();
    this.#snapshotAt = Date.now() - age;
    return index;
  }

  /**
   * Write the index and where the log stands to the snapshot file, in the background; called when
   * the index matches the log position exactly (after a load or a read of the log). The bytes are
   * copied at once, so later changes to the index do not reach the file.
   */
  #saveSnapshot(index: CiGraphIndex): void {
    if (!this.#snapshotDir || !this.#snapshotFile || !this.#identity || this.#writing) return;
    if (index.size < this.#snapshotMinCis) return;
    const state: SnapshotState = {
      identity: this.#identity,
      takenAt: new Date().toISOString(),
      xmin: this.#xmin,
      applied: [...this.#applied].map(([seq, xid]) => [seq, xid.toString()]),
    };
    const bytes = encodeSnapshot(index.toSnapshot(), state);
    const file = this.#snapshotFile;
    const dir = this.#snapshotDir;
    this.#snapshotAt = Date.now();
    this.#writing = mkdir(dir, { recursive: true })
      .then(() => writeSnapshotFile(file, bytes))
      .catch(() => {
        this.#snapshotAt = 0; // try again after the next read of the log
      })
      .finally(() => {
        this.#writing = undefined;
      });
  }

  /** Apply the log; a call waits for a read that starts after it, never for an older one only. */
  #readLog(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#applyLog().finally(() => {
        this.#running = undefined;
      });
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.#readLog();
      });
    return this.#queued;
  }

  async #applyLog(): Promise<void> {
    const index = this.#index;
    if (!index) return;
    const rows = await this.#database.prepared<ChangeRow>('cmdb.graph_changes', CHANGES_SQL, [this.#xmin]);
    if (this.#index !== index) return; // reloaded meanwhile
    for (const r of rows) {
      if (r.seq === null || this.#applied.has(Number(r.seq))) continue;
      this.#applied.set(Number(r.seq), BigInt(r.xid!));
      if (r.kind === 'ci+') index.setCi(r.ci_id!, r.class_key!, r.name ?? '', r.status ?? '');
      else if (r.kind === 'ci-') index.removeCi(r.ci_id!);
      else if (r.kind === 'rel+')
        index.addEdge({ id: r.rel_id!, type: r.type_key!, from: r.from_id!, to: r.to_id! });
      else if (r.kind === 'rel-') index.removeEdge({ type: r.type_key!, from: r.from_id!, to: r.to_id! });
    }
    const xmin = rows[0]!.xmin;
    const floor = BigInt(xmin);
    for (const [seq, xid] of this.#applied) if (xid < floor) this.#applied.delete(seq);
    this.#xmin = xmin;
    this.#lastRead = Date.now();
    if (Date.now() - this.#snapshotAt > SNAPSHOT_EVERY_MS) this.#saveSnapshot(index);
  }
}

const PRUNE_SQL = `with gone as (
    delete from ci_graph_changes where created_at < now() - interval '${RETENTION_HOURS} hours' returning 1
  ) select count(*)::int as n from gone`;

/**
 * Delete log rows older than the retention: every instance has read them long since, or reloads
 * (STALE_MS) instead of reading them. Returns how many went.
 */
export async function pruneGraphChanges(database: Database): Promise<number> {
  const [row] = await database.prepared<{ n: number }>('cmdb.graph_changes_prune', PRUNE_SQL, []);
  return row?.n ?? 0;
}
