/**
 * Email in: receive a raw message (store it first, so nothing is lost), then process it: decide
 * from its facts where it lands (src/domain/mail) and carry the decision out in one transaction
 * with the message's outcome. Processing is idempotent: a message that landed is never landed
 * again, so a retry after a failure, a sweep and a re-processing cannot create a duplicate.
 */
import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { rowById } from '../../db/rows.ts';
import { classifyAutomated } from '../../domain/mail/classify.ts';
import { type Decision, decideInbound } from '../../domain/mail/decide.ts';
import {
  cleanSubject,
  decideThread,
  recordIdOfMessageId,
  recordNumbersInSubject,
  referencedIds,
  splitPlusAddress,
} from '../../domain/mail/threading.ts';
import { trimReply } from '../../domain/mail/trim.ts';
import { type Actor, canOnRecord } from '../../domain/roles.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { createUser, loadActor, users } from '../auth/index.ts';
import { recordOfMessageId } from '../mail/index.ts';
import {
  addAttachmentWithin,
  addCommentWithin,
  addWatcherWithin,
  createRecordInTransaction,
  linkRecordsWithin,
  RECORD_TYPES,
  records,
  recordTypeOf,
  recordWatchers,
} from '../records/index.ts';
import {
  failedRecipients,
  mailFacts,
  type ParsedInbound,
  parseMail,
  sanitizeMailHtml,
  sourceDigest,
} from './parse.ts';
import { queueRefusal } from './refusal.ts';
import { inboundMailAddresses, inboundMessages, mailAddressStatus } from './schema.ts';

export type Envelope = { mailFrom?: string | null; rcptTo?: string[]; mailbox?: string };
type MessageRow = typeof inboundMessages.$inferSelect;
type AddressRow = typeof inboundMailAddresses.$inferSelect;

/** Outcomes after which a message is never landed again. */
const LANDED = new Set(['created', 'commented']);
/** How often the sweep retries a message that failed for a passing reason (the database was away). */
export const MAX_ATTEMPTS = 5;

/**
 * Store a raw message. Returns its id; a message already stored (same Message-ID, e.g. fetched
 * again because the IMAP flag was not set before a crash) is not stored twice. Throws when the
 * database cannot take it: the SMTP listener then answers 4xx and IMAP leaves it unflagged.
 */
export async function receiveMail(
  ctx: AppContext,
  raw: Buffer,
  source: string,
  envelope: Envelope = {},
): Promise<{ id: string; duplicate: boolean }> {
  const mail = await parseMail(raw);
  const messageId = (mail.messageId ?? sourceDigest(raw)).slice(0, 500);
  const [row] = await ctx.db
    .insert(inboundMessages)
    .values({
      source,
      messageId,
      fromAddress: mail.from?.address ?? null,
      fromName: mail.from?.name || null,
      toAddresses: [...new Set([...mail.to, ...mail.cc])],
      subject: mail.subject.slice(0, 1000),
      envelope,
      raw,
      size: raw.length,
      receivedAt: ctx.clock.now(),
      status: 'received',
    })
    .onConflictDoNothing({ target: inboundMessages.messageId })
    .returning({ id: inboundMessages.id });
  if (row) return { id: row.id, duplicate: false };
  const [existing] = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(eq(inboundMessages.messageId, messageId));
  return { id: existing!.id, duplicate: true };
}

/** Store and process; what the listeners call. Processing errors are kept on the message, not thrown. */
export async function deliverMail(
  ctx: AppContext,
  raw: Buffer,
  source: string,
  envelope: Envelope = {},
): Promise<{ id: string; duplicate: boolean }> {
  const received = await receiveMail(ctx, raw, source, envelope);
  if (!received.duplicate) await processSafely(ctx, received.id);
  return received;
}

async function processSafely(ctx: AppContext, id: string): Promise<void> {
  try {
    await processMessage(ctx, id);
  } catch (err) {
    ctx.log.warn({ err, inboundMessageId: id }, 'inbound mail could not be processed; kept for a retry');
  }
}

