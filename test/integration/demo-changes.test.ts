import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { cabBoards, changeDetails } from '../../src/modules/changes/schema.ts';
import { records } from '../../src/modules/records/schema.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

// Seeding the whole demo (incidents, requests, service levels, problems, CMDB, changes) takes a while.
describe('demo data', () => {
  it('loads a CAB, an emergency CAB, templates and changes of each type at several stages', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 60 });
    expect(r.changes).toEqual({ changes: 6, templates: 2 });
    const boards = await t.env.ctx.db.select().from(cabBoards);
    expect(boards.map((b) => b.kind).sort()).toEqual(['emergency', 'normal']);
    const rows = await t.env.ctx.db
      .select({ state: records.state, type: changeDetails.changeType, outcome: changeDetails.outcome })
      .from(changeDetails)
      .innerJoin(records, eq(records.id, changeDetails.recordId));
    expect(rows.map((x) => `${x.type}:${x.state}:${x.outcome ?? '-'}`).sort()).toEqual([
      'emergency:review:successful',
      'normal:assess:-',
      'normal:authorise:-',
      'normal:review:backed_out',
      'standard:closed:successful',
      'standard:scheduled:-',
    ]);
  }, 300_000);
});
