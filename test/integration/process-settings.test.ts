import { describe, expect, it } from 'vitest';
import { as, buildGroup, buildIncident, resolveIncident, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ owner: ['process_owner'], agent: ['agent'] });

describe('RACI matrix', () => {
  it('ships a default with one accountable party per activity and refuses an invalid one', async () => {
    const { raci } = (await t.agent.get('/api/v1/settings/incident/raci')).json();
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
    const res = await t.owner.put('/api/v1/settings/incident/raci', { raci: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('needs exactly one accountable party');
    expect((await t.agent.put('/api/v1/settings/incident/raci', { raci })).statusCode).toBe(403);
  });

  it('decides who may close: only the responsible or accountable parties', async () => {
    const closers = await buildGroup(t.env, { name: 'Closers' });
    const { raci } = (await t.owner.get('/api/v1/settings/incident/raci')).json();
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
    expect((await t.owner.put('/api/v1/settings/incident/raci', { raci: onlyGroup })).statusCode).toBe(200);
    const someone = await as(t.env, ['requester']);
    const inc = await buildIncident(t.agent, { requesterId: someone.user.id });
    await resolveIncident(t.agent, inc.id);
    const refused = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('RACI');
    const member = await as(t.env, ['agent'], { groupIds: [closers.id] });
    expect(
      (await member.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' })).json().state,
    ).toBe('closed');
    // The requester confirming their own incident is not a RACI decision.
    const requester = await as(t.env, ['requester']);
    const own = await buildIncident(requester);
    await resolveIncident(t.agent, own.id);
    expect(
      (await requester.post(`/api/v1/incidents/${own.id}/transitions`, { to: 'closed' })).statusCode,
    ).toBe(200);
    await t.owner.put('/api/v1/settings/incident/raci', { raci });
  });
});

describe('categories', () => {
  it('accepts any category until a list is defined, then only listed ones, in their canonical spelling', async () => {
    expect((await buildIncident(t.agent, { category: 'Anything' })).id).toBeDefined();
    const res = await t.owner.put('/api/v1/settings/incident/categories', {
      categories: [
        { name: 'Network', subcategories: ['VPN', 'Wi-Fi'] },
        { name: 'Hardware', subcategories: ['Laptop', 'Printer'] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const ok = await t.agent.post('/api/v1/incidents', {
      title: 'VPN',
      category: 'network',
      subcategory: 'vpn',
    });
    expect(ok.json()).toMatchObject({ category: 'Network', subcategory: 'VPN' });
    const bad = await t.agent.post('/api/v1/incidents', {
      title: 'x',
      category: 'Network',
      subcategory: 'Printer',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toEqual({ field: 'subcategory', message: 'must be one of VPN, Wi-Fi' });
    const moved = await t.agent.patch(`/api/v1/incidents/${ok.json().id}`, { category: 'Hardware' });
    expect(moved.json()).toMatchObject({ category: 'Hardware', subcategory: null });
    const dupes = await t.owner.put('/api/v1/settings/incident/categories', {
      categories: [
        { name: 'A', subcategories: [] },
        { name: 'a', subcategories: [] },
      ],
    });
    expect(dupes.statusCode).toBe(422);
  });
});
