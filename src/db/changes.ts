/**
 * Cross-instance cache invalidation through PostgreSQL LISTEN/NOTIFY. A change that others may
 * have cached queues a notice with the key inside its transaction, sent by NOTIFY once it has
 * committed (notice-outbox.ts); every instance listens on one connection and drops what it cached
 * under that key. While the connection is down every listening cache is switched off, so nothing
 * stale can be served.
 */
import pg from 'pg';
import { afterCommit } from './after-commit.ts';
import type { Database, Db } from './client.ts';
import { queueNotice } from './notice-outbox.ts';

export type InvalidatedCache = { enabled: boolean; invalidate(payload: string): void; clear(): void };

/**
 * Drop a configuration entry here at once, here again when `db`'s transaction commits (so a read
 * between this call and the commit cannot keep the old value past the commit), and on every
 * instance through a notice sent once it has committed.
 */
export async function configChanged(db: Db, cache: ConfigCache, key: string): Promise<void> {
  await queueNotice(db, ConfigCache.CHANNEL, key);
  configChangedHere(cache, key);
}

/**
 * The same on this instance only: for a change whose notice to the other instances the database
 * queues itself (a trigger on the changed table).
 */
export function configChangedHere(cache: ConfigCache, key: string): void {
  cache.invalidate(key);
  afterCommit(() => cache.invalidate(key));
}

export async function listenForChanges(
  database: Database,
  databaseUrl: string | undefined,
  caches: Record<string, InvalidatedCache>,
  onError: (err: unknown) => void,
): Promise<() => Promise<void>> {
  const all = Object.values(caches);
  const setEnabled = (on: boolean) => {
    for (const c of all) {
      c.clear();
      c.enabled = on;
    }
  };
  if (database.pglite) {
    const unlisten = await Promise.all(
      Object.entries(caches).map(([channel, cache]) =>
        database.pglite!.listen(channel, (payload) => cache.invalidate(payload)),
      ),
    );
    setEnabled(true);
    return async () => {
      setEnabled(false);
      for (const u of unlisten) await u();
    };
  }
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const backoff = reconnectBackoff();
  const again = () => {
    if (!stopped) retry = setTimeout(() => void connect(), backoff.next());
  };
  const connect = async (): Promise<void> => {
    try {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on('notification', (n) => {
        if (n.payload !== undefined) caches[n.channel]?.invalidate(n.payload);
      });
      let failed = false;
      c.on('error', (err) => {
        if (failed) return;
        failed = true;
        setEnabled(false);
        onError(err);
        c.end().catch(() => undefined);
        again();
      });
      await c.connect();
      for (const channel of Object.keys(caches)) await c.query(`listen ${channel}`);
      if (stopped) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      // A connection that came up starts the next outage's backoff from the first delay again.
      backoff.reset();
      setEnabled(true);
    } catch (err) {
      onError(err);
      again();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    setEnabled(false);
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/**
 * Delays between attempts to bring the listening connection back: 1 s, doubling up to 30 s, and
 * back to 1 s once a connection succeeds (without the reset, an instance that had seen a few blips
 * kept its caches off for 30 s after every later one).
 */
export function reconnectBackoff(firstMs = 1000, maxMs = 30_000): { next(): number; reset(): void } {
  let delay = firstMs;
  return {
    next() {
      const d = delay;
      delay = Math.min(delay * 2, maxMs);
      return d;
    },
    reset() {
      delay = firstMs;
    },
  };
}

/** Cache keys by the change topics they follow (see followChanges); the same on every instance. */
const followers = new Map<string, Set<string>>();

/**
 * Declare that what is cached under `key` is derived from data another module owns: a change
 * published on `topic` (e.g. `organisations:renamed`) drops the key too. The module that changes
 * the data publishes its topic and need not know who caches what; the caching module follows it.
 */
export function followChanges(topic: string, key: string): void {
  const keys = followers.get(topic) ?? new Set<string>();
  keys.add(key);
  followers.set(topic, keys);
}

/**
 * A small cache of configuration read on hot paths (which processes have automation rules…),
 * keyed by strings; `invalidate(prefix)` drops every key starting with the prefix, and every key
 * that follows the prefix as a change topic.
 */
export class ConfigCache implements InvalidatedCache {
  static readonly CHANNEL = 'steward_config';
  private readonly entries = new Map<string, unknown>();
  private generation = 0;
  enabled = false;

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.enabled && this.entries.has(key)) return this.entries.get(key) as T;
    const gen = this.generation;
    const value = await load();
    if (this.enabled && gen === this.generation) this.entries.set(key, value);
    return value;
  }

  invalidate(prefix: string): void {
    this.generation++;
    const prefixes = [prefix, ...(followers.get(prefix) ?? [])];
    for (const k of this.entries.keys()) if (prefixes.some((p) => k.startsWith(p))) this.entries.delete(k);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
