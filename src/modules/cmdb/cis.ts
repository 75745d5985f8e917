/**
 * Configuration items: create, read, edit, delete and list. Attributes are validated and coerced
 * against the class model on every write, unique attributes are enforced across the declaring
 * class and its subclasses, every change writes `ci_history`, and `version` gives optimistic
 * concurrency (a stale If-Match answers 412 and changes nothing).
 */
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { pageAscending } from '../../db/keyset.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type AttributeValue, validateAttributes } from '../../domain/cmdb/attributes.ts';
import { type Actor, actingUserId, can, systemOrCan } from '../../domain/roles.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import {
  assertUnique,
  CI_CORE_FIELDS,
  type CiChange,
  type CiCreateInput,
  checkPeople,
  checkReferences,
  ciHistoryRows,
  findCi,
  newCiFields,
  writeCiHistory,
} from './ci-store.ts';
import { attributeText, type CiStatus, type ClassModel, loadClassModel, lockModelShared } from './model.ts';
import { type CiRow, type CiView, presentCis, presentHistory } from './present.ts';
import { cis, recordCis } from './schema.ts';

export type CiPatchInput = Partial<Omit<CiCreateInput, 'classKey'>>;

export function assertCanRead(actor: Actor): void {
  if (!can(actor, 'cmdb.read')) throw forbidden('You may not browse the CMDB.');
}

/** The CI `id` as a reader asks for it: refused to those who may not browse the CMDB, 404 when there is none. */
export async function readableCi(db: Db, actor: Actor, id: string): Promise<CiRow> {
  assertCanRead(actor);
  const row = await findCi(db, id);
  if (!row) throw notFound('Configuration item', id);
  return row;
}

export function assertCanManage(actor: Actor | 'system'): void {
  if (!systemOrCan(actor, 'cmdb.manage'))
    throw forbidden('Only administrators, service managers and agents may change the CMDB.');
}

/** The class must exist and be concrete. */
export function assertConcreteClass(model: ClassModel, classKey: string, field = 'classKey'): void {
  const cls = model.get(classKey);
  if (!cls) throw invalid([{ field, message: `unknown class "${classKey}"` }]);
  if (cls.abstract)
    throw invalid([{ field, message: `${cls.label} is an abstract class; choose one of its subclasses` }]);
}

/** Refuse (422) what is wrong with a CI's attributes, owner and support group, and references, all at once. */
async function assertValidCi(
  tx: Db,
  model: ClassModel,
  classKey: string,
  checked: ReturnType<typeof validateAttributes>,
  people: { ownerId?: string | null | undefined; supportGroupId?: string | null | undefined },
): Promise<void> {
  const errors = [
    ...checked.errors,
    ...(await checkPeople(tx, people.ownerId, people.supportGroupId)),
    ...(await checkReferences(tx, model, classKey, checked.values)),
  ];
  if (errors.length) throw invalid(errors);
}

export async function createCi(
  ctx: AppContext,
  actor: Actor | 'system',
  input: CiCreateInput,
): Promise<CiView> {
  assertCanManage(actor);
  const now = ctx.clock.now();
  const { row, model } = await ctx.db.transaction(async (tx) => {
    await lockModelShared(tx);
    const model = await loadClassModel(tx);
    assertConcreteClass(model, input.classKey);
    const checked = validateAttributes(model.attributes(input.classKey), input.attributes ?? {});
    await assertValidCi(tx, model, input.classKey, checked, input);
    await assertUnique(tx, model, input.classKey, checked.values, null);
    const [row] = await tx
      .insert(cis)
      .values({ ...newCiFields(input, checked.values), createdAt: now, updatedAt: now })
      .returning();
    await writeCiHistory(tx, actingUserId(actor), now, [
      { ciId: row!.id, field: 'created', oldValue: null, newValue: row!.name },
    ]);
    return { row: row!, model };
  });
  return (await presentCis(ctx.db, model, actor === 'system' ? SYSTEM_VIEWER : actor, [row]))[0]!;
}

/** Presents as a reader with every right, for use cases run by the system itself. */
const SYSTEM_VIEWER: Actor = { userId: '', roles: ['admin'], groupIds: [], scopes: null };

export async function getCi(ctx: AppContext, actor: Actor, id: string): Promise<CiView> {
  const row = await readableCi(ctx.db, actor, id);
  const model = await loadClassModel(ctx.db);
  return (await presentCis(ctx.db, model, actor, [row]))[0]!;
}

/** The changes a patch makes, core fields first, then attributes in class order. */
function diffCi(row: CiRow, patch: CiPatchInput, attrs: Record<string, AttributeValue>): CiChange[] {
  const changes: CiChange[] = [];
  for (const f of CI_CORE_FIELDS) {
    const next = patch[f];
    if (next !== undefined && next !== row[f])
      changes.push({ ciId: row.id, field: f, oldValue: row[f], newValue: next });
  }
  for (const [key, value] of Object.entries(attrs)) {
    const old = row.attributes[key] ?? null;
    if (value !== old)
      changes.push({ ciId: row.id, field: `attributes.${key}`, oldValue: old, newValue: value });
  }
  return changes;
}

