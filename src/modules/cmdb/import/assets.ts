/**
 * Importing assets: identified by asset tag, then serial number; a row becomes a new asset, an
 * update (lifecycle moves must be allowed ones), "unchanged", or a rejection with the reason.
 * References (person, supplier, CI) are resolved for the whole batch at once.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { type AssetState, checkAssetTransition } from '../../../domain/cmdb/assets.ts';
import { checkDepreciation } from '../../../domain/cmdb/depreciation.ts';
import {
  type IdentityMatch,
  type IdentityProbe,
  identify,
  identityValue,
  probeKey,
} from '../../../domain/cmdb/identify.ts';
import type { AssetRow } from '../assets/present.ts';
import { assets } from '../assets/schema.ts';
import { ASSET_FIELDS, type AssetFields, EMPTY_ASSET_FIELDS } from '../assets/service.ts';
import { diffFields, type FieldChange, writeAssetHistory } from '../history.ts';
import { type AssetRefs, type AssetRowFields, readAssetRow } from './asset-fields.ts';
import { resolveCiRefs } from './ci-refs.ts';
import { resolveSuppliers, resolveUsers } from './people.ts';
import type { ImportRow } from './rows.ts';
import { type Batch, claimKeys, type Importer, importerOf, type RowOutcome, rejected } from './types.ts';

type Prepared = { row: number; fields: AssetRowFields; refs: AssetRefs; probes: IdentityProbe[] };

function prepare(r: ImportRow): Prepared | RowOutcome {
  if (r.problem) return rejected(r.row, `Row ${r.problem}.`);
  const read = readAssetRow(r);
  if (typeof read === 'string') return rejected(r.row, read);
  const probes: IdentityProbe[] = [];
  for (const [rule, v] of [
    ['asset_tag', read.fields.assetTag],
    ['serial_number', read.fields.serialNumber],
  ] as const) {
    const value = identityValue(v ?? null);
    if (value !== null) probes.push({ rule, scope: 'asset', exact: true, value });
  }
  if (probes.length === 0)
    return rejected(r.row, 'asset_tag or serial_number is required to identify the asset.');
  return { row: r.row, ...read, probes };
}

async function lookup(batch: Batch, prepared: Prepared[]) {
  const tags = prepared.flatMap((p) => p.probes.filter((q) => q.rule === 'asset_tag').map((q) => q.value));
  const serials = prepared.flatMap((p) =>
    p.probes.filter((q) => q.rule === 'serial_number').map((q) => q.value),
  );
  const rows =
    tags.length + serials.length
      ? await batch.tx
          .select()
          .from(assets)
          .where(
            or(
              sql`lower(${assets.assetTag}) = any(${sql.param(tags)}::text[])`,
              sql`lower(${assets.serialNumber}) = any(${sql.param(serials)}::text[])`,
            ),
          )
      : [];
  const found = new Map<string, AssetRow[]>();
  for (const a of rows) {
    for (const [rule, v] of [
      ['asset_tag', a.assetTag],
      ['serial_number', a.serialNumber],
    ] as const) {
      const value = identityValue(v);
      if (value === null) continue;
      const key = probeKey({ rule, scope: 'asset', exact: true, value });
      found.set(key, [...(found.get(key) ?? []), a]);
    }
  }
  return found;
}

async function resolver(batch: Batch, prepared: Prepared[]) {
  const [user, supplier, ci] = await Promise.all([
    resolveUsers(
      batch.tx,
      prepared.map((p) => p.refs.assignedTo),
    ),
    resolveSuppliers(
      batch.tx,
      prepared.map((p) => p.refs.supplier),
    ),
    resolveCiRefs(
      batch.tx,
      batch.model,
      prepared.flatMap((p) => (p.refs.ci ? [{ value: p.refs.ci, classKey: p.refs.ciClass }] : [])),
    ),
  ]);
  return (p: Prepared): Partial<AssetFields> | string => {
    const out: Partial<AssetFields> = {};
    const { assignedTo, supplier: s, ci: c, ciClass } = p.refs;
    if (assignedTo !== undefined)
      out.assignedToId = assignedTo === null ? null : (user(assignedTo) ?? undefined);
    if (assignedTo && !out.assignedToId)
      return `assigned_to "${assignedTo}" is not an active user's email or id.`;
    if (s !== undefined) out.supplierId = s === null ? null : (supplier(s) ?? undefined);
    if (s && !out.supplierId) return `supplier "${s}" is not a supplier organisation's name or id.`;
    if (c !== undefined && c !== null) {
      const hit = ci({ value: c, classKey: ciClass });
      if (typeof hit === 'string') return `ci: ${hit}.`;
      out.ciId = hit.id;
    } else if (c === null) out.ciId = null;
    return out;
  };
}

/** Checks that need no database once references are resolved. */
function fieldProblems(a: AssetFields & { state: AssetState }): string | null {
  const problems = checkDepreciation({ ...a, method: a.depreciationMethod }).map(
    (p) => `${p.field} ${p.message}`,
  );
  if (a.purchaseDate && a.warrantyEnd && a.warrantyEnd < a.purchaseDate)
    problems.push('warranty_end must not be before purchase_date');
  if (a.cost !== null && a.currency === null) problems.push('currency is required with a cost');
  if (a.state === 'deployed' && !a.assignedToId && !a.location)
    problems.push('a deployed asset must be assigned to a person or a location');
  return problems.length ? `${problems.join('; ')}.` : null;
}

