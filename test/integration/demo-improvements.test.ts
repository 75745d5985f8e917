import { describe, expect, it } from 'vitest';
import type { ImprovementView, RegisterReport } from '../../src/contracts/improvements.ts';
import { seedDemoImprovements } from '../../src/demo/improvements.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { buildUser, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ manager: ['service_manager'] });

describe('demo improvements', () => {
  it('fills the register with proposals in every state, measured before and after', async () => {
    t.env.clock.set('2026-09-01T10:00:00Z');
    const owner = await buildUser(t.env, { roles: ['service_manager', 'agent'] });
    const actor = await loadActor(t.env.ctx.db, owner.id, null);
    expect(await seedDemoImprovements(t.env.ctx, actor!, [owner.id])).toEqual({ improvements: 6 });
    const res = await t.manager.get('/api/v1/improvements/register');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as RegisterReport;
    expect(report.byStatus.map((c) => [c.key, c.count])).toEqual([
      ['proposed', 1],
      ['approved', 1],
      ['in_progress', 1],
      ['done', 2],
      ['rejected', 1],
    ]);
    expect(report.byOwner).toEqual([{ key: owner.name, label: owner.name, count: 6 }]);
    const triage = report.items.find((r) => r.title.startsWith('Triage'))!;
    // Done 100 days ago: its 30-day window after is over, measured on whatever history there is.
    expect(triage.outcomes.map((o) => o.kpi.key)).toEqual(['ttr_mean_calendar', 'backlog']);
    expect(triage.outcomes[0]!.after).toMatchObject({ complete: true });
    const recent = report.items.find((r) => r.title.startsWith('Knowledge'))!;
    expect(recent.outcomes[0]!.after).toMatchObject({ complete: false });
    // Without the problem it names, the VPN proposal counts as a person's idea.
    const vpn = report.items.find((r) => r.title.startsWith('Renew VPN'))!;
    expect(vpn.sourceKind).toBe('person');
    const one = (await t.manager.get(`/api/v1/improvements/${triage.number}`)).json() as ImprovementView;
    expect(one.baselineAt).toBe(
      new Date(Date.parse('2026-09-01T10:00:00Z') - 145 * 86_400_000).toISOString(),
    );
  });
});
