import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { knownErrors } from '../../src/modules/problems/schema.ts';
import { recordLinks, records } from '../../src/modules/records/schema.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

describe('demo data', () => {
  it('loads problems at several stages, with known errors and linked incidents', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 60 });
    expect(r.problems).toEqual({ problems: 4, knownErrors: 2 });
    const rows = await t.env.ctx.db.select({ type: records.type, state: records.state }).from(records);
    expect(
      rows
        .filter((x) => x.type === 'problem')
        .map((x) => x.state)
        .sort(),
    ).toEqual(['analysis', 'known_error', 'known_error', 'root_cause_known']);
    const kes = await t.env.ctx.db.select().from(knownErrors);
    expect(kes.map((k) => k.status)).toEqual(['active', 'active']);
    const links = await t.env.ctx.db.select().from(recordLinks);
    expect(links.filter((l) => l.kind === 'caused_by').length).toBeGreaterThan(0);
  }, 300_000);
});
