/**
 * Second factor for local accounts: TOTP enrolment with a QR code, hashed one-time recovery
 * codes, the policy that makes some roles use it (MFA_REQUIRED_ROLES), and the sign-in step after
 * a correct password: a short-lived challenge, then the code. Failed codes count as failed
 * sign-ins of the account, so the password step's throttling covers them too.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can, type Role } from '../../domain/roles.ts';
import { AppError, conflict, forbidden } from '../../errors.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { writeAudit } from '../audit/index.ts';
import { mfaChallenges, mfaRecoveryCodes, userMfa, userRoles, users } from './schema.ts';
import type { LoginResult } from './service.ts';
import { openSession } from './sso-session.ts';
import { assertMayAttemptLogin, recordLoginFailure } from './throttle.ts';
import { acceptedStep, newRecoveryCodes, newTotpSecret, normalRecoveryCode, otpauthUri } from './totp.ts';

const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_ATTEMPTS = 5;

export type Enrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };
export type MfaChallenge = { challenge: string; expiresAt: string; enrol: Enrolment | null };

async function enrolmentOf(secret: string, email: string): Promise<Enrolment> {
  const otpauthUrl = otpauthUri(secret, email);
  const { default: QRCode } = await import('qrcode');
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  return (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map(
    (r) => r.role as Role,
  );
}

export function mfaRequiredFor(ctx: AppContext, roles: readonly Role[]): boolean {
  return roles.some((r) => ctx.config.mfaRequiredRoles.includes(r));
}

/**
 * After a correct password: the challenge to answer with a code, or null when the account signs
 * in without one. A local account whose role requires MFA and has none enrols here.
 */
export async function mfaStepFor(
  ctx: AppContext,
  user: { id: string; email: string; passwordHash: string | null },
): Promise<MfaChallenge | null> {
  const [mfa] = await ctx.db.select().from(userMfa).where(eq(userMfa.userId, user.id));
  const enabled = Boolean(mfa?.enabledAt);
  const mustEnrol =
    !enabled && user.passwordHash !== null && mfaRequiredFor(ctx, await rolesOf(ctx.db, user.id));
  if (!enabled && !mustEnrol) return null;
  const now = ctx.clock.now();
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  const pendingSecret = mustEnrol ? newTotpSecret() : null;
  await ctx.db.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, now));
  await ctx.db
    .insert(mfaChallenges)
    .values({ idHash: tokenHash(challenge), userId: user.id, pendingSecret, expiresAt });
  return {
    challenge,
    expiresAt: expiresAt.toISOString(),
    enrol: pendingSecret ? await enrolmentOf(pendingSecret, user.email) : null,
  };
}

export type MfaSignIn = { session: LoginResult; recoveryCodes: string[] | null };

/** The second step of sign-in: a TOTP code (or a recovery code) for the challenge. */
export async function completeMfaSignIn(
  ctx: AppContext,
  input: { challenge: string; code: string; ip: string | null; userAgent: string | null },
): Promise<MfaSignIn> {
  const now = ctx.clock.now();
  const idHash = tokenHash(input.challenge);
  const [row] = await ctx.db
    .update(mfaChallenges)
    .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
    .where(eq(mfaChallenges.idHash, idHash))
    .returning();
  const [user] = row ? await ctx.db.select().from(users).where(eq(users.id, row.userId)) : [];
  if (!row || !user?.active || row.expiresAt <= now || row.attempts > CHALLENGE_ATTEMPTS) {
    if (row) await ctx.db.delete(mfaChallenges).where(eq(mfaChallenges.idHash, idHash));
    throw new AppError(
      'auth.unauthenticated',
      'This sign-in has expired. Enter your email and password again.',
    );
  }
  const email = user.email.toLowerCase();
  // The code step is throttled exactly like the password step.
  await assertMayAttemptLogin(ctx, email, input.ip, now);
  const method = await checkCode(ctx, user.id, row.pendingSecret, input.code, now);
  if (!method) {
    await recordLoginFailure(ctx, now, { email, ip: input.ip, actorId: user.id, reason: 'bad_mfa_code' });
    throw new AppError(
      'auth.invalid_credentials',
      'The code is not correct. Enter the current code from your app.',
    );
  }
  await ctx.db.delete(mfaChallenges).where(eq(mfaChallenges.idHash, idHash));
  const recoveryCodes = row.pendingSecret ? await enableMfa(ctx.db, user.id, now, input.ip) : null;
  const session = await openSession(ctx, user, { ip: input.ip, userAgent: input.userAgent, method });
  return { session, recoveryCodes };
}

/** Which factor the code proved ('password+totp', 'password+recovery_code'), or null. */
async function checkCode(
  ctx: AppContext,
  userId: string,
  pendingSecret: string | null,
  code: string,
  now: Date,
): Promise<string | null> {
  if (pendingSecret) {
    const step = acceptedStep(pendingSecret, code, now, 0);
    if (step === null) return null;
    await ctx.db
      .insert(userMfa)
      .values({ userId, secret: pendingSecret, lastStep: step, createdAt: now })
      .onConflictDoUpdate({
        target: userMfa.userId,
        set: { secret: pendingSecret, lastStep: step, enabledAt: null },
      });
    return 'password+totp';
  }
  if (await redeemTotp(ctx.db, userId, code, now)) return 'password+totp';
  if (await redeemRecoveryCode(ctx.db, userId, code, now)) return 'password+recovery_code';
  return null;
}