export async function updateCi(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: CiPatchInput,
  expectedVersion: number | undefined,
): Promise<CiView> {
  assertCanManage(actor);
  const now = ctx.clock.now();
  const { row, model } = await ctx.db.transaction(async (tx) => {
    await lockModelShared(tx);
    const cur = await lockAtVersion(tx, cis, id, 'Configuration item', expectedVersion, (r) => r.name);
    const model = await loadClassModel(tx);
    // Patch semantics: only the attributes sent are checked, so a CI created before a class gained
    // a required attribute can still be edited.
    const checked = validateAttributes(model.attributes(cur.classKey), patch.attributes ?? {}, {
      partial: true,
    });
    await assertValidCi(tx, model, cur.classKey, checked, patch);
    const changes = diffCi(cur, patch, checked.values);
    if (changes.length === 0) return { row: cur, model };
    const attributes = { ...cur.attributes, ...checked.values };
    const changedUnique = Object.fromEntries(
      Object.entries(checked.values).filter(([k, v]) => v !== (cur.attributes[k] ?? null)),
    );
    await assertUnique(tx, model, cur.classKey, changedUnique, cur.id);
    const core = Object.fromEntries(
      CI_CORE_FIELDS.filter((f) => patch[f] !== undefined).map((f) => [f, patch[f]]),
    );
    const row = await writeNextVersion(tx, cis, cur, { ...core, attributes }, now);
    await writeCiHistory(tx, actor.userId, now, changes);
    return { row, model };
  });
  return (await presentCis(ctx.db, model, actor, [row]))[0]!;
}

/** Deleting is for mistakes; a CI that records refer to is retired instead, to keep their history whole. */
export async function deleteCi(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
) {
  assertCanManage(actor);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, cis, id, 'Configuration item', expectedVersion, (r) => r.name);
    const [ref] = await tx
      .select({ n: recordCis.recordId })
      .from(recordCis)
      .where(eq(recordCis.ciId, cur.id))
      .limit(1);
    if (ref)
      throw conflict(
        `${cur.name} is referenced by records; set its status to retired instead of deleting it.`,
      );
    await tx.delete(cis).where(eq(cis.id, cur.id));
  });
}

/** A CI of exactly this class with this name (case-insensitive), e.g. to reuse a service created elsewhere. */
export async function findCiByName(db: Db, classKey: string, name: string): Promise<CiRow | undefined> {
  const [row] = await db
    .select()
    .from(cis)
    .where(and(eq(cis.classKey, classKey), sql`lower(${cis.name}) = ${name.toLowerCase()}`))
    .orderBy(asc(cis.createdAt))
    .limit(1);
  return row;
}

export type CiListQuery = PageRequest & {
  classKey?: string | undefined;
  status?: CiStatus[] | undefined;
  supportGroupId?: string[] | undefined;
  ownerId?: string | undefined;
  q?: string | undefined;
};

/** Words of the query as prefixes, tokenised by the same parser as the stored search vector. */
function textFilter(text: string): SQL {
  const lower = text.toLowerCase();
  return or(
    sql`${cis.search} @@ to_tsquery('simple', regexp_replace(plainto_tsquery('simple', ${text})::text, '''( |$)', ''':*\\1', 'g'))`,
    sql`${attributeText('hostname')} = ${lower}`,
    sql`${attributeText('serial_number')} = ${lower}`,
    sql`${attributeText('asset_tag')} = ${lower}`,
  )!;
}

export async function listCis(ctx: AppContext, actor: Actor, q: CiListQuery) {
  assertCanRead(actor);
  const model = await loadClassModel(ctx.db);
  const conds: SQL[] = [];
  if (q.classKey) {
    if (!model.get(q.classKey))
      throw invalid([{ field: 'query.class', message: `unknown class "${q.classKey}"` }]);
    conds.push(inArray(cis.classKey, model.subclasses(q.classKey)));
  }
  if (q.status?.length) conds.push(inArray(cis.status, q.status));
  if (q.supportGroupId?.length) conds.push(inArray(cis.supportGroupId, q.supportGroupId));
  if (q.ownerId) conds.push(eq(cis.ownerId, q.ownerId === 'me' ? actor.userId : q.ownerId));
  const text = q.q?.trim();
  if (text) conds.push(textFilter(text));
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    cis,
    { column: cis.name, of: (r) => r.name },
    conds,
    q,
  );
  return { items: await presentCis(ctx.db, model, actor, page), nextCursor };
}

export async function listCiHistory(ctx: AppContext, actor: Actor, id: string) {
  const row = await readableCi(ctx.db, actor, id);
  return presentHistory(ctx.db, await ciHistoryRows(ctx.db, row.id));
}
