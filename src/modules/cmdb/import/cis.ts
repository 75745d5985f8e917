/**
 * Importing CIs: each row is identified against the CIs already recorded (src/domain/cmdb/identify.ts)
 * and becomes a create, an update, "unchanged", or a rejection with the reason. A conflicting
 * identity (two rules naming different CIs) is rejected and nothing is overwritten. Lookups,
 * inserts, updates and history are one statement each per batch, not per row.
 */
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { isUuid } from '../../../db/rows.ts';
import { type AttributeValue, validateAttributes } from '../../../domain/cmdb/attributes.ts';
import {
  type IdentityProbe,
  type IdentityRule,
  identify,
  identityProbes,
  identityRules,
  probeKey,
} from '../../../domain/cmdb/identify.ts';
import {
  CI_CORE_FIELDS,
  type CiChange,
  checkReferences,
  type FoundCi,
  lookupProbes,
  newCiFields,
  writeCiHistory,
} from '../ci-store.ts';
import {
  CI_STATUSES,
  type CiStatus,
  type ClassModel,
  lockIdentityKeys,
  textArray,
  uuidArray,
} from '../model.ts';
import type { CiRow } from '../present.ts';
import { cis } from '../schema.ts';
import { resolveGroups, resolveUsers } from './people.ts';
import { type ImportRow, textField } from './rows.ts';
import { type Batch, claimKeys, type Importer, importerOf, type RowOutcome, rejected } from './types.ts';

const RESERVED = new Set([
  'id',
  'class',
  'class_key',
  'name',
  'status',
  'description',
  'location',
  'owner',
  'support_group',
]);

type Prepared = {
  row: number;
  classKey: string;
  id: string | null;
  name: string | undefined;
  status: CiStatus | undefined;
  description: string | null | undefined;
  location: string | null | undefined;
  owner: string | null | undefined;
  group: string | null | undefined;
  attributes: Record<string, AttributeValue>;
  probes: IdentityProbe[];
};

// Identity rules per class, worked out once per class model (each batch loads its own).
const RULES = new WeakMap<ClassModel, Map<string, IdentityRule[]>>();

function rulesOf(model: ClassModel, classKey: string): IdentityRule[] {
  let byClass = RULES.get(model);
  if (!byClass) {
    byClass = new Map();
    RULES.set(model, byClass);
  }
  let rules = byClass.get(classKey);
  if (!rules) {
    rules = identityRules(model.classes, classKey);
    byClass.set(classKey, rules);
  }
  return rules;
}

/** Everything about a row that needs no database: class, fields, coerced attributes, identity probes. */
function prepare(model: ClassModel, r: ImportRow): Prepared | RowOutcome {
  if (r.problem) return rejected(r.row, `Row ${r.problem}.`);
  const classKey = textField(r, 'class') ?? textField(r, 'class_key');
  if (!classKey) return rejected(r.row, 'class is required.');
  const cls = model.get(classKey);
  if (!cls) return rejected(r.row, `Unknown class "${classKey}".`);
  if (cls.abstract) return rejected(r.row, `${cls.label} is an abstract class; use one of its subclasses.`);
  const id = textField(r, 'id') ?? null;
  if (id !== null && !isUuid(id)) return rejected(r.row, `id "${id}" is not a CI id.`);
  const status = textField(r, 'status') ?? undefined;
  if (status !== undefined && !(CI_STATUSES as readonly string[]).includes(status))
    return rejected(r.row, `status must be one of ${CI_STATUSES.join(', ')}, got "${status}".`);
  const name = textField(r, 'name') ?? undefined;
  if (name !== undefined && name.length > 200) return rejected(r.row, 'name must be at most 200 characters.');
  const defs = model.attributes(classKey);
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of r.fields) {
    if (RESERVED.has(key)) continue;
    if (defs.some((d) => d.key === key)) raw[key] = value;
    else if (value !== null && value !== undefined && String(value).trim() !== '')
      problems.push(`${key} is not an attribute of ${cls.label}`);
  }
  const checked = validateAttributes(defs, raw, { partial: true });
  problems.push(...checked.errors.map((e) => e.message));
  if (problems.length) return rejected(r.row, `${problems.join('; ')}.`);
  return {
    row: r.row,
    classKey,
    id,
    name,
    status: status as CiStatus | undefined,
    description: textField(r, 'description'),
    location: textField(r, 'location'),
    owner: textField(r, 'owner'),
    group: textField(r, 'support_group'),
    attributes: checked.values,
    probes: identityProbes(rulesOf(model, classKey), classKey, checked.values, name ?? null),
  };
}