/** Accepts a code of the enabled (or, when enrolling, pending) secret once, moving its last step. */
async function redeemTotp(
  db: Db,
  userId: string,
  code: string,
  now: Date,
  pending = false,
): Promise<boolean> {
  const [mfa] = await db.select().from(userMfa).where(eq(userMfa.userId, userId));
  if (!mfa || Boolean(mfa.enabledAt) === pending) return false;
  const step = acceptedStep(mfa.secret, code, now, mfa.lastStep);
  if (step === null) return false;
  // Conditional on the old step, so two requests racing with one code cannot both pass.
  const moved = await db
    .update(userMfa)
    .set({ lastStep: step })
    .where(and(eq(userMfa.userId, userId), eq(userMfa.lastStep, mfa.lastStep)))
    .returning({ userId: userMfa.userId });
  return moved.length === 1;
}

async function redeemRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const normal = normalRecoveryCode(code);
  if (normal.length !== 10) return false;
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, tokenHash(normal)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length === 1;
}

/** Marks MFA enabled and issues fresh recovery codes (returned once, stored hashed). */
async function enableMfa(db: Db, userId: string, now: Date, ip: string | null): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.update(userMfa).set({ enabledAt: now }).where(eq(userMfa.userId, userId));
    await replaceRecoveryCodes(tx, userId, codes);
    await writeAudit(tx, now, {
      action: 'mfa.enabled',
      actorId: userId,
      targetType: 'user',
      targetId: userId,
      ip,
    });
  });
  return codes;
}

async function replaceRecoveryCodes(tx: Db, userId: string, codes: string[]): Promise<void> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx
    .insert(mfaRecoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: tokenHash(normalRecoveryCode(c)) })));
}

// ---- managing one's own second factor (profile page) ----

export type MfaStatus = {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
  localAccount: boolean;
};

export async function mfaStatus(ctx: AppContext, actor: Actor): Promise<MfaStatus> {
  const [[mfa], [left], [user]] = await Promise.all([
    ctx.db.select().from(userMfa).where(eq(userMfa.userId, actor.userId)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, actor.userId), isNull(mfaRecoveryCodes.usedAt))),
    ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)),
  ]);
  return {
    enabled: Boolean(mfa?.enabledAt),
    required: mfaRequiredFor(ctx, actor.roles),
    recoveryCodesLeft: mfa?.enabledAt ? (left?.n ?? 0) : 0,
    localAccount: Boolean(user?.passwordHash),
  };
}

async function userEmail(ctx: AppContext, actor: Actor): Promise<string> {
  const [u] = await ctx.db
    .select({ email: users.email, hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!u?.hash)
    throw forbidden('Accounts that sign in through single sign-on use their provider’s second factor.');
  return u.email;
}

/** Starts (or restarts) enrolment: a new secret, not in force until a code confirms it. */
export async function beginEnrolment(ctx: AppContext, actor: Actor): Promise<Enrolment> {
  const email = await userEmail(ctx, actor);
  const [mfa] = await ctx.db.select().from(userMfa).where(eq(userMfa.userId, actor.userId));
  if (mfa?.enabledAt)
    throw conflict('Two-step verification is already on. Turn it off first to change the app.');
  const secret = newTotpSecret();
  await ctx.db
    .insert(userMfa)
    .values({ userId: actor.userId, secret, createdAt: ctx.clock.now() })
    .onConflictDoUpdate({ target: userMfa.userId, set: { secret, lastStep: 0, enabledAt: null } });
  return enrolmentOf(secret, email);
}

const badCode = () =>
  new AppError('validation.failed', 'The code is not correct.', [
    { field: 'code', message: 'not the current code from your authenticator app' },
  ]);

export async function confirmEnrolment(
  ctx: AppContext,
  actor: Actor,
  code: string,
  ip: string | null,
): Promise<{ recoveryCodes: string[] }> {
  await userEmail(ctx, actor);
  const now = ctx.clock.now();
  if (!(await redeemTotp(ctx.db, actor.userId, code, now, true))) throw badCode();
  return { recoveryCodes: await enableMfa(ctx.db, actor.userId, now, ip) };
}

async function requireCurrentCode(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  const now = ctx.clock.now();
  const ok =
    (await redeemTotp(ctx.db, actor.userId, code, now)) ||
    (await redeemRecoveryCode(ctx.db, actor.userId, code, now));
  if (!ok) throw badCode();
}

export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  code: string,
  ip: string | null,
) {
  await requireCurrentCode(ctx, actor, code);
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.userId, codes);
    await writeAudit(tx, ctx.clock.now(), {
      action: 'mfa.recovery_codes_replaced',
      actorId: actor.userId,
      ip,
    });
  });
  return { recoveryCodes: codes };
}

export async function disableMfa(
  ctx: AppContext,
  actor: Actor,
  code: string,
  ip: string | null,
): Promise<void> {
  if (mfaRequiredFor(ctx, actor.roles))
    throw new AppError(
      'validation.failed',
      'Your role requires two-step verification; it cannot be turned off.',
    );
  await requireCurrentCode(ctx, actor, code);
  await removeMfa(ctx, actor.userId, actor.userId, ip);
}

/** An administrator's reset for someone who lost their authenticator: they enrol again. */
export async function resetMfa(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  ip: string | null,
): Promise<void> {
  if (!can(actor, 'user.manage'))
    throw forbidden('Only administrators may reset another person’s two-step verification.');
  await removeMfa(ctx, actor.userId, userId, ip);
}

async function removeMfa(ctx: AppContext, actorId: string, userId: string, ip: string | null) {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(userMfa).where(eq(userMfa.userId, userId));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    await writeAudit(tx, ctx.clock.now(), {
      action: 'mfa.disabled',
      actorId,
      targetType: 'user',
      targetId: userId,
      ip,
    });
  });
}
