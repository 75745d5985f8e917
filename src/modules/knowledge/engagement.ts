/**
 * What readers do with articles: read them (a view count), say whether they helped (feedback
 * with a comment), say one solved their problem instead of raising an incident (a deflection),
 * and, for agents, link them to the records they helped with.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ArticleSummary } from '../../contracts/knowledge.ts';
import { type Audience, mayRead } from '../../domain/knowledge/audience.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { loadRecord, writeHistory } from '../records/index.ts';
import { readerOf } from './access.ts';
import { assertCanWrite, loadArticle, loadForStaff, presentSummaries } from './articles.ts';
import {
  knowledgeArticles,
  knowledgeArticleViews,
  knowledgeDeflections,
  knowledgeFeedback,
  knowledgeRecordLinks,
} from './schema.ts';

const counts = {
  viewCount: knowledgeArticles.viewCount,
  helpfulCount: knowledgeArticles.helpfulCount,
  notHelpfulCount: knowledgeArticles.notHelpfulCount,
  deflectionCount: knowledgeArticles.deflectionCount,
};

async function bump(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  column: keyof typeof counts,
  write?: (tx: AppContext['db'], articleId: string) => Promise<void>,
) {
  const reader = await readerOf(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const row = await loadArticle(tx, reader, ref);
    await write?.(tx, row.id);
    const [c] = await tx
      .update(knowledgeArticles)
      .set({ [column]: sql`${counts[column]} + 1` })
      .where(eq(knowledgeArticles.id, row.id))
      .returning(counts);
    return c!;
  });
}

/** Count one reading of an article (the web app calls this once per opening), with who and when. */
export function recordView(ctx: AppContext, actor: Actor, ref: string) {
  return bump(ctx, actor, ref, 'viewCount', async (tx, articleId) => {
    await tx
      .insert(knowledgeArticleViews)
      .values({ articleId, userId: actor.userId, viewedAt: ctx.clock.now() });
  });
}

export function giveFeedback(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: { helpful: boolean; comment: string },
) {
  if (!can(actor, 'knowledge.feedback')) throw forbidden('You may not give feedback.');
  return bump(ctx, actor, ref, input.helpful ? 'helpfulCount' : 'notHelpfulCount', async (tx, articleId) => {
    await tx.insert(knowledgeFeedback).values({
      articleId,
      userId: actor.userId,
      helpful: input.helpful,
      comment: input.comment,
      createdAt: ctx.clock.now(),
    });
  });
}

/** "This solved my problem": no incident is raised, and the article is credited. */
export function recordDeflection(ctx: AppContext, actor: Actor, ref: string, query: string) {
  if (!can(actor, 'knowledge.feedback')) throw forbidden('You may not do this.');
  return bump(ctx, actor, ref, 'deflectionCount', async (tx, articleId) => {
    await tx
      .insert(knowledgeDeflections)
      .values({ articleId, userId: actor.userId, query, createdAt: ctx.clock.now() });
  });
}

export async function listFeedback(ctx: AppContext, actor: Actor, ref: string) {
  const row = await loadForStaff(ctx, actor, ref);
  const rows = await ctx.db
    .select({
      id: knowledgeFeedback.id,
      helpful: knowledgeFeedback.helpful,
      comment: knowledgeFeedback.comment,
      createdAt: knowledgeFeedback.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(knowledgeFeedback)
    .leftJoin(users, eq(users.id, knowledgeFeedback.userId))
    .where(eq(knowledgeFeedback.articleId, row.id))
    .orderBy(desc(knowledgeFeedback.createdAt))
    .limit(100);
  return {
    items: rows.map((r) => ({
      id: r.id,
      helpful: r.helpful,
      comment: r.comment,
      by: r.userId ? { id: r.userId, name: r.name ?? '', email: r.email ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Link or unlink an article and a record the caller may update; the change is in the record's history. */
async function changeLink(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
  articleRef: string,
  link: boolean,
) {
  assertCanWrite(actor);
  const reader = await readerOf(ctx.db, actor);
  const { row: rec } = await loadRecord(ctx, actor, recordRef, { need: 'update' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const article = await loadArticle(tx, reader, articleRef);
    const changed = link
      ? await tx
          .insert(knowledgeRecordLinks)
          .values({ articleId: article.id, recordId: rec.id, linkedBy: actor.userId, linkedAt: now })
          .onConflictDoNothing()
          .returning({ id: knowledgeRecordLinks.articleId })
      : await tx
          .delete(knowledgeRecordLinks)
          .where(
            and(eq(knowledgeRecordLinks.articleId, article.id), eq(knowledgeRecordLinks.recordId, rec.id)),
          )
          .returning({ id: knowledgeRecordLinks.articleId });
    if (changed.length)
      await writeHistory(tx, rec.id, actor.userId, now, [
        {
          field: 'knowledge_article',
          oldValue: link ? null : article.number,
          newValue: link ? article.number : null,
        },
      ]);
  });
  return articlesOfRecord(ctx, actor, rec.id);
}

export const linkArticle = (ctx: AppContext, actor: Actor, recordRef: string, articleRef: string) =>
  changeLink(ctx, actor, recordRef, articleRef, true);
export const unlinkArticle = (ctx: AppContext, actor: Actor, recordRef: string, articleRef: string) =>
  changeLink(ctx, actor, recordRef, articleRef, false);

/** The articles linked to a record, as far as the caller may read them. */
export async function articlesOfRecord(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
): Promise<{ items: ArticleSummary[] }> {
  const reader = await readerOf(ctx.db, actor);
  const { row: rec } = await loadRecord(ctx, actor, recordRef);
  const rows = await ctx.db
    .select({ a: knowledgeArticles })
    .from(knowledgeRecordLinks)
    .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeRecordLinks.articleId))
    .where(eq(knowledgeRecordLinks.recordId, rec.id))
    .orderBy(desc(knowledgeRecordLinks.linkedAt));
  const visible = rows
    .map((r) => r.a)
    .filter((a) => mayRead(reader, { ...a, audience: a.audience as Audience }));
  return { items: await presentSummaries(ctx.db, visible, reader.staff) };
}
