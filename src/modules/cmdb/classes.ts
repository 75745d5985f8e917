/**
 * Administration of the CI class model. Every change is validated as a whole model
 * (validateClassModel) and against the CIs already recorded: a change that would leave existing
 * CIs invalid is refused with the list of CIs that would break, so nothing is silently orphaned.
 */

import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ClassView as CClassView } from '../../contracts/cmdb.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { type AttributeValue, validateAttributes } from '../../domain/cmdb/attributes.ts';
import {
  type AttributeDef,
  attributeOwner,
  type CiClass,
  resolveIdentifiers,
  validateClassModel,
} from '../../domain/cmdb/classes.ts';
import { validateRelationshipTypes } from '../../domain/cmdb/relationships.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { assertVersion } from '../records/index.ts';
import { assertCanRead } from './cis.ts';
import {
  attributeText,
  buildModel,
  type ClassModel,
  type ClassRow,
  loadClassModel,
  lockModelExclusive,
  RELATIONSHIP_TYPES,
  textArray,
} from './model.ts';
import { ciClasses, cis } from './schema.ts';

export type ClassInput = {
  label: string;
  parent: string | null;
  abstract: boolean;
  attributes: AttributeDef[];
  identifiers?: string[] | null | undefined;
};

export type ClassView = CClassView;

