import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordWeakness, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('correct horse battery staple');
    expect(h.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', h)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', h)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
  it('refuses missing or malformed hashes without throwing', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('password policy', () => {
  const owner = { email: 'maria.lopez@example.com', name: 'Maria Lopez' };
  it('refuses common, patterned and blank passwords with a readable reason', () => {
    for (const weak of ['password1234', '            ', 'qwertyuiop12', 'aaaaaaaaaaaa', '123456789012']) {
      expect(passwordWeakness(weak, owner), weak).toMatch(/^is too weak: .+/);
    }
  });
  it('refuses passwords that contain the email, and counts its name part as an easy guess', () => {
    expect(passwordWeakness('Maria.Lopez@example.com!', owner)).toBe('must not contain your email address');
    expect(passwordWeakness('maria.lopez2026', owner)).toMatch(/^is too weak/);
    expect(passwordWeakness('e2e-admin-password-123', { email: 'admin@steward.local' })).toBeNull();
  });
  it('accepts passphrases, generated passwords and the demo password', () => {
    for (const ok of ['correct horse battery', 'steward-demo', generatePassword(), 'e2e-password-1234']) {
      expect(passwordWeakness(ok, owner), ok).toBeNull();
    }
  });
});
