/**
 * Major incidents (ITIL): declared by a service manager, process owner or admin with a named
 * coordinator; related incidents become its children and are resolved with it; a communication
 * log records what was told to whom; a post-incident review closes the loop.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { stateOf, stateView, unresolvedStateKeys } from '../../domain/lifecycle/engine.ts';
import { type Actor, can, hasRole } from '../../domain/roles.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { userRoles, users } from '../auth/index.ts';
import { notifyEvent } from '../notify/index.ts';
import {
  INCIDENT,
  loadRecord,
  records,
  registerRecordHook,
  systemTransition,
  writeHistory,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { majorIncidentComms, majorIncidents, type PostIncidentReview } from './schema.ts';

/**
 * Change topic published (a notice sent once the change commits) whenever a major incident is
 * declared or stood down; what is cached from major incidents (the status page) follows it.
 */
export const MAJOR_INCIDENTS_CHANGED = 'incidents:major';

/** Open major incidents (declared, not stood down, the incident not resolved or closed), oldest first. */
export async function activeMajorIncidents(db: Db) {
  const { value: lifecycle } = await getLifecycle(db, 'incident');
  const open = unresolvedStateKeys(lifecycle);
  return db
    .select({
      recordId: records.id,
      number: records.number,
      title: records.title,
      serviceId: records.serviceId,
      summary: majorIncidents.summary,
      declaredAt: majorIncidents.declaredAt,
    })
    .from(majorIncidents)
    .innerJoin(records, eq(records.id, majorIncidents.recordId))
    .where(and(eq(majorIncidents.status, 'active'), inArray(records.state, open.length ? open : [''])))
    .orderBy(asc(majorIncidents.declaredAt));
}

/** The major incident of an incident, if it was ever declared one; `lock`: for update, inside a transaction. */
async function majorOf(db: Db, recordId: string, lock = false) {
  const q = db.select().from(majorIncidents).where(eq(majorIncidents.recordId, recordId));
  const [major] = lock ? await q.for('update') : await q;
  return major;
}

export const COMM_AUDIENCES = ['internal', 'stakeholders', 'public'] as const;
export type CommAudience = (typeof COMM_AUDIENCES)[number];

export async function getMajorIncident(ctx: AppContext, actor: Actor, idOrNumber: string) {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: 'incident' });
  const major = await majorOf(ctx.db, row.id);
  const children = await ctx.db
    .select({ id: records.id, number: records.number, title: records.title, state: records.state })
    .from(records)
    .where(eq(records.parentId, row.id))
    .orderBy(asc(records.number));
  const staff = can(actor, 'record.read_all');
  const comms = major
    ? await ctx.db
        .select()
        .from(majorIncidentComms)
        .where(
          staff
            ? eq(majorIncidentComms.recordId, row.id)
            : and(eq(majorIncidentComms.recordId, row.id), eq(majorIncidentComms.audience, 'public')),
        )
        .orderBy(asc(majorIncidentComms.at))
    : [];
  return {
    recordId: row.id,
    number: row.number,
    major: major
      ? {
          status: major.status,
          summary: major.summary,
          coordinatorId: major.coordinatorId,
          declaredBy: major.declaredBy,
          declaredAt: major.declaredAt.toISOString(),
          stoodDownAt: major.stoodDownAt?.toISOString() ?? null,
          review: major.review ?? null,
          reviewedAt: major.reviewedAt?.toISOString() ?? null,
        }
      : null,
    children,
    communications: comms.map((c) => ({
      id: c.id,
      audience: c.audience,
      message: c.message,
      authorId: c.authorId,
      at: c.at.toISOString(),
    })),
  };
}

