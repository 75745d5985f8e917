/**
 * What administrators see of notifications: every event with its rule and templates in force,
 * and the delivery log (each notification's mail with its state in the outbox).
 */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { DeliveryPage, NotificationEventView } from '../../contracts/notifications.ts';
import { decodeCursor, encodeCursor, type PageRequest } from '../../db/cursor.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { mailStates } from '../mail/index.ts';
import { records } from '../records/index.ts';
import { eventVariables, type NotificationEventDefinition, notificationEvents } from './events.ts';
import { rulesByEvent } from './rules.ts';
import { notificationDeliveries, notifications } from './schema.ts';
import { templatesFor } from './templates.ts';

export function assertReadSettings(actor: Actor) {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read notification settings.');
}

export async function listEvents(ctx: AppContext, actor: Actor): Promise<NotificationEventView[]> {
  assertReadSettings(actor);
  const rules = await rulesByEvent(ctx.db);
  return Promise.all(notificationEvents().map(async (def) => eventView(ctx, def, rules.get(def.key))));
}

export async function eventView(
  ctx: AppContext,
  def: NotificationEventDefinition,
  rule: { enabled: boolean; parties: NotificationEventView['rule']['parties']; version: number } | undefined,
): Promise<NotificationEventView> {
  const t = await templatesFor(ctx.db, def);
  return {
    key: def.key,
    label: def.label,
    description: def.description,
    variables: eventVariables(def),
    defaultParties: def.defaultParties ? [...def.defaultParties] : null,
    internal: def.internal ?? false,
    emailByDefault: def.emailByDefault,
    rule: rule ?? { enabled: true, parties: def.defaultParties ? [...def.defaultParties] : null, version: 0 },
    templates: [t.in_app, t.email],
  };
}

export type DeliveryQuery = PageRequest & {
  status?: string | undefined;
  recordId?: string | undefined;
};

/** The notification delivery log, newest first; mail rows show the outbox's state. */
export async function listDeliveries(ctx: AppContext, actor: Actor, q: DeliveryQuery): Promise<DeliveryPage> {
  if (!can(actor, 'audit.read'))
    throw forbidden('Only administrators and auditors may read the delivery log.');
  const conds: SQL[] = [];
  if (q.recordId) conds.push(eq(notifications.recordId, q.recordId));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string];
    const before = new Date(at);
    conds.push(
      or(
        lt(notificationDeliveries.createdAt, before),
        and(eq(notificationDeliveries.createdAt, before), lt(notificationDeliveries.id, id)),
      )!,
    );
  }
  if (q.status && q.status !== 'sent' && q.status !== 'failed')
    conds.push(eq(notificationDeliveries.status, q.status));
  const rows = await ctx.db
    .select({
      d: notificationDeliveries,
      event: notifications.kind,
      subject: notifications.subject,
      recipientId: users.id,
      recipientName: users.name,
      recipientEmail: users.email,
      recordId: records.id,
      recordNumber: records.number,
      recordType: records.type,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .leftJoin(records, eq(records.id, notifications.recordId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const mail = await mailStates(
    ctx.db,
    page.flatMap((r) => (r.d.mailId ? [r.d.mailId] : [])),
  );
  const items = page.map((r) => {
    const m = r.d.mailId ? mail.get(r.d.mailId) : undefined;
    return {
      id: r.d.id,
      notificationId: r.d.notificationId,
      event: r.event,
      channel: r.d.channel,
      recipient: { id: r.recipientId, name: r.recipientName, email: r.recipientEmail },
      record:
        r.recordId && r.recordNumber && r.recordType
          ? { id: r.recordId, number: r.recordNumber, type: r.recordType }
          : null,
      subject: r.subject,
      status: m?.status ?? r.d.status,
      attempts: m?.attempts ?? 0,
      error: m?.lastError ?? r.d.detail,
      messageId: r.d.messageId,
      createdAt: r.d.createdAt.toISOString(),
      updatedAt: (m?.sentAt ?? r.d.updatedAt).toISOString(),
    };
  });
  const last = page.at(-1);
  return {
    // sent and failed are the outbox's states: filtered after the join.
    items: q.status === 'sent' || q.status === 'failed' ? items.filter((i) => i.status === q.status) : items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.d.createdAt.toISOString(), last.d.id]) : null,
  };
}