type Facts = {
  mail: ParsedInbound;
  address: AddressRow | null;
  sender: typeof users.$inferSelect | null;
  thread: { record: typeof records.$inferSelect; by: 'message_id' | 'plus_address' | 'subject' } | null;
  decision: Decision;
};

async function gatherFacts(ctx: AppContext, row: MessageRow): Promise<Facts> {
  const db = ctx.db;
  const mail = await parseMail(row.raw);
  const env = row.envelope;
  const recipients = [...new Set([...(env.rcptTo ?? []), ...mail.deliveredTo, ...mail.to, ...mail.cc])].map(
    (a) => a.toLowerCase(),
  );
  const split = recipients.map(splitPlusAddress);
  const bases = [...new Set(split.map((s) => s.base))];
  const candidates = bases.length
    ? await db
        .select()
        .from(inboundMailAddresses)
        .where(and(eq(inboundMailAddresses.active, true), inArray(inboundMailAddresses.address, bases)))
    : [];
  let address = bases.map((b) => candidates.find((c) => c.address === b)).find((c) => c) ?? null;
  if (!address && env.mailbox) {
    [address = null] = await db
      .select()
      .from(inboundMailAddresses)
      .where(and(eq(inboundMailAddresses.active, true), eq(inboundMailAddresses.imapMailbox, env.mailbox)));
  }
  const fromAddress = mail.from?.address ?? null;
  const [sender = null] = fromAddress
    ? await db.select().from(users).where(sql`lower(${users.email}) = ${fromAddress}`)
    : [];

  // Which record it answers.
  const refs = referencedIds(mail.inReplyTo, mail.references);
  const ownIds = refs.map(recordIdOfMessageId).filter((x): x is string => !!x);
  const plusTags = split
    .filter((s) => s.tag && candidates.some((c) => c.address === s.base))
    .map((s) => s.tag!.toUpperCase());
  const subjectNumbers = recordNumbersInSubject(
    mail.subject,
    RECORD_TYPES.map((t) => t.prefix),
  );
  const [known, sent, existing, numbered] = await Promise.all([
    refs.length
      ? db
          .select({ messageId: inboundMessages.messageId, recordId: inboundMessages.recordId })
          .from(inboundMessages)
          .where(and(inArray(inboundMessages.messageId, refs), isNotNull(inboundMessages.recordId)))
      : [],
    recordsOfOutboundIds(db, refs),
    ownIds.length ? db.select({ id: records.id }).from(records).where(inArray(records.id, ownIds)) : [],
    plusTags.length || subjectNumbers.length
      ? db
          .select({ id: records.id, number: records.number, requesterId: records.requesterId })
          .from(records)
          .where(inArray(records.number, [...plusTags, ...subjectNumbers]))
      : [],
  ]);
  // A number typed in a subject is trusted only for a sender who may see that record.
  const senderActor = sender ? await loadActor(db, sender.id, null) : null;
  const visibleNumbered = [];
  for (const r of numbered) {
    if (!subjectNumbers.includes(r.number) || plusTags.includes(r.number)) visibleNumbered.push(r);
    else if (senderActor && (await mayRead(db, senderActor, r))) visibleNumbered.push(r);
  }
  const candidate = decideThread(
    { referencedIds: refs, plusTags, subjectNumbers },
    {
      byMessageId: new Map([...known.map((k): [string, string] => [k.messageId, k.recordId!]), ...sent]),
      byNumber: new Map(visibleNumbered.map((r) => [r.number, r.id])),
      existing: new Set(existing.map((e) => e.id)),
    },
  );
  const [record = null] = candidate
    ? await db.select().from(records).where(eq(records.id, candidate.recordId))
    : [];
  let senderMayComment = false;
  if (record && senderActor) {
    const watchers = await db
      .select({ userId: recordWatchers.userId })
      .from(recordWatchers)
      .where(eq(recordWatchers.recordId, record.id));
    senderMayComment = canOnRecord(senderActor, 'comment_public', {
      requesterId: record.requesterId,
      watcherIds: watchers.map((w) => w.userId),
    });
  }

  const own = mail.messageId ? await isOutboundMessageId(db, mail.messageId) : false;
  const automated = classifyAutomated(mailFacts(mail, env.mailFrom), {
    ownMessageIds: new Set(own && mail.messageId ? [mail.messageId] : []),
  });
  const decision = decideInbound({
    automated,
    address: address
      ? {
          unknownSenderPolicy: address.unknownSenderPolicy as 'create_requester' | 'refuse',
          strangerReplyPolicy: address.strangerReplyPolicy as 'add_watcher' | 'new_record',
        }
      : null,
    sender: { known: !!sender, active: sender?.active ?? false },
    thread: record ? { recordId: record.id, senderMayComment, closed: record.closedAt !== null } : null,
  });
  // A mail from nobody cannot be answered or attributed.
  if (!fromAddress && decision.action !== 'ignore')
    return {
      mail,
      address,
      sender,
      thread: null,
      decision: { action: 'refuse', reason: 'no_address', reply: false, detail: 'the mail names no sender' },
    };
  return {
    mail,
    address,
    sender,
    thread: record && candidate ? { record, by: candidate.by } : null,
    decision,
  };
}

