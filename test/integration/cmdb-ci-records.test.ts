import { describe, expect, it } from 'vitest';
import { buildIncident, setupTestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

const t = setupTestEnv({ agent: ['agent'], requester: ['requester'] });

describe('records of a CI', () => {
  it('lists the records that name a CI, newest first, to those who may browse the CMDB', async () => {
    const host = await buildCi(t.agent, 'physical_server', { name: 'host-r1' });
    const other = await buildCi(t.agent, 'physical_server', { name: 'host-r2' });
    const first = await buildIncident(t.agent, { title: 'Disk full', ciIds: [host.id] });
    const second = await buildIncident(t.agent, { title: 'Fan noise', ciIds: [host.id, other.id] });
    await buildIncident(t.agent, { title: 'Unrelated' });
    const res = await t.agent.get(`/api/v1/cmdb/cis/${host.id}/records`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { number: string }) => r.number)).toEqual([second.number, first.number]);
    expect(res.json()[0]).toMatchObject({ type: 'incident', title: 'Fan noise', state: 'new' });
    expect((await t.agent.get(`/api/v1/cmdb/cis/${other.id}/records`)).json()).toHaveLength(1);
    expect((await t.requester.get(`/api/v1/cmdb/cis/${host.id}/records`)).statusCode).toBe(403);
    expect(
      (await t.agent.get('/api/v1/cmdb/cis/00000000-0000-4000-8000-000000000000/records')).statusCode,
    ).toBe(404);
  });
});
