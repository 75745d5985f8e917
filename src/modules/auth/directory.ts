/** The people directory: users, their roles, groups and group membership. */

import { asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { GroupView as CGroupView, UserView as CUserView } from '../../contracts/directory.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { pageAscending } from '../../db/keyset.ts';
import { anyContains, containing } from '../../db/like.ts';
import { rowById, takenIgnoringCase } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, actingUserId, can, type Role, systemOrCan } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { writeAudit } from '../audit/index.ts';
import { notifyAuthChange } from './cache.ts';
import { assertStrongPassword, hashPassword } from './password.ts';
import { groupMembers, groups, userRoles, users } from './schema.ts';

export type UserView = CUserView;

async function presentUsers(ctx: AppContext, rows: (typeof users.$inferSelect)[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roleRows, groupRows] = await Promise.all([
    ctx.db.select().from(userRoles).where(inArray(userRoles.userId, ids)),
    ctx.db.select().from(groupMembers).where(inArray(groupMembers.userId, ids)),
  ]);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    title: u.title,
    phone: u.phone,
    timeZone: u.timeZone,
    managerId: u.managerId,
    organisationId: u.organisationId,
    active: u.active,
    roles: roleRows
      .filter((r) => r.userId === u.id)
      .map((r) => r.role as Role)
      .sort(),
    groupIds: groupRows.filter((g) => g.userId === u.id).map((g) => g.groupId),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  }));
}

export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<UserView> {
  if (id !== actor.userId && !can(actor, 'user.read')) throw notFound('User', id);
  const row = await rowById(ctx.db, users, id, 'User');
  return (await presentUsers(ctx, [row]))[0]!;
}

export type UserListQuery = PageRequest & {
  q?: string | undefined;
  role?: Role | undefined;
  groupId?: string | undefined;
  active?: boolean | undefined;
};

