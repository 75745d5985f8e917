import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { changeCalendar } from '../../src/modules/change-schedule/calendar.ts';
import { checkConflicts } from '../../src/modules/change-schedule/index.ts';
import { buildUser, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

describe('demo change schedule', () => {
  it('shows weekly maintenance windows and a global year-end freeze on the calendar', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 30 });
    expect(r.schedule).toEqual({ windows: 5 });
    const viewer = await loadActor(
      t.env.ctx.db,
      (await buildUser(t.env, { roles: ['change_manager'] })).id,
      null,
    );
    const december = await changeCalendar(t.env.ctx, viewer, {
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    const freezes = december.items.filter((i) => i.kind === 'freeze').map((i) => `${i.title} ${i.start}`);
    expect(freezes).toContain('Year-end freeze 2026-12-20T00:00:00.000Z');
    expect(freezes).toContain('Payroll run 2026-12-30T00:00:00.000Z');
    const saturdays = december.items.filter((i) => i.title === 'Payroll database: Saturday night');
    expect(saturdays.map((i) => i.start.slice(0, 10))).toEqual([
      '2026-12-05',
      '2026-12-12',
      '2026-12-19',
      '2026-12-26',
    ]);
    // Any change over Christmas is in the global freeze.
    const conflicts = await checkConflicts(t.env.ctx, {
      start: new Date('2026-12-24T10:00:00Z'),
      end: new Date('2026-12-24T11:00:00Z'),
      ciIds: [],
      serviceIds: [],
    });
    expect(conflicts.map((c) => c.kind)).toEqual(['freeze']);
  }, 240_000);
});
