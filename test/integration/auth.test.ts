import { describe, expect, it } from 'vitest';
import {
  as,
  browserSession,
  buildUser,
  clientFor,
  postLogin,
  sessionCookie,
  setupTestEnv,
} from '../support/app.ts';

const t = setupTestEnv({}, { env: { LOGIN_MAX_FAILURES: '3' } });
const password = 'correct horse battery';

const login = (email: string, pw: string) => postLogin(t.env, email, pw);

describe('sessions', () => {
  it('signs in with an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const u = await buildUser(t.env, { password, roles: ['agent'] });
    const res = await login(u.email.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const { csrfToken, user } = res.json();
    expect(user.email).toBe(u.email);
    expect(user).not.toHaveProperty('passwordHash');
    const me = await t.env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: sessionCookie(res) },
    });
    expect(me.json()).toMatchObject({ csrfToken, via: 'session' });
  });

  it('refuses a state-changing request without the CSRF token, accepts it with', async () => {
    const u = await buildUser(t.env, { password });
    const session = await browserSession(t.env, u.email, password);
    const without = await t.env.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { cookie: session.headers.cookie },
      payload: { title: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf');
    const withToken = await session.send('POST', '/api/v1/incidents', { title: 'x' });
    expect(withToken.statusCode).toBe(201);
  });

  it('invalidates the session on logout', async () => {
    const u = await buildUser(t.env, { password });
    const session = await browserSession(t.env, u.email, password);
    expect((await session.send('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.send('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const u = await buildUser(t.env, { password });
    const cookie = sessionCookie(await login(u.email, password));
    t.env.clock.advance(13 * 3600_000);
    const me = await t.env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('rate-limits repeated failed sign-ins per account and audits them', async () => {
    const u = await buildUser(t.env, { password });
    for (let i = 0; i < 3; i++) expect((await login(u.email, 'wrong password')).statusCode).toBe(401);
    const blocked = await login(u.email, password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.rate_limited');
    t.env.clock.advance(16 * 60_000);
    expect((await login(u.email, password)).statusCode).toBe(200);
    const admin = await as(t.env, ['auditor']);
    const audit = (await admin.get('/api/v1/audit?action=auth.login_failed')).json();
    expect(audit.items.filter((e: { actorId: string }) => e.actorId === u.id)).toHaveLength(3);
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const res = await login('nobody@test.example', 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('The email or password is not correct.');
  });

  it('refuses a deactivated user', async () => {
    const u = await buildUser(t.env, { password });
    const admin = await as(t.env, ['admin']);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    expect((await login(u.email, password)).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, stores only a hash, and revokes it', async () => {
    const u = await buildUser(t.env, { roles: ['agent'] });
    const c = await clientFor(t.env, u);
    const res = await c.post('/api/v1/tokens', {
      name: 'monitoring',
      scopes: ['read', 'write'],
      expiresInDays: 30,
    });
    expect(res.statusCode).toBe(201);
    const { token, info } = res.json();
    expect(token).toMatch(/^stw_/);
    expect(info.prefix).toBe(token.slice(0, 10));
    expect(JSON.stringify((await c.get('/api/v1/tokens')).json())).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await t.env.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: auth })).statusCode,
    ).toBe(200);
    expect((await c.del(`/api/v1/tokens/${info.id}`)).statusCode).toBe(200);
    const after = await t.env.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toContain('revoked');
  });

  it('limits a read-scoped token to reading', async () => {
    const u = await buildUser(t.env, { roles: ['agent'] });
    const c = await clientFor(t.env, u, ['read']);
    expect((await c.get('/api/v1/incidents')).statusCode).toBe(200);
    expect((await c.post('/api/v1/incidents', { title: 'x' })).statusCode).toBe(403);
    expect((await c.post('/api/v1/tokens', { name: 'y', scopes: ['read'] })).statusCode).toBe(403);
  });

  it('rejects unknown, malformed and expired tokens', async () => {
    const bad = await t.env.app.inject({
      method: 'GET',
      url: '/api/v1/incidents',
      headers: { authorization: 'Bearer stw_nope' },
    });
    expect(bad.statusCode).toBe(401);
    const basic = await t.env.app.inject({
      method: 'GET',
      url: '/api/v1/incidents',
      headers: { authorization: 'Basic abc' },
    });
    expect(basic.statusCode).toBe(401);
    const u = await buildUser(t.env, { roles: ['agent'] });
    const c = await clientFor(t.env, u);
    const { token } = (
      await c.post('/api/v1/tokens', { name: 'short', scopes: ['read'], expiresInDays: 1 })
    ).json();
    t.env.clock.advance(2 * 86400_000);
    expect(
      (
        await t.env.app.inject({
          method: 'GET',
          url: '/api/v1/incidents',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('audits token creation', async () => {
    const u = await buildUser(t.env, { roles: ['admin'] });
    const c = await clientFor(t.env, u);
    const audit = (await c.get('/api/v1/audit?action=token.created')).json();
    expect(audit.items.some((e: { actorId: string }) => e.actorId === u.id)).toBe(true);
  });
});
