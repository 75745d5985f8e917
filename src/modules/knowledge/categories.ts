/** Knowledge categories and their reviewers (who review and publish the category's articles). */
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { CategoryInput, CategoryPatch, CategoryView } from '../../contracts/knowledge.ts';
import type { Db } from '../../db/client.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { readerOf } from './access.ts';
import { knowledgeArticles, knowledgeCategories, knowledgeCategoryReviewers } from './schema.ts';

function assertManage(actor: Actor): void {
  if (!can(actor, 'knowledge.manage'))
    throw forbidden('Only service managers and administrators manage knowledge categories.');
}

async function present(db: Db, ids?: string[]): Promise<CategoryView[]> {
  const cats = await db
    .select()
    .from(knowledgeCategories)
    .where(ids ? inArray(knowledgeCategories.id, ids) : undefined)
    .orderBy(asc(knowledgeCategories.name));
  if (cats.length === 0) return [];
  const catIds = cats.map((c) => c.id);
  const reviewers = await db
    .select({
      categoryId: knowledgeCategoryReviewers.categoryId,
      id: users.id,
      name: users.name,
      email: users.email,
    })
    .from(knowledgeCategoryReviewers)
    .innerJoin(users, eq(users.id, knowledgeCategoryReviewers.userId))
    .where(inArray(knowledgeCategoryReviewers.categoryId, catIds))
    .orderBy(asc(users.name));
  const counts = await db
    .select({ categoryId: knowledgeArticles.categoryId, n: count() })
    .from(knowledgeArticles)
    .where(inArray(knowledgeArticles.categoryId, catIds))
    .groupBy(knowledgeArticles.categoryId);
  return cats.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    reviewers: reviewers
      .filter((r) => r.categoryId === c.id)
      .map(({ id, name, email }) => ({ id, name, email })),
    articleCount: counts.find((n) => n.categoryId === c.id)?.n ?? 0,
    version: c.version,
  }));
}

export async function listCategories(ctx: AppContext, actor: Actor): Promise<{ items: CategoryView[] }> {
  const reader = await readerOf(ctx.db, actor);
  const items = await present(ctx.db);
  // Readers outside the staff see category names only.
  return { items: reader.staff ? items : items.map((c) => ({ ...c, reviewers: [], articleCount: 0 })) };
}

async function checkReviewers(db: Db, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = new Set(
    (await db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map((u) => u.id),
  );
  const errors = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `reviewerIds[${i}]`, message: 'no person with this id' }],
  );
  if (errors.length) throw invalid(errors);
}

async function replaceReviewers(tx: Db, categoryId: string, ids: string[] | undefined): Promise<void> {
  if (ids === undefined) return;
  await tx.delete(knowledgeCategoryReviewers).where(eq(knowledgeCategoryReviewers.categoryId, categoryId));
  const unique = [...new Set(ids)];
  if (unique.length)
    await tx.insert(knowledgeCategoryReviewers).values(unique.map((userId) => ({ categoryId, userId })));
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
}

export async function createCategory(
  ctx: AppContext,
  actor: Actor,
  input: CategoryInput,
): Promise<CategoryView> {
  assertManage(actor);
  await checkReviewers(ctx.db, input.reviewerIds);
  const now = ctx.clock.now();
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [c] = await tx
        .insert(knowledgeCategories)
        .values({
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: knowledgeCategories.id });
      await replaceReviewers(tx, c!.id, input.reviewerIds);
      return c!.id;
    });
    return (await present(ctx.db, [id]))[0]!;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`A category named "${input.name.trim()}" already exists.`);
    throw e;
  }
}

export async function updateCategory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: CategoryPatch,
  expected: number | undefined,
): Promise<CategoryView> {
  assertManage(actor);
  await checkReviewers(ctx.db, patch.reviewerIds);
  try {
    await ctx.db.transaction(async (tx) => {
      const cur = await lockAtVersion(tx, knowledgeCategories, id, 'Category', expected, (r) => r.name);
      await writeNextVersion(
        tx,
        knowledgeCategories,
        cur,
        {
          name: patch.name?.trim() ?? cur.name,
          description: patch.description?.trim() ?? cur.description,
        },
        ctx.clock.now(),
      );
      await replaceReviewers(tx, id, patch.reviewerIds);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`A category named "${patch.name?.trim()}" already exists.`);
    throw e;
  }
  return (await present(ctx.db, [id]))[0]!;
}