const keysOf = (p: Prepared) => [...(p.id ? [`id:${p.id}`] : []), ...p.probes.map(probeKey)];

type Lookup = { byProbe: Map<string, FoundCi[]>; byId: Map<string, FoundCi> };

async function lookup(batch: Batch, rows: Prepared[]): Promise<Lookup> {
  const probes = rows.flatMap((p) => p.probes);
  if (!batch.dryRun) await lockIdentityKeys(batch.tx, probes.map(probeKey));
  const ids = rows.flatMap((p) => (p.id ? [p.id] : []));
  const [byProbe, idRows] = await Promise.all([
    lookupProbes(batch.tx, batch.model, probes),
    ids.length
      ? queryRows<FoundCi>(
          batch.tx,
          sql`select id, name, class_key as "classKey", '' as value from cis where id = any(${uuidArray(ids)})`,
        )
      : [],
  ]);
  return { byProbe, byId: new Map(idRows.map((r) => [r.id, r])) };
}

/** Which existing CI the row is, if any: an explicit id must exist and agree with the other rules. */
function identifyRow(p: Prepared, found: Lookup, model: ClassModel): { ciId: string | null } | RowOutcome {
  const idProbe: IdentityProbe[] = p.id ? [{ rule: 'id', scope: p.classKey, exact: true, value: p.id }] : [];
  const ident = identify([...idProbe, ...p.probes], (probe) => {
    if (probe.rule === 'id') return found.byId.has(probe.value) ? [found.byId.get(probe.value)!] : [];
    return found.byProbe.get(probeKey(probe)) ?? [];
  });
  if (ident.kind === 'conflict' || ident.kind === 'ambiguous') return rejected(p.row, ident.message);
  if (ident.kind === 'new') {
    if (p.id) return rejected(p.row, `No CI has id ${p.id}; leave id empty to create one.`);
    return { ciId: null };
  }
  if (ident.ci.classKey !== p.classKey) {
    return rejected(
      p.row,
      `${ident.probe.rule} "${ident.probe.value}" identifies "${ident.ci.name}", a ${model.label(ident.ci.classKey)}; an import cannot change a CI's class.`,
    );
  }
  return { ciId: ident.ci.id };
}

type Resolved = { ownerId: string | null | undefined; groupId: string | null | undefined };

async function resolvePeople(db: Db, rows: Prepared[]) {
  const [user, group] = await Promise.all([
    resolveUsers(
      db,
      rows.map((p) => p.owner),
    ),
    resolveGroups(
      db,
      rows.map((p) => p.group),
    ),
  ]);
  return (p: Prepared): Resolved | string => {
    const ownerId = p.owner ? user(p.owner) : p.owner;
    if (p.owner && !ownerId) return `owner "${p.owner}" is not an active user's email or id.`;
    const groupId = p.group ? group(p.group) : p.group;
    if (p.group && !groupId) return `support_group "${p.group}" is not an active group's name or id.`;
    return { ownerId, groupId };
  };
}

type NewCi = Pick<
  CiRow,
  | 'id'
  | 'classKey'
  | 'name'
  | 'status'
  | 'ownerId'
  | 'supportGroupId'
  | 'location'
  | 'description'
  | 'attributes'
>;

