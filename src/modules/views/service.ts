/**
 * Saved views: anyone signed in keeps personal views of a list and may share them. Everyone
 * sees their own and the shared views of a list; only the owner changes or deletes a view, and
 * an admin may also change or delete a shared one. A view stores filters, not results: whoever
 * opens it still sees only what their permissions allow.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ViewCreate, ViewPatch, SavedView as ViewShape } from '../../contracts/views.ts';
import { type Actor, hasRole, scopeAllows } from '../../domain/roles.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { users } from '../auth/index.ts';
import { savedViews } from './schema.ts';

type ViewRow = typeof savedViews.$inferSelect;

const canEdit = (actor: Actor, v: ViewRow) =>
  v.ownerId === actor.userId || (v.shared && hasRole(actor, ['admin']));

function present(actor: Actor, v: ViewRow, ownerName: string): ViewShape {
  return {
    id: v.id,
    list: v.list,
    name: v.name,
    query: v.query,
    columns: v.columns,
    shared: v.shared,
    owner: { id: v.ownerId, name: ownerName },
    canEdit: canEdit(actor, v),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

function assertWrite(actor: Actor) {
  if (!scopeAllows(actor, 'write'))
    throw new AppError('auth.token_scope', 'This token may only read; saving views needs the write scope.');
}

const selectViews = (ctx: AppContext) =>
  ctx.db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId));

export async function listViews(ctx: AppContext, actor: Actor, list: string): Promise<ViewShape[]> {
  const rows = await selectViews(ctx)
    .where(
      and(eq(savedViews.list, list), or(eq(savedViews.ownerId, actor.userId), eq(savedViews.shared, true))),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map((r) => present(actor, r.view, r.ownerName));
}

async function loadView(ctx: AppContext, actor: Actor, id: string) {
  const [r] = await selectViews(ctx).where(eq(savedViews.id, id));
  // Someone else's personal view is answered as missing, so ids leak nothing.
  if (!r || (!r.view.shared && r.view.ownerId !== actor.userId)) throw notFound('View', id);
  return r;
}

export async function createView(ctx: AppContext, actor: Actor, input: ViewCreate): Promise<ViewShape> {
  assertWrite(actor);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(savedViews)
    .values({ ...input, ownerId: actor.userId, createdAt: now, updatedAt: now })
    .returning();
  const [owner] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return present(actor, row!, owner?.name ?? '');
}

export async function updateView(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: ViewPatch,
): Promise<ViewShape> {
  assertWrite(actor);
  const { view, ownerName } = await loadView(ctx, actor, id);
  if (!canEdit(actor, view))
    throw forbidden(`Only its owner or an admin may change the view “${view.name}”.`);
  const changes = defined(patch);
  const [row] = await ctx.db
    .update(savedViews)
    .set({ ...changes, updatedAt: ctx.clock.now() })
    .where(eq(savedViews.id, id))
    .returning();
  return present(actor, row!, ownerName);
}

export async function deleteView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertWrite(actor);
  const { view } = await loadView(ctx, actor, id);
  if (!canEdit(actor, view))
    throw forbidden(`Only its owner or an admin may delete the view “${view.name}”.`);
  await ctx.db.delete(savedViews).where(eq(savedViews.id, id));
}