async function mayRead(db: Db, actor: Actor, r: { id: string; requesterId: string }): Promise<boolean> {
  const watchers = await db
    .select({ userId: recordWatchers.userId })
    .from(recordWatchers)
    .where(eq(recordWatchers.recordId, r.id));
  return canOnRecord(actor, 'read', {
    requesterId: r.requesterId,
    watcherIds: watchers.map((w) => w.userId),
  });
}

/**
 * Whether a Message-ID is one Steward sent. Our own ids have a recognisable shape (checked by
 * the pure classification); this asks the outbox for the others.
 */
async function isOutboundMessageId(db: Db, messageId: string): Promise<boolean> {
  return (await recordOfMessageId(db, `<${messageId}>`)) !== undefined;
}

/** The records our own sent mails named by these ids were about (the outbox keeps every Message-ID it sent). */
async function recordsOfOutboundIds(db: Db, ids: readonly string[]): Promise<[string, string][]> {
  const found: [string, string][] = [];
  // The most recent dozen are enough: a long References chain repeats the same conversation.
  for (const id of ids.slice(0, 12)) {
    const recordId = await recordOfMessageId(db, `<${id}>`);
    if (recordId) found.push([id, recordId]);
  }
  return found;
}

/** The sender as a requester, created when the policy allows it (a concurrent creation is reused). */
async function ensureSender(ctx: AppContext, mail: ParsedInbound): Promise<string> {
  const email = mail.from!.address;
  const name = (mail.from!.name || email.split('@')[0]!).slice(0, LIMITS.nameMax);
  try {
    const u = await createUser(ctx, 'system', { email, name, roles: ['requester'] });
    return u.id;
  } catch (err) {
    const [u] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (u) return u.id;
    throw err;
  }
}

const outcomeText: Record<string, string> = {
  unknown_sender: 'Refused: no Steward user has this address and the address refuses unknown senders.',
  no_address: 'Refused: the mail reached no configured address and answers no record.',
  inactive_sender: 'Refused: the sender’s account is deactivated.',
};

/** Process one stored message. Returns its outcome; a message that already landed is left as it is. */
export async function processMessage(ctx: AppContext, id: string): Promise<MessageRow> {
  const row = await rowById(ctx.db, inboundMessages, id, 'Inbound message');
  if (LANDED.has(row.status)) return row;
  try {
    const facts = await gatherFacts(ctx, row);
    const d = facts.decision;
    const senderId =
      (d.action === 'comment' || d.action === 'create') && d.createSender
        ? await ensureSender(ctx, facts.mail)
        : (facts.sender?.id ?? null);
    return await ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.id, id))
        .for('update');
      if (!locked || LANDED.has(locked.status)) return locked!;
      const outcome = await land(ctx, tx, facts, senderId);
      const [updated] = await tx
        .update(inboundMessages)
        .set({
          ...outcome,
          addressId: facts.address?.id ?? null,
          senderId,
          attempts: locked.attempts + 1,
          processedAt: ctx.clock.now(),
        })
        .where(eq(inboundMessages.id, id))
        .returning();
      return updated!;
    });
  } catch (err) {
    const detail = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
    const [failed] = await ctx.db
      .update(inboundMessages)
      .set({
        status: 'failed',
        reason: err instanceof AppError ? err.code : 'error',
        detail: detail.slice(0, 2000),
        attempts: row.attempts + 1,
        processedAt: ctx.clock.now(),
      })
      .where(eq(inboundMessages.id, id))
      .returning();
    if (err instanceof AppError) return failed!;
    throw err;
  }
}

