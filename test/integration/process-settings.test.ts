import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildGroup, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';

let env: TestEnv;
let owner: Client;
let agent: Client;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await as(env, ['process_owner']);
  agent = await as(env, ['agent']);
});
afterAll(() => env.close());

const resolve = (c: Client, id: string) =>
  c.post(`/api/v1/incidents/${id}/transitions`, {
    to: 'resolved',
    resolutionCode: 'solved_permanently',
    resolutionNotes: 'done',
  });

describe('RACI matrix', () => {
  it('ships a default with one accountable party per activity and refuses an invalid one', async () => {
    const { raci } = (await agent.get('/api/v1/settings/incident/raci')).json();
    expect(raci.activities.map((a: { key: string }) => a.key)).toEqual([
      'log',
      'classify',
      'assign',
      'resolve',
      'close',
      'review',
    ]);
    const bad = {
      ...raci,
      activities: raci.activities.map((a: { accountable: unknown[] }, i: number) =>
        i === 0 ? { ...a, accountable: [] } : a,
      ),
    };
    const res = await owner.put('/api/v1/settings/incident/raci', { raci: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('needs exactly one accountable party');
    expect((await agent.put('/api/v1/settings/incident/raci', { raci })).statusCode).toBe(403);
  });

  it('decides who may close: only the responsible or accountable parties', async () => {
    const closers = await buildGroup(env, { name: 'Closers' });
    const { raci } = (await owner.get('/api/v1/settings/incident/raci')).json();
    const onlyGroup = {
      ...raci,
      activities: raci.activities.map((a: { key: string }) =>
        a.key === 'close'
          ? {
              ...a,
              responsible: [{ kind: 'group', groupId: closers.id }],
              accountable: [{ kind: 'role', role: 'service_manager' }],
            }
          : a,
      ),
    };
    expect((await owner.put('/api/v1/settings/incident/raci', { raci: onlyGroup })).statusCode).toBe(200);
    const someone = await as(env, ['requester']);
    const inc = await buildIncident(agent, { requesterId: someone.user.id });
    await resolve(agent, inc.id);
    const refused = await agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('RACI');
    const member = await as(env, ['agent'], { groupIds: [closers.id] });
    expect(
      (await member.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' })).json().state,
    ).toBe('closed');
    // The requester confirming their own incident is not a RACI decision.
    const requester = await as(env, ['requester']);
    const own = await buildIncident(requester);
    await resolve(agent, own.id);
    expect(
      (await requester.post(`/api/v1/incidents/${own.id}/transitions`, { to: 'closed' })).statusCode,
    ).toBe(200);
    await owner.put('/api/v1/settings/incident/raci', { raci });
  });
});

describe('categories', () => {
  it('accepts any category until a list is defined, then only listed ones, in their canonical spelling', async () => {
    expect((await buildIncident(agent, { category: 'Anything' })).id).toBeDefined();
    const res = await owner.put('/api/v1/settings/incident/categories', {
      categories: [
        { name: 'Network', subcategories: ['VPN', 'Wi-Fi'] },
        { name: 'Hardware', subcategories: ['Laptop', 'Printer'] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const ok = await agent.post('/api/v1/incidents', {
      title: 'VPN',
      category: 'network',
      subcategory: 'vpn',
    });
    expect(ok.json()).toMatchObject({ category: 'Network', subcategory: 'VPN' });
    const bad = await agent.post('/api/v1/incidents', {
      title: 'x',
      category: 'Network',
      subcategory: 'Printer',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toEqual({ field: 'subcategory', message: 'must be one of VPN, Wi-Fi' });
    const moved = await agent.patch(`/api/v1/incidents/${ok.json().id}`, { category: 'Hardware' });
    expect(moved.json()).toMatchObject({ category: 'Hardware', subcategory: null });
    const dupes = await owner.put('/api/v1/settings/incident/categories', {
      categories: [
        { name: 'A', subcategories: [] },
        { name: 'a', subcategories: [] },
      ],
    });
    expect(dupes.statusCode).toBe(422);
  });
});
