/**
 * A known error published as an article in one step: its symptoms and workaround become the
 * article's text, its problem's service and CIs the article's, and the article is published at
 * once when the caller reviews the chosen category (otherwise it waits in review for a reviewer).
 * The known error is read through problem management's public face; one article per known error.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ArticleView } from '../../contracts/knowledge.ts';
import type { Audience } from '../../domain/knowledge/audience.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict } from '../../errors.ts';
import { getKnownError } from '../problems/index.ts';
import { readerOf } from './access.ts';
import { assertCanWrite, insertArticle, isReviewer, presentArticle } from './articles.ts';
import { knowledgeArticles } from './schema.ts';

export function knownErrorBody(ke: { symptoms: string; workaround: string; problemNumber: string }): string {
  return [
    '## Symptoms',
    '',
    ke.symptoms.trim(),
    '',
    '## Workaround',
    '',
    ke.workaround.trim(),
    '',
    `_Known error of problem ${ke.problemNumber}._`,
  ].join('\n');
}

export async function publishKnownError(
  ctx: AppContext,
  actor: Actor,
  knownErrorId: string,
  input: { categoryId: string; audience: Audience; audienceServiceId?: string | null | undefined },
): Promise<{ article: ArticleView; created: boolean }> {
  assertCanWrite(actor);
  const ke = await getKnownError(ctx, actor, knownErrorId);
  const reader = await readerOf(ctx.db, actor);
  const [existing] = await ctx.db
    .select({ number: knowledgeArticles.number })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.knownErrorId, ke.id));
  if (existing)
    throw conflict(`This known error is already published as ${existing.number}.`, {
      number: existing.number,
    });
  const publish = await isReviewer(ctx.db, actor.userId, input.categoryId);
  const row = await ctx.db.transaction((tx) =>
    insertArticle(
      tx,
      actor,
      {
        title: ke.title,
        summary: `Workaround for a known error: ${ke.title}`.slice(0, 500),
        body: knownErrorBody(ke),
        categoryId: input.categoryId,
        audience: input.audience,
        audienceServiceId: input.audienceServiceId ?? (input.audience === 'customers' ? ke.serviceId : null),
        serviceIds: ke.serviceId ? [ke.serviceId] : [],
        ciIds: ke.ciIds,
        knownErrorId: ke.id,
        state: publish ? 'published' : 'in_review',
      },
      ctx.clock.now(),
    ),
  );
  return { article: await presentArticle(ctx.db, actor, reader, row), created: true };
}

/** The article published from a known error, if any (for the known-error page's button). */
export async function articleOfKnownError(ctx: AppContext, actor: Actor, knownErrorId: string) {
  const reader = await readerOf(ctx.db, actor);
  if (!reader.staff) return { article: null };
  const [row] = await ctx.db
    .select({ id: knowledgeArticles.id, number: knowledgeArticles.number, state: knowledgeArticles.state })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.knownErrorId, knownErrorId));
  return { article: row ?? null };
}
