/**
 * Demo CMDB: the estate in cmdb-data.ts, its hardware and laptops as assets with financials,
 * supplier contracts (one about to expire), licences (one over-, one under-licensed), and the
 * open demo incidents linked to the CIs they concern. Service CIs the catalog demo already created
 * (same class and name) are reused rather than duplicated.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/roles.ts';
import {
  addCoverage,
  addEntitlement,
  addInstallation,
  addRelationship,
  createAsset,
  createCi,
  createContract,
  createLicence,
  findCiByName,
  linkCis,
} from '../modules/cmdb/service.ts';
import { organisations } from '../modules/organisations/schema.ts';
import { createOrganisation } from '../modules/organisations/service.ts';
import { records } from '../modules/records/schema.ts';
import { addDays, isoDate } from '../shared/time.ts';
import {
  DEMO_CI_ASSETS,
  DEMO_CIS,
  DEMO_INCIDENT_CIS,
  DEMO_LAPTOPS,
  DEMO_RELATIONSHIPS,
  DEMO_SUPPLIERS,
} from './cmdb-data.ts';

export type CmdbDemoInput = { people: Map<string, string>; groups: Map<string, string>; actor: Actor };

const dayOffset = (now: Date, days: number) => isoDate(addDays(now, days));
const monthsAgo = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return isoDate(d);
};

async function seedCis(ctx: AppContext, input: CmdbDemoInput): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of DEMO_CIS) {
    const existing = await findCiByName(ctx.db, c.classKey, c.name);
    if (existing) {
      ids.set(c.key, existing.id);
      continue;
    }
    const ci = await createCi(ctx, input.actor, {
      classKey: c.classKey,
      name: c.name,
      description: c.description,
      location: c.location ?? null,
      supportGroupId: input.groups.get(c.group) ?? null,
      attributes: c.attributes,
    });
    ids.set(c.key, ci.id);
  }
  for (const [from, type, to] of DEMO_RELATIONSHIPS) {
    await addRelationship(ctx, input.actor, { type, fromId: ids.get(from)!, toId: ids.get(to)! }).catch(
      (e: unknown) => {
        // Already related by an earlier seed of the same services: keep going.
        if ((e as { code?: string }).code !== 'resource.conflict') throw e;
      },
    );
  }
  return ids;
}

async function supplierIds(ctx: AppContext): Promise<Map<string, string>> {
  const found = await ctx.db.select().from(organisations).where(inArray(organisations.name, DEMO_SUPPLIERS));
  const out = new Map(found.map((o) => [o.name, o.id]));
  for (const name of DEMO_SUPPLIERS) {
    if (!out.has(name))
      out.set(name, (await createOrganisation(ctx, 'system', { name, kind: 'supplier' })).id);
  }
  return out;
}

async function seedAssets(
  ctx: AppContext,
  input: CmdbDemoInput,
  ciIds: Map<string, string>,
  suppliers: Map<string, string>,
) {
  const now = ctx.clock.now();
  const byCi = new Map<string, string>();
  for (const [key, cost, age, life, method, supplier] of DEMO_CI_ASSETS) {
    const demo = DEMO_CIS.find((c) => c.key === key)!;
    const a = await createAsset(ctx, input.actor, {
      assetTag: String(demo.attributes.asset_tag),
      name: `${demo.attributes.manufacturer} ${demo.attributes.model} (${demo.name})`,
      serialNumber: String(demo.attributes.serial_number),
      model: String(demo.attributes.model),
      state: 'deployed',
      ciId: ciIds.get(key)!,
      location: demo.location ?? 'DC1, Frankfurt',
      supplierId: suppliers.get(supplier)!,
      purchaseOrder: `PO-${monthsAgo(now, age).slice(0, 4)}-${String(cost).slice(0, 3)}`,
      cost,
      currency: 'EUR',
      purchaseDate: monthsAgo(now, age),
      warrantyEnd: monthsAgo(now, age - 36),
      depreciationMethod: method,
      usefulLifeMonths: life,
      salvageValue: Math.round(cost * 0.05),
    });
    byCi.set(key, a.id);
  }
  const laptops: string[] = [];
  for (const [tag, person, model] of DEMO_LAPTOPS) {
    const a = await createAsset(ctx, input.actor, {
      assetTag: tag,
      name: `Laptop ${model}`,
      serialNumber: `PF-${tag.slice(-4)}X`,
      model,
      state: 'deployed',
      assignedToId: input.people.get(person) ?? null,
      location: 'Head office',
      supplierId: suppliers.get('Lenovo Financial Services')!,
      cost: 1650,
      currency: 'EUR',
      purchaseDate: monthsAgo(now, 15),
      warrantyEnd: monthsAgo(now, -21),
      depreciationMethod: 'straight_line',
      usefulLifeMonths: 36,
      salvageValue: 100,
    });
    laptops.push(a.id);
  }
  await createAsset(ctx, input.actor, {
    assetTag: 'LAP-2409',
    name: 'Laptop ThinkPad T14 Gen 5 (spare)',
    state: 'in_stock',
    location: 'IT store room',
    cost: 1650,
    currency: 'EUR',
  });
  await createAsset(ctx, input.actor, {
    assetTag: 'LAP-2501',
    name: 'Laptop ThinkPad T14 Gen 6',
    state: 'ordered',
    purchaseOrder: 'PO-2026-044',
    cost: 1720,
    currency: 'EUR',
  });
  return { byCi, laptops, count: DEMO_CI_ASSETS.length + DEMO_LAPTOPS.length + 2 };
}

async function seedContracts(
  ctx: AppContext,
  ciIds: Map<string, string>,
  suppliers: Map<string, string>,
  assets: { byCi: Map<string, string>; laptops: string[] },
) {
  const now = ctx.clock.now();
  const contract = async (
    name: string,
    kind: 'support' | 'maintenance' | 'lease',
    supplier: string,
    endIn: number,
    cost: number,
    covers: { ciKeys?: string[]; assetIds?: string[] },
    warnDays = 60,
  ) => {
    const c = await createContract(ctx, 'system', {
      name,
      kind,
      supplierId: suppliers.get(supplier)!,
      reference: `${supplier.slice(0, 3).toUpperCase()}-${endIn}`,
      startDate: dayOffset(now, endIn - 365 * 3),
      endDate: dayOffset(now, endIn),
      cost,
      currency: 'EUR',
      warnDays,
    });
    await addCoverage(ctx, 'system', c.id, {
      ciIds: covers.ciKeys?.map((k) => ciIds.get(k)!),
      assetIds: covers.assetIds,
    });
    return c;
  };
  const servers = ['esx-01', 'esx-02', 'esx-03', 'db-phys-01'];
  await contract('Dell ProSupport Plus – data centre servers', 'support', 'Dell Technologies', 21, 14_400, {
    ciKeys: servers,
  });
  await contract('Cisco Smart Net Total Care – network', 'maintenance', 'Cisco Systems', 190, 9_800, {
    ciKeys: ['core-sw-01', 'core-sw-02', 'dist-sw-01', 'dist-sw-02', 'fw-01', 'lb-01'],
  });
  await contract('NetApp SupportEdge – storage', 'maintenance', 'NetApp', 420, 12_600, {
    ciKeys: ['san-01', 'nas-01'],
  });
  await contract('Laptop lease 2025', 'lease', 'Lenovo Financial Services', 560, 31_000, {
    assetIds: assets.laptops,
  });
  return 4;
}

async function seedLicences(ctx: AppContext, input: CmdbDemoInput, ciIds: Map<string, string>) {
  const licence = async (
    terms: Parameters<typeof createLicence>[2],
    purchase: Omit<Parameters<typeof addEntitlement>[3], 'currency'>,
    installs: Parameters<typeof addInstallation>[3][],
  ) => {
    const l = await createLicence(ctx, 'system', terms);
    await addEntitlement(ctx, 'system', l.id, { ...purchase, currency: 'EUR' });
    for (const install of installs) await addInstallation(ctx, 'system', l.id, install);
  };
  const onCis = (...keys: string[]) => keys.map((k) => ({ ciId: ciIds.get(k)! }));
  const now = ctx.clock.now();
  await licence(
    { product: 'Microsoft 365 E3', vendor: 'Microsoft', metric: 'per_user' },
    { quantity: 40, purchaseOrder: 'PO-2025-017', purchasedOn: '2025-07-01', cost: 15_360 },
    [...input.people.values()].slice(0, 28).map((userId) => ({ userId })),
  );
  await licence(
    {
      product: 'Oracle Database Enterprise Edition',
      vendor: 'Oracle',
      metric: 'per_core',
      notes: 'Processor licences for the payroll database',
    },
    { quantity: 8, purchaseOrder: 'PO-2022-203', purchasedOn: '2022-09-15', cost: 152_000 },
    onCis('db-phys-01'),
  );
  await licence(
    { product: 'VMware vSphere Foundation', vendor: 'Broadcom (VMware)', metric: 'per_install' },
    { quantity: 3, purchasedOn: '2024-11-01', expiresOn: dayOffset(now, 300), cost: 21_000 },
    onCis('esx-01', 'esx-02', 'esx-03'),
  );
  await licence(
    { product: 'Red Hat Enterprise Linux Server', vendor: 'Red Hat', metric: 'per_install' },
    { quantity: 8, purchasedOn: '2025-02-01', expiresOn: dayOffset(now, 200), cost: 6_400 },
    onCis('sap-app-01', 'idp-01', 'ldap-01', 'web-01', 'web-02', 'api-01', 'api-02', 'pg-01'),
  );
  return 4;
}

/** Link open demo incidents to the CI their subcategory concerns. */
async function linkIncidents(ctx: AppContext, input: CmdbDemoInput, ciIds: Map<string, string>) {
  const open = await ctx.db
    .select({ id: records.id, subcategory: records.subcategory })
    .from(records)
    .where(and(eq(records.type, 'incident'), isNull(records.closedAt)));
  let linked = 0;
  await ctx.db.transaction(async (tx) => {
    for (const r of open) {
      const key = r.subcategory ? DEMO_INCIDENT_CIS[r.subcategory] : undefined;
      if (!key) continue;
      await linkCis(tx, input.actor.userId, r.id, [ciIds.get(key)!], ctx.clock.now());
      linked++;
    }
  });
  return linked;
}

export async function seedCmdbDemo(ctx: AppContext, input: CmdbDemoInput) {
  const ciIds = await seedCis(ctx, input);
  const suppliers = await supplierIds(ctx);
  const assets = await seedAssets(ctx, input, ciIds, suppliers);
  const contracts = await seedContracts(ctx, ciIds, suppliers, assets);
  const licences = await seedLicences(ctx, input, ciIds);
  const linkedIncidents = await linkIncidents(ctx, input, ciIds);
  return {
    cis: ciIds.size,
    relationships: DEMO_RELATIONSHIPS.length,
    assets: assets.count,
    contracts,
    licences,
    linkedIncidents,
  };
}