/** Major incidents, newest declaration first: the war-room list for staff. */
export async function listMajorIncidents(
  ctx: AppContext,
  actor: Actor,
  filter: { status?: 'active' | 'stood_down' | undefined },
) {
  if (!can(actor, 'record.read_all')) throw forbidden('Only staff may list major incidents.');
  const { value: lifecycle } = await getLifecycle(ctx.db, 'incident');
  const rows = await ctx.db
    .select({
      recordId: majorIncidents.recordId,
      status: majorIncidents.status,
      summary: majorIncidents.summary,
      coordinatorId: majorIncidents.coordinatorId,
      coordinatorName: users.name,
      declaredAt: majorIncidents.declaredAt,
      reviewedAt: majorIncidents.reviewedAt,
      number: records.number,
      title: records.title,
      state: records.state,
      childCount: sql<number>`(select count(*)::int from ${records} c where c.parent_id = ${records.id})`,
    })
    .from(majorIncidents)
    .innerJoin(records, eq(records.id, majorIncidents.recordId))
    .innerJoin(users, eq(users.id, majorIncidents.coordinatorId))
    .where(filter.status ? eq(majorIncidents.status, filter.status) : undefined)
    .orderBy(desc(majorIncidents.declaredAt))
    .limit(500);
  return rows.map((r) => ({
    recordId: r.recordId,
    number: r.number,
    title: r.title,
    ...stateView(lifecycle, r.state),
    status: r.status,
    summary: r.summary,
    coordinator: { id: r.coordinatorId, name: r.coordinatorName },
    declaredAt: r.declaredAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    childCount: Number(r.childCount),
  }));
}

async function assertCoordinator(ctx: AppContext, userId: string) {
  const [u] = await ctx.db.select({ active: users.active }).from(users).where(eq(users.id, userId));
  const roles = (await ctx.db.select().from(userRoles).where(eq(userRoles.userId, userId))).map(
    (r) => r.role,
  );
  const staff = hasRole({ userId, roles: roles as Actor['roles'], groupIds: [], scopes: null }, [
    'admin',
    'service_manager',
    'process_owner',
    'agent',
  ]);
  if (!u?.active || !staff)
    throw invalid([{ field: 'coordinatorId', message: 'the coordinator must be an active member of staff' }]);
}

export async function declareMajorIncident(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: { coordinatorId: string; summary: string },
) {
  if (!can(actor, 'incident.declare_major'))
    throw forbidden('Only service managers, process owners and administrators may declare a major incident.');
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: 'incident' });
  await assertCoordinator(ctx, input.coordinatorId);
  const { value: lifecycle } = await getLifecycle(ctx.db, 'incident');
  const cat = stateOf(lifecycle, row.state)?.category;
  if (cat === 'resolved' || cat === 'closed')
    throw conflict(`${row.number} is already ${cat}; a major incident must be open.`);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const existing = await majorOf(tx, row.id, true);
    if (existing?.status === 'active') throw conflict(`${row.number} is already a major incident.`);
    // Declaring again after a stand-down starts over, keeping the review of the earlier one.
    const declared = {
      status: 'active',
      summary: input.summary,
      coordinatorId: input.coordinatorId,
      declaredBy: actor.userId,
      declaredAt: now,
      stoodDownAt: null,
    };
    if (existing) await tx.update(majorIncidents).set(declared).where(eq(majorIncidents.recordId, row.id));
    else await tx.insert(majorIncidents).values({ recordId: row.id, ...declared });
    // Declaring raises the incident to critical: that is what major means.
    await tx
      .update(records)
      .set({ impact: 1, urgency: 1, priority: 1, updatedAt: now, version: row.version + 1 })
      .where(eq(records.id, row.id));
    await configChanged(tx, ctx.configCache, MAJOR_INCIDENTS_CHANGED);
    await writeHistory(tx, row.id, actor.userId, now, [
      { field: 'major', oldValue: null, newValue: `declared; coordinator ${input.coordinatorId}` },
      ...(row.priority !== 1 ? [{ field: 'priority', oldValue: row.priority, newValue: 1 }] : []),
    ]);
    const [coordinator] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, input.coordinatorId));
    await notifyEvent(ctx, tx, {
      event: 'major_incident.declared',
      record: { ...row, impact: 1, urgency: 1, priority: 1 },
      actorId: actor.userId,
      at: now,
      vars: { summary: input.summary, coordinator: coordinator?.name ?? null },
      named: [[input.coordinatorId, 'you coordinate it']],
    });
  });
  return getMajorIncident(ctx, actor, row.id);
}

export async function standDownMajorIncident(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  reason: string,
) {
  if (!can(actor, 'incident.declare_major'))
    throw forbidden(
      'Only service managers, process owners and administrators may stand down a major incident.',
    );
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: 'incident' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const m = await majorOf(tx, row.id, true);
    if (m?.status !== 'active') throw conflict(`${row.number} is not an active major incident.`);
    await tx
      .update(majorIncidents)
      .set({ status: 'stood_down', stoodDownAt: now })
      .where(eq(majorIncidents.recordId, row.id));
    await configChanged(tx, ctx.configCache, MAJOR_INCIDENTS_CHANGED);
    await writeHistory(tx, row.id, actor.userId, now, [
      { field: 'major', oldValue: 'declared', newValue: `stood down: ${reason}` },
    ]);
  });
  return getMajorIncident(ctx, actor, row.id);
}

