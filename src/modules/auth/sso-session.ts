/**
 * Opens a session for someone who proved who they are some other way than the password form:
 * an identity provider, or the second factor after the password. Same cookie and CSRF token as
 * the password sign-in.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { writeAudit } from '../audit/index.ts';
import { sessions, users } from './schema.ts';
import { type LoginResult, SESSION_COOKIE } from './service.ts';

export async function openSession(
  ctx: AppContext,
  user: { id: string; email: string },
  meta: { ip: string | null; userAgent: string | null; method: string },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      idHash: tokenHash(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, now, {
      action: 'auth.login',
      actorId: user.id,
      actorLabel: user.email,
      ip: meta.ip,
      details: { method: meta.method },
    });
  });
  return { sessionToken, csrfToken, userId: user.id, expiresAt };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, r: LoginResult): void {
  reply.setCookie(SESSION_COOKIE, r.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl?.startsWith('https://') ?? false,
    path: '/',
    expires: r.expiresAt,
  });
}
