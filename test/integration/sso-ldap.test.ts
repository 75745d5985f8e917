/**
 * LDAP sign-in against a real OpenLDAP server (slapd on loopback): bind authentication, group →
 * role and group mapping, just-in-time users, allowed domains, filter escaping, throttling of
 * wrong directory passwords, and deactivation of a directory user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildGroup,
  buildUser,
  clientFor,
  createTestEnv,
  postLogin,
  sessionCookie,
  type TestEnv,
} from '../support/app.ts';
import { startTestDirectory } from '../support/ldap.ts';

const directory = startTestDirectory();
if ('missing' in directory) console.warn(`[sso-ldap] ${directory.missing}`);

let env: TestEnv;

beforeAll(async () => {
  if ('missing' in directory) return;
  env = await createTestEnv({
    env: {
      LOGIN_MAX_FAILURES: '3',
      LDAP_URL: directory.url,
      LDAP_BIND_DN: 'cn=steward-reader,dc=example,dc=org',
      LDAP_BIND_PASSWORD: 'reader-password',
      LDAP_USER_BASE: 'ou=people,dc=example,dc=org',
      LDAP_GROUP_BASE: 'ou=groups,dc=example,dc=org',
      LDAP_ROLE_MAP: '{"steward-admins":["admin"],"it-agents":["agent"]}',
      LDAP_GROUP_MAP: '{"service-desk":["Service Desk"]}',
      LDAP_ALLOWED_DOMAINS: 'example.org',
    },
  });
  await buildGroup(env, { name: 'Service Desk' });
});
afterAll(async () => {
  await env?.close();
  if (!('missing' in directory)) directory.stop();
});

const login = (email: string, password: string) => postLogin(env, email, password);

describe.skipIf('missing' in directory)('LDAP sign-in', () => {
  it('tells the sign-in page a directory is configured', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(res.json()).toEqual({ oidc: [], directory: true });
  });

  it('binds as the person, creates the user and maps directory groups to roles', async () => {
    const res = await login('Ada@Example.org', 'ada-directory-pass');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      email: 'ada@example.org',
      name: 'Ada Lovelace',
      roles: ['admin', 'agent'],
    });
  });

  it('maps directory groups to Steward groups, and gives the default role when no group maps', async () => {
    const grace = await login('grace@example.org', 'grace-directory-pass');
    expect(grace.json().user.roles).toEqual(['agent']);
    const desk = await env.app.inject({
      method: 'GET',
      url: '/api/v1/groups?q=Service',
      headers: { cookie: sessionCookie(grace) },
    });
    expect(desk.json()[0].memberIds).toContain(grace.json().user.id);
    expect((await login('linus@example.org', 'linus-directory-pass')).json().user.roles).toEqual([
      'requester',
    ]);
  });

  it('refuses a wrong password or an unknown person, and throttles like local accounts', async () => {
    expect((await login('nobody@example.org', 'whatever-password')).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) {
      const res = await login('linus@example.org', 'not-his-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalid_credentials');
    }
    expect((await login('linus@example.org', 'linus-directory-pass')).statusCode).toBe(429);
    env.clock.advance(16 * 60_000);
  });

  it('escapes the filter, so a crafted email matches nobody', async () => {
    expect((await login('*', 'ada-directory-pass')).statusCode).toBe(401);
    expect((await login('ada@example.org)(uid=*', 'ada-directory-pass')).statusCode).toBe(401);
  });

  it('refuses directory accounts outside the allowed domains', async () => {
    const res = await login('mallory@elsewhere.example', 'mallory-directory-pass');
    expect(res.statusCode).toBe(403);
  });

  it('keeps local accounts on their local password', async () => {
    const local = await buildUser(env, { email: 'local@example.org', password: 'local-password-123' });
    expect((await login(local.email, 'local-password-123')).statusCode).toBe(200);
  });

  it('lets a directory user use API tokens, and deactivation ends their sessions and tokens', async () => {
    const res = await login('grace@example.org', 'grace-directory-pass');
    const grace = res.json().user;
    const token = await clientFor(env, grace, ['read']);
    expect((await token.get('/api/v1/auth/me')).statusCode).toBe(200);
    const admin = await as(env, ['admin']);
    expect((await admin.patch(`/api/v1/users/${grace.id}`, { active: false })).statusCode).toBe(200);
    expect((await token.get('/api/v1/auth/me')).statusCode).toBe(401);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: sessionCookie(res) },
    });
    expect(me.statusCode).toBe(401);
    expect((await login('grace@example.org', 'grace-directory-pass')).statusCode).toBe(403);
  });
});
