import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptedStep, newRecoveryCodes, newTotpSecret, normalRecoveryCode, otpauthUri } from './totp.ts';

const codeAt = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

describe('TOTP (RFC 6238)', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-03-02T09:00:10Z');
  const step = Math.floor(now.getTime() / 30_000);

  it('matches the RFC 6238 SHA-1 test vector', () => {
    const rfcSecret = OTPAuth.Secret.fromUTF8('12345678901234567890').base32;
    expect(acceptedStep(rfcSecret, '287082', new Date(59_000), 0)).toBe(1);
  });

  it('accepts the current code and one step of drift either way, nothing further', () => {
    expect(acceptedStep(secret, codeAt(secret, now), now, 0)).toBe(step);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now, 0)).toBe(step - 1);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() + 30_000)), now, 0)).toBe(step + 1);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() - 90_000)), now, 0)).toBeNull();
  });

  it('refuses a code of a step already used, and anything that is not six digits', () => {
    expect(acceptedStep(secret, codeAt(secret, now), now, step)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', now, 0)).toBeNull();
    expect(acceptedStep(secret, '12345', now, 0)).toBeNull();
  });

  it('writes an otpauth URI naming Steward and the account', () => {
    expect(otpauthUri(secret, 'ann@example.com')).toBe(
      `otpauth://totp/Steward:ann%40example.com?issuer=Steward&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('makes ten distinct recovery codes that normalise the way people type them', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalRecoveryCode(' K7D2M - Q9X4P ')).toBe('k7d2mq9x4p');
  });
});
