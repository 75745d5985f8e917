/**
 * Sign-in throttling that an attacker cannot turn against the account's owner. Instead of a
 * hard lock of the account (which let anyone lock out anyone, admins included):
 *
 * - one address that keeps failing on one account is locked out of that account for a while;
 * - the account itself answers ever more slowly: after a few failures from anywhere, the next
 *   attempt must wait an exponentially growing delay, capped at a few seconds, so the owner
 *   signs in with the right password at most that cap later;
 * - when an account crosses the failure threshold, administrators are alerted (an in-app
 *   notification and an audit entry).
 *
 * Failures live in the audit log, so the throttle holds across instances.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { type LoginFailureStats, loginFailureStats, writeAudit } from '../audit/index.ts';
import { userRoles, users } from './schema.ts';

/** Failures on an account (from anywhere) that cost no delay. */
export const FREE_FAILURES = 3;

/** Seconds the account makes the next attempt wait after `failures` failures. */
export function accountDelaySeconds(failures: number, capSeconds: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), capSeconds);
}

export type ThrottleVerdict =
  | { ok: true }
  | { ok: false; reason: 'address_locked' | 'account_delay'; retryAfterSeconds: number };

/** Pure: may an attempt at `now` go ahead, given the recent failures? */
export function throttleVerdict(
  stats: LoginFailureStats,
  now: Date,
  opts: { maxFailures: number; lockMinutes: number; delayCapSeconds: number },
): ThrottleVerdict {
  const secondsUntil = (t: number) => Math.max(1, Math.ceil((t - now.getTime()) / 1000));
  if (stats.fromAddress >= opts.maxFailures && stats.lastFromAddressAt) {
    const until = stats.lastFromAddressAt.getTime() + opts.lockMinutes * 60_000;
    if (until > now.getTime())
      return { ok: false, reason: 'address_locked', retryAfterSeconds: secondsUntil(until) };
  }
  const delay = accountDelaySeconds(stats.account, opts.delayCapSeconds);
  if (delay > 0 && stats.lastAt) {
    const until = stats.lastAt.getTime() + delay * 1000;
    if (until > now.getTime())
      return { ok: false, reason: 'account_delay', retryAfterSeconds: secondsUntil(until) };
  }
  return { ok: true };
}

const windowStart = (ctx: AppContext, now: Date) =>
  new Date(now.getTime() - ctx.config.loginLockMinutes * 60_000);

/** Refuse the attempt with 429 and Retry-After when the throttle says so (and audit that). */
export async function assertMayAttemptLogin(
  ctx: AppContext,
  email: string,
  ip: string | null,
  now: Date,
): Promise<void> {
  const stats = await loginFailureStats(ctx.db, email, ip, windowStart(ctx, now));
  const verdict = throttleVerdict(stats, now, {
    maxFailures: ctx.config.loginMaxFailures,
    lockMinutes: ctx.config.loginLockMinutes,
    delayCapSeconds: ctx.config.loginDelayMaxSeconds,
  });
  if (verdict.ok) return;
  await writeAudit(ctx.db, now, {
    action: 'auth.login_throttled',
    ip,
    details: { email, reason: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds },
  });
  throw new AppError(
    'auth.rate_limited',
    verdict.reason === 'address_locked'
      ? `Too many failed sign-ins for this account from your address. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes.`
      : `Several sign-ins for this account failed recently. Wait ${verdict.retryAfterSeconds} seconds and try again.`,
    [],
    { retryAfterSeconds: verdict.retryAfterSeconds },
  );
}

/** What administrators are told when an account keeps failing to sign in. */
export type LoginAttackAlert = {
  email: string;
  ip: string | null;
  failures: number;
  addresses: number;
  adminIds: string[];
};

type AttackListener = (tx: Db, now: Date, alert: LoginAttackAlert, windowMinutes: number) => Promise<void>;
const attackListeners = new Set<AttackListener>();

/**
 * React to a suspected attack on an account inside the transaction that audits it (the notify
 * module tells the administrators). Registering the same listener again changes nothing.
 */
export function onLoginAttackSuspected(listener: AttackListener): void {
  attackListeners.add(listener);
}

/** Why a sign-in step failed, as the audit log keeps it. */
export type LoginFailure = { email: string; ip: string | null; actorId: string | null; reason: string };

/**
 * Audit a failed sign-in step (what the throttle counts); when the account has just reached the
 * failure threshold, alert every active administrator once for this crossing.
 */
export async function recordLoginFailure(ctx: AppContext, now: Date, failure: LoginFailure): Promise<void> {
  const { email, ip } = failure;
  await writeAudit(ctx.db, now, {
    action: 'auth.login_failed',
    actorId: failure.actorId,
    ip,
    details: { email, reason: failure.reason },
  });
  const stats = await loginFailureStats(ctx.db, email, ip, windowStart(ctx, now));
  if (stats.account !== ctx.config.loginMaxFailures) return;
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, now, {
      action: 'auth.login_attack_suspected',
      ip,
      details: { email, failures: stats.account, addresses: stats.addresses },
    });
    const adminIds = await activeAdmins(tx);
    const alert = { email, ip, failures: stats.account, addresses: stats.addresses, adminIds };
    for (const listener of attackListeners) await listener(tx, now, alert, ctx.config.loginLockMinutes);
  });
}

async function activeAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.active, true)));
  return rows.map((r) => r.id);
}
