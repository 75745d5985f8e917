/** A licence's entitlements (purchases) and installations (machines or people using it). */
import { asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Installation } from '../../../contracts/cmdb.ts';
import { deleteRowById } from '../../../db/rows.ts';
import { installationKind, type LicenceMetric } from '../../../domain/cmdb/licences.ts';
import { type Actor, actingUserId } from '../../../domain/roles.ts';
import { conflict, invalid } from '../../../errors.ts';
import { users } from '../../auth/index.ts';
import { todayOf } from '../assets/service.ts';
import { loadClassModel } from '../model.ts';
import { joinedCiColumns, joinedCiRef } from '../present.ts';
import { cis } from '../schema.ts';
import { licenceEntitlements, licenceInstallations } from './schema.ts';
import { assertCanManageLicences, assertCanReadLicences, loadLicence } from './service.ts';

export type EntitlementInput = {
  quantity: number;
  purchaseOrder?: string | null | undefined;
  purchasedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  cost?: number | null | undefined;
  currency?: string | null | undefined;
};

const presentEntitlement = (e: typeof licenceEntitlements.$inferSelect, today: string) => ({
  id: e.id,
  quantity: e.quantity,
  purchaseOrder: e.purchaseOrder,
  purchasedOn: e.purchasedOn,
  expiresOn: e.expiresOn,
  inForce: e.expiresOn === null || e.expiresOn >= today,
  cost: e.cost,
  currency: e.currency,
  createdAt: e.createdAt.toISOString(),
});

export async function listEntitlements(ctx: AppContext, actor: Actor, licenceId: string) {
  assertCanReadLicences(actor);
  const licence = await loadLicence(ctx.db, licenceId);
  const rows = await ctx.db
    .select()
    .from(licenceEntitlements)
    .where(eq(licenceEntitlements.licenceId, licence.id))
    .orderBy(
      sql`${licenceEntitlements.purchasedOn} nulls last`,
      asc(licenceEntitlements.createdAt),
      asc(licenceEntitlements.id),
    );
  const today = todayOf(ctx);
  return rows.map((e) => presentEntitlement(e, today));
}

export async function addEntitlement(
  ctx: AppContext,
  actor: Actor | 'system',
  licenceId: string,
  input: EntitlementInput,
) {
  assertCanManageLicences(actor);
  const licence = await loadLicence(ctx.db, licenceId);
  if (input.cost != null && input.currency == null)
    throw invalid([{ field: 'currency', message: 'is required with a cost' }]);
  if (input.purchasedOn && input.expiresOn && input.expiresOn < input.purchasedOn)
    throw invalid([{ field: 'expiresOn', message: 'must not be before the purchase date' }]);
  const [row] = await ctx.db
    .insert(licenceEntitlements)
    .values({
      licenceId: licence.id,
      quantity: input.quantity,
      purchaseOrder: input.purchaseOrder ?? null,
      purchasedOn: input.purchasedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      cost: input.cost ?? null,
      currency: input.currency ?? null,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return presentEntitlement(row!, todayOf(ctx));
}

export async function removeEntitlement(
  ctx: AppContext,
  actor: Actor,
  licenceId: string,
  entitlementId: string,
) {
  assertCanManageLicences(actor);
  await deleteRowById(
    ctx.db,
    licenceEntitlements,
    entitlementId,
    'Entitlement',
    eq(licenceEntitlements.licenceId, licenceId),
  );
}

export async function listInstallations(
  ctx: AppContext,
  actor: Actor,
  licenceId: string,
): Promise<Installation[]> {
  assertCanReadLicences(actor);
  const licence = await loadLicence(ctx.db, licenceId);
  const [model, rows] = await Promise.all([
    loadClassModel(ctx.db),
    ctx.db
      .select({
        id: licenceInstallations.id,
        cores: licenceInstallations.cores,
        createdAt: licenceInstallations.createdAt,
        ...joinedCiColumns,
        userId: users.id,
        userName: users.name,
        email: users.email,
      })
      .from(licenceInstallations)
      .leftJoin(cis, eq(cis.id, licenceInstallations.ciId))
      .leftJoin(users, eq(users.id, licenceInstallations.userId))
      .where(eq(licenceInstallations.licenceId, licence.id))
      .orderBy(sql`coalesce(${cis.name}, ${users.name})`, asc(licenceInstallations.id)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    ci: joinedCiRef(model, r),
    user: r.userId && r.userName && r.email ? { id: r.userId, name: r.userName, email: r.email } : null,
    cores: r.cores,
    createdAt: r.createdAt.toISOString(),
  }));
}

export type InstallationInput = {
  ciId?: string | undefined;
  userId?: string | undefined;
  cores?: number | null | undefined;
};

/** Machines for per-install and per-core licences, people for per-user ones; each at most once. */
export async function addInstallation(
  ctx: AppContext,
  actor: Actor | 'system',
  licenceId: string,
  input: InstallationInput,
) {
  assertCanManageLicences(actor);
  const licence = await loadLicence(ctx.db, licenceId);
  const kind = installationKind(licence.metric as LicenceMetric);
  if (kind === 'user' ? !input.userId || input.ciId : !input.ciId || input.userId) {
    const want =
      kind === 'user'
        ? 'userId (a per-user licence is assigned to people)'
        : 'ciId (this licence is counted per machine)';
    throw invalid([{ field: kind === 'user' ? 'userId' : 'ciId', message: `give exactly ${want}` }]);
  }
  if (input.cores != null && licence.metric !== 'per_core')
    throw invalid([{ field: 'cores', message: 'only per-core licences count cores' }]);
  const target =
    kind === 'user'
      ? await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId!))
      : await ctx.db.select({ id: cis.id }).from(cis).where(eq(cis.id, input.ciId!));
  if (target.length === 0)
    throw invalid([
      {
        field: kind === 'user' ? 'userId' : 'ciId',
        message: `no ${kind === 'user' ? 'user' : 'CI'} with this id`,
      },
    ]);
  const [row] = await ctx.db
    .insert(licenceInstallations)
    .values({
      licenceId: licence.id,
      ciId: input.ciId ?? null,
      userId: input.userId ?? null,
      cores: input.cores ?? null,
      createdBy: actingUserId(actor),
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw conflict(
      `${licence.product} is already ${kind === 'user' ? 'assigned to this user' : 'installed on this CI'}.`,
    );
  return row.id;
}

export async function removeInstallation(
  ctx: AppContext,
  actor: Actor,
  licenceId: string,
  installationId: string,
) {
  assertCanManageLicences(actor);
  await deleteRowById(
    ctx.db,
    licenceInstallations,
    installationId,
    'Installation',
    eq(licenceInstallations.licenceId, licenceId),
  );
}