export function presentClass(model: ClassModel, key: string): ClassView {
  const row = model.rows.get(key)!;
  return {
    key,
    label: row.label,
    parent: row.parentKey,
    abstract: row.abstract,
    builtin: row.builtin,
    attributes: row.attributes,
    identifiers: row.identifiers,
    effectiveAttributes: model.attributes(key).map((def) => {
      const owner = attributeOwner(model.classes, key, def.key);
      return { ...def, inheritedFrom: owner === key ? null : owner };
    }),
    effectiveIdentifiers: resolveIdentifiers(model.classes, key),
    children: model.classes.filter((c) => c.parent === key).map((c) => c.key),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listClasses(ctx: AppContext, actor: Actor): Promise<ClassView[]> {
  assertCanRead(actor);
  const model = await loadClassModel(ctx.db);
  return model.classes.map((c) => presentClass(model, c.key));
}

export async function getClass(ctx: AppContext, actor: Actor, key: string): Promise<ClassView> {
  assertCanRead(actor);
  const model = await loadClassModel(ctx.db);
  if (!model.get(key)) throw notFound('CI class', key);
  return presentClass(model, key);
}

function assertCanEditModel(actor: Actor): void {
  if (!can(actor, 'cmdb.class.manage')) throw forbidden('Only administrators may change the CI class model.');
}

/** Model problems as field errors: `attributes.<key>` when about one attribute. */
function assertValidModel(classes: CiClass[]): void {
  const problems = validateClassModel(classes).map((p) => ({
    field: p.attribute ? `attributes.${p.attribute}` : `classes.${p.classKey}`,
    message: p.message,
  }));
  for (const message of validateRelationshipTypes(RELATIONSHIP_TYPES, classes))
    problems.push({ field: 'relationshipTypes', message });
  if (problems.length) throw invalid(problems, problems.map((p) => p.message).join(' '));
}

export type BrokenCi = { id: string; name: string; classKey: string; problems: string[] };
const BROKEN_SHOWN = 20;
const SCAN_BATCH = 2000;

/** JSON with sorted keys: stored definitions come back from jsonb with their keys reordered. */
function canonical(def: AttributeDef): string {
  return JSON.stringify(Object.fromEntries(Object.entries(def).sort(([a], [b]) => a.localeCompare(b))));
}

/** True when no CI of these classes can break: same or only added optional attributes, same abstractness. */
function onlyRelaxes(before: ClassModel, after: ClassModel, keys: string[]): boolean {
  return keys.every((k) => {
    if (after.get(k)?.abstract !== before.get(k)?.abstract) return false;
    const old = new Map(before.attributes(k).map((d) => [d.key, canonical(d)]));
    const now = after.attributes(k);
    const kept = now.filter((d) => old.get(d.key) === canonical(d)).length;
    return kept === old.size && now.every((d) => old.has(d.key) || (!d.required && !d.unique));
  });
}

/** Validate stored CIs of `classKey` against `after`, batch by batch. */
async function scanClass(db: Db, after: ClassModel, classKey: string, broken: BrokenCi[]): Promise<number> {
  const cls = after.get(classKey)!;
  const defs = after.attributes(classKey);
  let count = 0;
  let lastId: string | null = null;
  for (;;) {
    const rows: { id: string; name: string; attributes: Record<string, AttributeValue> }[] = await db
      .select({ id: cis.id, name: cis.name, attributes: cis.attributes })
      .from(cis)
      .where(lastId ? and(eq(cis.classKey, classKey), gt(cis.id, lastId)) : eq(cis.classKey, classKey))
      .orderBy(asc(cis.id))
      .limit(SCAN_BATCH);
    for (const r of rows) {
      const values = Object.fromEntries(Object.entries(r.attributes).filter(([, v]) => v !== null));
      const problems = cls.abstract
        ? [`${cls.label} would be abstract, and no CI may belong to an abstract class`]
        : validateAttributes(defs, values).errors.map((e) => e.message);
      if (problems.length === 0) continue;
      count += 1;
      if (broken.length < BROKEN_SHOWN) broken.push({ id: r.id, name: r.name, classKey, problems });
    }
    if (rows.length < SCAN_BATCH) return count;
    lastId = rows.at(-1)!.id;
  }
}

/** Values that would stop being unique: an attribute newly unique, or unique over a wider scope. */
async function scanUniqueness(
  db: Db,
  before: ClassModel,
  after: ClassModel,
  keys: string[],
  broken: BrokenCi[],
) {
  let count = 0;
  const checked = new Set<string>();
  for (const k of keys) {
    for (const def of after.attributes(k)) {
      if (!def.unique) continue;
      const owner = attributeOwner(after.classes, k, def.key)!;
      const wasUnique = before.attributes(k).some((d) => d.key === def.key && d.unique);
      const sameScope = attributeOwner(before.classes, k, def.key) === owner;
      if ((wasUnique && sameScope) || checked.has(`${owner}:${def.key}`)) continue;
      checked.add(`${owner}:${def.key}`);
      const column = attributeText(def.key);
      const dupes = await queryRows<{ value: string; ids: string[]; names: string[]; classes: string[] }>(
        db,
        sql`select ${column} as value, array_agg(cis.id::text) as ids, array_agg(cis.name) as names, array_agg(cis.class_key) as classes
            from cis where cis.class_key = any(${textArray(after.subclasses(owner))}) and ${column} is not null
            group by 1 having count(*) > 1 limit ${BROKEN_SHOWN}`,
      );
      for (const d of dupes) {
        count += d.ids.length;
        d.ids.forEach((id, i) => {
          if (broken.length < BROKEN_SHOWN)
            broken.push({
              id,
              name: d.names[i]!,
              classKey: d.classes[i]!,
              problems: [
                `${def.key} "${d.value}" would have to be unique but is shared by ${d.ids.length} CIs`,
              ],
            });
        });
      }
    }
  }
  return count;
}

async function assertNothingBreaks(
  db: Db,
  before: ClassModel,
  after: ClassModel,
  key: string,
): Promise<void> {
  const affected = after.subclasses(key);
  if (!before.get(key) || onlyRelaxes(before, after, affected)) return;
  const broken: BrokenCi[] = [];
  let count = 0;
  for (const k of affected) count += await scanClass(db, after, k, broken);
  count += await scanUniqueness(db, before, after, affected, broken);
  if (count === 0) return;
  throw new AppError(
    'resource.conflict',
    `This change would make ${count} existing configuration item${count === 1 ? '' : 's'} invalid; fix or move them first. The first ${broken.length} are listed in brokenCis.`,
    [],
    { brokenCount: count, brokenCis: broken },
  );
}

export async function putClass(
  ctx: AppContext,
  actor: Actor,
  key: string,
  input: ClassInput,
  expectedVersion: number | undefined,
): Promise<{ view: ClassView; created: boolean }> {
  assertCanEditModel(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockModelExclusive(tx);
    const before = await loadClassModel(tx);
    const cur = before.rows.get(key);
    if (cur) assertVersion({ version: cur.version, number: `Class ${key}` }, expectedVersion);
    const next: ClassRow = {
      key,
      label: input.label,
      parentKey: input.parent,
      abstract: input.abstract,
      attributes: input.attributes,
      identifiers: input.identifiers ?? null,
      builtin: cur?.builtin ?? false,
      createdAt: cur?.createdAt ?? now,
      updatedAt: now,
      version: (cur?.version ?? 0) + 1,
    };
    const after = buildModel([...[...before.rows.values()].filter((r) => r.key !== key), next]);
    assertValidModel(after.classes);
    await assertNothingBreaks(tx, before, after, key);
    if (cur) await tx.update(ciClasses).set(next).where(eq(ciClasses.key, key));
    else await tx.insert(ciClasses).values(next);
    return { view: presentClass(after, key), created: !cur };
  });
}

export async function deleteClass(ctx: AppContext, actor: Actor, key: string): Promise<void> {
  assertCanEditModel(actor);
  await ctx.db.transaction(async (tx) => {
    await lockModelExclusive(tx);
    const before = await loadClassModel(tx);
    const cur = before.rows.get(key);
    if (!cur) throw notFound('CI class', key);
    if (cur.builtin)
      throw conflict(
        `${cur.label} is shipped with Steward and other modules rely on it; it cannot be deleted.`,
      );
    const children = before.classes.filter((c) => c.parent === key).map((c) => c.key);
    if (children.length)
      throw conflict(
        `${cur.label} still has subclasses (${children.join(', ')}); delete or move them first.`,
      );
    const [used] = await tx
      .select({ id: cis.id })
      .from(cis)
      .where(inArray(cis.classKey, [key]))
      .limit(1);
    if (used)
      throw conflict(`Configuration items of class ${cur.label} exist; delete or reclassify them first.`);
    assertValidModel(before.classes.filter((c) => c.key !== key));
    await tx.delete(ciClasses).where(eq(ciClasses.key, key));
  });
}
