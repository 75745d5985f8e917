/**
 * SQL the CI use cases and the importer share: identity and uniqueness lookups by attribute,
 * checks of referenced people, groups and CIs, and field history. All lookups are batched: one
 * query per (scope, attribute), whatever the number of values.
 */

import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { isUuid } from '../../db/rows.ts';
import type { AttributeValue } from '../../domain/cmdb/attributes.ts';
import { attributeOwner } from '../../domain/cmdb/classes.ts';
import { type IdentityProbe, identityValue, probeKey } from '../../domain/cmdb/identify.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { groups, users } from '../auth/index.ts';
import { type FieldChange, writeFieldHistory } from './history.ts';
import { attributeText, type CiStatus, type ClassModel, lockIdentityKeys, textArray } from './model.ts';
import { ciHistory, cis } from './schema.ts';

export type FoundCi = { id: string; name: string; classKey: string; value: string };

/** The classes a probe searches: its scope and subclasses, or exactly its scope. */
export function probeClasses(model: ClassModel, p: { scope: string; exact: boolean }): string[] {
  return p.exact ? [p.scope] : model.subclasses(p.scope);
}

/**
 * CIs in `classes` whose attribute `rule` (or name, for rule 'name') equals one of `values`
 * (already lower-cased). Returned with the matched value so callers can group them.
 */
export async function findByIdentity(
  db: Db,
  classes: string[],
  rule: string,
  values: string[],
  exceptId: string | null = null,
): Promise<FoundCi[]> {
  if (values.length === 0) return [];
  const column = rule === 'name' ? sql`lower(cis.name)` : attributeText(rule);
  const except = exceptId ? sql` and cis.id <> ${exceptId}::uuid` : sql``;
  return queryRows<FoundCi>(
    db,
    sql`select cis.id, cis.name, cis.class_key as "classKey", ${column} as value from cis
        where cis.class_key = any(${textArray(classes)}) and ${column} = any(${textArray(values)})${except}`,
  );
}

/** Probes grouped by what they search, so each group is one query. */
export async function lookupProbes(
  db: Db,
  model: ClassModel,
  probes: IdentityProbe[],
): Promise<Map<string, FoundCi[]>> {
  const groups = new Map<string, { probe: IdentityProbe; values: Set<string> }>();
  for (const p of probes) {
    const g = `${p.rule}\u0000${p.exact}\u0000${p.scope}`;
    const entry = groups.get(g);
    if (entry) entry.values.add(p.value);
    else groups.set(g, { probe: p, values: new Set([p.value]) });
  }
  const found = new Map<string, FoundCi[]>();
  for (const { probe, values } of groups.values()) {
    const rows = await findByIdentity(db, probeClasses(model, probe), probe.rule, [...values]);
    for (const row of rows) {
      const key = probeKey({ ...probe, value: row.value });
      const list = found.get(key);
      if (list) list.push(row);
      else found.set(key, [row]);
    }
  }
  return found;
}

/** The values of a CI that must be unique, as probes over each attribute's unique scope. */
export function uniqueProbes(
  model: ClassModel,
  classKey: string,
  values: Record<string, AttributeValue>,
): IdentityProbe[] {
  const probes: IdentityProbe[] = [];
  for (const def of model.attributes(classKey)) {
    if (!def.unique) continue;
    const value = identityValue(values[def.key]);
    if (value === null) continue;
    const owner = attributeOwner(model.classes, classKey, def.key) ?? classKey;
    probes.push({ rule: def.key, scope: owner, exact: false, value });
  }
  return probes;
}

/**
 * Refuse values another CI in the same unique scope already has (409, per field). Locks the
 * values first, so a concurrent writer of the same value waits for this transaction.
 */
export async function assertUnique(
  tx: Db,
  model: ClassModel,
  classKey: string,
  values: Record<string, AttributeValue>,
  exceptId: string | null,
): Promise<void> {
  const probes = uniqueProbes(model, classKey, values);
  if (probes.length === 0) return;
  await lockIdentityKeys(tx, probes.map(probeKey));
  const errors: FieldError[] = [];
  for (const p of probes) {
    const [clash] = await findByIdentity(tx, probeClasses(model, p), p.rule, [p.value], exceptId);
    if (clash) {
      errors.push({
        field: `attributes.${p.rule}`,
        message: `"${values[p.rule]}" is already used by ${clash.name} (${model.label(clash.classKey)}); ${p.rule} is unique across ${model.label(p.scope)}`,
      });
    }
  }
  if (errors.length) {
    throw new AppError('resource.conflict', errors.map((e) => e.message).join('; '), errors);
  }
}

