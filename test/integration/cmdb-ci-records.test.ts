import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

let env: TestEnv;
let agent: Client;
let requester: Client;

beforeAll(async () => {
  env = await createTestEnv();
  agent = await as(env, ['agent']);
  requester = await as(env, ['requester']);
});
afterAll(() => env.close());

describe('records of a CI', () => {
  it('lists the records that name a CI, newest first, to those who may browse the CMDB', async () => {
    const host = await buildCi(agent, 'physical_server', { name: 'host-r1' });
    const other = await buildCi(agent, 'physical_server', { name: 'host-r2' });
    const first = await buildIncident(agent, { title: 'Disk full', ciIds: [host.id] });
    const second = await buildIncident(agent, { title: 'Fan noise', ciIds: [host.id, other.id] });
    await buildIncident(agent, { title: 'Unrelated' });
    const res = await agent.get(`/api/v1/cmdb/cis/${host.id}/records`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { number: string }) => r.number)).toEqual([second.number, first.number]);
    expect(res.json()[0]).toMatchObject({ type: 'incident', title: 'Fan noise', state: 'new' });
    expect((await agent.get(`/api/v1/cmdb/cis/${other.id}/records`)).json()).toHaveLength(1);
    expect((await requester.get(`/api/v1/cmdb/cis/${host.id}/records`)).statusCode).toBe(403);
    expect(
      (await agent.get('/api/v1/cmdb/cis/00000000-0000-4000-8000-000000000000/records')).statusCode,
    ).toBe(404);
  });
});