export async function addMajorIncidentComm(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: { audience: CommAudience; message: string },
) {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: 'incident', need: 'update' });
  const m = await majorOf(ctx.db, row.id);
  if (!m) throw conflict(`${row.number} is not a major incident.`);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(majorIncidentComms).values({
      recordId: row.id,
      audience: input.audience,
      message: input.message,
      authorId: actor.userId,
      at,
    });
    await notifyEvent(ctx, tx, {
      event: 'major_incident.updated',
      record: row,
      actorId: actor.userId,
      at,
      vars: { update: input.message, audience: input.audience },
      internal: input.audience !== 'public',
    });
  });
  return getMajorIncident(ctx, actor, row.id);
}

export async function savePostIncidentReview(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  review: PostIncidentReview,
) {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: 'incident' });
  const m = await majorOf(ctx.db, row.id);
  if (!m) throw conflict(`${row.number} is not a major incident.`);
  if (actor.userId !== m.coordinatorId && !can(actor, 'incident.declare_major')) {
    throw forbidden('Only the coordinator or a service manager may write the post-incident review.');
  }
  const { value: lifecycle } = await getLifecycle(ctx.db, 'incident');
  const cat = stateOf(lifecycle, row.state)?.category;
  if (cat !== 'resolved' && cat !== 'closed')
    throw conflict(`Resolve ${row.number} before writing its post-incident review.`);
  await ctx.db
    .update(majorIncidents)
    .set({ review, reviewedBy: actor.userId, reviewedAt: ctx.clock.now() })
    .where(eq(majorIncidents.recordId, row.id));
  return getMajorIncident(ctx, actor, row.id);
}

/** Make `childId` a child of `parentId` (or detach it with parentId null). */
export async function setParentIncident(
  ctx: AppContext,
  actor: Actor,
  childRef: string,
  parentRef: string | null,
) {
  const { row: child } = await loadRecord(ctx, actor, childRef, { type: 'incident', need: 'update' });
  const now = ctx.clock.now();
  let parentId: string | null = null;
  let parentNumber: string | null = null;
  if (parentRef) {
    const { row: parent } = await loadRecord(ctx, actor, parentRef, { type: 'incident' });
    if (parent.id === child.id)
      throw invalid([{ field: 'parentId', message: 'an incident cannot be its own parent' }]);
    if (parent.parentId)
      throw invalid([
        { field: 'parentId', message: `${parent.number} is itself a child; link to its parent instead` },
      ]);
    const [grandchild] = await ctx.db
      .select({ id: records.id })
      .from(records)
      .where(eq(records.parentId, child.id))
      .limit(1);
    if (grandchild)
      throw invalid([
        { field: 'parentId', message: `${child.number} has children of its own and cannot become a child` },
      ]);
    parentId = parent.id;
    parentNumber = parent.number;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(records)
      .set({ parentId, updatedAt: now, version: child.version + 1 })
      .where(eq(records.id, child.id));
    await writeHistory(tx, child.id, actor.userId, now, [
      { field: 'parent', oldValue: child.parentId, newValue: parentNumber },
    ]);
  });
}

/** Resolving (or closing) a parent incident resolves its open children with the same resolution. */
export function registerIncidentHooks(): void {
  registerRecordHook(
    'incidents.resolve-children',
    async (event, ec) => {
      if (event.kind !== 'transitioned' || ec.cfg.type !== 'incident') return;
      const target = stateOf(ec.lifecycle, event.to);
      if (target?.category !== 'resolved') return;
      const openStates = unresolvedStateKeys(ec.lifecycle);
      const children = await ec.tx
        .select({ id: records.id })
        .from(records)
        .where(
          and(
            eq(records.parentId, event.record.id),
            inArray(records.state, openStates.length ? openStates : ['']),
          ),
        );
      for (const c of children) {
        await systemTransition(ec.ctx, ec.tx, INCIDENT, c.id, event.to, {
          reason:
            `Resolved together with ${event.record.number}: ${event.record.resolutionNotes ?? ''}`.trim(),
          actorId: ec.actorId,
          resolutionCode: event.record.resolutionCode,
          resolutionNotes: event.record.resolutionNotes,
        });
      }
    },
    ['transitioned'],
  );
}