function newCi(batch: Batch, p: Prepared, who: Resolved): NewCi | string {
  if (!p.name) return 'name is required to create a CI.';
  const full = validateAttributes(batch.model.attributes(p.classKey), p.attributes);
  if (full.errors.length) return `${full.errors.map((e) => e.message).join('; ')}.`;
  return {
    id: randomUUID(),
    ...newCiFields(
      {
        ...p,
        name: p.name,
        ownerId: who.ownerId,
        supportGroupId: who.groupId,
        description: p.description ?? undefined,
      },
      full.values,
    ),
  };
}

/** The CI as the row would leave it, and what changes; attributes are merged, absent fields kept. */
function updatedCi(cur: CiRow, p: Prepared, who: Resolved): { next: NewCi; changes: CiChange[] } {
  const next: NewCi = {
    ...cur,
    name: p.name ?? cur.name,
    status: p.status ?? cur.status,
    ownerId: who.ownerId === undefined ? cur.ownerId : who.ownerId,
    supportGroupId: who.groupId === undefined ? cur.supportGroupId : who.groupId,
    location: p.location === undefined ? cur.location : p.location,
    description: p.description === undefined ? cur.description : (p.description ?? ''),
    attributes: { ...cur.attributes, ...p.attributes },
  };
  const changes: CiChange[] = [];
  for (const f of CI_CORE_FIELDS) {
    if (next[f] !== cur[f]) changes.push({ ciId: cur.id, field: f, oldValue: cur[f], newValue: next[f] });
  }
  for (const [k, v] of Object.entries(p.attributes)) {
    const old = cur.attributes[k] ?? null;
    if (v !== old) changes.push({ ciId: cur.id, field: `attributes.${k}`, oldValue: old, newValue: v });
  }
  return { next, changes };
}

async function loadForUpdate(batch: Batch, ids: string[]): Promise<Map<string, CiRow>> {
  if (ids.length === 0) return new Map();
  const q = batch.tx.select().from(cis).where(inArray(cis.id, ids));
  const rows = batch.dryRun ? await q : await q.for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

const jsonArray = (values: unknown[]) => sql`${sql.param(values.map((v) => JSON.stringify(v)))}::jsonb[]`;
const nullableArray = (values: (string | null)[], type: 'uuid' | 'text') =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * The batch travels as one JSON document rather than nine arrays: serialising it is one native
 * JSON.stringify instead of escaping every element of every array, and the server reads it in one go.
 */
async function insertCis(tx: Db, rows: NewCi[], at: Date) {
  if (rows.length === 0) return;
  const doc = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      class_key: r.classKey,
      name: r.name,
      status: r.status,
      owner_id: r.ownerId,
      support_group_id: r.supportGroupId,
      location: r.location,
      description: r.description,
      attributes: r.attributes,
    })),
    // As the array parameters did (UTF-8 encoding), a lone surrogate becomes U+FFFD, not an error.
    (_key, value) => (typeof value === 'string' ? value.toWellFormed() : value),
  );
  await queryRows(
    tx,
    sql`insert into cis (id, class_key, name, status, owner_id, support_group_id, location, description, attributes, created_at, updated_at)
        select t.*, ${at}::timestamptz, ${at}::timestamptz from jsonb_to_recordset(${doc}::jsonb) as t(id uuid,
          class_key text, name text, status text, owner_id uuid, support_group_id uuid, location text, description text,
          attributes jsonb)`,
  );
}

async function updateCis(tx: Db, rows: NewCi[], at: Date) {
  if (rows.length === 0) return;
  await queryRows(
    tx,
    sql`update cis set name = u.name, status = u.status, owner_id = u.owner_id, support_group_id = u.support_group_id,
          location = u.location, description = u.description, attributes = u.attributes, updated_at = ${at}::timestamptz,
          version = cis.version + 1
        from unnest(${uuidArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.name))}, ${textArray(rows.map((r) => r.status))},
          ${nullableArray(
            rows.map((r) => r.ownerId),
            'uuid',
          )}, ${nullableArray(
            rows.map((r) => r.supportGroupId),
            'uuid',
          )},
          ${nullableArray(
            rows.map((r) => r.location),
            'text',
          )}, ${textArray(rows.map((r) => r.description))},
          ${jsonArray(rows.map((r) => r.attributes))}) as u(id, name, status, owner_id, support_group_id, location, description, attributes)
        where cis.id = u.id`,
  );
}

