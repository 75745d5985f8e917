/**
 * What Steward's connections to a PostgreSQL server set for themselves (on the embedded database
 * there is no server to connect to, and this file has nothing to check).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { setupTestEnv } from '../support/app.ts';

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('connections to a PostgreSQL server', () => {
  const t = setupTestEnv({});

  it('turn JIT compilation off on every pooled connection', async () => {
    const rows = await Promise.all(
      Array.from({ length: 4 }, () => queryRows<{ jit: string }>(t.env.ctx.db, sql`show jit`)),
    );
    expect(rows.map((r) => r[0]!.jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
