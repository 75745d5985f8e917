/** What leaves the API for a service: the portfolio view for staff, the catalog entry for everyone. */
import type { ServiceView as CServiceView } from '../../contracts/services.ts';
import type { Db } from '../../db/client.ts';
import type { Criticality, LifecycleStatus, ServiceKind } from '../../domain/portfolio.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { distinctIds } from '../../shared/defined.ts';
import { namesOf } from '../auth/index.ts';
import { customersOf, dependenciesOf, type ServiceRef, type ServiceRow } from './repository.ts';

export const CLASS_OF_KIND: Record<ServiceKind, string> = {
  business: 'business_service',
  technical: 'technical_service',
};
export const kindOfClass = (classKey: string): ServiceKind =>
  classKey === 'technical_service' ? 'technical' : 'business';

type ServiceLink = { id: string; name: string; kind: ServiceKind; lifecycleStatus: LifecycleStatus };

export type ServiceView = CServiceView;

export type CatalogEntry = { id: string; name: string; description: string; category: string | null };

const link = (s: ServiceRef): ServiceLink => ({
  id: s.id,
  name: s.name,
  kind: kindOfClass(s.classKey),
  lifecycleStatus: s.lifecycleStatus as LifecycleStatus,
});

/** Whether the actor may edit this service: managers any, service owners their own. */
export function mayEditService(actor: Actor, row: Pick<ServiceRow, 'ownerId'>): boolean {
  return can(actor, 'service.manage') || (can(actor, 'service.edit_own') && row.ownerId === actor.userId);
}

export async function presentServices(db: Db, actor: Actor, rows: ServiceRow[]): Promise<ServiceView[]> {
  const ids = rows.map((r) => r.id);
  const ownerIds = distinctIds(rows.map((r) => r.ownerId));
  const groupIds = distinctIds(rows.map((r) => r.supportGroupId));
  const [customers, deps, names] = await Promise.all([
    customersOf(db, ids),
    dependenciesOf(db, ids),
    namesOf(db, ownerIds, groupIds),
  ]);
  return rows.map((r) => {
    const criticality = r.attributes.criticality;
    return {
      id: r.id,
      kind: kindOfClass(r.classKey),
      name: r.name,
      description: r.description,
      category: r.category,
      criticality: typeof criticality === 'string' ? (criticality as Criticality) : null,
      lifecycleStatus: r.lifecycleStatus as LifecycleStatus,
      lifecycleChangedAt: r.lifecycleChangedAt.toISOString(),
      owner: r.ownerId ? (names.people.get(r.ownerId) ?? null) : null,
      supportGroup: r.supportGroupId ? (names.groups.get(r.supportGroupId) ?? null) : null,
      customers: customers.get(r.id) ?? [],
      dependsOn: (deps.dependsOn.get(r.id) ?? []).map(link),
      supports: (deps.supports.get(r.id) ?? []).map(link),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      allowedActions: [
        ...(mayEditService(actor, r) ? (['update'] as const) : []),
        ...(can(actor, 'service_level.manage') ? (['manage_service_levels'] as const) : []),
      ],
    };
  });
}

/** Only what a requester needs to choose a service: no owner, group, customers or internals. */
export const presentCatalogEntry = (r: ServiceRow): CatalogEntry => ({
  id: r.id,
  name: r.name,
  description: r.description,
  category: r.category,
});

export {
  CRITICALITIES,
  type Criticality,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  SERVICE_KINDS,
  type ServiceKind,
} from '../../domain/portfolio.ts';
