/**
 * Impact enrichers: other modules (the service catalog, SLA management) attach what they know
 * about an impacted service, such as the customers it serves and the agreements at risk, without
 * the CMDB depending on them. Register once at start-up; enrichers run for every impact answer.
 */

import type { AppContext } from '../../context.ts';
import type { AgreementRef, CustomerRef } from '../../contracts/cmdb.ts';

export type { AgreementRef, CustomerRef };
export type ServiceExtras = { customers: CustomerRef[]; slas: AgreementRef[] };

/** For each service CI id asked about, what the enricher knows; ids it knows nothing of may be left out. */
export type ImpactEnricher = (
  ctx: AppContext,
  serviceIds: string[],
) => Promise<Map<string, Partial<ServiceExtras>>>;

const enrichers = new Map<string, ImpactEnricher>();

/** Register under a unique name (registering the same name again replaces it). */
export function registerImpactEnricher(name: string, enricher: ImpactEnricher): void {
  enrichers.set(name, enricher);
}

export function unregisterImpactEnricher(name: string): void {
  enrichers.delete(name);
}

/**
 * Everything every enricher knows, merged per service. Services no enricher knows anything of are
 * left out (an outage may reach thousands of services, most with nothing to add).
 */
export async function enrichServices(
  ctx: AppContext,
  serviceIds: string[],
): Promise<Map<string, ServiceExtras>> {
  const out = new Map<string, ServiceExtras>();
  if (serviceIds.length === 0) return out;
  const answers = await Promise.all([...enrichers.values()].map((enricher) => enricher(ctx, serviceIds)));
  for (const found of answers) {
    for (const [id, extras] of found) {
      let target = out.get(id);
      if (!target) {
        target = { customers: [], slas: [] };
        out.set(id, target);
      }
      // Several enrichers may know the same customer (the portfolio and an SLA): once each.
      for (const c of extras.customers ?? [])
        if (!target.customers.some((x) => x.id === c.id)) target.customers.push(c);
      target.slas.push(...(extras.slas ?? []));
    }
  }
  return out;
}
