/**
 * The notification outbox: one row per message for one person, written in the transaction of
 * what caused it (so a rolled-back change tells nobody). People read theirs in the app; mail
 * delivery reads the same rows.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Notification } from '../../contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { type Actor, scopeAllows } from '../../domain/roles.ts';
import { forbidden, notFound } from '../../errors.ts';
import { records } from '../records/index.ts';
import { notifications } from './schema.ts';

export type NotificationInput = {
  recipientId: string;
  recordId: string | null;
  kind: string;
  subject: string;
  body: string;
};

export async function queueNotifications(tx: Db, at: Date, items: NotificationInput[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(notifications).values(items.map((n) => ({ ...n, createdAt: at })));
}

const COLUMNS = {
  id: notifications.id,
  kind: notifications.kind,
  subject: notifications.subject,
  body: notifications.body,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  recordId: records.id,
  recordNumber: records.number,
  recordType: records.type,
};

type Row = {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  recordId: string | null;
  recordNumber: string | null;
  recordType: string | null;
};

const present = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  body: r.body,
  record:
    r.recordId && r.recordNumber && r.recordType
      ? { id: r.recordId, number: r.recordNumber, type: r.recordType }
      : null,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

export type NotificationQuery = PageRequest & { unread?: boolean | undefined };

/** The actor's own notifications, newest first, with how many are unread. */
export async function listMyNotifications(ctx: AppContext, actor: Actor, q: NotificationQuery) {
  const mine = and(eq(notifications.recipientId, actor.userId), eq(notifications.inApp, true))!;
  const conds = [mine, beforeCursor(q.cursor, notifications.createdAt, notifications.id)];
  if (q.unread) conds.push(isNull(notifications.readAt));
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select(COLUMNS)
      .from(notifications)
      .leftJoin(records, eq(records.id, notifications.recordId))
      .where(and(...conds))
      .orderBy(...newestFirst(notifications.createdAt, notifications.id))
      .limit(q.limit + 1),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.map(present), unreadCount: count?.n ?? 0, nextCursor };
}

function assertWrite(actor: Actor) {
  if (!scopeAllows(actor, 'write')) throw forbidden('This credential may only read notifications.');
}

/** Mark one of the actor's notifications read; reading it again keeps the first instant. */
export async function markNotificationRead(ctx: AppContext, actor: Actor, id: string) {
  assertWrite(actor);
  const mine = and(eq(notifications.id, id), eq(notifications.recipientId, actor.userId));
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await ctx.db
    .select(COLUMNS)
    .from(notifications)
    .leftJoin(records, eq(records.id, notifications.recordId))
    .where(mine);
  // Someone else's notification is as invisible as a missing one.
  if (!row) throw notFound('Notification', id);
  return present(row);
}

/** Mark every unread notification of the actor read; returns how many changed. */
export async function markAllNotificationsRead(ctx: AppContext, actor: Actor): Promise<number> {
  assertWrite(actor);
  const changed = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.recipientId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
