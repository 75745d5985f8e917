/**
 * Authentication: password login with rate limiting, server-side sessions with a CSRF token,
 * and scoped, revocable API tokens stored only as hashes.
 */
import { randomBytes } from 'node:crypto';
import { desc, eq, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can, isReadOnly, ROLES, type Role, type TokenScope } from '../../domain/roles.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { writeAudit } from '../audit/index.ts';
import { notifyAuthChange } from './cache.ts';
import { directorySignIn } from './ldap.ts';
import { type MfaChallenge, mfaStepFor } from './mfa.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { apiTokens, groupMembers, sessions, userRoles, users } from './schema.ts';
import { openSession } from './sso-session.ts';
import { assertMayAttemptLogin, recordLoginFailure } from './throttle.ts';

export const SESSION_COOKIE = 'steward_session';
export const TOKEN_PREFIX = 'stw_';

export async function loadActor(db: Db, userId: string, scopes: TokenScope[] | null): Promise<Actor> {
  const [roleRows, groupRows] = await Promise.all([
    db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)),
    db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, userId)),
  ]);
  const roles = roleRows
    .map((r) => r.role)
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { userId, roles, groupIds: groupRows.map((g) => g.groupId), scopes };
}

export type LoginResult = { sessionToken: string; csrfToken: string; userId: string; expiresAt: Date };

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult | { mfa: MfaChallenge }> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  await assertMayAttemptLogin(ctx, email, input.ip, now);
  // Directory accounts (LDAP): a successful bind finds, creates or refreshes the Steward user.
  const viaDirectory = await directorySignIn(ctx, email, input.password, input.ip);
  const [user] = viaDirectory
    ? [viaDirectory]
    : await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const ok = viaDirectory
    ? true
    : user
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyPassword(input.password, await dummyPasswordHash()).then(() => false);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(ctx, now, {
      email,
      ip: input.ip,
      actorId: user?.id ?? null,
      reason: !user ? 'unknown_email' : !ok ? 'bad_password' : 'inactive',
    });
    throw new AppError('auth.invalid_credentials', 'The email or password is not correct.');
  }
  // Second factor (TOTP): no session yet, only a short-lived challenge to answer with a code.
  const mfa = await mfaStepFor(ctx, user);
  if (mfa) return { mfa };
  return openSession(ctx, user, {
    ip: input.ip,
    userAgent: input.userAgent,
    method: viaDirectory ? 'ldap' : 'password',
  });
}

export type SessionAuth = { actor: Actor; csrfToken: string; sessionHash: string };

/** Roles and group ids of a user as sub-selects, so authentication is one round trip. */
const ACTOR_COLUMNS = `u.id as user_id, u.active, u.organisation_id,
  coalesce((select array_agg(r.role) from user_roles r where r.user_id = u.id), '{}') as roles,
  coalesce((select array_agg(m.group_id::text) from group_members m where m.user_id = u.id), '{}') as group_ids`;

type ActorRow = {
  user_id: string;
  active: boolean;
  organisation_id: string | null;
  roles: string[];
  group_ids: string[];
};

function actorFrom(row: ActorRow, scopes: TokenScope[] | null): Actor {
  const roles = row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { userId: row.user_id, roles, groupIds: row.group_ids, scopes, organisationId: row.organisation_id };
}

const SESSION_SQL = `select s.csrf_token, ${ACTOR_COLUMNS}
  from sessions s join users u on u.id = s.user_id where s.id_hash = $1 and s.expires_at > $2`;

export async function authenticateSession(ctx: AppContext, cookie: string): Promise<SessionAuth | null> {
  const idHash = tokenHash(cookie);
  const [row] = await ctx.database.prepared<ActorRow & { csrf_token: string }>('auth.session', SESSION_SQL, [
    idHash,
    ctx.clock.now(),
  ]);
  if (!row?.active) return null;
  return { actor: actorFrom(row, null), csrfToken: row.csrf_token, sessionHash: idHash };
}

export async function logout(
  ctx: AppContext,
  sessionHash: string,
  actor: Actor,
  ip: string | null,
): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.idHash, sessionHash));
  await writeAudit(ctx.db, ctx.clock.now(), { action: 'auth.logout', actorId: actor.userId, ip });
}

export async function purgeExpiredSessions(ctx: AppContext): Promise<number> {
  const gone = await ctx.db
    .delete(sessions)
    .where(lt(sessions.expiresAt, ctx.clock.now()))
    .returning({ id: sessions.idHash });
  return gone.length;
}

const TOKEN_SQL = `select t.id, t.scopes, t.last_used_at, t.expires_at, ${ACTOR_COLUMNS}
  from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2)`;