type Outcome = Pick<MessageRow, 'status' | 'reason' | 'detail' | 'recordId' | 'threadedBy' | 'commentId'>;

async function land(ctx: AppContext, tx: Db, f: Facts, senderId: string | null): Promise<Outcome> {
  const d = f.decision;
  const now = ctx.clock.now();
  const none = { recordId: null, threadedBy: null, commentId: null };
  switch (d.action) {
    case 'ignore': {
      if (d.status === 'bounced') {
        const failed = f.mail.deliveryStatus ? failedRecipients(f.mail.deliveryStatus) : [];
        for (const r of failed)
          await markAddressFailing(
            tx,
            r.address,
            [r.status, r.diagnostic].filter(Boolean).join(' ') || null,
            now,
          );
        const names = failed.map((r) => r.address).join(', ');
        return {
          ...none,
          status: 'bounced',
          reason: 'bounce',
          detail: `${d.detail}${names ? `; marked failing: ${names}` : '; no failed recipient named'}`,
        };
      }
      return { ...none, status: 'ignored', reason: d.reason, detail: `Not answered: ${d.detail}` };
    }
    case 'refuse': {
      if (d.reply && f.mail.from) await queueRefusal(ctx, tx, f.mail, f.address);
      return {
        ...none,
        status: 'refused',
        reason: d.reason,
        detail: `${outcomeText[d.reason] ?? d.detail}${d.reply ? ' A polite reply was sent.' : ''}`,
      };
    }
    case 'comment': {
      if (d.addWatcher) await addWatcherWithin(tx, d.recordId, senderId!, now);
      const trimmed = trimReply(f.mail.text);
      const body = (trimmed.text || '(no text)').slice(0, LIMITS.commentMax);
      const c = await addCommentWithin(tx, d.recordId, senderId, { body, visibility: 'public' }, now, {
        ctx,
      });
      const skipped = await attach(ctx, tx, d.recordId, senderId, f.mail, now);
      return {
        status: 'commented',
        reason: d.addWatcher ? 'stranger_added_as_watcher' : 'reply',
        detail: [
          `Public comment from ${f.mail.from?.address} (threaded by ${f.thread?.by ?? 'message_id'}).`,
          d.addWatcher ? 'The sender was not on the record and was added as a watcher.' : '',
          skipped,
        ]
          .filter(Boolean)
          .join(' '),
        recordId: d.recordId,
        threadedBy: f.thread?.by ?? null,
        commentId: c.id,
      };
    }
    case 'create': {
      const type = f.address?.recordType ?? f.thread?.record.type ?? 'incident';
      const cfg = recordTypeOf(type) ?? recordTypeOf('incident')!;
      const title = (cleanSubject(f.mail.subject) || '(no subject)').slice(0, LIMITS.titleMax);
      const description = trimReply(f.mail.text).text.slice(0, LIMITS.descriptionMax);
      const record = await createRecordInTransaction(
        ctx,
        tx,
        cfg,
        {
          title,
          description,
          channel: 'email',
          requesterId: senderId!,
          serviceId: f.address?.serviceId ?? null,
        },
        senderId,
      );
      if (d.relatesTo && f.thread)
        await linkRecordsWithin(
          tx,
          record.id,
          { id: f.thread.record.id, number: f.thread.record.number },
          'relates_to',
          senderId,
          now,
        );
      const skipped = await attach(ctx, tx, record.id, senderId, f.mail, now);
      const why = {
        new_mail: `New ${cfg.label.toLowerCase()} from ${f.mail.from?.address}.`,
        closed_record: `${f.thread?.record.number} is closed: the reply opened a follow-up linked to it.`,
        stranger_reply: `The sender is not on ${f.thread?.record.number}: the reply opened a new record linked to it.`,
      }[d.reason];
      return {
        status: 'created',
        reason: d.reason,
        detail: [why, skipped].filter(Boolean).join(' '),
        recordId: record.id,
        threadedBy: d.relatesTo ? (f.thread?.by ?? null) : 'new',
        commentId: null,
      };
    }
  }
}

