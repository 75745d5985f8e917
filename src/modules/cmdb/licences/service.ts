/**
 * Software licences (ITIL software asset management): entitlements bought, installations on CIs
 * or assignments to users, and compliance: over-licensed (entitlements unused) or under-licensed
 * (use beyond entitlements), per licence and for the whole estate.
 */
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { LicenceView } from '../../../contracts/cmdb.ts';
import { type Db, queryRows } from '../../../db/client.ts';
import type { PageRequest } from '../../../db/cursor.ts';
import { pageAscending } from '../../../db/keyset.ts';
import { anyContains } from '../../../db/like.ts';
import { rowById } from '../../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../../db/version.ts';
import {
  type Compliance,
  compliance,
  consumedUnits,
  type LicenceMetric,
  type LicenceUse,
  summariseCompliance,
} from '../../../domain/cmdb/licences.ts';
import { type Actor, can } from '../../../domain/roles.ts';
import { invalid } from '../../../errors.ts';
import { assetRegisterAccess, todayOf } from '../assets/service.ts';
import { contracts } from '../contracts/schema.ts';
import { uuidArray } from '../model.ts';
import { licences } from './schema.ts';

export type LicenceInput = {
  product: string;
  vendor: string;
  metric: LicenceMetric;
  contractId?: string | null | undefined;
  notes?: string | undefined;
};

type LicenceRow = typeof licences.$inferSelect;

export type { LicenceView };

export const { assertCanRead: assertCanReadLicences, assertCanManage: assertCanManageLicences } =
  assetRegisterAccess('licences');

/** Entitlements in force and installations, per licence, in two queries; compliance from the domain rules. */
export async function complianceOf(
  db: Db,
  rows: LicenceRow[],
  today: string,
): Promise<Map<string, Compliance>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const [entitled, uses] = await Promise.all([
    queryRows<{ id: string; n: number }>(
      db,
      sql`select licence_id as id, sum(quantity)::int as n from licence_entitlements
          where licence_id = any(${uuidArray(ids)}) and (expires_on is null or expires_on >= ${today}::date)
          group by licence_id`,
    ),
    queryRows<{ id: string; onCi: boolean; cores: number | null }>(
      db,
      sql`select i.licence_id as id, i.ci_id is not null as "onCi",
                 coalesce(i.cores, case when jsonb_typeof(c.attributes -> 'cpu_count') = 'number'
                                        then (c.attributes ->> 'cpu_count')::numeric::int end) as cores
          from licence_installations i left join cis c on c.id = i.ci_id
          where i.licence_id = any(${uuidArray(ids)})`,
    ),
  ]);
  const out = new Map<string, Compliance>();
  for (const r of rows) {
    const mine: LicenceUse[] = uses
      .filter((u) => u.id === r.id)
      .map((u) => (u.onCi ? { kind: 'ci', cores: u.cores } : { kind: 'user' }));
    const n = entitled.find((e) => e.id === r.id)?.n ?? 0;
    out.set(r.id, compliance(n, consumedUnits(r.metric as LicenceMetric, mine)));
  }
  return out;
}

async function presentLicences(
  db: Db,
  actor: Actor | 'system',
  rows: LicenceRow[],
  today: string,
): Promise<LicenceView[]> {
  const contractIds = [...new Set(rows.flatMap((r) => (r.contractId ? [r.contractId] : [])))];
  const [found, comp] = await Promise.all([
    contractIds.length
      ? db
          .select({ id: contracts.id, name: contracts.name })
          .from(contracts)
          .where(inArray(contracts.id, contractIds))
      : [],
    complianceOf(db, rows, today),
  ]);
  const manage = actor === 'system' || can(actor, 'asset.manage');
  return rows.map((r) => ({
    id: r.id,
    product: r.product,
    vendor: r.vendor,
    metric: r.metric as LicenceMetric,
    contract: r.contractId ? (found.find((c) => c.id === r.contractId) ?? null) : null,
    notes: r.notes,
    compliance: comp.get(r.id)!,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    allowedActions: manage ? ['update'] : [],
  }));
}

async function checkContract(db: Db, contractId: string | null | undefined) {
  if (!contractId) return;
  const [c] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, contractId));
  if (!c) throw invalid([{ field: 'contractId', message: 'no contract with this id' }]);
}

export async function createLicence(
  ctx: AppContext,
  actor: Actor | 'system',
  input: LicenceInput,
): Promise<LicenceView> {
  assertCanManageLicences(actor);
  await checkContract(ctx.db, input.contractId);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(licences)
    .values({
      ...input,
      contractId: input.contractId ?? null,
      notes: input.notes ?? '',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return (await presentLicences(ctx.db, actor, [row!], todayOf(ctx)))[0]!;
}

export async function loadLicence(db: Db, id: string): Promise<LicenceRow> {
  return rowById(db, licences, id, 'Licence');
}

export async function getLicence(ctx: AppContext, actor: Actor, id: string): Promise<LicenceView> {
  assertCanReadLicences(actor);
  return (await presentLicences(ctx.db, actor, [await loadLicence(ctx.db, id)], todayOf(ctx)))[0]!;
}

export async function updateLicence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<LicenceInput>,
  expectedVersion: number | undefined,
): Promise<LicenceView> {
  assertCanManageLicences(actor);
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, licences, id, 'Licence', expectedVersion, (r) => r.product);
    if (patch.metric && patch.metric !== cur.metric) {
      throw invalid([
        { field: 'metric', message: 'the metric of a licence cannot change; add a new licence instead' },
      ]);
    }
    await checkContract(tx, patch.contractId);
    return writeNextVersion(tx, licences, cur, patch, ctx.clock.now());
  });
  return (await presentLicences(ctx.db, actor, [row], todayOf(ctx)))[0]!;
}

export async function listLicences(
  ctx: AppContext,
  actor: Actor,
  q: PageRequest & { q?: string | undefined; metric?: LicenceMetric | undefined },
) {
  assertCanReadLicences(actor);
  const conds: SQL[] = [];
  const text = q.q?.trim();
  if (text) conds.push(anyContains(text, [licences.product, licences.vendor]));
  if (q.metric) conds.push(eq(licences.metric, q.metric));
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    licences,
    { column: licences.product, of: (r) => r.product },
    conds,
    q,
  );
  return { items: await presentLicences(ctx.db, actor, page, todayOf(ctx)), nextCursor };
}

/** Compliance of every licence, worst first (largest shortfall, then most unused), and the totals. */
export async function complianceReport(ctx: AppContext, actor: Actor) {
  assertCanReadLicences(actor);
  const rows = await ctx.db.select().from(licences).orderBy(asc(licences.product), asc(licences.id));
  const comp = await complianceOf(ctx.db, rows, todayOf(ctx));
  const items = rows
    .map((r) => ({
      licence: { id: r.id, product: r.product, vendor: r.vendor, metric: r.metric as LicenceMetric },
      ...comp.get(r.id)!,
    }))
    .sort((a, b) => b.shortfall - a.shortfall || b.unused - a.unused);
  return { summary: summariseCompliance(items), items };
}
