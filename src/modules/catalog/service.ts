/**
 * Service portfolio use cases (ITIL service portfolio and service catalogue management): business
 * and technical services through their lifecycle (pipeline → live → retired), their owners,
 * support groups, customers and dependencies, and the live catalog requesters browse.
 */
import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { configChangedHere } from '../../db/changes.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { decodeCursor, keysetPage, type PageRequest } from '../../db/cursor.ts';
import { containing } from '../../db/like.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { NEXT_STAGES } from '../../domain/portfolio.ts';
import { type Actor, actingUserId, can, systemOrCan } from '../../domain/roles.ts';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../errors.ts';
import { groups, users } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { organisations } from '../organisations/index.ts';
import {
  type CatalogEntry,
  CLASS_OF_KIND,
  type Criticality,
  type LifecycleStatus,
  mayEditService,
  presentCatalogEntry,
  presentServices,
  type ServiceKind,
  type ServiceView,
} from './present.ts';
import {
  findService,
  LIVE_SERVICES_CACHE_KEY,
  replaceCustomers,
  replaceDependencies,
  SERVICE_CLASSES,
  type ServiceRow,
  selectServices,
  serviceNameTaken,
} from './repository.ts';
import { services } from './schema.ts';

/** The CMDB status that mirrors each portfolio stage, so CMDB views agree with the portfolio. */
const CI_STATUS: Record<LifecycleStatus, string> = {
  pipeline: 'planned',
  live: 'in_use',
  retired: 'retired',
};

/** Presents services created outside a request (demo data, CLI) as a manager would see them. */
const SYSTEM_VIEWER: Actor = { userId: '', roles: ['admin'], groupIds: [], scopes: null };

export type ServiceInput = {
  kind: ServiceKind;
  name: string;
  description?: string | undefined;
  category?: string | null | undefined;
  criticality: Criticality;
  lifecycleStatus?: LifecycleStatus | undefined;
  ownerId?: string | null | undefined;
  supportGroupId?: string | null | undefined;
  customerIds?: string[] | undefined;
  dependsOn?: string[] | undefined;
};
export type ServicePatch = Partial<Omit<ServiceInput, 'kind'>>;

async function checkReferences(db: Db, kind: ServiceKind, serviceId: string | null, p: ServicePatch) {
  const errors: FieldError[] = [];
  if (p.ownerId) {
    const [u] = await db.select({ active: users.active }).from(users).where(eq(users.id, p.ownerId));
    if (!u?.active) errors.push({ field: 'ownerId', message: 'no active user with this id' });
  }
  if (p.supportGroupId) {
    const [g] = await db
      .select({ active: groups.active })
      .from(groups)
      .where(eq(groups.id, p.supportGroupId));
    if (!g?.active) errors.push({ field: 'supportGroupId', message: 'no active group with this id' });
  }
  if (p.customerIds?.length) {
    const found = await db
      .select({ id: organisations.id, kind: organisations.kind })
      .from(organisations)
      .where(inArray(organisations.id, p.customerIds));
    p.customerIds.forEach((id, i) => {
      const o = found.find((f) => f.id === id);
      if (!o) errors.push({ field: `customerIds[${i}]`, message: 'no organisation with this id' });
      else if (o.kind === 'supplier')
        errors.push({ field: `customerIds[${i}]`, message: 'a supplier cannot be a customer of a service' });
    });
  }
  if (p.dependsOn?.length) {
    if (kind !== 'business')
      errors.push({ field: 'dependsOn', message: 'only business services depend on technical services' });
    const found = await selectServices(db, inArray(cis.id, p.dependsOn));
    p.dependsOn.forEach((id, i) => {
      const s = found.find((f) => f.id === id);
      if (id === serviceId)
        errors.push({ field: `dependsOn[${i}]`, message: 'a service cannot depend on itself' });
      else if (s?.classKey !== 'technical_service')
        errors.push({ field: `dependsOn[${i}]`, message: 'no technical service with this id' });
    });
  }
  if (errors.length) throw invalid(errors);
}

