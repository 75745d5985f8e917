/** Permission and credential changes take effect at once, on this instance and on every other. */
import { describe, expect, it } from 'vitest';
import { as, buildIncident, setupTestEnv, withSecondInstance } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

const t = setupTestEnv({ admin: ['admin'] });

describe('authentication cache', () => {
  it('applies a role change on the very next request', async () => {
    const agent = await as(t.env, ['agent']);
    const inc = await buildIncident(t.admin);
    expect((await agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'edited' })).statusCode).toBe(200);
    await t.admin.patch(`/api/v1/users/${agent.user.id}`, { roles: ['requester'] });
    expect((await agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'again' })).statusCode).toBe(404);
  });

  it('applies deactivation and group changes on the very next request', async () => {
    const u = await as(t.env, ['agent']);
    expect((await u.get('/api/v1/auth/me')).json().user.groupIds).toEqual([]);
    const g = (await t.admin.post('/api/v1/groups', { name: 'Cache group', memberIds: [u.user.id] })).json();
    const me = (await u.get('/api/v1/auth/me')).json();
    expect(me.user.groupIds).toEqual([g.id]);
    await t.admin.patch(`/api/v1/users/${u.user.id}`, { active: false });
    expect((await u.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('serves a cached API token no longer than until it expires', async () => {
    const u = await as(t.env, ['agent']);
    const { token } = (
      await u.post('/api/v1/tokens', { name: 'short', scopes: ['read'], expiresInDays: 1 })
    ).json();
    const call = () =>
      t.env.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await call()).statusCode).toBe(200);
    t.env.clock.advance(86400_000 - 10_000);
    expect((await call()).statusCode).toBe(200); // cached now, with less than its time to live left
    t.env.clock.advance(10_000);
    expect((await call()).statusCode).toBe(401);
  });

  it('still records when a cached token was last used, at most once a minute', async () => {
    const u = await as(t.env, ['agent']);
    const lastUsed = async () =>
      (await u.get('/api/v1/tokens'))
        .json()
        .find((token: { name: string; lastUsedAt: string }) => token.name === 'test').lastUsedAt as string;
    const first = await lastUsed();
    expect(first).toBe(t.env.clock.now().toISOString());
    t.env.clock.advance(30_000);
    expect(await lastUsed()).toBe(first);
    t.env.clock.advance(31_000);
    expect(await lastUsed()).toBe(t.env.clock.now().toISOString());
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'revokes a token on another instance sharing the database within moments',
    async () => {
      await withSecondInstance(t.env, async (otherApp) => {
        const agent = await as(t.env, ['agent']);
        const call = () =>
          otherApp.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${agent.token}` } });
        expect((await call()).statusCode).toBe(200); // now cached on the other instance
        const tokens = (await agent.get('/api/v1/tokens')).json();
        await agent.del(`/api/v1/tokens/${tokens[0].id}`);
        const status = await pollUntil(
          async () => (await call()).statusCode,
          (s) => s !== 200,
          { what: 'the revoked token to be refused', timeoutMs: 5000, everyMs: 20 },
        );
        expect(status).toBe(401);
      });
    },
  );
});
