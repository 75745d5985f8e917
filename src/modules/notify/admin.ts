/**
 * What administrators see of notifications: every event with its rule and templates in force,
 * and the delivery log (each notification's mail with its state in the outbox).
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { DeliveryPage, NotificationEventView } from '../../contracts/notifications.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
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
  const conds: (SQL | undefined)[] = [
    beforeCursor(q.cursor, notificationDeliveries.createdAt, notificationDeliveries.id),
  ];
  if (q.recordId) conds.push(eq(notifications.recordId, q.recordId));
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
    .where(and(...conds))
    .orderBy(...newestFirst(notificationDeliveries.createdAt, notificationDeliveries.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.d.createdAt, id: r.d.id }));
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
  return {
    // sent and failed are the outbox's states: filtered after the join.
    items: q.status === 'sent' || q.status === 'failed' ? items.filter((i) => i.status === q.status) : items,
    nextCursor,
  };
}
