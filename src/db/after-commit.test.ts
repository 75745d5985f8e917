import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from './after-commit.ts';
import { ConfigCache, configChanged } from './changes.ts';
import { type Database, openDatabase } from './client.ts';

describe('afterCommit', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    // The one table configChanged writes (its notice to other instances), as migration 0034 makes it.
    await database.db.execute(
      sql`create unlogged table notice_outbox (id bigserial primary key, channel text not null, payload text not null)`,
    );
  });
  afterAll(() => database.close());

  it('runs after the transaction commits, not before, and at once outside one', async () => {
    const seen: string[] = [];
    await database.db.transaction(async (tx) => {
      afterCommit(() => seen.push('committed'));
      await tx.execute(sql`select 1`);
      // Savepoints share the outer transaction's list.
      await tx.transaction(async () => afterCommit(() => seen.push('savepoint')));
      seen.push('in transaction');
    });
    seen.push('after');
    afterCommit(() => seen.push('outside'));
    expect(seen).toEqual(['in transaction', 'committed', 'savepoint', 'after', 'outside']);
  });

  it('never runs for a transaction that rolls back', async () => {
    const seen: string[] = [];
    await expect(
      database.db.transaction(async () => {
        afterCommit(() => seen.push('committed'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toEqual([]);
  });

  it('lets configChanged drop what a read cached between the change and its commit', async () => {
    const cache = new ConfigCache();
    cache.enabled = true;
    let value = 'old';
    await database.db.transaction(async (tx) => {
      await configChanged(tx, cache, 'settings:x');
      // A read before the commit sees the old value and caches it.
      expect(await cache.get('settings:x', async () => value)).toBe('old');
      value = 'new';
    });
    expect(await cache.get('settings:x', async () => value)).toBe('new');
  });
});
