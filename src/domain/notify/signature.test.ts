import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, signWebhook, verifyWebhook } from './signature.ts';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"event":"record.created"}';

  it('is HMAC-SHA256 over timestamp.body, hex, prefixed v1=', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`v1=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret or an old timestamp', () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    const header = { signature, timestamp: '1700000000' };
    expect(verifyWebhook(secret, header, body, 1_700_000_010)).toBe(true);
    expect(verifyWebhook(secret, header, `${body} `, 1_700_000_010)).toBe(false);
    expect(verifyWebhook('other', header, body, 1_700_000_010)).toBe(false);
    expect(verifyWebhook(secret, header, body, 1_700_000_000 + 301)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: 'x' }, body, 1_700_000_000)).toBe(false);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 1000, 60_000)).toBe(60_000);
  });
});
