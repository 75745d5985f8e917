/** What a contract covers: CIs and assets, each at most once per contract; listed CIs first, by name. */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Coverage } from '../../../contracts/cmdb.ts';
import { deleteRowById } from '../../../db/rows.ts';
import type { Actor } from '../../../domain/roles.ts';
import { invalid } from '../../../errors.ts';
import { assets } from '../assets/schema.ts';
import { loadClassModel } from '../model.ts';
import { joinedCiColumns, joinedCiRef } from '../present.ts';
import { cis } from '../schema.ts';
import { contractCoverage } from './schema.ts';
import { assertCanManageContracts, assertCanReadContracts, loadContract } from './service.ts';

export async function listCoverage(ctx: AppContext, actor: Actor, contractId: string): Promise<Coverage[]> {
  assertCanReadContracts(actor);
  const contract = await loadContract(ctx.db, contractId);
  const [model, rows] = await Promise.all([
    loadClassModel(ctx.db),
    ctx.db
      .select({
        id: contractCoverage.id,
        createdAt: contractCoverage.createdAt,
        ...joinedCiColumns,
        assetId: assets.id,
        assetTag: assets.assetTag,
        assetName: assets.name,
        assetState: assets.state,
      })
      .from(contractCoverage)
      .leftJoin(cis, eq(cis.id, contractCoverage.ciId))
      .leftJoin(assets, eq(assets.id, contractCoverage.assetId))
      .where(eq(contractCoverage.contractId, contract.id))
      .orderBy(
        sql`${contractCoverage.ciId} is null`,
        sql`coalesce(${cis.name}, ${assets.assetTag})`,
        asc(contractCoverage.id),
      ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    ci: joinedCiRef(model, r),
    asset:
      r.assetId && r.assetTag && r.assetName && r.assetState
        ? { id: r.assetId, assetTag: r.assetTag, name: r.assetName, state: r.assetState }
        : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Add CIs and assets to a contract's coverage; ones already covered are left alone. */
export async function addCoverage(
  ctx: AppContext,
  actor: Actor | 'system',
  contractId: string,
  input: { ciIds?: string[] | undefined; assetIds?: string[] | undefined },
) {
  assertCanManageContracts(actor);
  const contract = await loadContract(ctx.db, contractId);
  const ciIds = [...new Set(input.ciIds ?? [])];
  const assetIds = [...new Set(input.assetIds ?? [])];
  const [foundCis, foundAssets] = await Promise.all([
    ciIds.length ? ctx.db.select({ id: cis.id }).from(cis).where(inArray(cis.id, ciIds)) : [],
    assetIds.length ? ctx.db.select({ id: assets.id }).from(assets).where(inArray(assets.id, assetIds)) : [],
  ]);
  const missingCis = ciIds.filter((id) => !foundCis.some((f) => f.id === id));
  const missingAssets = assetIds.filter((id) => !foundAssets.some((f) => f.id === id));
  if (missingCis.length || missingAssets.length)
    throw invalid([
      ...(missingCis.length ? [{ field: 'ciIds', message: `no CI with id ${missingCis.join(', ')}` }] : []),
      ...(missingAssets.length
        ? [{ field: 'assetIds', message: `no asset with id ${missingAssets.join(', ')}` }]
        : []),
    ]);
  const now = ctx.clock.now();
  const rows = [
    ...ciIds.map((ciId) => ({ contractId: contract.id, ciId, createdAt: now })),
    ...assetIds.map((assetId) => ({ contractId: contract.id, assetId, createdAt: now })),
  ];
  if (rows.length) await ctx.db.insert(contractCoverage).values(rows).onConflictDoNothing();
}

export async function removeCoverage(ctx: AppContext, actor: Actor, contractId: string, coverageId: string) {
  assertCanManageContracts(actor);
  await deleteRowById(
    ctx.db,
    contractCoverage,
    coverageId,
    'Coverage entry',
    eq(contractCoverage.contractId, contractId),
  );
}
