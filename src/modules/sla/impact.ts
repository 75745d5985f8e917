/**
 * What service level management tells impact analysis: the agreements in force on each impacted
 * service (SLAs with their customers, OLAs, underpinning contracts), so an outage's answer names
 * the commitments at risk. Only agreed versions in effect now count; drafts and ended ones do not.
 * The agreed agreements of all services are held per instance (an outage of a shared platform
 * reaches thousands of services) and dropped, here and through NOTIFY on every instance, whenever
 * an agreement is agreed or ended or an organisation changes.
 */
import type { AppContext } from '../../context.ts';
import { type AgreementRef, type CustomerRef, registerImpactEnricher } from '../cmdb/index.ts';
import { AGREEMENTS_CACHE_KEY } from './agreements.ts';

/** Under the "agreements agreed" key, so whatever drops that drops this too. */
export const IMPACT_AGREEMENTS_CACHE_KEY = `${AGREEMENTS_CACHE_KEY}:impact`;

const AGREEMENTS_SQL = `select a.service_id as "serviceId", a.id, a.name, a.kind,
    a.availability_target::float8 as "availability", c.id as "customerId", c.name as "customerName",
    s.name as "supplierName", a.effective_from as "effectiveFrom", a.effective_to as "effectiveTo"
  from agreements a
  left join organisations c on c.id = a.customer_id
  left join organisations s on s.id = a.supplier_id
  where a.service_id is not null and a.status = 'agreed'
  order by a.kind, a.name, a.id`;

type Row = {
  serviceId: string;
  id: string;
  name: string;
  kind: string;
  availability: number | null;
  customerId: string | null;
  customerName: string | null;
  supplierName: string | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
};

/** "SLA · Acme Corp · 99.9 % availability", "UC · with Telco". */
function detail(r: Row): string {
  const parts = [r.kind.toUpperCase()];
  if (r.customerName) parts.push(r.customerName);
  if (r.supplierName) parts.push(`with ${r.supplierName}`);
  if (r.availability !== null) parts.push(`${r.availability} % availability`);
  return parts.join(' · ');
}

function agreedByService(ctx: AppContext): Promise<Map<string, Row[]>> {
  return ctx.configCache.get(IMPACT_AGREEMENTS_CACHE_KEY, async () => {
    const rows = await ctx.database.prepared<Row>('sla.impact_agreements', AGREEMENTS_SQL, []);
    return Map.groupBy(rows, (r) => r.serviceId);
  });
}

async function serviceAgreements(ctx: AppContext, serviceIds: string[]) {
  const all = await agreedByService(ctx);
  const now = ctx.clock.now().getTime();
  const inForce = (r: Row) =>
    r.effectiveFrom.getTime() <= now && (r.effectiveTo === null || r.effectiveTo.getTime() > now);
  const out = new Map<string, { slas: AgreementRef[]; customers: CustomerRef[] }>();
  for (const id of serviceIds) {
    const rows = all.get(id)?.filter(inForce);
    if (!rows?.length) continue;
    const entry = { slas: [] as AgreementRef[], customers: [] as CustomerRef[] };
    for (const r of rows) {
      entry.slas.push({ id: r.id, name: r.name, detail: detail(r) });
      // An SLA's customer is hit by the outage even when the portfolio does not list it.
      if (r.customerId && !entry.customers.some((c) => c.id === r.customerId))
        entry.customers.push({ id: r.customerId, name: r.customerName! });
    }
    out.set(id, entry);
  }
  return out;
}

export function registerSlaImpactEnricher(): void {
  registerImpactEnricher('sla.agreements', serviceAgreements);
}
