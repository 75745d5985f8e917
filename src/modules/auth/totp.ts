/**
 * TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either
 * way) and recovery codes. Pure apart from randomness; the clock is passed in.
 */
import { randomBytes } from 'node:crypto';
import { onFirstUse } from '../../on-first-use.ts';

/** Loaded when someone first sets up or uses a second factor, not at start. */
const otp = onFirstUse((load) => load('otpauth') as typeof import('otpauth'));

const PERIOD_S = 30;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return new (otp().Secret)({ size: 20 }).base32;
}

function totpOf(secret: string, label: string) {
  const { Secret, TOTP } = otp();
  return new TOTP({
    issuer: 'Steward',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/**
 * The time step of a valid code, or null. A step at or before `lastStep` was already used and
 * is refused, so a code seen over someone's shoulder cannot be replayed.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
  return step > lastStep ? step : null;
}

/** Ten one-time codes like `k7d2m-q9x4p`, shown once. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The form a recovery code is hashed in: lower case, no spaces or dashes. */
export function normalRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}
