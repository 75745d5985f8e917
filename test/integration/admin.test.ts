import { describe, expect, it } from 'vitest';
import { as, buildIncident, errorFields, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ admin: ['admin'] });

describe('user administration', () => {
  it('creates a user with roles and groups, refuses duplicates case-insensitively', async () => {
    const group = (await t.admin.post('/api/v1/groups', { name: 'Network' })).json();
    const res = await t.admin.post('/api/v1/users', {
      email: 'Jo@Example.com',
      name: 'Jo',
      roles: ['agent', 'cab_member'],
      groupIds: [group.id],
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roles: ['agent', 'cab_member'], groupIds: [group.id], active: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const dupe = await t.admin.post('/api/v1/users', { email: 'jo@example.com', name: 'Jo again' });
    expect(dupe.statusCode).toBe(409);
  });

  it('validates input with per-field messages', async () => {
    const res = await t.admin.post('/api/v1/users', {
      email: 'not-an-email',
      name: '',
      password: 'short',
      roles: ['wizard'],
    });
    expect(res.statusCode).toBe(400);
    const fields = errorFields(res);
    expect(fields).toEqual(
      expect.arrayContaining(['body.email', 'body.name', 'body.password', 'body.roles.0']),
    );
    const tz = await t.admin.post('/api/v1/users', {
      email: 'tz@example.com',
      name: 'Tz',
      timeZone: 'Mars/Olympus',
    });
    expect(tz.statusCode).toBe(422);
    expect(tz.json().errors[0]).toEqual({ field: 'timeZone', message: 'unknown time zone' });
  });

  it('changes roles with optimistic concurrency and audits the change', async () => {
    const u = (await t.admin.post('/api/v1/users', { email: 'role@example.com', name: 'Role' })).json();
    const res = await t.admin.patch(
      `/api/v1/users/${u.id}`,
      { roles: ['agent'] },
      { 'if-match': `"${u.version}"` },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['agent']);
    expect(
      (await t.admin.patch(`/api/v1/users/${u.id}`, { name: 'x' }, { 'if-match': `"${u.version}"` }))
        .statusCode,
    ).toBe(412);
    const audit = (await t.admin.get('/api/v1/audit?action=user.roles_changed')).json();
    expect(audit.items[0]).toMatchObject({
      targetId: u.id,
      details: { before: ['requester'], after: ['agent'] },
    });
  });

  it('lets users edit their own profile but not their roles', async () => {
    const me = await as(t.env, ['requester']);
    expect(
      (await me.patch(`/api/v1/users/${me.user.id}`, { name: 'New Name', timeZone: 'Europe/Berlin' }))
        .statusCode,
    ).toBe(200);
    expect((await me.patch(`/api/v1/users/${me.user.id}`, { roles: ['admin'] })).statusCode).toBe(403);
  });

  it('keeps an administrator from removing their own admin role or deactivating themselves', async () => {
    expect((await t.admin.patch(`/api/v1/users/${t.admin.user.id}`, { roles: ['agent'] })).statusCode).toBe(
      422,
    );
    expect((await t.admin.patch(`/api/v1/users/${t.admin.user.id}`, { active: false })).statusCode).toBe(422);
  });

  it('pages the user list by name with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await t.admin.get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await t.admin.get('/api/v1/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(seen).toEqual(all);
  });
});

describe('group administration', () => {
  it('creates a group, sets members, refuses deleting a group in use', async () => {
    const agent = await as(t.env, ['agent']);
    const g = (await t.admin.post('/api/v1/groups', { name: 'Desk', memberIds: [agent.user.id] })).json();
    expect(g.memberIds).toEqual([agent.user.id]);
    const updated = await t.admin.patch(
      `/api/v1/groups/${g.id}`,
      { memberIds: [] },
      { 'if-match': `"${g.version}"` },
    );
    expect(updated.json().memberIds).toEqual([]);
    expect((await t.admin.post('/api/v1/groups', { name: 'desk' })).statusCode).toBe(409);
    await buildIncident(t.admin, { groupId: g.id });
    const del = await t.admin.del(`/api/v1/groups/${g.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toContain('deactivate');
    const spare = (await t.admin.post('/api/v1/groups', { name: 'Spare' })).json();
    expect((await t.admin.del(`/api/v1/groups/${spare.id}`)).statusCode).toBe(204);
  });
});

describe('process settings', () => {
  it('recomputes priorities of new incidents from an edited matrix and refuses a malformed one', async () => {
    const bad = await t.admin.put('/api/v1/settings/incident/priority-matrix', {
      matrix: [
        [1, 2],
        [3, 9, 9],
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.length).toBeGreaterThan(0);
    const ok = await t.admin.put('/api/v1/settings/incident/priority-matrix', {
      matrix: [
        [1, 1, 1],
        [2, 2, 2],
        [5, 5, 5],
      ],
    });
    expect(ok.statusCode).toBe(200);
    const inc = await buildIncident(t.admin, { impact: 2, urgency: 3 });
    expect(inc.priority).toBe(2);
    expect(
      (
        await t.admin.put(
          '/api/v1/settings/incident/priority-matrix',
          {
            matrix: [
              [1, 2, 3],
              [2, 3, 4],
              [3, 4, 5],
            ],
          },
          { 'if-match': '"0"' },
        )
      ).statusCode,
    ).toBe(412);
  });

  it('refuses a lifecycle with an unreachable state or no terminal state, with a clear message', async () => {
    const current = (await t.admin.get('/api/v1/settings/incident/lifecycle')).json().lifecycle;
    const broken = {
      ...current,
      states: [...current.states, { key: 'limbo', label: 'Limbo', category: 'open' }],
    };
    const res = await t.admin.put('/api/v1/settings/incident/lifecycle', { lifecycle: broken });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('State "Limbo" cannot be reached');
    const noEnd = {
      initial: 'a',
      states: [
        { key: 'a', label: 'A', category: 'open' },
        { key: 'b', label: 'B', category: 'open' },
      ],
      transitions: [
        { key: 'ab', label: 'AB', from: ['a'], to: 'b', roles: ['agent'], requester: false, requires: [] },
        { key: 'ba', label: 'BA', from: ['b'], to: 'a', roles: ['agent'], requester: false, requires: [] },
      ],
    };
    const res2 = await t.admin.put('/api/v1/settings/incident/lifecycle', { lifecycle: noEnd });
    expect(res2.json().detail).toContain('no terminal state');
  });
});
