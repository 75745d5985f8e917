/**
 * The catalog module's SQL: services as the join of their CI row and portfolio row, their
 * customers, and the depends_on relationships between them. The CI rows written here are of the
 * service classes only; the CMDB module owns every other class.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type ConfigCache, configChanged } from '../../db/changes.ts';
import { type Db, statementRows } from '../../db/client.ts';
import { ciRelationships, cis } from '../cmdb/index.ts';
import { organisations } from '../organisations/index.ts';
import { serviceCustomers, services } from './schema.ts';

export const SERVICE_CLASSES = ['business_service', 'technical_service'] as const;
/** Cache key of the service → customers map impact analysis holds (impact.ts). */
export const SERVICE_CUSTOMERS_CACHE_KEY = 'catalog:customers';
/**
 * Cache key of the ids of the live services (`liveServiceIds`). The database tells every instance
 * to drop it when a service is created, deleted or moves in its lifecycle (migration 0036).
 */
export const LIVE_SERVICES_CACHE_KEY = 'catalog:live-services';
/** Business services depend on the technical services that support them. */
export const SUPPORT_RELATIONSHIP = 'depends_on';

export const serviceColumns = {
  id: cis.id,
  classKey: cis.classKey,
  name: cis.name,
  description: cis.description,
  attributes: cis.attributes,
  ownerId: cis.ownerId,
  supportGroupId: cis.supportGroupId,
  createdAt: cis.createdAt,
  updatedAt: cis.updatedAt,
  version: cis.version,
  lifecycleStatus: services.lifecycleStatus,
  category: services.category,
  lifecycleChangedAt: services.lifecycleChangedAt,
};

export type ServiceRow = {
  id: string;
  classKey: string;
  name: string;
  description: string;
  attributes: Record<string, string | number | boolean | null>;
  ownerId: string | null;
  supportGroupId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  lifecycleStatus: string;
  category: string | null;
  lifecycleChangedAt: Date;
};

export async function selectServices(
  db: Db,
  where: SQL | undefined,
  opts: { limit?: number; lock?: boolean } = {},
): Promise<ServiceRow[]> {
  const q = db
    .select(serviceColumns)
    .from(services)
    .innerJoin(cis, eq(cis.id, services.ciId))
    .where(where)
    .orderBy(asc(cis.name), asc(cis.id));
  const limited = opts.limit ? q.limit(opts.limit) : q;
  return opts.lock ? limited.for('update', { of: cis }) : limited;
}

export async function findService(db: Db, id: string, lock = false): Promise<ServiceRow | undefined> {
  return (await selectServices(db, eq(cis.id, id), { lock }))[0];
}

export async function serviceNameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const [dupe] = await db
    .select({ id: cis.id })
    .from(services)
    .innerJoin(cis, eq(cis.id, services.ciId))
    .where(sql`lower(${cis.name}) = ${name.toLowerCase()}`);
  return !!dupe && dupe.id !== exceptId;
}

export type Ref = { id: string; name: string };
export type ServiceRef = Ref & { classKey: string; lifecycleStatus: string };

export async function customersOf(db: Db, ids: string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .select({ serviceId: serviceCustomers.serviceId, id: organisations.id, name: organisations.name })
    .from(serviceCustomers)
    .innerJoin(organisations, eq(organisations.id, serviceCustomers.organisationId))
    .where(inArray(serviceCustomers.serviceId, ids))
    .orderBy(asc(organisations.name));
  for (const r of rows) out.get(r.serviceId)?.push({ id: r.id, name: r.name });
  return out;
}

/** For each service: what it depends on, and which services depend on it. */
export async function dependenciesOf(
  db: Db,
  ids: string[],
): Promise<{ dependsOn: Map<string, ServiceRef[]>; supports: Map<string, ServiceRef[]> }> {
  const dependsOn = new Map<string, ServiceRef[]>(ids.map((id) => [id, []]));
  const supports = new Map<string, ServiceRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return { dependsOn, supports };
  const edges = await db
    .select({ fromId: ciRelationships.fromId, toId: ciRelationships.toId })
    .from(ciRelationships)
    .where(
      and(
        eq(ciRelationships.typeKey, SUPPORT_RELATIONSHIP),
        or(inArray(ciRelationships.fromId, ids), inArray(ciRelationships.toId, ids)),
      ),
    );
  const otherIds = [...new Set(edges.flatMap((e) => [e.fromId, e.toId]))];
  const refs = new Map(
    (await selectServices(db, inArray(cis.id, otherIds.length ? otherIds : [ids[0]!]))).map((s) => [
      s.id,
      { id: s.id, name: s.name, classKey: s.classKey, lifecycleStatus: s.lifecycleStatus },
    ]),
  );
  for (const e of edges) {
    const to = refs.get(e.toId);
    const from = refs.get(e.fromId);
    // Only edges between two services belong to the portfolio view.
    if (!to || !from) continue;
    dependsOn.get(e.fromId)?.push(to);
    supports.get(e.toId)?.push(from);
  }
  return { dependsOn, supports };
}

/** Replace a service's customers; every instance's impact cache of them is dropped on commit. */
export async function replaceCustomers(
  cache: ConfigCache,
  tx: Db,
  serviceId: string,
  orgIds: string[],
): Promise<void> {
  await configChanged(tx, cache, SERVICE_CUSTOMERS_CACHE_KEY);
  await tx.delete(serviceCustomers).where(eq(serviceCustomers.serviceId, serviceId));
  if (orgIds.length)
    await tx
      .insert(serviceCustomers)
      .values([...new Set(orgIds)].map((organisationId) => ({ serviceId, organisationId })));
}

/** Replace the services this one depends on (edges to other CIs are left alone). */
export async function replaceDependencies(
  tx: Db,
  serviceId: string,
  targetIds: string[],
  actorId: string | null,
  at: Date,
): Promise<void> {
  await tx
    .delete(ciRelationships)
    .where(
      and(
        eq(ciRelationships.fromId, serviceId),
        eq(ciRelationships.typeKey, SUPPORT_RELATIONSHIP),
        inArray(ciRelationships.toId, tx.select({ id: services.ciId }).from(services)),
      ),
    );
  if (targetIds.length)
    await tx.insert(ciRelationships).values(
      [...new Set(targetIds)].map((toId) => ({
        typeKey: SUPPORT_RELATIONSHIP,
        fromId: serviceId,
        toId,
        createdBy: actorId,
        createdAt: at,
      })),
    );
}

/**
 * The ids of the services that take records now, from the cache or read through `db` (inside a
 * transaction, read through it: the embedded database has one connection). A service missing
 * from the set is not known to be live: whoever asks checks it in the database.
 */
export function liveServiceIds(cache: ConfigCache, db: Db): Promise<ReadonlySet<string>> {
  return cache.get(LIVE_SERVICES_CACHE_KEY, async () => {
    const rows = await statementRows<{ id: string }>(
      db,
      'catalog.live_services',
      `select ci_id as id from services where lifecycle_status = 'live'`,
      [],
    );
    return new Set(rows.map((r) => r.id));
  });
}
