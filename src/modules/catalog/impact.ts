/**
 * The customers each service is delivered to, from one map held per instance (it is small and
 * changes rarely) and dropped, here and on every instance, whenever a service's customers or an
 * organisation change. Impact analysis names the customers an outage hits (an outage of a shared
 * platform reaches thousands of services), and the SLA clocks take a service's only customer as
 * the record's when the requester belongs to no organisation.
 */
import type { AppContext } from '../../context.ts';
import { type Db, statementRows } from '../../db/client.ts';
import { type CustomerRef, registerImpactEnricher } from '../cmdb/index.ts';
import { SERVICE_CUSTOMERS_CACHE_KEY } from './repository.ts';

const CUSTOMERS_SQL = `select sc.service_id as "serviceId", o.id, o.name
  from service_customers sc join organisations o on o.id = sc.organisation_id
  order by o.name, o.id`;

type CustomerRow = CustomerRef & { serviceId: string };

/**
 * The map, from the cache or read through `db` (a caller inside a transaction reads through it:
 * the embedded database has one connection, and a read beside an open transaction would wait).
 */
function customersByService(
  ctx: Pick<AppContext, 'configCache'>,
  db: Db,
): Promise<Map<string, CustomerRef[]>> {
  return ctx.configCache.get(SERVICE_CUSTOMERS_CACHE_KEY, async () => {
    const rows = await statementRows<CustomerRow>(db, 'catalog.impact_customers', CUSTOMERS_SQL, []);
    return new Map(
      [...Map.groupBy(rows, (r) => r.serviceId)].map(([serviceId, list]) => [
        serviceId,
        list.map((r) => ({ id: r.id, name: r.name })),
      ]),
    );
  });
}

/** The ids of the customers a service is delivered to, in id order (for choosing a record's SLA). */
export async function serviceCustomerIds(
  ctx: Pick<AppContext, 'configCache'>,
  tx: Db,
  serviceId: string,
): Promise<string[]> {
  const all = await customersByService(ctx, tx);
  const customers = all.get(serviceId) ?? [];
  return customers.map((c) => c.id).sort();
}

async function serviceCustomers(ctx: AppContext, serviceIds: string[]) {
  const all = await customersByService(ctx, ctx.db);
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
