import { describe, expect, it } from 'vitest';
import { accountDelaySeconds, throttleVerdict } from './throttle.ts';

const opts = { maxFailures: 10, lockMinutes: 15, delayCapSeconds: 30 };
const now = new Date('2026-03-02T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const stats = (over: Partial<Parameters<typeof throttleVerdict>[0]> = {}) => ({
  account: 0,
  fromAddress: 0,
  lastAt: null,
  lastFromAddressAt: null,
  addresses: 0,
  ...over,
});

describe('sign-in throttling', () => {
  it('grows the account delay exponentially after a few free failures, up to the cap', () => {
    expect([0, 3, 4, 5, 6, 8, 9, 50].map((n) => accountDelaySeconds(n, 30))).toEqual([
      0, 0, 2, 4, 8, 30, 30, 30,
    ]);
  });

  it('lets an attempt through once the delay since the last failure has passed', () => {
    expect(throttleVerdict(stats({ account: 5, lastAt: ago(1) }), now, opts)).toEqual({
      ok: false,
      reason: 'account_delay',
      retryAfterSeconds: 3,
    });
    expect(throttleVerdict(stats({ account: 5, lastAt: ago(5) }), now, opts)).toEqual({ ok: true });
  });

  it('locks out only the address that keeps failing, for the lock period', () => {
    const attacker = stats({ account: 10, fromAddress: 10, lastAt: ago(60), lastFromAddressAt: ago(60) });
    expect(throttleVerdict(attacker, now, opts)).toMatchObject({ ok: false, reason: 'address_locked' });
    expect(throttleVerdict(attacker, now, opts)).toMatchObject({ retryAfterSeconds: 14 * 60 });
    const owner = stats({ account: 10, fromAddress: 0, lastAt: ago(60), lastFromAddressAt: null });
    expect(throttleVerdict(owner, now, opts)).toEqual({ ok: true });
  });
});
