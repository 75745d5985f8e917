import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';

let env: TestEnv;
let manager: Client;
let agent: Client;
let requester: Client;

beforeAll(async () => {
  env = await createTestEnv();
  manager = await as(env, ['service_manager']);
  agent = await as(env, ['agent']);
  requester = await as(env, ['requester']);
});
afterAll(() => env.close());

describe('major incident list', () => {
  it('lists major incidents for staff with coordinator, state and child count, filtered by status', async () => {
    const first = await buildIncident(agent, { title: 'Storage array degraded' });
    const second = await buildIncident(agent, { title: 'Payroll system down' });
    await buildIncident(agent, { title: 'Not major' });
    await manager.post(`/api/v1/incidents/${first.id}/major`, {
      coordinatorId: agent.user.id,
      summary: 'Storage latency everywhere',
    });
    env.clock.advance(60_000);
    await manager.post(`/api/v1/incidents/${second.id}/major`, {
      coordinatorId: manager.user.id,
      summary: 'Payroll unavailable',
    });
    const child = await buildIncident(requester, { title: 'Cannot open payslip' });
    await agent.put(`/api/v1/incidents/${child.id}/parent`, { parent: second.number });
    await manager.post(`/api/v1/incidents/${first.id}/major/stand-down`, { reason: 'Recovered by itself' });

    const all = await agent.get('/api/v1/major-incidents');
    expect(all.statusCode).toBe(200);
    expect(all.json().map((m: { number: string }) => m.number)).toEqual([second.number, first.number]);
    expect(all.json()[0]).toMatchObject({
      title: 'Payroll system down',
      status: 'active',
      stateCategory: 'open',
      coordinator: { id: manager.user.id },
      childCount: 1,
    });
    const active = (await agent.get('/api/v1/major-incidents?status=active')).json();
    expect(active.map((m: { number: string }) => m.number)).toEqual([second.number]);
    expect((await requester.get('/api/v1/major-incidents')).statusCode).toBe(403);
  });
});