type Decision =
  | { kind: 'create'; row: AssetRow }
  | { kind: 'update'; row: AssetRow; changes: FieldChange[] }
  | { kind: 'unchanged'; id: string }
  | RowOutcome;

function decide(batch: Batch, p: Prepared, cur: AssetRow | null, refs: Partial<AssetFields>): Decision {
  const given = { ...p.fields, ...refs };
  if (!cur) {
    if (!given.assetTag || !given.name)
      return rejected(p.row, 'asset_tag and name are required to create an asset.');
    const row = {
      ...EMPTY_ASSET_FIELDS,
      ...given,
      state: given.state ?? 'in_stock',
      id: randomUUID(),
      createdAt: batch.at,
      updatedAt: batch.at,
      version: 1,
    } as AssetRow & AssetFields;
    const problem = fieldProblems({ ...row, state: row.state as AssetState });
    return problem ? rejected(p.row, problem) : { kind: 'create', row };
  }
  const next = { ...cur, ...given } as AssetRow & AssetFields;
  const changes = diffFields(cur, given, [...ASSET_FIELDS, 'state']);
  if (changes.length === 0) return { kind: 'unchanged', id: cur.id };
  if (next.state !== cur.state) {
    const check = checkAssetTransition(cur.state as AssetState, next.state as AssetState, next);
    if (!check.ok) return rejected(p.row, check.message);
  }
  const problem = fieldProblems({ ...next, state: next.state as AssetState });
  return problem ? rejected(p.row, problem) : { kind: 'update', row: next, changes };
}

async function ciTakenBy(batch: Batch, ciIds: string[]): Promise<Map<string, AssetRow>> {
  if (ciIds.length === 0) return new Map();
  const rows = await batch.tx.select().from(assets).where(inArray(assets.ciId, ciIds));
  return new Map(rows.map((r) => [r.ciId!, r]));
}

async function write(batch: Batch, decisions: Decision[]) {
  const creates = decisions.flatMap((d) => ('kind' in d && d.kind === 'create' ? [d.row] : []));
  const updates = decisions.flatMap((d) => ('kind' in d && d.kind === 'update' ? [d] : []));
  if (creates.length) await batch.tx.insert(assets).values(creates);
  for (const u of updates) {
    const set = Object.fromEntries(u.changes.map((c) => [c.field, c.newValue]));
    await batch.tx
      .update(assets)
      .set({ ...set, updatedAt: batch.at, version: sql`${assets.version} + 1` })
      .where(eq(assets.id, u.row.id));
  }
  await writeAssetHistory(batch.tx, batch.actorId, batch.at, [
    ...creates.map((c) => ({ assetId: c.id, field: 'created', oldValue: null, newValue: c.state })),
    ...updates.flatMap((u) => u.changes.map((c) => ({ ...c, assetId: u.row.id }))),
  ]);
}

