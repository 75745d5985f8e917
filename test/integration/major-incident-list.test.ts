import { describe, expect, it } from 'vitest';
import { buildIncident, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });

describe('major incident list', () => {
  it('lists major incidents for staff with coordinator, state and child count, filtered by status', async () => {
    const first = await buildIncident(t.agent, { title: 'Storage array degraded' });
    const second = await buildIncident(t.agent, { title: 'Payroll system down' });
    await buildIncident(t.agent, { title: 'Not major' });
    await t.manager.post(`/api/v1/incidents/${first.id}/major`, {
      coordinatorId: t.agent.user.id,
      summary: 'Storage latency everywhere',
    });
    t.env.clock.advance(60_000);
    await t.manager.post(`/api/v1/incidents/${second.id}/major`, {
      coordinatorId: t.manager.user.id,
      summary: 'Payroll unavailable',
    });
    const child = await buildIncident(t.requester, { title: 'Cannot open payslip' });
    await t.agent.put(`/api/v1/incidents/${child.id}/parent`, { parent: second.number });
    await t.manager.post(`/api/v1/incidents/${first.id}/major/stand-down`, { reason: 'Recovered by itself' });

    const all = await t.agent.get('/api/v1/major-incidents');
    expect(all.statusCode).toBe(200);
    expect(all.json().map((m: { number: string }) => m.number)).toEqual([second.number, first.number]);
    expect(all.json()[0]).toMatchObject({
      title: 'Payroll system down',
      status: 'active',
      stateCategory: 'open',
      coordinator: { id: t.manager.user.id },
      childCount: 1,
    });
    const active = (await t.agent.get('/api/v1/major-incidents?status=active')).json();
    expect(active.map((m: { number: string }) => m.number)).toEqual([second.number]);
    expect((await t.requester.get('/api/v1/major-incidents')).statusCode).toBe(403);
  });
});
