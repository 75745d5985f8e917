/**
 * IT assets (ITIL IT asset management): financial data with depreciation computed on read, the
 * lifecycle from order to disposal with its transitions enforced, assignment to a person and a
 * location, and an optional link to the CI that represents the asset. Every change is in history.
 */
import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import type { PageRequest } from '../../../db/cursor.ts';
import { pageAscending } from '../../../db/keyset.ts';
import { anyContains } from '../../../db/like.ts';
import { isUuid } from '../../../db/rows.ts';
import { assertVersion, writeNextVersion } from '../../../db/version.ts';
import { type AssetState, checkAssetTransition } from '../../../domain/cmdb/assets.ts';
import { checkDepreciation, type DepreciationMethod } from '../../../domain/cmdb/depreciation.ts';
import { type Actor, actingUserId, can, systemOrCan } from '../../../domain/roles.ts';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../../errors.ts';
import { isoDate } from '../../../shared/time.ts';
import { users } from '../../auth/index.ts';
import { organisations } from '../../organisations/index.ts';
import { diffFields, type FieldChange, writeAssetHistory } from '../history.ts';
import { loadClassModel } from '../model.ts';
import { presentHistory } from '../present.ts';
import { cis } from '../schema.ts';
import { type AssetRow, type AssetView, presentAssets } from './present.ts';
import { assetHistory, assets } from './schema.ts';

export type AssetFields = {
  assetTag: string;
  name: string;
  serialNumber: string | null;
  model: string | null;
  ciId: string | null;
  assignedToId: string | null;
  location: string | null;
  supplierId: string | null;
  purchaseOrder: string | null;
  cost: number | null;
  currency: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  depreciationMethod: DepreciationMethod;
  usefulLifeMonths: number | null;
  salvageValue: number | null;
  notes: string;
};
export type AssetCreateInput = Partial<AssetFields> &
  Pick<AssetFields, 'assetTag' | 'name'> & { state?: AssetState };
export type AssetPatchInput = Partial<AssetFields>;

export const ASSET_FIELDS = [
  'assetTag',
  'name',
  'serialNumber',
  'model',
  'ciId',
  'assignedToId',
  'location',
  'supplierId',
  'purchaseOrder',
  'cost',
  'currency',
  'purchaseDate',
  'warrantyEnd',
  'depreciationMethod',
  'usefulLifeMonths',
  'salvageValue',
  'notes',
] as const satisfies readonly (keyof AssetFields)[];

export const todayOf = (ctx: AppContext) => isoDate(ctx.clock.now());

/**
 * The asset registers (assets, licences; contracts are read the same way) are seen with asset.read
 * and changed with asset.manage; `things` names the register in the refusals.
 */
export function assetRegisterAccess(things: string) {
  return {
    assertCanRead(actor: Actor): void {
      if (!can(actor, 'asset.read')) throw forbidden(`You may not browse ${things}.`);
    },
    assertCanManage(actor: Actor | 'system'): void {
      if (!systemOrCan(actor, 'asset.manage'))
        throw forbidden(`Only administrators, service managers and agents may change ${things}.`);
    },
  };
}

const { assertCanRead, assertCanManage: assertCanManageAssets } = assetRegisterAccess('assets');

export { assertCanManageAssets };

/** Problems with an asset's fields as they would be stored: references, money, dates, depreciation. */
export async function checkAssetFields(
  db: Db,
  a: AssetFields,
  exceptId: string | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = checkDepreciation({ ...a, method: a.depreciationMethod });
  if (a.purchaseDate && a.warrantyEnd && a.warrantyEnd < a.purchaseDate)
    errors.push({ field: 'warrantyEnd', message: 'must not be before the purchase date' });
  if (a.cost !== null && a.currency === null)
    errors.push({ field: 'currency', message: 'is required with a cost' });
  const [ci, user, supplier] = await Promise.all([
    a.ciId && isUuid(a.ciId) ? db.select({ id: cis.id }).from(cis).where(eq(cis.id, a.ciId)) : [],
    a.assignedToId ? db.select({ active: users.active }).from(users).where(eq(users.id, a.assignedToId)) : [],
    a.supplierId
      ? db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, a.supplierId))
      : [],
  ]);
  if (a.ciId && ci.length === 0) errors.push({ field: 'ciId', message: 'no CI with this id' });
  if (a.assignedToId && !user[0]?.active)
    errors.push({ field: 'assignedToId', message: 'no active user with this id' });
  if (a.supplierId && supplier[0]?.kind !== 'supplier')
    errors.push({ field: 'supplierId', message: 'no supplier organisation with this id' });
  if (errors.length) return errors;
  const clash = await db
    .select({ assetTag: assets.assetTag, ciId: assets.ciId })
    .from(assets)
    .where(
      and(
        or(
          sql`lower(${assets.assetTag}) = ${a.assetTag.toLowerCase()}`,
          a.ciId ? eq(assets.ciId, a.ciId) : sql`false`,
        ),
        exceptId ? ne(assets.id, exceptId) : undefined,
      ),
    )
    .limit(2);
  for (const c of clash) {
    if (c.assetTag.toLowerCase() === a.assetTag.toLowerCase())
      errors.push({ field: 'assetTag', message: `asset tag ${c.assetTag} is already used` });
    else errors.push({ field: 'ciId', message: `the CI is already represented by asset ${c.assetTag}` });
  }
  return errors;
}

