/**
 * What the service portfolio tells impact analysis: the customers each impacted service is
 * delivered to, so an outage's answer names the customers it hits. An outage of a shared platform
 * reaches thousands of services, so the whole service → customers map is held per instance
 * (it is small and changes rarely) and dropped, here and through NOTIFY on every instance,
 * whenever a service's customers or an organisation change.
 */
import type { AppContext } from '../../context.ts';
import { type CustomerRef, registerImpactEnricher } from '../cmdb/index.ts';
import { SERVICE_CUSTOMERS_CACHE_KEY } from './repository.ts';

const CUSTOMERS_SQL = `select sc.service_id as "serviceId", o.id, o.name
  from service_customers sc join organisations o on o.id = sc.organisation_id
  order by o.name, o.id`;

function customersByService(ctx: AppContext): Promise<Map<string, CustomerRef[]>> {
  return ctx.configCache.get(SERVICE_CUSTOMERS_CACHE_KEY, async () => {
    const rows = await ctx.database.prepared<CustomerRef & { serviceId: string }>(
      'catalog.impact_customers',
      CUSTOMERS_SQL,
      [],
    );
    return new Map(
      [...Map.groupBy(rows, (r) => r.serviceId)].map(([serviceId, list]) => [
        serviceId,
        list.map((r) => ({ id: r.id, name: r.name })),
      ]),
    );
  });
}

async function serviceCustomers(ctx: AppContext, serviceIds: string[]) {
  const all = await customersByService(ctx);
  const out = new Map<string, { customers: CustomerRef[] }>();
  for (const id of serviceIds) {
    const customers = all.get(id);
    if (customers) out.set(id, { customers });
  }
  return out;
}

export function registerCatalogImpactEnricher(): void {
  registerImpactEnricher('catalog.customers', serviceCustomers);
}