/** Reference attributes must name an existing CI of the referenced class (or a subclass). */
export async function checkReferences(
  db: Db,
  model: ClassModel,
  classKey: string,
  values: Record<string, AttributeValue>,
): Promise<FieldError[]> {
  const refs = model
    .attributes(classKey)
    .filter((d) => d.type === 'reference' && values[d.key] !== null && values[d.key] !== undefined);
  if (refs.length === 0) return [];
  const ids = refs.map((d) => String(values[d.key])).filter(isUuid);
  const found = ids.length
    ? await db.select({ id: cis.id, classKey: cis.classKey }).from(cis).where(inArray(cis.id, ids))
    : [];
  const classOf = new Map(found.map((f) => [f.id, f.classKey]));
  const errors: FieldError[] = [];
  for (const d of refs) {
    const id = String(values[d.key]);
    const cls = classOf.get(id);
    const allowed = d.referenceClass ? model.subclasses(d.referenceClass) : null;
    if (cls === undefined) errors.push({ field: `attributes.${d.key}`, message: `no CI with id ${id}` });
    else if (allowed && !allowed.includes(cls))
      errors.push({
        field: `attributes.${d.key}`,
        message: `must be a ${model.label(d.referenceClass!)}, not a ${model.label(cls)}`,
      });
  }
  return errors;
}

/** The owner must be an active user and the support group an active group. */
export async function checkPeople(
  db: Db,
  ownerId: string | null | undefined,
  supportGroupId: string | null | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (ownerId) {
    const [u] = await db.select({ active: users.active }).from(users).where(eq(users.id, ownerId));
    if (!u?.active) errors.push({ field: 'ownerId', message: 'no active user with this id' });
  }
  if (supportGroupId) {
    const [g] = await db.select({ active: groups.active }).from(groups).where(eq(groups.id, supportGroupId));
    if (!g?.active) errors.push({ field: 'supportGroupId', message: 'no active group with this id' });
  }
  return errors;
}

/** The fields every CI has beside its class and attributes, as the use cases and the importer change them. */
export const CI_CORE_FIELDS = [
  'name',
  'status',
  'ownerId',
  'supportGroupId',
  'location',
  'description',
] as const;

export type CiCreateInput = {
  classKey: string;
  name: string;
  status?: CiStatus | undefined;
  ownerId?: string | null | undefined;
  supportGroupId?: string | null | undefined;
  location?: string | null | undefined;
  description?: string | undefined;
  attributes?: Record<string, unknown> | undefined;
};

/** A new CI's fields; what was not given is in use, without owner, group or location, undescribed. */
export function newCiFields(
  given: Omit<CiCreateInput, 'attributes'>,
  attributes: Record<string, AttributeValue>,
) {
  return {
    classKey: given.classKey,
    name: given.name,
    status: given.status ?? 'in_use',
    ownerId: given.ownerId ?? null,
    supportGroupId: given.supportGroupId ?? null,
    location: given.location ?? null,
    description: given.description ?? '',
    attributes,
  };
}

export type CiChange = FieldChange & { ciId: string };

/**
 * A relationship added or removed, as history of both its CIs, each from its own side: the `from`
 * CI "depends on" the other (the type's forward label), the `to` CI is "used by" it (reverse).
 */
export function relationshipChanges(
  change: 'added' | 'removed',
  labels: { forwardLabel: string; reverseLabel: string },
  from: { id: string; name: string | undefined },
  to: { id: string; name: string | undefined },
): CiChange[] {
  const entry = (ciId: string, text: string): CiChange => ({
    ciId,
    field: `relationship.${change}`,
    oldValue: change === 'removed' ? text : null,
    newValue: change === 'added' ? text : null,
  });
  return [
    entry(from.id, `${labels.forwardLabel} ${to.name}`),
    entry(to.id, `${labels.reverseLabel} ${from.name}`),
  ];
}

export async function writeCiHistory(tx: Db, actorId: string | null, at: Date, changes: CiChange[]) {
  await writeFieldHistory(tx, ciHistory, ciHistory.ciId, (c) => c.ciId, actorId, at, changes);
}

export async function ciHistoryRows(db: Db, ciId: string) {
  return db.select().from(ciHistory).where(eq(ciHistory.ciId, ciId)).orderBy(ciHistory.id);
}

/** A CI by id, optionally locked for update. */
export async function findCi(db: Db, id: string, lock = false) {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(cis).where(eq(cis.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
