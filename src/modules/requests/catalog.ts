/**
 * Catalog items: what people can order under a service, with the form they fill in, the
 * approvals an order needs and the fulfilment tasks it creates. Service managers maintain them;
 * everyone browses the active ones in the portal.
 */
import { and, asc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { CatalogItemCreate, CatalogItemView } from '../../contracts/requests.ts';
import type { Db } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type ApprovalPolicy, validatePolicy } from '../../domain/requests/approval.ts';
import { validateFormDefinition } from '../../domain/requests/form.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { type FieldError, forbidden, invalid, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { writeAudit } from '../audit/index.ts';
import { groups } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { catalogItems } from './schema.ts';

export type CatalogItemRow = typeof catalogItems.$inferSelect;

export type CatalogItemInput = z.output<typeof CatalogItemCreate>;

/** Service CIs are the CI classes a catalog can offer items under. */
const SERVICE_CLASSES = ['service', 'business_service', 'technical_service'];

function present(actor: Actor, row: CatalogItemRow, serviceName: string): CatalogItemView {
  const manager = can(actor, 'catalog.manage');
  return {
    id: row.id,
    service: { id: row.serviceId, name: serviceName },
    name: row.name,
    description: row.description,
    category: row.category,
    active: row.active,
    form: row.form,
    requiresApproval: (row.approvalPolicy?.levels.length ?? 0) > 0,
    approvalPolicy: manager ? row.approvalPolicy : null,
    taskTemplates: manager ? row.taskTemplates : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function checkItem(
  db: Db,
  item: Required<Pick<CatalogItemInput, 'serviceId' | 'form' | 'taskTemplates'>> & {
    approvalPolicy: ApprovalPolicy | null;
  },
): Promise<void> {
  const errors: FieldError[] = [...validateFormDefinition(item.form)];
  if (item.approvalPolicy) errors.push(...validatePolicy(item.approvalPolicy));
  const [svc] = await db.select({ classKey: cis.classKey }).from(cis).where(eq(cis.id, item.serviceId));
  if (!svc) errors.push({ field: 'serviceId', message: 'no CI with this id' });
  else if (!SERVICE_CLASSES.includes(svc.classKey))
    errors.push({ field: 'serviceId', message: `must be a service CI, not a ${svc.classKey}` });
  const groupIds = [
    ...item.taskTemplates.map((t) => t.groupId),
    ...(item.approvalPolicy?.levels ?? []).flatMap((l) =>
      l.approvers.flatMap((a) => (a.kind === 'group' ? [a.groupId] : [])),
    ),
  ];
  const found = groupIds.length
    ? new Set(
        (
          await db
            .select({ id: groups.id })
            .from(groups)
            .where(and(inArray(groups.id, groupIds), eq(groups.active, true)))
        ).map((g) => g.id),
      )
    : new Set<string>();
  item.taskTemplates.forEach((t, i) => {
    if (!found.has(t.groupId))
      errors.push({ field: `taskTemplates.${i}.groupId`, message: 'no active group with this id' });
  });
  item.approvalPolicy?.levels.forEach((l, i) => {
    l.approvers.forEach((a, j) => {
      if (a.kind === 'group' && !found.has(a.groupId))
        errors.push({
          field: `approvalPolicy.levels.${i}.approvers.${j}.groupId`,
          message: 'no active group with this id',
        });
    });
  });
  if (errors.length) throw invalid(errors, 'The catalog item is not valid.');
}

async function serviceName(db: Db, id: string): Promise<string> {
  const [svc] = await db.select({ name: cis.name }).from(cis).where(eq(cis.id, id));
  return svc?.name ?? '';
}

export async function loadCatalogItem(db: Db, actor: Actor, id: string): Promise<CatalogItemRow> {
  const [row] = await db.select().from(catalogItems).where(eq(catalogItems.id, id));
  // Inactive items are withdrawn from the portal: only catalog managers still see them.
  if (!row || (!row.active && !can(actor, 'catalog.manage'))) throw notFound('Catalog item', id);
  return row;
}

export async function getCatalogItem(ctx: AppContext, actor: Actor, id: string): Promise<CatalogItemView> {
  if (!can(actor, 'catalog.read')) throw forbidden('You may not browse the catalog.');
  const row = await loadCatalogItem(ctx.db, actor, id);
  return present(actor, row, await serviceName(ctx.db, row.serviceId));
}

export async function listCatalogItems(
  ctx: AppContext,
  actor: Actor,
  q: {
    includeInactive?: boolean | undefined;
    serviceId?: string | undefined;
    category?: string | undefined;
    q?: string | undefined;
  },
): Promise<CatalogItemView[]> {
  if (!can(actor, 'catalog.read')) throw forbidden('You may not browse the catalog.');
  if (q.includeInactive && !can(actor, 'catalog.manage'))
    throw forbidden('Only catalog managers see withdrawn items.');
  const conds: SQL[] = [];
  if (!q.includeInactive) conds.push(eq(catalogItems.active, true));
  if (q.serviceId) conds.push(eq(catalogItems.serviceId, q.serviceId));
  if (q.category) conds.push(eq(catalogItems.category, q.category));
  if (q.q?.trim()) conds.push(ilike(catalogItems.name, containing(q.q.trim())));
  const rows = await ctx.db
    .select({ item: catalogItems, serviceName: cis.name })
    .from(catalogItems)
    .innerJoin(cis, eq(cis.id, catalogItems.serviceId))
    .where(and(...conds))
    .orderBy(asc(catalogItems.category), asc(catalogItems.name), asc(catalogItems.id))
    .limit(500);
  return rows.map((r) => present(actor, r.item, r.serviceName));
}

export async function createCatalogItem(
  ctx: AppContext,
  actor: Actor,
  input: CatalogItemInput,
  ip: string | null,
): Promise<CatalogItemView> {
  if (!can(actor, 'catalog.manage')) throw forbidden('Only service managers may maintain the catalog.');
  const item = {
    serviceId: input.serviceId,
    form: input.form ?? [],
    taskTemplates: input.taskTemplates ?? [],
    approvalPolicy: input.approvalPolicy ?? null,
  };
  await checkItem(ctx.db, item);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(catalogItems)
      .values({
        ...item,
        name: input.name,
        description: input.description ?? '',
        category: input.category ?? null,
        active: input.active ?? true,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, now, {
      action: 'catalog_item.created',
      actorId: actor.userId,
      targetType: 'catalog_item',
      targetId: r!.id,
      ip,
    });
    return r!;
  });
  return present(actor, row, await serviceName(ctx.db, row.serviceId));
}

export async function updateCatalogItem(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<CatalogItemInput>,
  expectedVersion: number | undefined,
  ip: string | null,
): Promise<CatalogItemView> {
  if (!can(actor, 'catalog.manage')) throw forbidden('Only service managers may maintain the catalog.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(
      tx,
      catalogItems,
      id,
      'Catalog item',
      expectedVersion,
      (r) => `The catalog item "${r.name}"`,
    );
    const changes = defined(patch);
    const next = { ...cur, ...changes } as CatalogItemRow;
    await checkItem(tx, next);
    const r = await writeNextVersion(tx, catalogItems, cur, changes, now);
    await writeAudit(tx, now, {
      action: 'catalog_item.changed',
      actorId: actor.userId,
      targetType: 'catalog_item',
      targetId: id,
      ip,
      details: { fields: Object.keys(changes) },
    });
    return r;
  });
  return present(actor, row, await serviceName(ctx.db, row.serviceId));
}
