/**
 * The outbox: queueMail() stores a message inside the caller's transaction (and enqueues its
 * delivery job there when this instance has a queue), so the message exists exactly when the
 * write that caused it does. deliverMail() claims one due message, sends it and records the
 * attempt; a failed attempt is tried again after an exponential backoff by a delayed job, and
 * a sweep every minute picks up anything whose job was lost (a message queued by an instance
 * with no queue, or one claimed by an instance that died mid-send). A sent message is never sent
 * again: the claim is a conditional update, so two senders cannot both take one message.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { MailListQuery, MailMessage, MailPage, MailSummary } from '../../contracts/mail.ts';
import type { Db } from '../../db/client.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { rowById } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { type MailAttachment, mailOutbox } from './schema.ts';
import { sendOverSmtp } from './transport.ts';

export const DELIVER_QUEUE = 'mail.deliver';
export const SWEEP_QUEUE = 'mail.sweep';

/** A message claimed for sending longer ago than this is taken to be orphaned and tried again. */
const CLAIM_TIMEOUT_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 60 * 60_000;

export type OutboundMail = {
  /** What sends it (notification, digest, report, status-subscription, …); shown in the log. */
  purpose: string;
  recordId?: string | undefined;
  to: string[];
  cc?: string[] | undefined;
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** With angle brackets; made from a random id and the From address's domain when absent. */
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  replyTo?: string | undefined;
  attachments?: { filename: string; contentType: string; content: Buffer | string }[] | undefined;
};

/** The domain of the configured From address: our Message-IDs and reply addresses use it. */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

/** `Name <local@domain>` or `local@domain` → the bare address. */
export function bareAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

export function newMessageId(from: string, prefix = 'steward'): string {
  return `<${prefix}.${randomBytes(12).toString('hex')}@${mailDomain(from)}>`;
}

/** The delay before attempt n+1 after n failed attempts: 5 s, 10 s, 20 s … capped at an hour. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1));
}

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,76}$/;

/** Store a message to send; inside the caller's transaction when `db` is one. */
export async function queueMail(
  ctx: AppContext,
  db: Db,
  mail: OutboundMail,
): Promise<{ id: string; messageId: string }> {
  const to = mail.to.map((a) => a.trim()).filter(Boolean);
  if (to.length === 0) throw new AppError('validation.failed', 'A message needs at least one recipient.');
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value))
      throw new AppError('validation.failed', `Mail header ${JSON.stringify(name)} is not a valid header.`);
  }
  const messageId = mail.messageId ?? newMessageId(ctx.config.mailFrom);
  const attachments: MailAttachment[] = (mail.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    contentBase64: (typeof a.content === 'string' ? Buffer.from(a.content) : a.content).toString('base64'),
  }));
  const [row] = await db
    .insert(mailOutbox)
    .values({
      purpose: mail.purpose,
      recordId: mail.recordId ?? null,
      toAddresses: to,
      ccAddresses: mail.cc ?? [],
      fromAddress: ctx.config.mailFrom,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject.replace(/[\r\n]+/g, ' '),
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      headers: mail.headers ?? {},
      messageId,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references ?? [],
      attachments,
      nextAttemptAt: ctx.clock.now(),
    })
    .returning({ id: mailOutbox.id });
  const id = row!.id;
  const queue = ctx.jobs ?? ctx.jobSender;
  if (queue && ctx.config.smtpUrl) await queue.sendWithin(db, DELIVER_QUEUE, { id });
  return { id, messageId };
}

/**
 * Send one message if it is due and not taken: claim it, send, record the outcome. Returns what
 * happened; never throws for an SMTP failure (the attempt is recorded and retried later).
 */
export async function deliverMail(
  ctx: AppContext,
  id: string,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const smtpUrl = ctx.config.smtpUrl;
  if (!smtpUrl) return 'skipped';
  const now = ctx.clock.now();
  const staleClaim = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  const [claimed] = await ctx.db
    .update(mailOutbox)
    .set({ status: 'sending', claimedAt: now })
    .where(
      and(
        eq(mailOutbox.id, id),
        or(
          and(eq(mailOutbox.status, 'queued'), sql`${mailOutbox.nextAttemptAt} <= ${now}`),
          and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, staleClaim)),
        ),
      ),
    )
    .returning();
  if (!claimed) return 'skipped';
  try {
    await sendOverSmtp(smtpUrl, claimed);
  } catch (err) {
    const attempts = claimed.attempts + 1;
    const giveUp = attempts >= ctx.config.mailMaxAttempts;
    const next = new Date(ctx.clock.now().getTime() + backoffMs(attempts));
    await ctx.db
      .update(mailOutbox)
      .set({
        status: giveUp ? 'failed' : 'queued',
        attempts,
        lastError: (err instanceof Error ? err.message : String(err)).slice(0, 1000),
        nextAttemptAt: next,
        claimedAt: null,
      })
      .where(eq(mailOutbox.id, id));
    if (!giveUp) {
      const queue = ctx.jobs ?? ctx.jobSender;
      await queue?.send(DELIVER_QUEUE, { id }, { singletonKey: `${id}:${attempts}`, startAfter: next });
    }
    return giveUp ? 'failed' : 'retry';
  }
  await ctx.db
    .update(mailOutbox)
    .set({
      status: 'sent',
      attempts: claimed.attempts + 1,
      lastError: null,
      sentAt: ctx.clock.now(),
      claimedAt: null,
    })
    .where(eq(mailOutbox.id, id));
  return 'sent';
}

