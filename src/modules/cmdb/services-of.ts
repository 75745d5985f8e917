/**
 * The services a set of CIs supports: the services an outage of them would reach, found by the
 * impact walk over the graph index. A record raised on CIs takes its service from here when the
 * answer is a single service, and forms offer the answer as the choices.
 */
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/roles.ts';
import { assertCanRead } from './cis.ts';
import { loadClassModel } from './model.ts';
import { walkGraph } from './walk.ts';

export type SupportedService = { id: string; name: string; classKey: string; depth: number };

/** At most `limit` services, nearest first; `total` counts every service reached. */
export async function servicesOfCis(
  ctx: AppContext,
  ciIds: string[],
  limit = 20,
): Promise<{ services: SupportedService[]; total: number }> {
  if (ciIds.length === 0) return { services: [], total: 0 };
  const model = await loadClassModel(ctx.db);
  const walk = await walkGraph(ctx, [...new Set(ciIds.map((id) => id.toLowerCase()))], 'impact', {
    maxNodes: 0,
    maxServices: limit,
    isService: (classKey) => model.isService(classKey),
  });
  const services = walk.serviceIds.flatMap((id) => {
    const n = walk.nodes.get(id);
    return n && n.classKey !== '' ? [{ id, name: n.name, classKey: n.classKey, depth: n.depth }] : [];
  });
  return { services: services.slice(0, limit), total: walk.counts.services };
}

/** The same, for a person browsing the CMDB (the incident form's service choices). */
export async function listServicesOfCis(ctx: AppContext, actor: Actor, ciIds: string[]) {
  assertCanRead(actor);
  return servicesOfCis(ctx, ciIds);
}
