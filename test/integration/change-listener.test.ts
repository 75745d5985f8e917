/**
 * The LISTEN connection that drops cached data on every instance: after each interruption it comes
 * back within about a second, however many interruptions came before (the retry delay starts over
 * once a connection succeeds). Runs only against a PostgreSQL server (TEST_DATABASE_URL).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConfigCache, listenForChanges } from '../../src/db/changes.ts';
import { queryRows } from '../../src/db/client.ts';
import { setupTestEnv } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

/** Wait until `probe` holds; how long that took, in ms. */
async function until(what: string, probe: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const began = Date.now();
  await pollUntil(probe, Boolean, { what, timeoutMs: ms });
  return Date.now() - began;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('the change listener on a PostgreSQL server', () => {
  const t = setupTestEnv({});

  it('reconnects within about a second after every interruption, not after a growing delay', async () => {
    const cache = new ConfigCache();
    const errors: unknown[] = [];
    const stop = await listenForChanges(t.env.ctx.database, t.env.databaseUrl, { test_channel: cache }, (e) =>
      errors.push(e),
    );
    try {
      expect(cache.enabled).toBe(true);
      // Unfixed, the fifth outage would wait 16 s: 1, 2, 4, 8, 16.
      for (let blip = 1; blip <= 5; blip++) {
        await queryRows(
          t.env.ctx.db,
          sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen test_channel%'`,
        );
        await until('the cache to switch off', () => !cache.enabled, 2000);
        const back = await until('the listener to come back', () => cache.enabled, 2500);
        expect(back).toBeLessThan(2500);
      }
      expect(errors.length).toBeGreaterThanOrEqual(5);
      // And it hears changes again.
      await cache.get('k', async () => 1);
      await t.env.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('test_channel', 'k')`);
      });
      await until('the notification', async () => (await cache.get('k', async () => 2)) === 2, 2000);
    } finally {
      await stop();
    }
  });
});
