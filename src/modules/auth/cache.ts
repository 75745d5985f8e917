/**
 * A short-lived cache of who a session or API token belongs to, so most API calls need no
 * authentication query. It is safe across instances: every change that affects a user's
 * credentials or permissions sends a PostgreSQL NOTIFY in its transaction, and every instance
 * listens and drops that user's entries. While the listening connection is down the cache is
 * off, so a missed notification can never keep a revoked credential alive.
 */

import { sql } from 'drizzle-orm';
import type { InvalidatedCache } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/roles.ts';

export const AUTH_CHANNEL = 'steward_auth';

export type CachedAuth = {
  actor: Actor;
  csrfToken: string | null;
  validUntil: number;
  /** For an API token: its id and when its use was last written, to keep that write to once a minute. */
  token?: { id: string; lastUsedAt: number };
};

export class AuthCache implements InvalidatedCache {
  private readonly entries = new Map<string, CachedAuth>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  enabled = false;
  constructor(ttlMs = 30_000, maxEntries = 20_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /** Call before reading from the database; pass the result to `set`. */
  begin(): number {
    return this.generation;
  }

  get(key: string, now: number): CachedAuth | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(key);
    if (e && e.validUntil <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Stores only if nothing was invalidated since `begin()`, so a racing read cannot resurrect old data. */
  set(
    key: string,
    value: Omit<CachedAuth, 'validUntil'>,
    now: number,
    expiresAt: number | null,
    generation: number,
  ): void {
    if (!this.enabled || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, {
      ...value,
      validUntil: Math.min(now + this.ttlMs, expiresAt ?? Number.POSITIVE_INFINITY),
    });
  }

  invalidateUsers(userIds: Iterable<string>): void {
    const ids = new Set(userIds);
    this.generation++;
    for (const [k, v] of this.entries) if (ids.has(v.actor.userId)) this.entries.delete(k);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** A notification's payload is the id of the user whose credentials or permissions changed. */
  invalidate(userId: string): void {
    this.invalidateUsers([userId]);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Inside the changing transaction: tell every instance (on commit) that these users changed. */
export async function notifyAuthChange(tx: Db, userIds: Iterable<string>): Promise<void> {
  for (const id of new Set(userIds)) await tx.execute(sql`select pg_notify(${AUTH_CHANNEL}, ${id})`);
}