/** Duplicates are conflicts (409); everything else is a validation failure (422). */
function throwFieldErrors(errors: FieldError[]): never {
  const dupes = errors.filter((e) => e.message.includes('already'));
  if (dupes.length === errors.length)
    throw new AppError('resource.conflict', dupes.map((e) => e.message).join('; '), dupes);
  throw invalid(errors);
}

/** The optional fields of an asset with nothing given: what a create or an import starts from. */
export const EMPTY_ASSET_FIELDS: Omit<AssetFields, 'assetTag' | 'name'> = {
  serialNumber: null,
  model: null,
  ciId: null,
  assignedToId: null,
  location: null,
  supplierId: null,
  purchaseOrder: null,
  cost: null,
  currency: null,
  purchaseDate: null,
  warrantyEnd: null,
  depreciationMethod: 'none',
  usefulLifeMonths: null,
  salvageValue: null,
  notes: '',
};

async function present(ctx: AppContext, actor: Actor | 'system', rows: AssetRow[]): Promise<AssetView[]> {
  const viewer: Actor =
    actor === 'system' ? { userId: '', roles: ['admin'], groupIds: [], scopes: null } : actor;
  return presentAssets(ctx.db, await loadClassModel(ctx.db), viewer, rows, todayOf(ctx));
}

export async function createAsset(
  ctx: AppContext,
  actor: Actor | 'system',
  input: AssetCreateInput,
): Promise<AssetView> {
  assertCanManageAssets(actor);
  const fields: AssetFields = { ...EMPTY_ASSET_FIELDS, ...input };
  const state = input.state ?? 'in_stock';
  if (state === 'deployed' && !fields.assignedToId && !fields.location?.trim())
    throw invalid([
      { field: 'state', message: 'a deployed asset must be assigned to a person or a location' },
    ]);
  const now = ctx.clock.now();
  const actorId = actingUserId(actor);
  const row = await ctx.db.transaction(async (tx) => {
    const errors = await checkAssetFields(tx, fields, null);
    if (errors.length) throwFieldErrors(errors);
    const [row] = await tx
      .insert(assets)
      .values({ ...fields, state, createdAt: now, updatedAt: now })
      .returning();
    await writeAssetHistory(tx, actorId, now, [
      { assetId: row!.id, field: 'created', oldValue: null, newValue: state },
    ]);
    return row!;
  });
  return (await present(ctx, actor, [row]))[0]!;
}

async function loadAsset(db: Db, id: string, lock = false): Promise<AssetRow> {
  const q = db
    .select()
    .from(assets)
    .where(isUuid(id) ? eq(assets.id, id) : sql`lower(${assets.assetTag}) = ${id.toLowerCase()}`);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Asset', id);
  return row;
}

export async function getAsset(ctx: AppContext, actor: Actor, idOrTag: string): Promise<AssetView> {
  assertCanRead(actor);
  return (await present(ctx, actor, [await loadAsset(ctx.db, idOrTag)]))[0]!;
}

export async function updateAsset(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: AssetPatchInput,
  expectedVersion: number | undefined,
): Promise<AssetView> {
  return reviseAsset(ctx, actor, id, expectedVersion, (cur) => {
    const changes = diffFields(cur, patch, ASSET_FIELDS);
    if (changes.length === 0) return null;
    const next = { ...cur, ...Object.fromEntries(changes.map((c) => [c.field, c.newValue])) } as AssetRow;
    return { next, changes };
  });
}

