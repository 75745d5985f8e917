/**
 * People who sign in through an identity provider (OIDC) or a directory (LDAP): find them by their
 * external identity or email, create them just in time, and keep their roles and groups in step
 * with the provider's claims or directory groups through the configured maps.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ProvisionPolicy } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../domain/roles.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/index.ts';
import { notifyAuthChange } from './cache.ts';
import { externalIdentities, groupMembers, groups, userRoles, users } from './schema.ts';

export type ExternalProfile = {
  /** `oidc:<id>` or `ldap`. */
  provider: string;
  subject: string;
  email: string;
  name: string;
  /** Whether the provider vouches for the email; an unverified one never links to an existing user. */
  emailVerified: boolean;
  /** Claim values or directory group names the maps are read with. */
  values: string[];
};

type UserRow = typeof users.$inferSelect;

export function emailDomainAllowed(email: string, allowed: string[]): boolean {
  const domain = email.toLowerCase().split('@')[1] ?? '';
  return allowed.length === 0 || allowed.includes(domain);
}

/** Roles the maps give for these values; null when no role map is configured. */
export function mappedRoles(values: string[], policy: ProvisionPolicy): Role[] | null {
  if (Object.keys(policy.roleMap).length === 0) return null;
  const roles = new Set(values.flatMap((v) => policy.roleMap[v.toLowerCase()] ?? []));
  return roles.size ? [...roles].sort() : [policy.defaultRole];
}

/** The Steward user behind an external sign-in, created or linked when needed, maps applied. */
export async function provisionExternalUser(
  ctx: AppContext,
  profile: ExternalProfile,
  policy: ProvisionPolicy,
  ip: string | null,
): Promise<UserRow> {
  const email = profile.email.trim().toLowerCase();
  if (!email.includes('@')) {
    throw new AppError('auth.forbidden', 'The identity provider did not share an email address.');
  }
  if (!emailDomainAllowed(email, policy.allowedDomains)) {
    throw new AppError('auth.forbidden', `Accounts of ${email.split('@')[1]} may not sign in to Steward.`);
  }
  const now = ctx.clock.now();
  const { user, changed } = await ctx.db.transaction(async (tx) => {
    const user = await findOrCreate(tx, { ...profile, email }, policy, now, ip);
    if (!user.active) {
      throw new AppError('auth.forbidden', 'This Steward account is deactivated. Ask an administrator.');
    }
    await tx
      .update(externalIdentities)
      .set({ lastLoginAt: now })
      .where(
        and(
          eq(externalIdentities.provider, profile.provider),
          eq(externalIdentities.subject, profile.subject),
        ),
      );
    const changed =
      (await syncRoles(tx, user.id, profile, policy, now)) | (await syncGroups(tx, user.id, profile, policy));
    if (changed) await notifyAuthChange(tx, [user.id]);
    return { user, changed };
  });
  if (changed) ctx.authCache.invalidateUsers([user.id]);
  return user;
}

async function findOrCreate(
  tx: Db,
  profile: ExternalProfile,
  policy: ProvisionPolicy,
  now: Date,
  ip: string | null,
): Promise<UserRow> {
  const [linked] = await tx
    .select({ user: users })
    .from(externalIdentities)
    .innerJoin(users, eq(users.id, externalIdentities.userId))
    .where(
      and(eq(externalIdentities.provider, profile.provider), eq(externalIdentities.subject, profile.subject)),
    );
  if (linked) return linked.user;
  const link = (userId: string) =>
    tx.insert(externalIdentities).values({
      provider: profile.provider,
      subject: profile.subject,
      userId,
      createdAt: now,
    });
  const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${profile.email}`);
  if (existing) {
    if (!profile.emailVerified) {
      throw new AppError(
        'auth.forbidden',
        'The identity provider has not verified this email address, so it cannot be linked to a Steward account.',
      );
    }
    await link(existing.id);
    await writeAudit(tx, now, {
      action: 'user.identity_linked',
      actorId: existing.id,
      targetType: 'user',
      targetId: existing.id,
      ip,
      details: { provider: profile.provider },
    });
    return existing;
  }
  if (!policy.createUsers) {
    throw new AppError(
      'auth.forbidden',
      `There is no Steward account for ${profile.email}. Ask an administrator.`,
    );
  }
  const [created] = await tx
    .insert(users)
    .values({ email: profile.email, name: profile.name || profile.email, createdAt: now, updatedAt: now })
    .returning();
  const roles = mappedRoles(profile.values, policy) ?? [policy.defaultRole];
  await tx.insert(userRoles).values(roles.map((role) => ({ userId: created!.id, role, grantedAt: now })));
  await link(created!.id);
  await writeAudit(tx, now, {
    action: 'user.created',
    actorLabel: profile.provider,
    targetType: 'user',
    targetId: created!.id,
    ip,
    details: { provider: profile.provider, roles },
  });
  return created!;
}

/** Replaces the user's roles with the mapped ones when a role map is configured; 1 when changed. */
async function syncRoles(
  tx: Db,
  userId: string,
  profile: ExternalProfile,
  policy: ProvisionPolicy,
  now: Date,
): Promise<number> {
  const wanted = mappedRoles(profile.values, policy);
  if (!wanted) return 0;
  const before = (await tx.select().from(userRoles).where(eq(userRoles.userId, userId)))
    .map((r) => r.role)
    .sort();
  if (before.join() === wanted.join()) return 0;
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  await tx.insert(userRoles).values(wanted.map((role) => ({ userId, role, grantedAt: now })));
  await writeAudit(tx, now, {
    action: 'user.roles_changed',
    actorLabel: profile.provider,
    targetType: 'user',
    targetId: userId,
    details: { before, after: wanted },
  });
  return 1;
}

/** Sets membership of the groups the group map names (and only those); 1 when changed. */
async function syncGroups(tx: Db, userId: string, profile: ExternalProfile, policy: ProvisionPolicy) {
  const managedNames = [
    ...new Set(
      Object.values(policy.groupMap)
        .flat()
        .map((n) => n.toLowerCase()),
    ),
  ];
  if (!managedNames.length) return 0;
  const wantedNames = new Set(
    profile.values.flatMap((v) => policy.groupMap[v.toLowerCase()] ?? []).map((n) => n.toLowerCase()),
  );
  const managed = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(inArray(sql`lower(${groups.name})`, managedNames));
  const wanted = managed.filter((g) => wantedNames.has(g.name.toLowerCase())).map((g) => g.id);
  const current = (
    await tx
      .select({ groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.userId, userId),
          inArray(
            groupMembers.groupId,
            managed.map((g) => g.id),
          ),
        ),
      )
  ).map((r) => r.groupId);
  const add = wanted.filter((id) => !current.includes(id));
  const remove = current.filter((id) => !wanted.includes(id));
  if (add.length) await tx.insert(groupMembers).values(add.map((groupId) => ({ groupId, userId })));
  if (remove.length)
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.userId, userId), inArray(groupMembers.groupId, remove)));
  return add.length || remove.length ? 1 : 0;
}
