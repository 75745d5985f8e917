/**
 * OpenID Connect sign-in against a real provider (oidc-provider on loopback): the code flow with
 * PKCE, a wrong state, a replayed code, claim → role and group mapping, allowed domains, linking,
 * and what deactivation does to an SSO user's sessions and tokens.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildGroup,
  buildUser,
  clientFor,
  createTestEnv,
  sessionCookie,
  type TestEnv,
} from '../support/app.ts';
import { corpLoginEnv, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';

const PUBLIC_URL = 'http://steward.test';
let env: TestEnv;
let idp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider({
    redirectUris: [`${PUBLIC_URL}/api/v1/auth/oidc/corp/callback`],
    accounts: {
      alice: { email: 'alice@corp.example', name: 'Alice Agent', groups: ['IT-Staff', 'desk'] },
      bob: { email: 'bob@corp.example', name: 'Bob Plain' },
      carol: { email: 'carol@corp.example', name: 'Carol Local' },
      dave: { email: 'dave@corp.example', name: 'Dave Unverified', emailVerified: false },
      eve: { email: 'eve@elsewhere.example', name: 'Eve Outsider' },
      frank: { email: 'frank@corp.example', name: 'Frank Admin', groups: ['itsm-admins'] },
    },
  });
  env = await createTestEnv({
    env: {
      ...corpLoginEnv(idp, PUBLIC_URL),
      OIDC_CORP_ROLE_MAP: '{"it-staff":["agent"],"itsm-admins":["admin","agent"]}',
      OIDC_CORP_GROUP_MAP: '{"desk":["Service Desk"]}',
      OIDC_CORP_ALLOWED_DOMAINS: 'corp.example',
    },
  });
  await buildGroup(env, { name: 'Service Desk' });
}, 60_000);
afterAll(async () => {
  await env?.close();
  await idp?.close();
});

const cookieNamed = (res: LightMyRequestResponse, name: string) =>
  res.cookies.find((c) => c.name === name && c.value !== '');

async function start(returnTo = '/') {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/auth/oidc/corp/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(res.statusCode).toBe(302);
  const cookie = cookieNamed(res, 'steward_oidc');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  return { location: String(res.headers.location), cookie: `steward_oidc=${cookie!.value}` };
}

function callback(url: URL, cookie: string | undefined, headers: Record<string, string> = {}) {
  return env.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
}

async function signIn(username: string, returnTo = '/') {
  const flow = await start(returnTo);
  const back = await idp.signIn(flow.location, username);
  return { back, cookie: flow.cookie, res: await callback(back, flow.cookie) };
}

async function me(res: LightMyRequestResponse) {
  const session = cookieNamed(res, 'steward_session');
  if (!session) return null;
  const r = await env.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: `steward_session=${session.value}` },
  });
  return r.statusCode === 200 ? r.json() : null;
}

describe('OIDC sign-in', () => {
  it('lists the providers for the sign-in page', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(res.json()).toEqual({
      oidc: [{ id: 'corp', label: 'Corp Login', startUrl: '/api/v1/auth/oidc/corp/start' }],
      directory: false,
    });
  });

  it('answers 404 for a provider that is not configured', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/nope/start' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a return address on another site', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/corp/start?returnTo=${encodeURIComponent('//evil.example/')}`,
    });
    expect(res.statusCode).toBe(400);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and no secret in the URL', async () => {
    const { location } = await start();
    const url = new URL(location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/corp/callback`);
    expect(location).not.toContain(idp.clientSecret);
    expect(url.searchParams.has('code_verifier')).toBe(false);
  });

  it('creates the user just in time, maps claims to roles and groups, and opens a session', async () => {
    const { res } = await signIn('alice', '/incidents?mine=1');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/incidents?mine=1');
    const session = await me(res);
    expect(session.user).toMatchObject({
      email: 'alice@corp.example',
      name: 'Alice Agent',
      roles: ['agent'],
    });
    const groups = await env.app.inject({
      method: 'GET',
      url: '/api/v1/groups?q=Service',
      headers: { cookie: sessionCookie(res) },
    });
    expect(groups.json()[0].memberIds).toContain(session.user.id);
  });

  it('gives the default role when no claim maps, and several roles when a claim maps to them', async () => {
    expect((await me((await signIn('bob')).res)).user.roles).toEqual(['requester']);
    expect((await me((await signIn('frank')).res)).user.roles).toEqual(['admin', 'agent']);
  });

  it('refuses a callback whose state was tampered with, and opens no session', async () => {
    const flow = await start();
    const back = await idp.signIn(flow.location, 'alice');
    back.searchParams.set('state', 'not-the-state-we-sent');
    const res = await callback(back, flow.cookie);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(cookieNamed(res, 'steward_session')).toBeUndefined();
    // The pending sign-in is used up: the genuine state no longer works either.
    back.searchParams.set('state', new URL(flow.location).searchParams.get('state')!);
    expect((await callback(back, flow.cookie)).statusCode).toBe(400);
  });

  it('refuses a callback without the sign-in cookie', async () => {
    const flow = await start();
    const back = await idp.signIn(flow.location, 'alice');
    const res = await callback(back, undefined);
    expect(res.statusCode).toBe(400);
    expect(cookieNamed(res, 'steward_session')).toBeUndefined();
  });

  it('refuses a replayed callback and a replayed authorization code', async () => {
    const first = await signIn('alice');
    expect(first.res.statusCode).toBe(302);
    const again = await callback(first.back, first.cookie);
    expect(again.statusCode).toBe(400);
    expect(cookieNamed(again, 'steward_session')).toBeUndefined();
    // The used code inside a fresh, valid sign-in: the provider refuses it.
    const flow = await start();
    const fresh = await idp.signIn(flow.location, 'alice');
    fresh.searchParams.set('code', first.back.searchParams.get('code')!);
    const replay = await callback(fresh, flow.cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/invalid_grant/);
    expect(cookieNamed(replay, 'steward_session')).toBeUndefined();
  });

  it('sends a browser back to the sign-in page with a reason instead of a problem document', async () => {
    const flow = await start();
    const back = await idp.signIn(flow.location, 'alice');
    const res = await callback(back, undefined, { accept: 'text/html' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin?sso=expired');
  });

  it('refuses email domains that are not allowed', async () => {
    const { res } = await signIn('eve');
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/elsewhere\.example/);
  });

  it('links an existing user by verified email, never by an unverified one', async () => {
    const carol = await buildUser(env, { email: 'carol@corp.example', roles: ['agent'] });
    const { res } = await signIn('carol');
    expect((await me(res)).user.id).toBe(carol.id);
    await buildUser(env, { email: 'dave@corp.example' });
    const dave = await signIn('dave');
    expect(dave.res.statusCode).toBe(403);
    expect(dave.res.json().detail).toMatch(/not verified/);
  });

  it('lets an SSO user use API tokens, and deactivation ends their sessions and tokens', async () => {
    const { res } = await signIn('alice');
    const session = sessionCookie(res);
    const alice = (await me(res)).user;
    const client = await clientFor(env, alice, ['read']);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const admin = await as(env, ['admin']);
    const off = await admin.patch(`/api/v1/users/${alice.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const bySession = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session },
    });
    expect(bySession.statusCode).toBe(401);
    const again = await signIn('alice');
    expect(again.res.statusCode).toBe(403);
    expect(again.res.json().detail).toMatch(/deactivated/);
  });
});
