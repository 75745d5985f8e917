/**
 * Collaboration on any record: public and internal comments, attachments, watchers, links,
 * and the activity stream that merges them with field history.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Activity, CommentCreate, LinkCreate } from '../../contracts/records.ts';
import type { Db } from '../../db/client.ts';
import { rowById } from '../../db/rows.ts';
import { type Actor, canOnRecord } from '../../domain/roles.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { findRecord, loadRecord, type RecordRow } from './access.ts';
import { emitCommentAdded } from './events.ts';
import {
  attachmentBlobs,
  attachments,
  recordComments,
  recordHistory,
  recordLinks,
  records,
  recordWatchers,
} from './schema.ts';
import type { LinkKind } from './types.ts';

const touch = (ctx: AppContext, recordId: string, at: Date) =>
  ctx.db.update(records).set({ updatedAt: at }).where(eq(records.id, recordId));

/** A comment as the contract reads it (visibility defaults to public). */
type NewComment = z.output<typeof CommentCreate>;

export async function addComment(ctx: AppContext, actor: Actor, recordId: string, input: NewComment) {
  const need = input.visibility === 'internal' ? 'comment_internal' : 'comment_public';
  const { row } = await loadRecord(ctx, actor, recordId, { need });
  const c = await ctx.db.transaction((tx) =>
    addCommentWithin(tx, row.id, actor.userId, input, ctx.clock.now(), { ctx, record: row }),
  );
  return {
    id: c.id,
    body: c.body,
    visibility: c.visibility,
    authorId: c.authorId,
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * Add a comment inside the caller's transaction, for a use case that already decided the author
 * may write it (mail in: the sender's reply becomes their public comment).
 */
export async function addCommentWithin(
  tx: Db,
  recordId: string,
  authorId: string | null,
  input: NewComment,
  at: Date,
  /** Tell the modules that react to comments (notifications), as the comment API does. */
  announce?: { ctx: AppContext; record?: RecordRow },
) {
  const [c] = await tx
    .insert(recordComments)
    .values({ recordId, authorId, body: input.body, visibility: input.visibility, createdAt: at })
    .returning();
  await tx.update(records).set({ updatedAt: at }).where(eq(records.id, recordId));
  const record = announce && (announce.record ?? (await findRecord(tx, recordId)));
  if (announce && record)
    await emitCommentAdded({
      ctx: announce.ctx,
      tx,
      record,
      comment: { id: c!.id, body: c!.body, visibility: input.visibility, authorId: c!.authorId },
      actorId: authorId,
      at,
    });
  return c!;
}

// ---- attachments ----

/** Types a browser may render inline without risk; everything else downloads. */
const INLINE_SAFE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
]);
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export function safeFilename(name: string): string {
  // Keep the base name only, without control or path characters.
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = Array.from(base)
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch !== '\u007f')
    .join('')
    .replace(/["<>|:*?]/g, '_')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  recordId: string,
  file: { filename: string; contentType: string; data: Buffer },
) {
  const { row } = await loadRecord(ctx, actor, recordId, { need: 'attach' });
  if (file.data.length > ctx.config.attachmentMaxBytes) {
    throw new AppError(
      'attachment.too_large',
      `Attachments may be at most ${Math.floor(ctx.config.attachmentMaxBytes / 1048576)} MiB.`,
    );
  }
  if (file.data.length === 0) throw invalid([{ field: 'file', message: 'the file is empty' }]);
  const att = await ctx.db.transaction((tx) =>
    addAttachmentWithin(tx, row.id, actor.userId, file, ctx.clock.now()),
  );
  return presentAttachment(att);
}

/** Store an attachment inside the caller's transaction; the caller checked the size and the right to attach. */
export async function addAttachmentWithin(
  tx: Db,
  recordId: string,
  uploadedBy: string | null,
  file: { filename: string; contentType: string; data: Buffer },
  at: Date,
) {
  const contentType = CONTENT_TYPE.test(file.contentType.toLowerCase())
    ? file.contentType.toLowerCase()
    : 'application/octet-stream';
  const [a] = await tx
    .insert(attachments)
    .values({
      recordId,
      filename: safeFilename(file.filename),
      contentType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      uploadedBy,
      createdAt: at,
    })
    .returning();
  await tx.insert(attachmentBlobs).values({ attachmentId: a!.id, data: file.data });
  await tx.update(records).set({ updatedAt: at }).where(eq(records.id, recordId));
  return a!;
}

function presentAttachment(a: typeof attachments.$inferSelect) {
  return {
    id: a.id,
    recordId: a.recordId,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listAttachments(ctx: AppContext, actor: Actor, recordId: string) {
  const { row } = await loadRecord(ctx, actor, recordId);
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(eq(attachments.recordId, row.id))
    .orderBy(asc(attachments.createdAt));
  return rows.map(presentAttachment);
}

export async function getAttachmentContent(ctx: AppContext, actor: Actor, attachmentId: string) {
  const a = await rowById(ctx.db, attachments, attachmentId, 'Attachment');
  await loadRecord(ctx, actor, a.recordId).catch(() => {
    throw notFound('Attachment', attachmentId);
  });
  const [blob] = await ctx.db.select().from(attachmentBlobs).where(eq(attachmentBlobs.attachmentId, a.id));
  if (!blob) throw notFound('Attachment', attachmentId);
  return { meta: presentAttachment(a), data: blob.data, inline: INLINE_SAFE.has(a.contentType) };
}

export async function deleteAttachment(ctx: AppContext, actor: Actor, attachmentId: string) {
  const a = await rowById(ctx.db, attachments, attachmentId, 'Attachment');
  const { row } = await loadRecord(ctx, actor, a.recordId);
  const own = a.uploadedBy === actor.userId;
  if (!own && !canOnRecord(actor, 'update', { requesterId: row.requesterId, watcherIds: [] })) {
    throw new AppError('auth.forbidden', 'Only the uploader or an agent may remove an attachment.');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(attachments).where(eq(attachments.id, a.id));
    await tx.insert(recordHistory).values({
      recordId: row.id,
      actorId: actor.userId,
      at: now,
      field: 'attachment_removed',
      oldValue: a.filename,
      newValue: null,
    });
  });
}

// ---- watchers ----

export async function setWatching(
  ctx: AppContext,
  actor: Actor,
  recordId: string,
  userId: string,
  watching: boolean,
) {
  const { row } = await loadRecord(ctx, actor, recordId, { need: 'watch' });
  if (
    userId !== actor.userId &&
    !canOnRecord(actor, 'update', { requesterId: row.requesterId, watcherIds: [] })
  ) {
    throw new AppError('auth.forbidden', 'Only agents may add or remove other watchers.');
  }
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!u) throw invalid([{ field: 'userId', message: 'no user with this id' }]);
  if (watching) await addWatcherWithin(ctx.db, row.id, userId, ctx.clock.now());
  else
    await ctx.db
      .delete(recordWatchers)
      .where(and(eq(recordWatchers.recordId, row.id), eq(recordWatchers.userId, userId)));
  const list = await ctx.db
    .select({ userId: recordWatchers.userId })
    .from(recordWatchers)
    .where(eq(recordWatchers.recordId, row.id));
  return list.map((w) => w.userId);
}

/** Make someone a watcher inside the caller's transaction (nothing happens if they already are). */
export async function addWatcherWithin(tx: Db, recordId: string, userId: string, at: Date): Promise<void> {
  await tx.insert(recordWatchers).values({ recordId, userId, createdAt: at }).onConflictDoNothing();
}

// ---- links ----

export async function addLink(
  ctx: AppContext,
  actor: Actor,
  recordId: string,
  input: z.output<typeof LinkCreate>,
) {
  const { row } = await loadRecord(ctx, actor, recordId, { need: 'update' });
  const target = await findRecord(ctx.db, input.target);
  if (!target) throw invalid([{ field: 'target', message: `no record ${input.target}` }]);
  if (target.id === row.id)
    throw invalid([{ field: 'target', message: 'a record cannot be linked to itself' }]);
  const now = ctx.clock.now();
  const [existing] = await ctx.db
    .select()
    .from(recordLinks)
    .where(
      and(eq(recordLinks.fromId, row.id), eq(recordLinks.toId, target.id), eq(recordLinks.kind, input.kind)),
    );
  if (existing) throw conflict(`${row.number} is already linked to ${target.number} as ${input.kind}.`);
  await ctx.db.transaction((tx) => linkRecordsWithin(tx, row.id, target, input.kind, actor.userId, now));
  await touch(ctx, row.id, now);
  return listLinks(ctx, actor, row.id);
}

/** Link two records inside the caller's transaction, with the link in the history of the first. */
export async function linkRecordsWithin(
  tx: Db,
  fromId: string,
  to: { id: string; number: string },
  kind: LinkKind,
  actorId: string | null,
  at: Date,
): Promise<void> {
  await tx
    .insert(recordLinks)
    .values({ fromId, toId: to.id, kind, createdBy: actorId, createdAt: at })
    .onConflictDoNothing();
  await tx.insert(recordHistory).values({
    recordId: fromId,
    actorId,
    at,
    field: `link.${kind}`,
    oldValue: null,
    newValue: to.number,
  });
}

export async function removeLink(ctx: AppContext, actor: Actor, recordId: string, linkId: string) {
  const { row } = await loadRecord(ctx, actor, recordId, { need: 'update' });
  const [link] = await ctx.db
    .select()
    .from(recordLinks)
    .where(and(eq(recordLinks.id, linkId), or(eq(recordLinks.fromId, row.id), eq(recordLinks.toId, row.id))));
  if (!link) throw notFound('Link', linkId);
  await ctx.db.delete(recordLinks).where(eq(recordLinks.id, linkId));
  return listLinks(ctx, actor, row.id);
}

/** The ids of the records linked to `recordId` either way, by links of `kinds` (any kind when absent). */
export async function linkedRecordIds(db: Db, recordId: string, kinds?: string[]): Promise<string[]> {
  const either = or(eq(recordLinks.fromId, recordId), eq(recordLinks.toId, recordId));
  const links = await db
    .select({ fromId: recordLinks.fromId, toId: recordLinks.toId })
    .from(recordLinks)
    .where(kinds ? and(inArray(recordLinks.kind, kinds), either) : either);
  return links.map((l) => (l.fromId === recordId ? l.toId : l.fromId));
}

export async function listLinks(ctx: AppContext, actor: Actor, recordId: string) {
  const { row } = await loadRecord(ctx, actor, recordId);
  const links = await ctx.db
    .select()
    .from(recordLinks)
    .where(or(eq(recordLinks.fromId, row.id), eq(recordLinks.toId, row.id)));
  const otherIds = links.map((l) => (l.fromId === row.id ? l.toId : l.fromId));
  const others = otherIds.length
    ? await ctx.db
        .select({
          id: records.id,
          number: records.number,
          title: records.title,
          type: records.type,
          state: records.state,
          requesterId: records.requesterId,
        })
        .from(records)
        .where(inArray(records.id, otherIds))
    : [];
  const byId = new Map(others.map((o) => [o.id, o]));
  return links.flatMap((l) => {
    const outgoing = l.fromId === row.id;
    const other = byId.get(outgoing ? l.toId : l.fromId);
    if (!other) return [];
    // A requester sees that a link exists only to records they may read.
    const visible = canOnRecord(actor, 'read', { requesterId: other.requesterId, watcherIds: [] });
    return [
      {
        id: l.id,
        kind: l.kind,
        direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
        record: visible
          ? { id: other.id, number: other.number, title: other.title, type: other.type, state: other.state }
          : {
              id: other.id,
              number: other.number,
              title: '(not visible to you)',
              type: other.type,
              state: other.state,
            },
        createdAt: l.createdAt.toISOString(),
      },
    ];
  });
}

// ---- activity ----

export type ActivityItem = Activity;

/** One stream, oldest first: comments (internal ones only for those who may read them), history, attachments. */
export async function listActivity(ctx: AppContext, actor: Actor, recordId: string): Promise<ActivityItem[]> {
  const { row, watcherIds } = await loadRecord(ctx, actor, recordId);
  const internal = canOnRecord(actor, 'read_internal', { requesterId: row.requesterId, watcherIds });
  const [comments, history, files] = await Promise.all([
    ctx.db
      .select()
      .from(recordComments)
      .where(
        internal
          ? eq(recordComments.recordId, row.id)
          : and(eq(recordComments.recordId, row.id), eq(recordComments.visibility, 'public')),
      ),
    ctx.db.select().from(recordHistory).where(eq(recordHistory.recordId, row.id)),
    ctx.db.select().from(attachments).where(eq(attachments.recordId, row.id)),
  ]);
  const actorIds = [
    ...new Set(
      [
        row.createdBy,
        ...comments.map((c) => c.authorId),
        ...history.map((h) => h.actorId),
        ...files.map((f) => f.uploadedBy),
      ].filter((x): x is string => !!x),
    ),
  ];
  const names = actorIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))
    : [];
  const who = (id: string | null) =>
    id ? (names.find((n) => n.id === id) ?? { id, name: 'Unknown user' }) : null;
  const created: ActivityItem = {
    kind: 'change',
    id: `created-${row.id}`,
    at: row.createdAt.toISOString(),
    actor: who(row.createdBy),
    field: 'created',
    oldValue: null,
    newValue: row.number,
  };
  const items: ActivityItem[] = [
    created,
    ...comments.map((c) => ({
      kind: 'comment' as const,
      id: c.id,
      at: c.createdAt.toISOString(),
      actor: who(c.authorId),
      body: c.body,
      visibility: c.visibility,
    })),
    ...history.map((h) => ({
      kind: 'change' as const,
      id: String(h.id),
      at: h.at.toISOString(),
      actor: who(h.actorId),
      field: h.field,
      oldValue: h.oldValue,
      newValue: h.newValue,
    })),
    ...files.map((f) => ({
      kind: 'attachment' as const,
      id: f.id,
      at: f.createdAt.toISOString(),
      actor: who(f.uploadedBy),
      filename: f.filename,
      size: f.size,
      contentType: f.contentType,
    })),
  ];
  // Stable order: time, then kind so a transition's change precedes its comment.
  const rank = { change: 0, attachment: 1, comment: 2 };
  return items.sort((a, b) => a.at.localeCompare(b.at) || rank[a.kind] - rank[b.kind]);
}