export async function listUsers(ctx: AppContext, actor: Actor, q: UserListQuery) {
  if (!can(actor, 'user.read')) throw forbidden('You may not browse the user directory.');
  const conds: SQL[] = [];
  if (q.q) conds.push(anyContains(q.q, [users.name, users.email]));
  if (q.active !== undefined) conds.push(eq(users.active, q.active));
  if (q.role)
    conds.push(sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = ${q.role})`);
  if (q.groupId)
    conds.push(
      sql`exists (select 1 from group_members m where m.user_id = ${users.id} and m.group_id = ${q.groupId})`,
    );
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    users,
    { column: users.name, of: (r) => r.name },
    conds,
    q,
  );
  return { items: await presentUsers(ctx, page), nextCursor };
}

export type UserInput = {
  email: string;
  name: string;
  password?: string | undefined;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  timeZone?: string | undefined;
  managerId?: string | null | undefined;
  organisationId?: string | null | undefined;
  active?: boolean | undefined;
  roles?: Role[] | undefined;
  groupIds?: string[] | undefined;
};

export function assertTimeZone(tz: string, field = 'timeZone'): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new AppError('validation.failed', `"${tz}" is not an IANA time zone such as Europe/Berlin.`, [
      { field, message: 'unknown time zone' },
    ]);
  }
}

/** Emails are unique ignoring case; `exceptId` is the user who keeps theirs. */
async function assertEmailFree(db: Db, email: string, exceptId?: string) {
  if (await takenIgnoringCase(db, users, users.email, email, exceptId))
    throw conflict(`A user with email ${email} already exists.`);
}

/** Create a user. `system` skips the permission check (first admin, demo data, CLI). */
export async function createUser(
  ctx: AppContext,
  actor: Actor | 'system',
  input: UserInput,
  ip: string | null = null,
) {
  if (!systemOrCan(actor, 'user.manage')) throw forbidden('Only administrators may create users.');
  if (input.timeZone) assertTimeZone(input.timeZone);
  if (input.password) assertStrongPassword(input.password, input);
  const now = ctx.clock.now();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await ctx.db.transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        title: input.title ?? null,
        phone: input.phone ?? null,
        timeZone: input.timeZone ?? 'UTC',
        managerId: input.managerId ?? null,
        organisationId: input.organisationId ?? null,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    const userId = row!.id;
    const roles = input.roles ?? ['requester'];
    if (roles.length)
      await tx.insert(userRoles).values(roles.map((role) => ({ userId, role, grantedAt: now })));
    if (input.groupIds?.length)
      await tx.insert(groupMembers).values(input.groupIds.map((groupId) => ({ groupId, userId })));
    await writeAudit(tx, now, {
      action: 'user.created',
      actorId: actingUserId(actor),
      actorLabel: actor === 'system' ? 'system' : null,
      targetType: 'user',
      targetId: userId,
      ip,
      details: { email: input.email, roles },
    });
    return userId;
  });
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  return (await presentUsers(ctx, [row!]))[0]!;
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<UserInput>,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  const self = id === actor.userId;
  const adminFields = [
    'email',
    'roles',
    'groupIds',
    'active',
    'managerId',
    'organisationId',
    'password',
  ] as const;
  const touchesAdmin = adminFields.some((f) => patch[f] !== undefined);
  if (!can(actor, 'user.manage') && (!self || touchesAdmin || !can(actor, 'profile.edit_own'))) {
    throw forbidden(
      self
        ? 'Only administrators may change email, roles, groups or status.'
        : 'Only administrators may edit other users.',
    );
  }
  if (patch.timeZone) assertTimeZone(patch.timeZone);
  if (self && patch.active === false)
    throw new AppError('validation.failed', 'You cannot deactivate your own account.');
  if (self && patch.roles && !patch.roles.includes('admin') && actor.roles.includes('admin')) {
    throw new AppError(
      'validation.failed',
      'You cannot remove your own administrator role; ask another administrator.',
    );
  }
  // The columns the patch sets as they are; the password is stored hashed, roles and groups apart.
  const { password, roles, groupIds, ...fields } = patch;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    /** An audit entry of this change to the user. */
    const audit = (action: string, details?: Record<string, unknown>) =>
      writeAudit(tx, now, { action, actorId: actor.userId, targetType: 'user', targetId: id, ip, details });
    const cur = await lockAtVersion(tx, users, id, 'User', expectedVersion, (r) => r.name);
    if (password !== undefined) {
      assertStrongPassword(password, { email: patch.email ?? cur.email, name: patch.name ?? cur.name });
    }
    if (patch.email) await assertEmailFree(tx, patch.email, id);
    await writeNextVersion(
      tx,
      users,
      cur,
      {
        ...defined(fields),
        ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}),
      },
      now,
    );
    if (roles) {
      const before = (await tx.select().from(userRoles).where(eq(userRoles.userId, id)))
        .map((r) => r.role)
        .sort();
      const after = [...new Set(roles)].sort();
      if (before.join() !== after.join()) {
        await tx.delete(userRoles).where(eq(userRoles.userId, id));
        if (after.length)
          await tx.insert(userRoles).values(after.map((role) => ({ userId: id, role, grantedAt: now })));
        await audit('user.roles_changed', { before, after });
      }
    }
    if (groupIds) {
      await tx.delete(groupMembers).where(eq(groupMembers.userId, id));
      const g = [...new Set(groupIds)];
      if (g.length) await tx.insert(groupMembers).values(g.map((groupId) => ({ groupId, userId: id })));
      await audit('user.groups_changed', { groupIds: g });
    }
    if (patch.active !== undefined && patch.active !== cur.active) {
      await audit(patch.active ? 'user.activated' : 'user.deactivated');
      if (!patch.active) await tx.execute(sql`delete from sessions where user_id = ${id}`);
    }
    if (password !== undefined) await audit('user.password_set');
    if (touchesAdmin) await notifyAuthChange(tx, [id]);
  });
  if (touchesAdmin) ctx.authCache.invalidateUsers([id]);
  return getUser(ctx, actor, id);
}

// ---- groups ----

export type GroupView = CGroupView;

async function presentGroups(ctx: AppContext, rows: (typeof groups.$inferSelect)[]): Promise<GroupView[]> {
  if (rows.length === 0) return [];
  const members = await ctx.db
    .select()
    .from(groupMembers)
    .where(
      inArray(
        groupMembers.groupId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    email: g.email,
    managerId: g.managerId,
    active: g.active,
    memberIds: members.filter((m) => m.groupId === g.id).map((m) => m.userId),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
    version: g.version,
  }));
}

export async function listGroups(ctx: AppContext, actor: Actor, q: { q?: string | undefined }) {
  if (!can(actor, 'group.read')) throw forbidden('You may not browse groups.');
  const rows = await ctx.db
    .select()
    .from(groups)
    .where(q.q ? ilike(groups.name, containing(q.q)) : undefined)
    .orderBy(asc(groups.name));
  return presentGroups(ctx, rows);
}

export async function getGroup(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'group.read')) throw notFound('Group', id);
  const row = await rowById(ctx.db, groups, id, 'Group');
  return (await presentGroups(ctx, [row]))[0]!;
}

/** Group names are unique ignoring case; `exceptId` is the group that keeps its name. */
async function assertGroupNameFree(db: Db, name: string, exceptId?: string) {
  if (await takenIgnoringCase(db, groups, groups.name, name, exceptId))
    throw conflict(`A group named "${name}" already exists.`);
}

export type GroupInput = {
  name: string;
  description?: string | undefined;
  email?: string | null | undefined;
  managerId?: string | null | undefined;
  active?: boolean | undefined;
  memberIds?: string[] | undefined;
};

export async function createGroup(
  ctx: AppContext,
  actor: Actor | 'system',
  input: GroupInput,
  ip: string | null = null,
) {
  if (!systemOrCan(actor, 'group.manage'))
    throw forbidden('Only administrators and service managers may create groups.');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await assertGroupNameFree(tx, input.name);
    const [row] = await tx
      .insert(groups)
      .values({
        name: input.name,
        description: input.description ?? '',
        email: input.email ?? null,
        managerId: input.managerId ?? null,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groups.id });
    const groupId = row!.id;
    const members = [...new Set(input.memberIds ?? [])];
    if (members.length) await tx.insert(groupMembers).values(members.map((userId) => ({ groupId, userId })));
    // The members' cached credentials carry their group ids: drop them on every instance.
    if (members.length) await notifyAuthChange(tx, members);
    await writeAudit(tx, now, {
      action: 'group.created',
      actorId: actingUserId(actor),
      targetType: 'group',
      targetId: groupId,
      ip,
      details: { name: input.name },
    });
    return groupId;
  });
  if (input.memberIds?.length) ctx.authCache.invalidateUsers(input.memberIds);
  const [row] = await ctx.db.select().from(groups).where(eq(groups.id, id));
  return (await presentGroups(ctx, [row!]))[0]!;
}

export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<GroupInput>,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  if (!can(actor, 'group.manage'))
    throw forbidden('Only administrators and service managers may change groups.');
  const { memberIds, ...fields } = patch;
  const now = ctx.clock.now();
  const changedMembers: string[] = [];
  await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, groups, id, 'Group', expectedVersion, (r) => r.name);
    if (patch.name) await assertGroupNameFree(tx, patch.name, id);
    await writeNextVersion(tx, groups, cur, defined(fields), now);
    if (memberIds) {
      const before = (await tx.select().from(groupMembers).where(eq(groupMembers.groupId, id)))
        .map((m) => m.userId)
        .sort();
      const after = [...new Set(memberIds)].sort();
      await tx.delete(groupMembers).where(eq(groupMembers.groupId, id));
      changedMembers.push(...before, ...after);
      await notifyAuthChange(tx, [...before, ...after]);
      if (after.length)
        await tx.insert(groupMembers).values(after.map((userId) => ({ groupId: id, userId })));
      if (before.join() !== after.join()) {
        await writeAudit(tx, now, {
          action: 'group.members_changed',
          actorId: actor.userId,
          targetType: 'group',
          targetId: id,
          ip,
          details: { before, after },
        });
      }
    }
  });
  ctx.authCache.invalidateUsers(changedMembers);
  return getGroup(ctx, actor, id);
}

export async function deleteGroup(ctx: AppContext, actor: Actor, id: string, ip: string | null) {
  if (!can(actor, 'group.manage'))
    throw forbidden('Only administrators and service managers may delete groups.');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const cur = await rowById(tx, groups, id, 'Group');
    const [used] = await tx
      .execute(sql`select 1 from records where group_id = ${id} limit 1`)
      .then((r) => (r as unknown as { rows: unknown[] }).rows);
    if (used)
      throw conflict(`Group "${cur.name}" is assigned to records; deactivate it instead of deleting it.`);
    const members = (await tx.select().from(groupMembers).where(eq(groupMembers.groupId, id))).map(
      (m) => m.userId,
    );
    await tx.delete(groups).where(eq(groups.id, id));
    await notifyAuthChange(tx, members);
    ctx.authCache.clear();
    await writeAudit(tx, now, {
      action: 'group.deleted',
      actorId: actor.userId,
      targetType: 'group',
      targetId: id,
      ip,
      details: { name: cur.name },
    });
  });
}