export async function createService(ctx: AppContext, actor: Actor | 'system', input: ServiceInput) {
  if (!systemOrCan(actor, 'service.manage'))
    throw forbidden('Only administrators and service managers may add services.');
  await checkReferences(ctx.db, input.kind, null, input);
  if (await serviceNameTaken(ctx.db, input.name))
    throw conflict(`A service named "${input.name}" already exists.`);
  const now = ctx.clock.now();
  const status = input.lifecycleStatus ?? 'pipeline';
  const actorId = actingUserId(actor);
  const id = await ctx.db.transaction(async (tx) => {
    const [ci] = await tx
      .insert(cis)
      .values({
        classKey: CLASS_OF_KIND[input.kind],
        name: input.name,
        description: input.description ?? '',
        status: CI_STATUS[status],
        ownerId: input.ownerId ?? null,
        supportGroupId: input.supportGroupId ?? null,
        attributes: { criticality: input.criticality },
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cis.id });
    await tx.insert(services).values({
      ciId: ci!.id,
      lifecycleStatus: status,
      category: input.category ?? null,
      lifecycleChangedAt: now,
      createdBy: actorId,
    });
    // As on a lifecycle move: records raised here against a new live service need no transaction.
    if (status === 'live') configChangedHere(ctx.configCache, LIVE_SERVICES_CACHE_KEY);
    await replaceCustomers(ctx.configCache, tx, ci!.id, input.customerIds ?? []);
    await replaceDependencies(tx, ci!.id, input.dependsOn ?? [], actorId, now);
    return ci!.id;
  });
  return (
    await presentServices(ctx.db, actor === 'system' ? SYSTEM_VIEWER : actor, [
      (await findService(ctx.db, id))!,
    ])
  )[0]!;
}

function checkStage(row: ServiceRow, next: LifecycleStatus | undefined): void {
  const cur = row.lifecycleStatus as LifecycleStatus;
  if (next === undefined || next === cur) return;
  if (!NEXT_STAGES[cur].includes(next))
    throw new AppError(
      'lifecycle.transition_forbidden',
      `${row.name} is ${cur}; a service moves pipeline → live → retired and cannot go from ${cur} to ${next}.`,
      [],
      { from: cur, to: next },
    );
}

export async function updateService(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: ServicePatch,
  expectedVersion: number | undefined,
): Promise<ServiceView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await findService(tx, id, true);
    if (!row || !can(actor, 'service.read')) throw notFound('Service', id);
    if (!mayEditService(actor, row))
      throw forbidden(`Only service managers and the owner of ${row.name} may change it.`);
    if (patch.ownerId !== undefined && patch.ownerId !== row.ownerId && !can(actor, 'service.manage'))
      throw forbidden('Only service managers may hand a service to another owner.');
    assertVersion({ version: row.version, number: row.name }, expectedVersion);
    checkStage(row, patch.lifecycleStatus);
    const kind = row.classKey === 'technical_service' ? 'technical' : 'business';
    await checkReferences(tx, kind, row.id, patch);
    if (patch.name && (await serviceNameTaken(tx, patch.name, row.id)))
      throw conflict(`A service named "${patch.name}" already exists.`);
    const stage = patch.lifecycleStatus ?? (row.lifecycleStatus as LifecycleStatus);
    await writeNextVersion(
      tx,
      cis,
      row,
      {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
        ...(patch.supportGroupId !== undefined ? { supportGroupId: patch.supportGroupId } : {}),
        ...(patch.criticality !== undefined
          ? { attributes: { ...row.attributes, criticality: patch.criticality } }
          : {}),
        status: CI_STATUS[stage],
      },
      now,
    );
    const portfolio = {
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(stage !== row.lifecycleStatus ? { lifecycleStatus: stage, lifecycleChangedAt: now } : {}),
    };
    if (Object.keys(portfolio).length)
      await tx.update(services).set(portfolio).where(eq(services.ciId, row.id));
    // The database tells the other instances; this one drops its live services at once.
    if (portfolio.lifecycleStatus) configChangedHere(ctx.configCache, LIVE_SERVICES_CACHE_KEY);
    if (patch.customerIds) await replaceCustomers(ctx.configCache, tx, row.id, patch.customerIds);
    if (patch.dependsOn) await replaceDependencies(tx, row.id, patch.dependsOn, actor.userId, now);
  });
  return getService(ctx, actor, id);
}

export async function getService(ctx: AppContext, actor: Actor, id: string): Promise<ServiceView> {
  if (!can(actor, 'service.read')) throw notFound('Service', id);
  const row = await findService(ctx.db, id);
  if (!row) throw notFound('Service', id);
  return (await presentServices(ctx.db, actor, [row]))[0]!;
}