function outcomeOf(row: number, d: Decision): RowOutcome {
  if (!('kind' in d)) return d;
  if (d.kind === 'unchanged') return { row, outcome: 'unchanged', targetId: d.id, message: null };
  if (d.kind === 'create') return { row, outcome: 'created', targetId: d.row.id, message: null };
  return {
    row,
    outcome: 'updated',
    targetId: d.row.id,
    message: `changed ${d.changes.map((c) => c.field).join(', ')}`,
  };
}

type Pending = { p: Prepared; d: Decision };

/** Identify each row and decide what it becomes. */
function decideAll(
  batch: Batch,
  prepared: Prepared[],
  found: Map<string, AssetRow[]>,
  resolve: (p: Prepared) => Partial<AssetFields> | string,
  out: Map<number, RowOutcome>,
): Pending[] {
  const pending: Pending[] = [];
  for (const p of prepared) {
    const refs = resolve(p);
    if (typeof refs === 'string') {
      out.set(p.row, rejected(p.row, refs));
      continue;
    }
    const matches = (q: IdentityProbe) =>
      (found.get(probeKey(q)) ?? []).map(
        (a): IdentityMatch => ({ id: a.id, name: a.assetTag, classKey: 'asset' }),
      );
    const ident = identify(p.probes, matches);
    if (ident.kind === 'conflict' || ident.kind === 'ambiguous')
      out.set(p.row, rejected(p.row, ident.message));
    else {
      const cur = ident.kind === 'match' ? found.get(probeKey(ident.probe))![0]! : null;
      pending.push({ p, d: decide(batch, p, cur, refs) });
    }
  }
  return pending;
}

const linkedCi = (d: Decision) => ('kind' in d && d.kind !== 'unchanged' ? d.row.ciId : null);

/** A CI is represented by at most one asset: in the database and within the file. */
async function checkCiLinks(
  batch: Batch,
  pending: Pending[],
  out: Map<number, RowOutcome>,
): Promise<Decision[]> {
  const taken = await ciTakenBy(
    batch,
    pending.flatMap(({ d }) => linkedCi(d) ?? []),
  );
  return pending.map(({ p, d }) => {
    const ciId = linkedCi(d);
    const owner = ciId ? taken.get(ciId) : undefined;
    let final = d;
    if (ciId && owner && 'kind' in d && d.kind !== 'unchanged' && owner.id !== d.row.id)
      final = rejected(p.row, `The CI is already represented by asset ${owner.assetTag}.`);
    else if (ciId) {
      const dupe = claimKeys(batch.seen, p.row, [`ci:${ciId}`], 'CI');
      if (dupe) final = rejected(p.row, `Links ${dupe}.`);
    }
    out.set(p.row, outcomeOf(p.row, final));
    return final;
  });
}

/** Reconcile the rows that read well, their outcomes to `out`. */
async function reconcile(batch: Batch, prepared: Prepared[], out: Map<number, RowOutcome>): Promise<void> {
  const [found, resolve] = await Promise.all([lookup(batch, prepared), resolver(batch, prepared)]);
  const decisions = await checkCiLinks(batch, decideAll(batch, prepared, found, resolve, out), out);
  if (!batch.dryRun) await write(batch, decisions);
}

export const assetImporter: Importer = importerOf<Prepared>(
  {
    parse: (_model, r) => prepare(r),
    keys: (p) => p.probes.map(probeKey),
    what: 'asset',
    verb: 'Identifies',
  },
  reconcile,
);