type Plan = { inserts: NewCi[]; updates: NewCi[]; changes: CiChange[] };

async function plan(batch: Batch, prepared: Prepared[], out: Map<number, RowOutcome>): Promise<Plan> {
  const found = await lookup(batch, prepared);
  const who = await resolvePeople(batch.tx, prepared);
  const idents = prepared.map((p) => ({ p, ident: identifyRow(p, found, batch.model) }));
  const matched = idents.flatMap(({ ident }) => ('ciId' in ident && ident.ciId ? [ident.ciId] : []));
  const current = await loadForUpdate(batch, matched);
  const result: Plan = { inserts: [], updates: [], changes: [] };
  for (const { p, ident } of idents) {
    const resolved = who(p);
    // Two rows identifying one CI by different rules would overwrite each other.
    const dupe =
      'ciId' in ident && ident.ciId ? claimKeys(batch.seen, p.row, [`ci:${ident.ciId}`], 'CI') : null;
    if (!('ciId' in ident)) out.set(p.row, ident);
    else if (dupe) out.set(p.row, rejected(p.row, `Identifies ${dupe}.`));
    else if (typeof resolved === 'string') out.set(p.row, rejected(p.row, resolved));
    else if (ident.ciId === null) {
      const ci = newCi(batch, p, resolved);
      if (typeof ci === 'string') out.set(p.row, rejected(p.row, ci));
      else {
        result.inserts.push(ci);
        result.changes.push({ ciId: ci.id, field: 'created', oldValue: null, newValue: ci.name });
        out.set(p.row, { row: p.row, outcome: 'created', targetId: ci.id, message: null });
      }
    } else {
      const { next, changes } = updatedCi(current.get(ident.ciId)!, p, resolved);
      if (changes.length === 0)
        out.set(p.row, { row: p.row, outcome: 'unchanged', targetId: next.id, message: null });
      else {
        result.updates.push(next);
        result.changes.push(...changes);
        out.set(p.row, {
          row: p.row,
          outcome: 'updated',
          targetId: next.id,
          message: `changed ${changes.map((c) => c.field).join(', ')}`,
        });
      }
    }
  }
  return result;
}

/** Reference attributes point at CIs that must exist; checked per row, and only for classes that have them. */
async function checkRowReferences(
  batch: Batch,
  prepared: Prepared[],
  out: Map<number, RowOutcome>,
): Promise<Prepared[]> {
  const ok: Prepared[] = [];
  for (const p of prepared) {
    const hasRefs = batch.model.attributes(p.classKey).some((d) => d.type === 'reference');
    const errors = hasRefs ? await checkReferences(batch.tx, batch.model, p.classKey, p.attributes) : [];
    if (errors.length)
      out.set(p.row, rejected(p.row, `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`));
    else ok.push(p);
  }
  return ok;
}

/** Reconcile the rows that read well, their outcomes to `out`. */
async function reconcile(batch: Batch, prepared: Prepared[], out: Map<number, RowOutcome>): Promise<void> {
  const checked = await checkRowReferences(batch, prepared, out);
  const { inserts, updates, changes } = await plan(batch, checked, out);
  if (!batch.dryRun) {
    await insertCis(batch.tx, inserts, batch.at);
    await updateCis(batch.tx, updates, batch.at);
    await writeCiHistory(batch.tx, batch.actorId, batch.at, changes);
  }
}

export const ciImporter: Importer = importerOf<Prepared>(
  { parse: prepare, keys: keysOf, what: 'CI', verb: 'Identifies' },
  reconcile,
);