/** Attach the mail's files; returns a note about those too large to keep. */
async function attach(
  ctx: AppContext,
  tx: Db,
  recordId: string,
  senderId: string | null,
  mail: ParsedInbound,
  now: Date,
): Promise<string> {
  const tooLarge: string[] = [];
  for (const a of mail.attachments) {
    if (a.data.length === 0) continue;
    if (a.data.length > ctx.config.attachmentMaxBytes) {
      tooLarge.push(a.filename);
      continue;
    }
    await addAttachmentWithin(tx, recordId, senderId, a, now);
  }
  return tooLarge.length ? `Not attached (larger than the attachment limit): ${tooLarge.join(', ')}.` : '';
}

async function markAddressFailing(tx: Db, address: string, reason: string | null, at: Date): Promise<void> {
  await tx
    .insert(mailAddressStatus)
    .values({ address, status: 'failing', reason, bounces: 1, lastBounceAt: at, createdAt: at })
    .onConflictDoUpdate({
      target: mailAddressStatus.address,
      set: {
        status: 'failing',
        reason,
        bounces: sql`${mailAddressStatus.bounces} + 1`,
        lastBounceAt: at,
      },
    });
}

/** Addresses a bounce reported as failing, with why; notifications skip them. */
export async function failingAddresses(
  db: Db,
  addresses: readonly string[],
): Promise<Map<string, { reason: string | null; bounces: number; lastBounceAt: Date }>> {
  const lower = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  if (lower.length === 0) return new Map();
  const rows = await db
    .select()
    .from(mailAddressStatus)
    .where(and(inArray(mailAddressStatus.address, lower), eq(mailAddressStatus.status, 'failing')));
  return new Map(
    rows.map((r) => [r.address, { reason: r.reason, bounces: r.bounces, lastBounceAt: r.lastBounceAt }]),
  );
}

/** Whether a bounce marked this address as failing. */
export async function isAddressFailing(db: Db, address: string): Promise<boolean> {
  return (await failingAddresses(db, [address])).size > 0;
}

/** The address works again (it was fixed, or a person confirmed it): notifications may use it. */
export async function clearAddressFailing(db: Db, address: string): Promise<void> {
  await db.delete(mailAddressStatus).where(eq(mailAddressStatus.address, address.trim().toLowerCase()));
}

/**
 * Process again what is waiting: messages stored but not processed (the database went away
 * between the two) and those that failed for a passing reason, a few times.
 */
export async function processPending(ctx: AppContext, limit = 50): Promise<number> {
  const rows = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(
      or(
        eq(inboundMessages.status, 'received'),
        and(
          eq(inboundMessages.status, 'failed'),
          eq(inboundMessages.reason, 'error'),
          lt(inboundMessages.attempts, MAX_ATTEMPTS),
        ),
      ),
    )
    .orderBy(inboundMessages.receivedAt)
    .limit(limit);
  for (const r of rows) await processSafely(ctx, r.id);
  return rows.length;
}

/** An admin processes a message again (after adding an address or a user, or fixing a service). */
export async function reprocessMessage(ctx: AppContext, id: string): Promise<MessageRow> {
  const row = await rowById(ctx.db, inboundMessages, id, 'Inbound message');
  if (LANDED.has(row.status)) {
    const [r] = row.recordId
      ? await ctx.db.select({ number: records.number }).from(records).where(eq(records.id, row.recordId))
      : [];
    throw conflict(
      `This message already landed (${row.status}${r ? ` on ${r.number}` : ''}); processing it again would duplicate it.`,
    );
  }
  return processMessage(ctx, id);
}