/**
 * Change an asset under lock: once its version is checked, `change` gives the next row and
 * what changed (null: nothing), which is checked like a new asset and saved with its history.
 */
async function reviseAsset(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  change: (cur: AssetRow) => { next: AssetRow; changes: FieldChange[] } | null,
): Promise<AssetView> {
  assertCanManageAssets(actor);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await loadAsset(tx, id, true);
    assertVersion({ version: cur.version, number: cur.assetTag }, expectedVersion);
    const revision = change(cur);
    if (!revision) return cur;
    const errors = await checkAssetFields(tx, fieldsOf(revision.next), cur.id);
    if (errors.length) throwFieldErrors(errors);
    return saveAsset(tx, cur, revision.next, revision.changes, actor.userId, now);
  });
  return (await present(ctx, actor, [row]))[0]!;
}

const fieldsOf = (row: AssetRow): AssetFields => ({
  ...row,
  depreciationMethod: row.depreciationMethod as DepreciationMethod,
});

async function saveAsset(
  tx: Db,
  cur: AssetRow,
  next: AssetRow,
  changes: FieldChange[],
  actorId: string | null,
  now: Date,
) {
  const row = await writeNextVersion(
    tx,
    assets,
    cur,
    Object.fromEntries(changes.map((c) => [c.field, c.newValue])),
    now,
  );
  await writeAssetHistory(
    tx,
    actorId,
    now,
    changes.map((c) => ({ ...c, assetId: cur.id })),
  );
  return row ?? next;
}

export type AssetTransitionInput = {
  to: AssetState;
  assignedToId?: string | null | undefined;
  location?: string | null | undefined;
  note?: string | undefined;
};

/** Back in stock, retired or disposed, an asset is no longer with anyone unless the move says so. */
const UNASSIGNING: readonly AssetState[] = ['in_stock', 'retired', 'disposed'];

export async function transitionAsset(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AssetTransitionInput,
  expectedVersion: number | undefined,
): Promise<AssetView> {
  return reviseAsset(ctx, actor, id, expectedVersion, (cur) => {
    const assignedToId =
      input.assignedToId !== undefined
        ? input.assignedToId
        : UNASSIGNING.includes(input.to)
          ? null
          : cur.assignedToId;
    const location = input.location !== undefined ? input.location : cur.location;
    const check = checkAssetTransition(cur.state as AssetState, input.to, { assignedToId, location });
    if (!check.ok) {
      if (check.reason === 'needs_assignment')
        throw invalid([{ field: 'assignedToId', message: check.message }], check.message);
      throw new AppError('lifecycle.transition_forbidden', check.message, [], {
        from: cur.state,
        to: input.to,
      });
    }
    const next: AssetRow = { ...cur, state: input.to, assignedToId, location };
    const changes = diffFields(cur, next, ['state', 'assignedToId', 'location']);
    if (input.note?.trim()) changes.push({ field: 'note', oldValue: null, newValue: input.note.trim() });
    return { next, changes };
  });
}

export type AssetListQuery = PageRequest & {
  state?: AssetState[] | undefined;
  assignedToId?: string | undefined;
  ciId?: string | undefined;
  supplierId?: string | undefined;
  q?: string | undefined;
};

export async function listAssets(ctx: AppContext, actor: Actor, q: AssetListQuery) {
  assertCanRead(actor);
  const conds: SQL[] = [];
  if (q.state?.length) conds.push(inArray(assets.state, q.state));
  if (q.assignedToId)
    conds.push(eq(assets.assignedToId, q.assignedToId === 'me' ? actor.userId : q.assignedToId));
  if (q.ciId) conds.push(eq(assets.ciId, q.ciId));
  if (q.supplierId) conds.push(eq(assets.supplierId, q.supplierId));
  const text = q.q?.trim();
  if (text) conds.push(anyContains(text, [assets.assetTag, assets.serialNumber, assets.name]));
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    assets,
    { column: assets.assetTag, of: (r) => r.assetTag },
    conds,
    q,
  );
  return { items: await present(ctx, actor, page), nextCursor };
}

export async function listAssetHistory(ctx: AppContext, actor: Actor, id: string) {
  assertCanRead(actor);
  const row = await loadAsset(ctx.db, id);
  const rows = await ctx.db
    .select()
    .from(assetHistory)
    .where(eq(assetHistory.assetId, row.id))
    .orderBy(assetHistory.id);
  return presentHistory(ctx.db, rows);
}

export { loadAsset };
