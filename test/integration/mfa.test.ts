/**
 * Two-step verification with TOTP: enrolment from the profile, the sign-in step after the
 * password, recovery codes, replay refusal, throttling shared with the password step, and the
 * per-role policy that makes administrators enrol at their next sign-in.
 */
import type { LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { as, browserSession, buildUser, postLogin, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({}, { env: { LOGIN_MAX_FAILURES: '3', MFA_REQUIRED_ROLES: 'admin' } });
const password = 'correct horse battery';

const codeFor = (secret: string, offsetMs = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: t.env.clock.now().getTime() + offsetMs,
  });
const nextStep = () => t.env.clock.advance(30_000);

const login = (email: string, pw = password) => postLogin(t.env, email, pw);
const verify = (challenge: string, code: string) =>
  t.env.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', payload: { challenge, code } });
const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'steward_session');

/** A local user with TOTP on, enrolled through the profile endpoints; its secret and recovery codes. */
async function enrolledUser(roles: Role[] = ['agent']) {
  const user = await buildUser(t.env, { password, roles });
  const s = await browserSession(t.env, user.email, password);
  const enrol = (await s.send('POST', '/api/v1/auth/mfa/enrolment')).json();
  const done = await s.send('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: codeFor(enrol.secret) });
  expect(done.statusCode).toBe(200);
  nextStep();
  return { user, secret: enrol.secret as string, recoveryCodes: done.json().recoveryCodes as string[], s };
}

describe('enrolment from the profile', () => {
  it('shows a QR code, turns on only with a correct code, and answers ten recovery codes once', async () => {
    const user = await buildUser(t.env, { password, roles: ['agent'] });
    const s = await browserSession(t.env, user.email, password);
    expect((await s.send('GET', '/api/v1/auth/mfa')).json()).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
      localAccount: true,
    });
    const enrol = await s.send('POST', '/api/v1/auth/mfa/enrolment');
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.json().otpauthUrl).toContain(`secret=${enrol.json().secret}`);
    const wrong = await s.send('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('code');
    expect((await s.send('GET', '/api/v1/auth/mfa')).json().enabled).toBe(false);
    const ok = await s.send('POST', '/api/v1/auth/mfa/enrolment/confirm', {
      code: codeFor(enrol.json().secret),
    });
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect((await s.send('GET', '/api/v1/auth/mfa')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect((await s.send('POST', '/api/v1/auth/mfa/enrolment')).statusCode).toBe(409);
  });

  it('is managed with a session, not with an API token', async () => {
    const client = await as(t.env, ['requester'], { password });
    expect((await client.post('/api/v1/auth/mfa/enrolment')).statusCode).toBe(403);
  });
});

describe('signing in with a second factor', () => {
  it('answers "MFA required" with a challenge and no session, then opens the session for the code', async () => {
    const { user, secret } = await enrolledUser();
    const first = await login(user.email);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ mfaRequired: true, enrol: null });
    expect(sessionCookie(first)).toBeUndefined();
    const bad = await verify(first.json().challenge, '123456');
    expect(bad.statusCode).toBe(401);
    expect(sessionCookie(bad)).toBeUndefined();
    const ok = await verify(first.json().challenge, codeFor(secret));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { id: user.id }, recoveryCodes: null });
    expect(sessionCookie(ok)).toMatchObject({ httpOnly: true });
    // The challenge is used up.
    expect((await verify(first.json().challenge, codeFor(secret))).statusCode).toBe(401);
  });

  it('refuses a code that was already used, accepts the next one', async () => {
    const { user, secret } = await enrolledUser();
    const code = codeFor(secret);
    expect((await verify((await login(user.email)).json().challenge, code)).statusCode).toBe(200);
    const again = await login(user.email);
    expect((await verify(again.json().challenge, code)).statusCode).toBe(401);
    nextStep();
    expect((await verify(again.json().challenge, codeFor(secret))).statusCode).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[0]!.toUpperCase();
    expect((await verify((await login(user.email)).json().challenge, code)).statusCode).toBe(200);
    expect((await verify((await login(user.email)).json().challenge, code)).statusCode).toBe(401);
  });

  it('lets a challenge expire after five minutes', async () => {
    const { user, secret } = await enrolledUser();
    const challenge = (await login(user.email)).json().challenge;
    t.env.clock.advance(5 * 60_000 + 1000);
    const res = await verify(challenge, codeFor(secret));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/expired/);
  });

  it('throttles wrong codes with the password step’s per-account limit', async () => {
    const { user, secret } = await enrolledUser();
    const challenge = (await login(user.email)).json().challenge;
    for (let i = 0; i < 3; i++) expect((await verify(challenge, '000000')).statusCode).toBe(401);
    const blocked = await verify(challenge, codeFor(secret));
    expect(blocked.statusCode).toBe(429);
    expect((await login(user.email)).statusCode).toBe(429);
    t.env.clock.advance(16 * 60_000);
  });

  it('turns off with a current code, and then signs in with the password alone', async () => {
    const { user, secret, s } = await enrolledUser();
    expect((await s.send('POST', '/api/v1/auth/mfa/disable', { code: '000000' })).statusCode).toBe(422);
    expect((await s.send('POST', '/api/v1/auth/mfa/disable', { code: codeFor(secret) })).statusCode).toBe(
      204,
    );
    expect((await login(user.email)).statusCode).toBe(200);
  });
});

describe('policy: administrators must use two-step verification', () => {
  it('makes an administrator enrol at sign-in, then asks for a code every time and refuses turning it off', async () => {
    const admin = await buildUser(t.env, { password, roles: ['admin'] });
    const first = await login(admin.email);
    expect(first.statusCode).toBe(202);
    const { challenge, enrol } = first.json();
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png/);
    const ok = await verify(challenge, codeFor(enrol.secret));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    nextStep();
    const second = await login(admin.email);
    expect(second.json()).toMatchObject({ mfaRequired: true, enrol: null });
    const signedIn = await verify(second.json().challenge, codeFor(enrol.secret));
    const headers = {
      cookie: `steward_session=${sessionCookie(signedIn)!.value}`,
      'x-csrf-token': signedIn.json().csrfToken,
    };
    nextStep();
    const off = await t.env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/disable',
      headers,
      payload: { code: codeFor(enrol.secret) },
    });
    expect(off.statusCode).toBe(422);
    expect(off.json().detail).toMatch(/requires two-step/);
  });

  it('lets an administrator reset someone’s second factor so they sign in and enrol again', async () => {
    const { user } = await enrolledUser();
    const admin = await as(t.env, ['admin']);
    const agent = await as(t.env, ['agent']);
    expect((await agent.del(`/api/v1/users/${user.id}/mfa`)).statusCode).toBe(403);
    expect((await admin.del(`/api/v1/users/${user.id}/mfa`)).statusCode).toBe(204);
    expect((await login(user.email)).statusCode).toBe(200);
  });
});
