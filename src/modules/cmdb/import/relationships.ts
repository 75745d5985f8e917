/**
 * Importing relationships: rows of `type, from, to` (with optional `from_class`, `to_class`), the
 * ends named as in ci-refs.ts. A relationship that exists is "unchanged"; relationships are never
 * updated or removed by an import. Allowed class pairs are enforced as in the API.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { relationshipChanges, writeCiHistory } from '../ci-store.ts';
import { type ClassModel, textArray, uuidArray } from '../model.ts';
import { relationshipProblem, relationshipType } from '../relationships.ts';
import { resolveCiRefs } from './ci-refs.ts';
import { type ImportRow, textField } from './rows.ts';
import { type Batch, claimKeys, type Importer, importerOf, type RowOutcome, rejected } from './types.ts';

type Prepared = {
  row: number;
  type: string;
  from: string;
  to: string;
  fromClass: string | null;
  toClass: string | null;
};

function prepare(model: ClassModel, r: ImportRow): Prepared | RowOutcome {
  if (r.problem) return rejected(r.row, `Row ${r.problem}.`);
  const type = textField(r, 'type');
  const from = textField(r, 'from');
  const to = textField(r, 'to');
  const missing = [!type && 'type', !from && 'from', !to && 'to'].filter(Boolean);
  if (missing.length)
    return rejected(r.row, `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required.`);
  if (!relationshipType(type!)) return rejected(r.row, `Unknown relationship type "${type}".`);
  const fromClass = textField(r, 'from_class') ?? null;
  const toClass = textField(r, 'to_class') ?? null;
  for (const c of [fromClass, toClass])
    if (c && !model.get(c)) return rejected(r.row, `Unknown class "${c}".`);
  return { row: r.row, type: type!, from: from!, to: to!, fromClass, toClass };
}

const keyOf = (p: Prepared) => `rel:${p.from.toLowerCase()}\u001f${p.type}\u001f${p.to.toLowerCase()}`;

type Edge = {
  row: number;
  id: string | null;
  type: string;
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
};

async function existing(db: Db, edges: Edge[]): Promise<Map<string, string>> {
  if (edges.length === 0) return new Map();
  const rows = await queryRows<{ id: string; from_id: string; type_key: string; to_id: string }>(
    db,
    sql`select r.id, r.from_id, r.type_key, r.to_id from ci_relationships r
        join unnest(${uuidArray(edges.map((e) => e.fromId))}, ${textArray(edges.map((e) => e.type))}, ${uuidArray(edges.map((e) => e.toId))})
          as w(f, t, o) on r.from_id = w.f and r.type_key = w.t and r.to_id = w.o`,
  );
  return new Map(rows.map((r) => [`${r.from_id}|${r.type_key}|${r.to_id}`, r.id]));
}

/** Resolve both ends and check the pair, giving an edge to create or a rejection. */
async function toEdges(batch: Batch, prepared: Prepared[], out: Map<number, RowOutcome>): Promise<Edge[]> {
  const resolve = await resolveCiRefs(
    batch.tx,
    batch.model,
    prepared.flatMap((p) => [
      { value: p.from, classKey: p.fromClass },
      { value: p.to, classKey: p.toClass },
    ]),
  );
  const edges: Edge[] = [];
  for (const p of prepared) {
    const from = resolve({ value: p.from, classKey: p.fromClass });
    const to = resolve({ value: p.to, classKey: p.toClass });
    if (typeof from === 'string' || typeof to === 'string') {
      out.set(
        p.row,
        rejected(
          p.row,
          `${[typeof from === 'string' && `from: ${from}`, typeof to === 'string' && `to: ${to}`].filter(Boolean).join('; ')}.`,
        ),
      );
      continue;
    }
    if (from.id === to.id) {
      out.set(p.row, rejected(p.row, 'A CI cannot have a relationship with itself.'));
      continue;
    }
    const problem = relationshipProblem(batch.model, p.type, from.classKey, to.classKey);
    if (problem) out.set(p.row, rejected(p.row, problem));
    else
      edges.push({
        row: p.row,
        id: null,
        type: p.type,
        fromId: from.id,
        toId: to.id,
        fromName: from.name,
        toName: to.name,
      });
  }
  return edges;
}

async function insertEdges(batch: Batch, edges: Edge[]) {
  if (edges.length === 0) return;
  await queryRows(
    batch.tx,
    sql`insert into ci_relationships (id, type_key, from_id, to_id, created_by, created_at)
        select e.id, e.t, e.f, e.o, ${batch.actorId}::uuid, ${batch.at}::timestamptz
        from unnest(${uuidArray(edges.map((e) => e.id!))}, ${textArray(edges.map((e) => e.type))},
                    ${uuidArray(edges.map((e) => e.fromId))}, ${uuidArray(edges.map((e) => e.toId))}) as e(id, t, f, o)
        on conflict (from_id, type_key, to_id) do nothing`,
  );
  const history = edges.flatMap((e) =>
    relationshipChanges(
      'added',
      relationshipType(e.type)!,
      { id: e.fromId, name: e.fromName },
      { id: e.toId, name: e.toName },
    ),
  );
  await writeCiHistory(batch.tx, batch.actorId, batch.at, history);
}

/** Reconcile the rows that read well, their outcomes to `out`. */
async function reconcile(batch: Batch, prepared: Prepared[], out: Map<number, RowOutcome>): Promise<void> {
  const edges = await toEdges(batch, prepared, out);
  const found = await existing(batch.tx, edges);
  const fresh: Edge[] = [];
  for (const e of edges) {
    const id = found.get(`${e.fromId}|${e.type}|${e.toId}`);
    const dupe = claimKeys(batch.seen, e.row, [`edge:${e.fromId}|${e.type}|${e.toId}`], 'relationship');
    if (dupe) out.set(e.row, rejected(e.row, `Names ${dupe}.`));
    else if (id) out.set(e.row, { row: e.row, outcome: 'unchanged', targetId: id, message: null });
    else {
      const created = { ...e, id: randomUUID() };
      fresh.push(created);
      out.set(e.row, { row: e.row, outcome: 'created', targetId: created.id, message: null });
    }
  }
  if (!batch.dryRun) await insertEdges(batch, fresh);
}

export const relationshipImporter: Importer = importerOf<Prepared>(
  {
    parse: prepare,
    keys: (p) => [keyOf(p)],
    what: 'relationship',
    verb: 'Names',
  },
  reconcile,
);
