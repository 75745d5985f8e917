import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { records } from '../../src/modules/records/schema.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

describe('demo data', () => {
  it('loads a catalog and requests at every stage of fulfilment', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 3 });
    expect(r.requests).toBe(6);
    const rows = await t.env.ctx.db.select({ type: records.type, state: records.state }).from(records);
    const states = rows.filter((x) => x.type === 'request').map((x) => x.state);
    expect(states.sort()).toEqual([
      'awaiting_approval',
      'closed',
      'in_fulfilment',
      'in_fulfilment',
      'in_fulfilment',
      'rejected',
    ]);
    expect(rows.filter((x) => x.type === 'request_task').length).toBe(5);
  }, 240_000);
});