/** Send every due message (the minute sweep, and tests); returns how many were sent. */
export async function deliverDueMail(ctx: AppContext, limit = 500): Promise<number> {
  if (!ctx.config.smtpUrl) return 0;
  const now = ctx.clock.now();
  const staleClaim = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  const due = await ctx.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      or(
        and(eq(mailOutbox.status, 'queued'), sql`${mailOutbox.nextAttemptAt} <= ${now}`),
        and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, staleClaim)),
      ),
    )
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(limit);
  let sent = 0;
  for (const { id } of due) if ((await deliverMail(ctx, id)) === 'sent') sent++;
  return sent;
}

/**
 * The rows after the cursor's. A cursor this log did not give out answers 422 (a validation
 * failure), as it always has here, rather than the other lists' 400.
 */
function afterMailCursor(cursor: string | undefined): SQL | undefined {
  try {
    return beforeCursor(cursor, mailOutbox.createdAt, mailOutbox.id);
  } catch {
    throw new AppError('validation.failed', 'The cursor is not one this list gave out.', [
      { field: 'cursor', message: 'is not a cursor from this list' },
    ]);
  }
}

type Row = typeof mailOutbox.$inferSelect;

function summary(r: Row): MailSummary {
  return {
    id: r.id,
    purpose: r.purpose,
    recordId: r.recordId,
    to: r.toAddresses,
    subject: r.subject,
    messageId: r.messageId,
    status: r.status as MailSummary['status'],
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The delivery log, newest first, by keyset. */
export async function listMail(ctx: AppContext, q: MailListQuery): Promise<MailPage> {
  const conds = [];
  if (q.status) conds.push(eq(mailOutbox.status, q.status));
  if (q.recordId) conds.push(eq(mailOutbox.recordId, q.recordId));
  const rows = await ctx.db
    .select()
    .from(mailOutbox)
    .where(and(...conds, afterMailCursor(q.cursor)))
    .orderBy(...newestFirst(mailOutbox.createdAt, mailOutbox.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.map(summary), nextCursor };
}

export async function getMail(ctx: AppContext, id: string): Promise<MailMessage> {
  const r = await rowById(ctx.db, mailOutbox, id, 'Message');
  return {
    ...summary(r),
    from: r.fromAddress,
    cc: r.ccAddresses,
    replyTo: r.replyTo,
    inReplyTo: r.inReplyTo,
    references: r.references,
    headers: r.headers,
    text: r.textBody,
    html: r.htmlBody,
    attachments: r.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: Buffer.from(a.contentBase64, 'base64').length,
    })),
  };
}

/** Try a queued or failed message again now (an admin's action); a sent one is never resent. */
export async function retryMail(ctx: AppContext, id: string): Promise<MailMessage> {
  const [r] = await ctx.db
    .update(mailOutbox)
    .set({ status: 'queued', nextAttemptAt: ctx.clock.now(), claimedAt: null })
    .where(and(eq(mailOutbox.id, id), or(eq(mailOutbox.status, 'queued'), eq(mailOutbox.status, 'failed'))))
    .returning({ id: mailOutbox.id });
  if (!r) {
    const current = await getMail(ctx, id);
    throw new AppError('resource.conflict', `This message is ${current.status} and cannot be retried.`);
  }
  const queue = ctx.jobs ?? ctx.jobSender;
  if (queue && ctx.config.smtpUrl) await queue.send(DELIVER_QUEUE, { id }, { singletonKey: `${id}:retry` });
  return getMail(ctx, id);
}

/** The Message-IDs Steward sent about a record, oldest first (References of the next message). */
export async function recordMessageIds(db: Db, recordId: string): Promise<string[]> {
  const rows = await db
    .select({ messageId: mailOutbox.messageId })
    .from(mailOutbox)
    .where(eq(mailOutbox.recordId, recordId))
    .orderBy(mailOutbox.createdAt);
  return rows.map((r) => r.messageId);
}

/** The record a Message-ID we sent was about, if we sent it (inbound replies thread on it). */
export async function recordOfMessageId(db: Db, messageId: string): Promise<string | null | undefined> {
  const [r] = await db
    .select({ recordId: mailOutbox.recordId })
    .from(mailOutbox)
    .where(eq(mailOutbox.messageId, messageId));
  return r ? r.recordId : undefined;
}