type TokenRow = ActorRow & {
  id: string;
  scopes: string[];
  last_used_at: Date | null;
  expires_at: Date | null;
};

/** Record use at most once a minute so busy integrations do not write on every call. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * A bearer token's actor, from the authentication cache when it holds the token (revocation,
 * deactivation and role or group changes drop the entry on every instance; the entry never
 * outlives the token's expiry), else with one query.
 */
export async function authenticateToken(ctx: AppContext, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const hash = tokenHash(bearer);
  const key = `token:${hash}`;
  const cached = ctx.authCache.get(key, nowMs);
  if (cached?.token) {
    if (nowMs - cached.token.lastUsedAt > LAST_USED_EVERY_MS) {
      cached.token.lastUsedAt = nowMs;
      await touchToken(ctx, cached.token.id, now);
    }
    return cached.actor;
  }
  const generation = ctx.authCache.begin();
  const [tok] = await ctx.database.prepared<TokenRow>('auth.token', TOKEN_SQL, [hash, now]);
  if (!tok?.active) return null;
  let lastUsedAt = tok.last_used_at ? new Date(tok.last_used_at).getTime() : Number.NEGATIVE_INFINITY;
  if (nowMs - lastUsedAt > LAST_USED_EVERY_MS) {
    await touchToken(ctx, tok.id, now);
    lastUsedAt = nowMs;
  }
  // Shared by every request the cache serves it to: frozen, so no caller can alter it for the others.
  const actor = freezeActor(actorFrom(tok, tok.scopes as TokenScope[]));
  const expiresAt = tok.expires_at ? new Date(tok.expires_at).getTime() : null;
  ctx.authCache.set(
    key,
    { actor, csrfToken: null, token: { id: tok.id, lastUsedAt } },
    nowMs,
    expiresAt,
    generation,
  );
  return actor;
}

function freezeActor(a: Actor): Actor {
  Object.freeze(a.roles);
  Object.freeze(a.groupIds);
  if (a.scopes) Object.freeze(a.scopes);
  return Object.freeze(a);
}

async function touchToken(ctx: AppContext, id: string, now: Date): Promise<void> {
  await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

function presentToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes as TokenScope[],
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
export type TokenView = ReturnType<typeof presentToken>;

export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: {
    name: string;
    scopes: TokenScope[];
    expiresInDays?: number | undefined;
    userId?: string | undefined;
  },
  ip: string | null,
): Promise<{ token: string; info: TokenView }> {
  if (!can(actor, 'token.manage_own')) throw forbidden('This credential may not create API tokens.');
  const ownerId = input.userId ?? actor.userId;
  if (ownerId !== actor.userId && !can(actor, 'user.manage'))
    throw forbidden('Only administrators may create tokens for other users.');
  if (input.scopes.includes('admin') && ownerId === actor.userId && actor.scopes !== null) {
    throw forbidden('A token cannot mint another admin token.');
  }
  if (isReadOnly(actor) && input.scopes.some((s) => s !== 'read')) {
    throw forbidden('Your role is read-only: your API tokens may have the read scope only.');
  }
  const token = `${TOKEN_PREFIX}${randomBytes(30).toString('base64url')}`;
  const now = ctx.clock.now();
  const info = await ctx.db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerId));
    if (!owner) throw notFound('User', ownerId);
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ownerId,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: tokenHash(token),
        scopes: [...new Set(input.scopes)],
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86400_000) : null,
      })
      .returning();
    await writeAudit(tx, now, {
      action: 'token.created',
      actorId: actor.userId,
      targetType: 'api_token',
      targetId: row!.id,
      ip,
      details: { name: input.name, scopes: input.scopes, ownerId },
    });
    return presentToken(row!);
  });
  return { token, info };
}

export async function listApiTokens(ctx: AppContext, actor: Actor, all: boolean): Promise<TokenView[]> {
  if (all && !can(actor, 'user.manage')) throw forbidden('Only administrators may list everyone’s tokens.');
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(all ? undefined : eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(presentToken);
}

export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ip: string | null,
): Promise<TokenView> {
  const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row || (row.userId !== actor.userId && !can(actor, 'user.manage'))) throw notFound('API token', id);
  if (!can(actor, 'token.manage_own')) throw forbidden('This credential may not revoke API tokens.');
  if (row.revokedAt) return presentToken(row);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning();
    await writeAudit(tx, now, {
      action: 'token.revoked',
      actorId: actor.userId,
      targetType: 'api_token',
      targetId: id,
      ip,
    });
    // Every instance drops the owner's cached credentials, this token among them.
    await notifyAuthChange(tx, [row.userId]);
    return u!;
  });
  ctx.authCache.invalidateUsers([row.userId]);
  return presentToken(updated);
}
