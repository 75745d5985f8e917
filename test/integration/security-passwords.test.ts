/** Weak passwords are refused with a reason the admin can show: common, blank, or the email. */
import { describe, expect, it } from 'vitest';
import { buildUser, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ admin: ['admin'] });

describe('password policy', () => {
  it('refuses common and blank passwords for a new user', async () => {
    for (const password of ['password1234', '            ']) {
      const res = await t.admin.post('/api/v1/users', {
        email: `p${Math.random()}@test.example`,
        name: 'P',
        password,
      });
      expect(res.statusCode, password).toBe(422);
      expect(res.json().errors).toEqual([
        { field: 'password', message: expect.stringMatching(/^is too weak/) },
      ]);
      expect(res.json().detail).toMatch(/^The password is too weak: /);
    }
  });

  it('refuses a password containing the email when an admin sets it', async () => {
    const u = await buildUser(t.env, { email: 'jordan.blake@test.example' });
    const res = await t.admin.patch(`/api/v1/users/${u.id}`, { password: 'x jordan.blake@test.example x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toBe('must not contain your email address');
  });

  it('accepts a passphrase', async () => {
    const res = await t.admin.post('/api/v1/users', {
      email: 'strong@test.example',
      name: 'Strong',
      password: 'violet tractor under moonlight',
    });
    expect(res.statusCode).toBe(201);
  });
});
