/**
 * Announcements: written by service managers, process owners and administrators; shown to the
 * people of their audience (everyone, the customers of a service — people of its customer
 * organisations — or a group's members) between start and end, until each person dismisses them.
 */
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  AnnouncementCreate,
  AnnouncementListQuery,
  AnnouncementPatch,
  AnnouncementView,
} from '../../contracts/announcements.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { deleteRowById } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { groups, users } from '../auth/index.ts';
import { findService } from '../catalog/index.ts';
import { cis } from '../cmdb/index.ts';
import { announcementDismissals, announcements } from './schema.ts';

type Row = typeof announcements.$inferSelect;

function assertManager(actor: Actor) {
  if (!can(actor, 'announcement.manage'))
    throw forbidden('Only service managers, process owners and administrators may manage announcements.');
}

const columns = {
  a: announcements,
  serviceName: cis.name,
  groupName: groups.name,
};

function present(r: { a: Row; serviceName: string | null; groupName: string | null }): AnnouncementView {
  const a = r.a;
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    severity: a.severity as AnnouncementView['severity'],
    audience: a.audience as AnnouncementView['audience'],
    service: a.serviceId ? { id: a.serviceId, name: r.serviceName ?? '' } : null,
    group: a.groupId ? { id: a.groupId, name: r.groupName ?? '' } : null,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

function selectViews(ctx: AppContext) {
  return ctx.db
    .select(columns)
    .from(announcements)
    .leftJoin(cis, eq(cis.id, announcements.serviceId))
    .leftJoin(groups, eq(groups.id, announcements.groupId));
}

async function checkTargets(
  ctx: AppContext,
  a: {
    audience?: string | undefined;
    serviceId?: string | null | undefined;
    groupId?: string | null | undefined;
  },
) {
  if (a.audience === 'service' && a.serviceId && !(await findService(ctx.db, a.serviceId)))
    throw invalid([{ field: 'serviceId', message: 'no service with this id' }]);
  if (a.audience === 'group' && a.groupId) {
    const [g] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, a.groupId));
    if (!g) throw invalid([{ field: 'groupId', message: 'no group with this id' }]);
  }
}

/** Every announcement, for those who manage them; newest start first (keyset). */
export async function listAnnouncements(ctx: AppContext, actor: Actor, q: AnnouncementListQuery) {
  assertManager(actor);
  const now = ctx.clock.now();
  const when = {
    current: and(
      lte(announcements.startsAt, now),
      or(isNull(announcements.endsAt), gt(announcements.endsAt, now)),
    ),
    upcoming: gt(announcements.startsAt, now),
    past: lte(announcements.endsAt, now),
    all: undefined,
  }[q.when];
  const rows = await selectViews(ctx)
    .where(and(when, beforeCursor(q.cursor, announcements.startsAt, announcements.id)))
    .orderBy(...newestFirst(announcements.startsAt, announcements.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.a.startsAt, id: r.a.id }));
  return { items: page.map(present), nextCursor };
}

/**
 * What this person should see now: running, meant for them, not dismissed. Staff who manage
 * announcements see only those meant for them too, like everyone else.
 */
export async function currentAnnouncements(ctx: AppContext, actor: Actor): Promise<AnnouncementView[]> {
  const now = ctx.clock.now();
  const rows = await selectViews(ctx)
    .where(
      and(
        lte(announcements.startsAt, now),
        or(isNull(announcements.endsAt), gt(announcements.endsAt, now)),
        sql`not exists (select 1 from ${announcementDismissals} d where d.announcement_id = ${announcements.id} and d.user_id = ${actor.userId})`,
        or(
          eq(announcements.audience, 'everyone'),
          and(
            eq(announcements.audience, 'group'),
            sql`exists (select 1 from group_members gm where gm.group_id = ${announcements.groupId} and gm.user_id = ${actor.userId})`,
          ),
          and(
            eq(announcements.audience, 'service'),
            sql`exists (select 1 from service_customers sc join ${users} u on u.organisation_id = sc.organisation_id
              where sc.service_id = ${announcements.serviceId} and u.id = ${actor.userId})`,
          ),
        ),
      ),
    )
    .orderBy(
      sql`case ${announcements.severity} when 'critical' then 0 when 'warning' then 1 else 2 end`,
      desc(announcements.startsAt),
    )
    .limit(20);
  return rows.map(present);
}

export async function getAnnouncement(ctx: AppContext, actor: Actor, id: string) {
  assertManager(actor);
  const [row] = await selectViews(ctx).where(eq(announcements.id, id));
  if (!row) throw notFound('Announcement', id);
  return present(row);
}

const targetOf = (a: { audience: string; serviceId: string | null; groupId: string | null }) => ({
  serviceId: a.audience === 'service' ? a.serviceId : null,
  groupId: a.audience === 'group' ? a.groupId : null,
});

export async function createAnnouncement(ctx: AppContext, actor: Actor, input: AnnouncementCreate) {
  assertManager(actor);
  await checkTargets(ctx, input);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(announcements)
    .values({
      title: input.title,
      body: input.body,
      severity: input.severity,
      audience: input.audience,
      ...targetOf(input),
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return getAnnouncement(ctx, actor, row!.id);
}

export async function updateAnnouncement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: AnnouncementPatch,
  expectedVersion: number | undefined,
) {
  assertManager(actor);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(
      tx,
      announcements,
      id,
      'Announcement',
      expectedVersion,
      (r) => `Announcement "${r.title}"`,
    );
    const next = {
      title: patch.title ?? cur.title,
      body: patch.body ?? cur.body,
      severity: patch.severity ?? cur.severity,
      audience: patch.audience ?? cur.audience,
      serviceId: patch.serviceId !== undefined ? patch.serviceId : cur.serviceId,
      groupId: patch.groupId !== undefined ? patch.groupId : cur.groupId,
      startsAt: patch.startsAt ? new Date(patch.startsAt) : cur.startsAt,
      endsAt: patch.endsAt !== undefined ? (patch.endsAt ? new Date(patch.endsAt) : null) : cur.endsAt,
    };
    if (next.audience === 'service' && !next.serviceId)
      throw invalid([{ field: 'serviceId', message: 'is required for a service audience' }]);
    if (next.audience === 'group' && !next.groupId)
      throw invalid([{ field: 'groupId', message: 'is required for a group audience' }]);
    if (next.endsAt && next.endsAt <= next.startsAt)
      throw invalid([{ field: 'endsAt', message: 'must be after the start' }]);
    await checkTargets(ctx, next);
    await writeNextVersion(tx, announcements, cur, { ...next, ...targetOf(next) }, ctx.clock.now());
  });
  return getAnnouncement(ctx, actor, id);
}

export async function deleteAnnouncement(ctx: AppContext, actor: Actor, id: string) {
  assertManager(actor);
  await deleteRowById(ctx.db, announcements, id, 'Announcement');
}

/** Hide an announcement for this person from now on. */
export async function dismissAnnouncement(ctx: AppContext, actor: Actor, id: string) {
  const visible = await currentAnnouncements(ctx, actor);
  if (!visible.some((a) => a.id === id)) {
    const [exists] = await ctx.db
      .select({ id: announcements.id })
      .from(announcements)
      .where(eq(announcements.id, id));
    if (!exists) throw notFound('Announcement', id);
    return;
  }
  await ctx.db
    .insert(announcementDismissals)
    .values({ announcementId: id, userId: actor.userId, at: ctx.clock.now() })
    .onConflictDoNothing();
}