export type ServiceListQuery = PageRequest & {
  kind?: ServiceKind | undefined;
  lifecycleStatus?: LifecycleStatus[] | undefined;
  customerId?: string | undefined;
  q?: string | undefined;
};

function keyset(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [name, id] = decodeCursor(cursor, 2) as [string, string];
  return sql`(${cis.name}, ${cis.id}) > (${name}, ${id}::uuid)`;
}

/** Services whose name holds the text, or whose words include all of its words. */
const nameOrWordsMatch = (text: string): SQL =>
  or(ilike(cis.name, containing(text)), sql`${cis.search} @@ plainto_tsquery('simple', ${text})`)!;

async function pageOf(db: Db, conds: SQL[], q: PageRequest) {
  const after = keyset(q.cursor);
  const rows = await selectServices(db, and(...conds, ...(after ? [after] : [])), { limit: q.limit + 1 });
  return keysetPage(rows, q.limit, (last) => [last.name, last.id]);
}

export async function listServices(ctx: AppContext, actor: Actor, q: ServiceListQuery) {
  if (!can(actor, 'service.read')) throw forbidden('You may not browse the service portfolio.');
  const conds: SQL[] = [inArray(cis.classKey, [...SERVICE_CLASSES])];
  if (q.kind) conds.push(eq(cis.classKey, CLASS_OF_KIND[q.kind]));
  if (q.lifecycleStatus?.length) conds.push(inArray(services.lifecycleStatus, q.lifecycleStatus));
  if (q.customerId)
    conds.push(
      sql`exists (select 1 from service_customers sc where sc.service_id = ${cis.id} and sc.organisation_id = ${q.customerId})`,
    );
  if (q.q) conds.push(nameOrWordsMatch(q.q));
  const { page, nextCursor } = await pageOf(ctx.db, conds, q);
  return { items: await presentServices(ctx.db, actor, page), nextCursor };
}

/** The live catalog: business services a requester can raise records against. */
export async function listCatalog(
  ctx: AppContext,
  actor: Actor,
  q: PageRequest & { q?: string | undefined; category?: string | undefined },
): Promise<{ items: CatalogEntry[]; nextCursor: string | null }> {
  if (!can(actor, 'catalog.read')) throw forbidden('You may not browse the catalog.');
  const conds: SQL[] = [eq(cis.classKey, 'business_service'), eq(services.lifecycleStatus, 'live')];
  if (q.category) conds.push(eq(services.category, q.category));
  if (q.q) conds.push(nameOrWordsMatch(q.q));
  const { page, nextCursor } = await pageOf(ctx.db, conds, q);
  return { items: page.map(presentCatalogEntry), nextCursor };
}

export async function getCatalogEntry(ctx: AppContext, actor: Actor, id: string): Promise<CatalogEntry> {
  const row = can(actor, 'catalog.read') ? await findService(ctx.db, id) : undefined;
  if (row?.classKey !== 'business_service' || row.lifecycleStatus !== 'live') throw notFound('Service', id);
  return presentCatalogEntry(row);
}

/** The service `serviceId` named in a request body; 422 on its field when there is none. */
export async function existingService(db: Db, serviceId: string): Promise<ServiceRow> {
  const row = await findService(db, serviceId);
  if (!row)
    throw invalid(
      [{ field: 'serviceId', message: 'no service with this id' }],
      'The service does not exist.',
    );
  return row;
}

/**
 * Refuse a record against something that is not a live service: a retired service takes no new
 * records, and one still in the pipeline takes none yet.
 */
export async function assertServiceTakesRecords(db: Db, serviceId: string): Promise<ServiceRow> {
  const row = await existingService(db, serviceId);
  if (row.lifecycleStatus !== 'live') {
    const why =
      row.lifecycleStatus === 'retired'
        ? `${row.name} is retired and takes no new records.`
        : `${row.name} is still in the pipeline and takes no records until it goes live.`;
    throw invalid([{ field: 'serviceId', message: why }], why);
  }
  return row;
}

/** The services an organisation is a customer of. */
export async function servicesOfCustomer(db: Db, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ service_id: string }>(
    db,
    sql`select service_id from service_customers where organisation_id = ${organisationId} order by service_id`,
  );
  return rows.map((r) => r.service_id);
}

export { findService };
