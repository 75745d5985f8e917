/**
 * The status page's administration: which services it shows, manual overrides, the updates the
 * service desk writes (mailed to subscribers), and the admin view of each service's derived
 * status. Every write tells every instance to drop its cached page (a notice sent on commit).
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  PublishedServiceView,
  PublishService,
  StatusOverride,
  StatusUpdateCreate,
  StatusUpdateView,
} from '../../contracts/status-page.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { existingService, findService } from '../catalog/index.ts';
import { records } from '../records/index.ts';
import { dropStatusPage } from './cache.ts';
import { deriveAll } from './compute.ts';
import { statusPageServices, statusSubscriptions, statusUpdates } from './schema.ts';
import { statusSourceChanged } from './sources.ts';
import { type LinkBase, mailSubscribers } from './subscriptions.ts';

function assertMay(actor: Actor, action: 'status_page.update' | 'status_page.manage') {
  if (!can(actor, action))
    throw forbidden(
      action === 'status_page.manage'
        ? 'Only service managers and administrators may change which services the status page shows.'
        : 'Only the service desk may write status updates and overrides.',
    );
}

export async function listPublishedServices(ctx: AppContext, actor: Actor): Promise<PublishedServiceView[]> {
  assertMay(actor, 'status_page.update');
  const { states } = await deriveAll(ctx);
  const rows = await ctx.db.select().from(statusPageServices);
  const byId = new Map(rows.map((r) => [r.serviceId, r]));
  const counts = await ctx.db
    .select({ serviceId: statusSubscriptions.serviceId, n: sql<number>`count(*)::int` })
    .from(statusSubscriptions)
    .where(sql`${statusSubscriptions.confirmedAt} is not null`)
    .groupBy(statusSubscriptions.serviceId);
  const subs = new Map(counts.map((c) => [c.serviceId, Number(c.n)]));
  const out: PublishedServiceView[] = [];
  for (const s of states) {
    const row = byId.get(s.serviceId)!;
    const svc = await findService(ctx.db, s.serviceId);
    out.push({
      serviceId: s.serviceId,
      serviceName: svc?.name ?? s.displayName,
      displayName: s.displayName,
      description: s.description,
      position: row.position,
      status: s.derived.status,
      derived: s.derived.derived,
      override: s.override
        ? { status: s.override.status, note: s.override.note, at: s.override.at.toISOString() }
        : null,
      causes: s.derived.causes.map((c) => ({ kind: c.kind, id: c.id, title: c.title })),
      subscribers: subs.get(s.serviceId) ?? 0,
      version: row.version,
    });
  }
  return out;
}

async function onePublished(ctx: AppContext, actor: Actor, serviceId: string) {
  const all = await listPublishedServices(ctx, actor);
  const one = all.find((s) => s.serviceId === serviceId);
  if (!one) throw notFound('Published service', serviceId);
  return one;
}

/** Show a service on the status page, or change how it is shown (If-Match when it already is). */
export async function publishService(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  input: PublishService,
  expectedVersion: number | undefined,
) {
  assertMay(actor, 'status_page.manage');
  const svc = await existingService(ctx.db, serviceId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const cur = await lockEntry(tx, serviceId);
    const values = {
      displayName: input.displayName ?? svc.name,
      description: input.description,
      position: input.position,
    };
    if (cur) {
      assertVersion({ version: cur.version, number: `Status page entry of ${svc.name}` }, expectedVersion);
      await tx
        .update(statusPageServices)
        .set({ ...values, updatedAt: now, version: cur.version + 1 })
        .where(eq(statusPageServices.serviceId, serviceId));
    } else {
      await tx.insert(statusPageServices).values({ serviceId, ...values, createdAt: now, updatedAt: now });
    }
    await statusSourceChanged(ctx, tx);
  });
  dropStatusPage(ctx);
  return onePublished(ctx, actor, serviceId);
}

export async function unpublishService(ctx: AppContext, actor: Actor, serviceId: string) {
  assertMay(actor, 'status_page.manage');
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(statusPageServices)
      .where(eq(statusPageServices.serviceId, serviceId))
      .returning();
    if (gone.length === 0) throw notFound('Published service', serviceId);
    await statusSourceChanged(ctx, tx);
  });
  dropStatusPage(ctx);
}