// ---- reading ----

export async function listMessages(
  db: Db,
  q: PageRequest & { status?: string | undefined; recordId?: string | undefined },
) {
  const conds = [beforeCursor(q.cursor, inboundMessages.receivedAt, inboundMessages.id)];
  if (q.status) conds.push(eq(inboundMessages.status, q.status));
  if (q.recordId) conds.push(eq(inboundMessages.recordId, q.recordId));
  const rows = await db
    .select({ m: summaryColumns, number: records.number, type: records.type })
    .from(inboundMessages)
    .leftJoin(records, eq(records.id, inboundMessages.recordId))
    .where(and(...conds))
    .orderBy(...newestFirst(inboundMessages.receivedAt, inboundMessages.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.m.receivedAt, id: r.m.id }));
  return { items: page.map(presentSummary), nextCursor };
}

const summaryColumns = {
  id: inboundMessages.id,
  source: inboundMessages.source,
  messageId: inboundMessages.messageId,
  fromAddress: inboundMessages.fromAddress,
  fromName: inboundMessages.fromName,
  toAddresses: inboundMessages.toAddresses,
  subject: inboundMessages.subject,
  size: inboundMessages.size,
  receivedAt: inboundMessages.receivedAt,
  status: inboundMessages.status,
  reason: inboundMessages.reason,
  detail: inboundMessages.detail,
  recordId: inboundMessages.recordId,
  threadedBy: inboundMessages.threadedBy,
  attempts: inboundMessages.attempts,
  processedAt: inboundMessages.processedAt,
};

type SummaryRow = {
  m: { [K in keyof typeof summaryColumns]: MessageRow[K] };
  number: string | null;
  type: string | null;
};

function presentSummary({ m, number, type }: SummaryRow) {
  return {
    id: m.id,
    source: m.source,
    messageId: m.messageId,
    from: m.fromAddress,
    fromName: m.fromName,
    to: m.toAddresses,
    subject: m.subject,
    size: m.size,
    receivedAt: m.receivedAt.toISOString(),
    status: m.status as 'received',
    reason: m.reason,
    detail: m.detail,
    record: m.recordId && number && type ? { id: m.recordId, number, type } : null,
    threadedBy: m.threadedBy,
    attempts: m.attempts,
    processedAt: m.processedAt?.toISOString() ?? null,
  };
}

export async function getMessage(db: Db, id: string) {
  const [row] = await db
    .select({
      m: summaryColumns,
      number: records.number,
      type: records.type,
      raw: inboundMessages.raw,
      addressId: inboundMessages.addressId,
      senderId: inboundMessages.senderId,
    })
    .from(inboundMessages)
    .leftJoin(records, eq(records.id, inboundMessages.recordId))
    .where(eq(inboundMessages.id, id));
  if (!row) throw notFound('Inbound message', id);
  const mail = await parseMail(row.raw);
  const [address] = row.addressId
    ? await db
        .select({ id: inboundMailAddresses.id, address: inboundMailAddresses.address })
        .from(inboundMailAddresses)
        .where(eq(inboundMailAddresses.id, row.addressId))
    : [];
  const [sender] = row.senderId
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.senderId))
    : [];
  return {
    ...presentSummary(row),
    address: address ?? null,
    sender: sender ?? null,
    headers: mail.headers,
    text: mail.text,
    trimmedText: trimReply(mail.text).text,
    html: mail.html ? sanitizeMailHtml(mail.html) : null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.data.length,
      inline: a.inline,
    })),
  };
}

export async function getRawMessage(db: Db, id: string): Promise<Buffer> {
  const [row] = await db
    .select({ raw: inboundMessages.raw })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, id));
  if (!row) throw notFound('Inbound message', id);
  return row.raw;
}
