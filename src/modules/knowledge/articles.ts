/**
 * Knowledge articles: writing them, the review workflow, versions and diffs, and reading them
 * under the audience rules. The article row holds the current text; each version of the text is
 * kept in knowledge_article_versions. Editing a draft or an article in review rewrites its latest
 * version; editing a published or retired article keeps the old text and adds a version.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { PersonRef } from '../../contracts/common.ts';
import type {
  ArticleCreate,
  ArticleDiff,
  ArticleListQuery,
  ArticlePatch,
  ArticleStep,
  ArticleSummary,
  ArticleView,
} from '../../contracts/knowledge.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { anyContains } from '../../db/like.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { isUuid } from '../../db/rows.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { type Audience, audienceProblem, mayRead, type Reader } from '../../domain/knowledge/audience.ts';
import { type DiffMode, diffVersions } from '../../domain/knowledge/diff.ts';
import {
  ARTICLE_STATE_LABELS,
  type ArticleState,
  availableSteps,
  checkStep,
  editMakesNewVersion,
  type WorkflowViewer,
} from '../../domain/knowledge/workflow.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../errors.ts';
import { peopleNamed } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { records } from '../records/index.ts';
import { readerOf, visibleTo } from './access.ts';
import { renderMarkdown } from './render.ts';
import {
  knowledgeArticleCis,
  knowledgeArticleEvents,
  knowledgeArticleNumbers,
  knowledgeArticles,
  knowledgeArticleVersions,
  knowledgeCategories,
  knowledgeCategoryReviewers,
  knowledgeRecordLinks,
} from './schema.ts';

export type ArticleRow = typeof knowledgeArticles.$inferSelect;

export function assertCanWrite(actor: Actor): void {
  if (!can(actor, 'knowledge.write')) throw forbidden('Only staff who write knowledge may do this.');
}

/** An article by id or number (KB0001001), or null. */
export async function findArticle(db: Db, ref: string, lock = false): Promise<ArticleRow | null> {
  const cond = isUuid(ref) ? eq(knowledgeArticles.id, ref) : eq(knowledgeArticles.number, ref.toUpperCase());
  const q = db.select().from(knowledgeArticles).where(cond);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The article if the reader may see it; 404 otherwise (an internal article does not exist for a requester). */
export async function loadArticle(db: Db, reader: Reader, ref: string, lock = false): Promise<ArticleRow> {
  const row = await findArticle(db, ref, lock);
  if (!row || !mayRead(reader, { ...row, audience: row.audience as Audience }))
    throw notFound('Article', ref);
  return row;
}

export async function isReviewer(db: Db, userId: string, categoryId: string): Promise<boolean> {
  const [r] = await db
    .select({ userId: knowledgeCategoryReviewers.userId })
    .from(knowledgeCategoryReviewers)
    .where(
      and(
        eq(knowledgeCategoryReviewers.categoryId, categoryId),
        eq(knowledgeCategoryReviewers.userId, userId),
      ),
    );
  return r !== undefined;
}

async function viewerOf(db: Db, actor: Actor, row: ArticleRow): Promise<WorkflowViewer> {
  const author = can(actor, 'knowledge.write');
  return {
    author,
    owner: author && row.ownerId === actor.userId,
    reviewer: author && (await isReviewer(db, actor.userId, row.categoryId)),
  };
}

const NOBODY: PersonRef = { id: '', name: 'Unknown', email: '' };

export async function presentSummaries(
  db: Db,
  rows: ArticleRow[],
  staff: boolean,
): Promise<ArticleSummary[]> {
  if (rows.length === 0) return [];
  const cats = await db
    .select({ id: knowledgeCategories.id, name: knowledgeCategories.name })
    .from(knowledgeCategories)
    .where(inArray(knowledgeCategories.id, [...new Set(rows.map((r) => r.categoryId))]));
  const catName = new Map(cats.map((c) => [c.id, c.name]));
  const owners = await peopleNamed(
    db,
    rows.map((r) => r.ownerId),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    state: r.state as ArticleState,
    stateLabel: ARTICLE_STATE_LABELS[r.state as ArticleState],
    audience: r.audience as Audience,
    language: r.language,
    category: { id: r.categoryId, name: catName.get(r.categoryId) ?? '' },
    // Readers outside the staff see who wrote an article, not how to reach them.
    owner: staff ? (owners.get(r.ownerId) ?? NOBODY) : { ...(owners.get(r.ownerId) ?? NOBODY), email: '' },
    reviewBy: staff ? r.reviewBy : null,
    currentVersion: r.currentVersion,
    viewCount: r.viewCount,
    helpfulCount: r.helpfulCount,
    notHelpfulCount: r.notHelpfulCount,
    deflectionCount: r.deflectionCount,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function presentArticle(
  db: Db,
  actor: Actor,
  reader: Reader,
  row: ArticleRow,
): Promise<ArticleView> {
  const [summary] = await presentSummaries(db, [row], reader.staff);
  const linked = await db
    .select({ id: cis.id, name: cis.name, role: knowledgeArticleCis.role })
    .from(knowledgeArticleCis)
    .innerJoin(cis, eq(cis.id, knowledgeArticleCis.ciId))
    .where(eq(knowledgeArticleCis.articleId, row.id))
    .orderBy(asc(cis.name));
  const [audienceService] = row.audienceServiceId
    ? await db.select({ id: cis.id, name: cis.name }).from(cis).where(eq(cis.id, row.audienceServiceId))
    : [];
  const viewer = reader.staff
    ? await viewerOf(db, actor, row)
    : { author: false, owner: false, reviewer: false };
  const linkedRecords = reader.staff
    ? await db
        .select({ id: records.id, number: records.number, title: records.title, type: records.type })
        .from(knowledgeRecordLinks)
        .innerJoin(records, eq(records.id, knowledgeRecordLinks.recordId))
        .where(eq(knowledgeRecordLinks.articleId, row.id))
        .orderBy(desc(knowledgeRecordLinks.linkedAt))
    : [];
  const publishedBy = reader.staff
    ? (await peopleNamed(db, [row.publishedBy])).get(row.publishedBy ?? '')
    : undefined;
  return {
    ...summary!,
    body: reader.staff ? row.body : '',
    html: renderMarkdown(row.body),
    audienceService: audienceService ?? null,
    services: linked.filter((l) => l.role === 'service').map(({ id, name }) => ({ id, name })),
    cis: reader.staff ? linked.filter((l) => l.role === 'ci').map(({ id, name }) => ({ id, name })) : [],
    knownErrorId: reader.staff ? row.knownErrorId : null,
    publishedBy: publishedBy ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    canEdit: viewer.author,
    isReviewer: viewer.reviewer,
    steps: availableSteps(row.state as ArticleState, viewer).map((s) => ({
      key: s.key,
      label: s.label,
      to: s.to,
      needsComment: s.needsComment,
    })),
    linkedRecords,
  };
}

async function checkReferences(
  db: Db,
  input: {
    categoryId?: string | undefined;
    audience?: Audience | undefined;
    audienceServiceId?: string | null | undefined;
    serviceIds?: string[] | undefined;
    ciIds?: string[] | undefined;
  },
  current: ArticleRow | null,
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.categoryId) {
    const [c] = await db
      .select({ id: knowledgeCategories.id })
      .from(knowledgeCategories)
      .where(eq(knowledgeCategories.id, input.categoryId));
    if (!c) errors.push({ field: 'categoryId', message: 'no category with this id' });
  }
  const audience = input.audience ?? (current?.audience as Audience | undefined) ?? 'internal';
  const serviceId =
    input.audienceServiceId !== undefined ? input.audienceServiceId : current?.audienceServiceId;
  const problem = audienceProblem(audience, serviceId);
  if (problem) errors.push({ field: 'audienceServiceId', message: problem });
  const ids = [...(input.serviceIds ?? []), ...(input.ciIds ?? []), ...(serviceId ? [serviceId] : [])];
  if (ids.length > 0) {
    const found = new Set(
      (await db.select({ id: cis.id }).from(cis).where(inArray(cis.id, ids))).map((r) => r.id),
    );
    const check = (field: string, list: string[] | undefined) =>
      list?.forEach((id, i) => {
        if (!found.has(id))
          errors.push({ field: `${field}[${i}]`, message: 'no configuration item with this id' });
      });
    check('serviceIds', input.serviceIds);
    check('ciIds', input.ciIds);
    if (serviceId && !found.has(serviceId))
      errors.push({ field: 'audienceServiceId', message: 'no service with this id' });
  }
  if (errors.length) throw invalid(errors);
}

async function replaceCis(tx: Db, articleId: string, serviceIds?: string[], ciIds?: string[]): Promise<void> {
  if (serviceIds === undefined && ciIds === undefined) return;
  const roles = [...(serviceIds !== undefined ? ['service'] : []), ...(ciIds !== undefined ? ['ci'] : [])];
  await tx
    .delete(knowledgeArticleCis)
    .where(and(eq(knowledgeArticleCis.articleId, articleId), inArray(knowledgeArticleCis.role, roles)));
  const rows = [
    ...(serviceIds ?? []).map((ciId) => ({ articleId, ciId, role: 'service' })),
    ...(ciIds ?? []).map((ciId) => ({ articleId, ciId, role: 'ci' })),
  ];
  if (rows.length) await tx.insert(knowledgeArticleCis).values(rows).onConflictDoNothing();
}

async function writeEvent(
  tx: Db,
  articleId: string,
  actorId: string | null,
  at: Date,
  kind: string,
  extra: { fromState?: string; toState?: string; comment?: string } = {},
): Promise<void> {
  await tx.insert(knowledgeArticleEvents).values({ articleId, actorId, at, kind, ...extra });
}

export type NewArticle = ArticleCreate & { knownErrorId?: string | null; state?: ArticleState };

/** Write a new article (a draft unless the caller says otherwise) with its first version, in the transaction. */
export async function insertArticle(tx: Db, actor: Actor, input: NewArticle, at: Date): Promise<ArticleRow> {
  const [{ n }] = (await queryRows<{ n: number }>(
    tx,
    sql`select nextval(${sql.raw(`'${knowledgeArticleNumbers.seqName}'`)})::int as n`,
  )) as [{ n: number }];
  const state = input.state ?? 'draft';
  const [row] = await tx
    .insert(knowledgeArticles)
    .values({
      number: `KB${String(n).padStart(7, '0')}`,
      title: input.title.trim(),
      summary: input.summary?.trim() ?? '',
      body: input.body ?? '',
      language: input.language ?? 'en',
      categoryId: input.categoryId,
      audience: input.audience ?? 'internal',
      audienceServiceId: input.audience === 'customers' ? (input.audienceServiceId ?? null) : null,
      state,
      ownerId: actor.userId,
      reviewBy: input.reviewBy ?? null,
      knownErrorId: input.knownErrorId ?? null,
      publishedAt: state === 'published' ? at : null,
      publishedBy: state === 'published' ? actor.userId : null,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await tx.insert(knowledgeArticleVersions).values({
    articleId: row!.id,
    number: 1,
    title: row!.title,
    summary: row!.summary,
    body: row!.body,
    createdBy: actor.userId,
    createdAt: at,
  });
  await replaceCis(tx, row!.id, input.serviceIds, input.ciIds);
  await writeEvent(tx, row!.id, actor.userId, at, 'created', { toState: state });
  return row!;
}

export async function createArticle(
  ctx: AppContext,
  actor: Actor,
  input: ArticleCreate,
): Promise<ArticleView> {
  assertCanWrite(actor);
  await checkReferences(ctx.db, input, null);
  const reader = await readerOf(ctx.db, actor);
  const row = await ctx.db.transaction((tx) => insertArticle(tx, actor, input, ctx.clock.now()));
  return presentArticle(ctx.db, actor, reader, row);
}

export async function getArticle(ctx: AppContext, actor: Actor, ref: string): Promise<ArticleView> {
  const reader = await readerOf(ctx.db, actor);
  return presentArticle(ctx.db, actor, reader, await loadArticle(ctx.db, reader, ref));
}

/** Change the article `ref` inside one transaction, locked at version `expected`, and answer its view. */
async function changeArticle(
  ctx: AppContext,
  actor: Actor,
  reader: Reader,
  ref: string,
  expected: number | undefined,
  change: (tx: Db, cur: ArticleRow, now: Date) => Promise<ArticleRow>,
): Promise<ArticleView> {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await loadArticle(tx, reader, ref, true);
    assertVersion(cur, expected);
    return change(tx, cur, now);
  });
  return presentArticle(ctx.db, actor, reader, row);
}

export async function updateArticle(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  patch: ArticlePatch,
  expected: number | undefined,
): Promise<ArticleView> {
  assertCanWrite(actor);
  const reader = await readerOf(ctx.db, actor);
  return changeArticle(ctx, actor, reader, ref, expected, async (tx, cur, now) => {
    await checkReferences(tx, patch, cur);
    const text = {
      title: patch.title?.trim() ?? cur.title,
      summary: patch.summary?.trim() ?? cur.summary,
      body: patch.body ?? cur.body,
    };
    const textChanged = text.title !== cur.title || text.summary !== cur.summary || text.body !== cur.body;
    let currentVersion = cur.currentVersion;
    if (textChanged && editMakesNewVersion(cur.state as ArticleState)) {
      currentVersion += 1;
      await tx.insert(knowledgeArticleVersions).values({
        articleId: cur.id,
        number: currentVersion,
        ...text,
        note: patch.note ?? '',
        createdBy: actor.userId,
        createdAt: now,
      });
    } else if (textChanged) {
      await tx
        .update(knowledgeArticleVersions)
        .set({ ...text, note: patch.note ?? '', createdBy: actor.userId, createdAt: now })
        .where(
          and(
            eq(knowledgeArticleVersions.articleId, cur.id),
            eq(knowledgeArticleVersions.number, cur.currentVersion),
          ),
        );
    }
    const audience = patch.audience ?? (cur.audience as Audience);
    const next = await writeNextVersion(
      tx,
      knowledgeArticles,
      cur,
      {
        ...text,
        currentVersion,
        language: patch.language ?? cur.language,
        categoryId: patch.categoryId ?? cur.categoryId,
        audience,
        audienceServiceId:
          audience === 'customers'
            ? patch.audienceServiceId !== undefined
              ? patch.audienceServiceId
              : cur.audienceServiceId
            : null,
        reviewBy: patch.reviewBy !== undefined ? patch.reviewBy : cur.reviewBy,
      },
      now,
    );
    await replaceCis(tx, cur.id, patch.serviceIds, patch.ciIds);
    await writeEvent(tx, cur.id, actor.userId, now, textChanged ? 'edited' : 'settings_changed', {
      comment: patch.note ?? '',
    });
    return next;
  });
}

export async function stepArticle(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: ArticleStep,
  expected: number | undefined,
): Promise<ArticleView> {
  const reader = await readerOf(ctx.db, actor);
  if (!reader.staff) throw notFound('Article', ref);
  return changeArticle(ctx, actor, reader, ref, expected, async (tx, cur, now) => {
    const from = cur.state as ArticleState;
    const check = checkStep(from, input.step, await viewerOf(tx, actor, cur), input.comment ?? '');
    if (!check.ok) {
      if (check.reason === 'not_allowed') throw forbidden(check.message);
      if (check.reason === 'wrong_state') throw conflict(check.message);
      throw invalid([{ field: 'comment', message: check.message }], check.message);
    }
    const to = check.step.to;
    const next = await writeNextVersion(
      tx,
      knowledgeArticles,
      cur,
      {
        state: to,
        ...(to === 'published' ? { publishedAt: now, publishedBy: actor.userId, retiredAt: null } : {}),
        ...(to === 'retired' ? { retiredAt: now } : {}),
      },
      now,
    );
    await writeEvent(tx, cur.id, actor.userId, now, input.step, {
      fromState: from,
      toState: to,
      comment: input.comment ?? '',
    });
    return next;
  });
}

export async function listArticles(
  ctx: AppContext,
  actor: Actor,
  q: ArticleListQuery & { limit: number },
): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
  const reader = await readerOf(ctx.db, actor);
  const a = knowledgeArticles;
  const conds: (SQL | undefined)[] = [visibleTo(reader)];
  if (q.state === 'mine_to_review') {
    conds.push(
      eq(a.state, 'in_review'),
      sql`${a.categoryId} in (select category_id from knowledge_category_reviewers where user_id = ${actor.userId})`,
    );
  } else if (q.state) conds.push(eq(a.state, q.state));
  if (q.categoryId) conds.push(eq(a.categoryId, q.categoryId));
  if (q.q) conds.push(anyContains(q.q, [a.title, a.number]));
  conds.push(beforeCursor(q.cursor, a.updatedAt, a.id));
  const rows = await ctx.db
    .select()
    .from(a)
    .where(and(...conds))
    .orderBy(...newestFirst(a.updatedAt, a.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.updatedAt, id: r.id }));
  return { items: await presentSummaries(ctx.db, page, reader.staff), nextCursor };
}

