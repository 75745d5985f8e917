/**
 * Nobody can lock someone else out: failed sign-ins slow the account down a little and lock out
 * only the address that keeps failing; administrators are told when an account is attacked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildUser, createTestEnv, postLogin, type TestEnv } from '../support/app.ts';

let env: TestEnv;
const password = 'the right password, surely';

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const login = (email: string, pw: string, remoteAddress: string) => postLogin(env, email, pw, remoteAddress);

describe('sign-in throttling', () => {
  it('keeps the owner able to sign in while an attacker hammers the admin account', async () => {
    const admin = await buildUser(env, { roles: ['admin'], password });
    const otherAdmin = await as(env, ['admin']);
    for (let i = 0; i < 10; i++) {
      expect((await login(admin.email, `guess ${i}`, '203.0.113.9')).statusCode).toBe(401);
      env.clock.advance(31_000); // past the account's delay, so each guess is a real one
    }
    const locked = await login(admin.email, password, '203.0.113.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    expect(locked.json().detail).toContain('from your address');

    // The owner, from their own address, gets in with the right password.
    expect((await login(admin.email, password, '198.51.100.20')).statusCode).toBe(200);

    const inbox = (await otherAdmin.get('/api/v1/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('security.login_failures');
    const audit = (await otherAdmin.get('/api/v1/audit?action=auth.login_attack_suspected')).json();
    expect(audit.items[0].details).toMatchObject({ email: admin.email, failures: 10 });
  });

  it('makes quick successive failures wait an exponentially growing delay', async () => {
    const u = await buildUser(env, { password });
    for (let i = 0; i < 4; i++)
      expect((await login(u.email, 'nope nope', `192.0.2.${i + 1}`)).statusCode).toBe(401);
    const slowed = await login(u.email, password, '192.0.2.50');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['retry-after']).toBe('2');
    env.clock.advance(2_000);
    expect((await login(u.email, password, '192.0.2.50')).statusCode).toBe(200);
  });
});