/** Set (or clear, with status null) a service's manual status. */
export async function setOverride(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  input: StatusOverride,
  expectedVersion: number | undefined,
) {
  assertMay(actor, 'status_page.update');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const cur = await lockEntry(tx, serviceId);
    if (!cur) throw notFound('Published service', serviceId);
    assertVersion(
      { version: cur.version, number: `Status page entry of ${cur.displayName}` },
      expectedVersion,
    );
    await tx
      .update(statusPageServices)
      .set({
        overrideStatus: input.status,
        overrideNote: input.status ? input.note : null,
        overrideBy: input.status ? actor.userId : null,
        overrideAt: input.status ? now : null,
        updatedAt: now,
        version: cur.version + 1,
      })
      .where(eq(statusPageServices.serviceId, serviceId));
    await statusSourceChanged(ctx, tx);
  });
  dropStatusPage(ctx);
  return onePublished(ctx, actor, serviceId);
}

/** A published service's entry, locked for a change in `tx`. */
async function lockEntry(tx: Db, serviceId: string) {
  const [cur] = await tx
    .select()
    .from(statusPageServices)
    .where(eq(statusPageServices.serviceId, serviceId))
    .for('update');
  return cur;
}

function presentUpdate(
  u: typeof statusUpdates.$inferSelect,
  number: string | null,
  author: { id: string; name: string } | null,
): StatusUpdateView {
  return {
    id: u.id,
    recordId: u.recordId,
    recordNumber: number,
    serviceIds: u.serviceIds,
    title: u.title,
    phase: u.phase as StatusUpdateView['phase'],
    message: u.message,
    author,
    at: u.at.toISOString(),
  };
}

/** Status updates, newest first (keyset on the instant). */
export async function listStatusUpdates(
  ctx: AppContext,
  actor: Actor,
  q: { recordId?: string | undefined; before?: string | undefined; limit: number },
) {
  assertMay(actor, 'status_page.update');
  const rows = await ctx.db
    .select({ u: statusUpdates, number: records.number, authorName: users.name })
    .from(statusUpdates)
    .leftJoin(records, eq(records.id, statusUpdates.recordId))
    .leftJoin(users, eq(users.id, statusUpdates.authorId))
    .where(
      and(
        q.recordId ? eq(statusUpdates.recordId, q.recordId) : undefined,
        q.before ? lt(statusUpdates.at, new Date(q.before)) : undefined,
      ),
    )
    .orderBy(desc(statusUpdates.at))
    .limit(q.limit + 1);
  const items = rows
    .slice(0, q.limit)
    .map((r) =>
      presentUpdate(r.u, r.number, r.u.authorId ? { id: r.u.authorId, name: r.authorName ?? '' } : null),
    );
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.at ?? null) : null };
}

/** Write an update to the public timeline and mail the subscribers of the services it concerns. */
export async function createStatusUpdate(
  ctx: AppContext,
  actor: Actor,
  base: LinkBase,
  input: StatusUpdateCreate,
) {
  assertMay(actor, 'status_page.update');
  let number: string | null = null;
  if (input.recordId) {
    const [rec] = await ctx.db
      .select({ number: records.number, type: records.type })
      .from(records)
      .where(eq(records.id, input.recordId));
    if (rec?.type !== 'incident') throw invalid([{ field: 'recordId', message: 'no incident with this id' }]);
    number = rec.number;
  }
  if (input.serviceIds.length) {
    const known = await ctx.db
      .select({ id: statusPageServices.serviceId })
      .from(statusPageServices)
      .where(inArray(statusPageServices.serviceId, input.serviceIds));
    const missing = input.serviceIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length)
      throw invalid([{ field: 'serviceIds', message: `not on the status page: ${missing.join(', ')}` }]);
  }
  // The services an incident's update concerns: those it puts out of order now, when none are named.
  let serviceIds = input.serviceIds;
  if (serviceIds.length === 0 && input.recordId) {
    const { states } = await deriveAll(ctx);
    serviceIds = states
      .filter((s) => s.derived.causes.some((c) => c.kind === 'major_incident' && c.id === input.recordId))
      .map((s) => s.serviceId);
  }
  const [me] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const row = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(statusUpdates)
      .values({ ...input, serviceIds, authorId: actor.userId, at: ctx.clock.now() })
      .returning();
    const names = serviceIds.length
      ? (
          await tx
            .select({ n: statusPageServices.displayName })
            .from(statusPageServices)
            .where(inArray(statusPageServices.serviceId, serviceIds))
        ).map((r) => r.n)
      : [];
    const phase = input.phase.charAt(0).toUpperCase() + input.phase.slice(1);
    await mailSubscribers(
      ctx,
      tx,
      base,
      serviceIds,
      `[${phase}] ${input.title}`,
      `${input.title}${names.length ? ` (${names.join(', ')})` : ''}\n${phase}: ${input.message}`,
    );
    await statusSourceChanged(ctx, tx);
    return u!;
  });
  dropStatusPage(ctx);
  return presentUpdate(row, number, { id: actor.userId, name: me?.name ?? '' });
}
