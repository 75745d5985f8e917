/** Customers and suppliers: the organisations services are delivered to and supported by. */
import { and, asc, eq, ilike, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { rowById, takenIgnoringCase } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can, systemOrCan } from '../../domain/roles.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { organisations } from './schema.ts';

export const ORGANISATION_KINDS = ['customer', 'supplier', 'internal'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type OrganisationInput = {
  name: string;
  kind: OrganisationKind;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  website?: string | null | undefined;
  notes?: string | undefined;
  active?: boolean | undefined;
};

export function presentOrganisation(o: typeof organisations.$inferSelect) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind as OrganisationKind,
    email: o.email,
    phone: o.phone,
    website: o.website,
    notes: o.notes,
    active: o.active,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}
export type OrganisationView = ReturnType<typeof presentOrganisation>;

export async function listOrganisations(
  ctx: AppContext,
  actor: Actor,
  q: { kind?: OrganisationKind | undefined; q?: string | undefined },
) {
  if (!can(actor, 'organisation.read')) throw forbidden('You may not browse organisations.');
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(organisations.kind, q.kind));
  if (q.q) conds.push(ilike(organisations.name, containing(q.q)));
  const rows = await ctx.db
    .select()
    .from(organisations)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(organisations.name));
  return rows.map(presentOrganisation);
}

export async function getOrganisation(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'organisation.read')) throw notFound('Organisation', id);
  const row = await rowById(ctx.db, organisations, id, 'Organisation');
  return presentOrganisation(row);
}

/** Checks within the caller's transaction when there is one (the embedded database has one connection). */
async function assertNameFree(db: Db, name: string, exceptId?: string) {
  if (await takenIgnoringCase(db, organisations, organisations.name, name, exceptId))
    throw conflict(`An organisation named "${name}" already exists.`);
}

export async function createOrganisation(ctx: AppContext, actor: Actor | 'system', input: OrganisationInput) {
  if (!systemOrCan(actor, 'organisation.manage')) {
    throw forbidden('Only administrators and service managers may add organisations.');
  }
  await assertNameFree(ctx.db, input.name);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(organisations)
    .values({ ...input, notes: input.notes ?? '', createdAt: now, updatedAt: now })
    .returning();
  return presentOrganisation(row!);
}

/**
 * The change topic a rename publishes: modules that cache organisation names (the customers and
 * agreements impact analysis names) follow it with `followChanges`.
 */
export const ORGANISATION_RENAMED = 'organisations:renamed';

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<OrganisationInput>,
  expectedVersion: number | undefined,
) {
  if (!can(actor, 'organisation.manage'))
    throw forbidden('Only administrators and service managers may change organisations.');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, organisations, id, 'Organisation', expectedVersion, (r) => r.name);
    const renamed = patch.name !== undefined && patch.name !== cur.name;
    if (renamed && patch.name!.toLowerCase() !== cur.name.toLowerCase())
      await assertNameFree(tx, patch.name!, id);
    // Impact analysis holds organisation names (customers, suppliers): a new name drops them.
    if (renamed) await configChanged(tx, ctx.configCache, ORGANISATION_RENAMED);
    const row = await writeNextVersion(tx, organisations, cur, defined(patch), ctx.clock.now());
    return presentOrganisation(row);
  });
}
