/**
 * The email channel, through the mail outbox: each message has an HTML and a plain-text part, a
 * Message-ID `<steward.{recordId}.{random}@{mail domain}>` that inbound mail threads on,
 * In-Reply-To and References to the record's earlier messages so mail clients keep one thread,
 * a Reply-To that carries the record number (`{local}+{number}@{domain}` of the From address) and
 * `Auto-Submitted: auto-generated` so auto-responders stay quiet. Digests gather a person's
 * digest notifications into one mail a day with a working List-Unsubscribe.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { escapeHtml } from '../../domain/html-escape.ts';
import { users } from '../auth/index.ts';
import { bareAddress, mailDomain, queueMail, recordMessageIds } from '../mail/index.ts';
import { type RecordRow, records } from '../records/index.ts';
import { unsubscribeToken } from './preferences.ts';
import { notificationDeliveries, notifications } from './schema.ts';
import type { Rendered } from './templates.ts';

export const AUTO_HEADERS = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/** `steward+INC0001001@example.com` for a From of `Steward <steward@example.com>`. */
export function replyAddress(from: string, recordNumber: string): string {
  const address = bareAddress(from);
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${recordNumber}@${address.slice(at + 1)}`;
}

export function recordMessageId(from: string, recordId: string): string {
  return `<steward.${recordId}.${randomBytes(8).toString('hex')}@${mailDomain(from)}>`;
}

/** References for the next message about a record: the first (the thread's root) and the latest ones. */
function threadOf(earlier: string[]): { inReplyTo?: string; references?: string[] } {
  if (earlier.length === 0) return {};
  const references = earlier.length > 20 ? [earlier[0]!, ...earlier.slice(-19)] : earlier;
  return { inReplyTo: earlier.at(-1)!, references };
}

export type PendingMail = { notificationId: string; to: string; rendered: Rendered };

/** Queue one mail per recipient in the caller's transaction, and log each delivery. */
export async function queueNotificationMail(
  ctx: AppContext,
  tx: Db,
  rec: RecordRow | null,
  event: string,
  mails: PendingMail[],
  at: Date,
): Promise<void> {
  if (mails.length === 0) return;
  const from = ctx.config.mailFrom;
  const thread = rec ? threadOf(await recordMessageIds(tx, rec.id)) : {};
  for (const m of mails) {
    const messageId = rec ? recordMessageId(from, rec.id) : undefined;
    const queued = await queueMail(ctx, tx, {
      purpose: `notification:${event}`,
      recordId: rec?.id,
      to: [m.to],
      subject: m.rendered.subject,
      text: m.rendered.body,
      html: m.rendered.html ?? undefined,
      headers: AUTO_HEADERS,
      messageId,
      ...thread,
      replyTo: rec ? replyAddress(from, rec.number) : undefined,
    });
    await tx.insert(notificationDeliveries).values({
      notificationId: m.notificationId,
      channel: 'email',
      status: 'queued',
      mailId: queued.id,
      messageId: queued.messageId,
      createdAt: at,
      updatedAt: at,
    });
  }
}

export const DIGEST_QUEUE = 'notify.digest';

export function unsubscribeUrl(ctx: AppContext, token: string): string {
  return `${(ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/+$/, '')}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * Send every person's waiting digest notifications as one mail each; the deliveries move from
 * `digest` to `queued` in the transaction that queues the mail, so a rerun sends nothing twice.
 * Returns how many digests were queued.
 */
export async function sendDigests(ctx: AppContext): Promise<number> {
  const waiting = await ctx.db
    .select({ userId: notifications.recipientId })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notificationDeliveries.status, 'digest'))
    .groupBy(notifications.recipientId);
  let sent = 0;
  for (const { userId } of waiting) if (await sendDigestTo(ctx, userId)) sent++;
  return sent;
}

async function sendDigestTo(ctx: AppContext, userId: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [person] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, userId));
    const items = await tx
      .select({
        deliveryId: notificationDeliveries.id,
        subject: notifications.subject,
        body: notifications.body,
        number: records.number,
        createdAt: notifications.createdAt,
      })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .leftJoin(records, eq(records.id, notifications.recordId))
      .where(and(eq(notificationDeliveries.status, 'digest'), eq(notifications.recipientId, userId)))
      .orderBy(asc(notifications.createdAt))
      .for('update', { of: notificationDeliveries });
    if (!person?.email || items.length === 0) return false;
    const link = unsubscribeUrl(ctx, await unsubscribeToken(tx, userId));
    const subject = `Your Steward digest: ${items.length} update${items.length === 1 ? '' : 's'}`;
    const text = [
      `Hello ${person.name},`,
      '',
      ...items.flatMap((i) => [`* ${i.subject}`, ...i.body.split('\n').map((l) => `  ${l}`), '']),
      `Stop these digests: ${link}`,
    ].join('\n');
    const html = `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px"><p>Hello ${escapeHtml(person.name)},</p><ul>${items
      .map(
        (i) =>
          `<li><strong>${escapeHtml(i.subject)}</strong><br>${escapeHtml(i.body).replace(/\n/g, '<br>')}</li>`,
      )
      .join('')}</ul><p><a href="${escapeHtml(link)}">Stop these digests</a></p></body></html>`;
    const queued = await queueMail(ctx, tx, {
      purpose: 'notification:digest',
      to: [person.email],
      subject,
      text,
      html,
      headers: {
        ...AUTO_HEADERS,
        'List-Unsubscribe': `<${link}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    await tx
      .update(notificationDeliveries)
      .set({ status: 'queued', mailId: queued.id, messageId: queued.messageId, updatedAt: now })
      .where(
        inArray(
          notificationDeliveries.id,
          items.map((i) => i.deliveryId),
        ),
      );
    return true;
  });
}