/** An article for what only staff see (versions, diffs, feedback); 404 for anyone else. */
export async function loadForStaff(ctx: AppContext, actor: Actor, ref: string): Promise<ArticleRow> {
  const reader = await readerOf(ctx.db, actor);
  if (!reader.staff) throw notFound('Article', ref);
  return loadArticle(ctx.db, reader, ref);
}

export async function listVersions(ctx: AppContext, actor: Actor, ref: string) {
  const row = await loadForStaff(ctx, actor, ref);
  const versions = await ctx.db
    .select()
    .from(knowledgeArticleVersions)
    .where(eq(knowledgeArticleVersions.articleId, row.id))
    .orderBy(desc(knowledgeArticleVersions.number));
  const who = await peopleNamed(
    ctx.db,
    versions.map((v) => v.createdBy),
  );
  return {
    items: versions.map((v) => ({
      number: v.number,
      title: v.title,
      note: v.note,
      createdBy: v.createdBy ? (who.get(v.createdBy) ?? null) : null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

export async function diffArticle(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  q: { from: number; to: number; mode: DiffMode },
): Promise<ArticleDiff> {
  const row = await loadForStaff(ctx, actor, ref);
  const versions = await ctx.db
    .select()
    .from(knowledgeArticleVersions)
    .where(
      and(
        eq(knowledgeArticleVersions.articleId, row.id),
        inArray(knowledgeArticleVersions.number, [q.from, q.to]),
      ),
    );
  const from = versions.find((v) => v.number === q.from);
  const to = versions.find((v) => v.number === q.to);
  const missing: FieldError[] = [];
  if (!from) missing.push({ field: 'query.from', message: `${row.number} has no version ${q.from}` });
  if (!to) missing.push({ field: 'query.to', message: `${row.number} has no version ${q.to}` });
  if (missing.length) throw new AppError('request.invalid', 'No such version.', missing);
  return { from: q.from, to: q.to, mode: q.mode, ...diffVersions(from!, to!, q.mode) };
}
