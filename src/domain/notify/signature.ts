/**
 * Webhook signatures: HMAC-SHA256 with the endpoint's secret over `timestamp + "." + body`, sent
 * as `Steward-Signature: v1=<hex>` next to `Steward-Timestamp: <unix seconds>`. A receiver
 * recomputes it over the raw body and refuses old timestamps, so a captured request cannot be
 * replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'steward-signature';
export const TIMESTAMP_HEADER = 'steward-timestamp';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a signature is valid for the body and the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhook(
  secret: string,
  header: { signature: string; timestamp: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(header.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Delay before retry `attempt` (1 = the first retry): base · 2^(attempt-1), capped. */
export function retryDelayMs(attempt: number, baseMs: number, capMs = 6 * 3600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
