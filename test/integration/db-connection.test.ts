/**
 * What Steward's connections to a PostgreSQL server set for themselves (on the embedded database
 * there is no server to connect to, and this file has nothing to check).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createTestEnv, type TestEnv } from '../support/app.ts';

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('connections to a PostgreSQL server', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('turn JIT compilation off on every pooled connection', async () => {
    const rows = await Promise.all(
      Array.from({ length: 4 }, () => queryRows<{ jit: string }>(env.ctx.db, sql`show jit`)),
    );
    expect(rows.map((r) => r[0]!.jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
