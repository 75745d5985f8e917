/**
 * A record type's own columns, kept in its detail table keyed by record id (composition: the
 * `records` table holds only what every type has). The type says which body fields are its own and
 * how to load and save them; the generic routes split bodies and merge views with these helpers.
 */
import type { Db } from '../../db/client.ts';
import type { Change } from './service.ts';

export type DetailValues = Record<string, unknown>;

export type RecordDetail = {
  /** Body fields stored in the detail table; the view shows them under the same names. */
  fields: readonly string[];
  /** The detail values of these records (records without a row are left out). */
  load(db: Db, recordIds: string[]): Promise<Map<string, DetailValues>>;
  /**
   * Write the given values (all of them on create, the sent ones on a patch) in the record's
   * transaction; `before` is the stored row, if any. Answers the changes, for history.
   */
  save(tx: Db, recordId: string, values: DetailValues, before: DetailValues | undefined): Promise<Change[]>;
};

/** The body without the detail fields, and the detail fields that were sent. */
export function splitDetail<T extends object>(
  detail: RecordDetail | undefined,
  body: T,
): { base: T; values: DetailValues | undefined } {
  if (!detail) return { base: body, values: undefined };
  const base: Record<string, unknown> = {};
  const values: DetailValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (!detail.fields.includes(k)) base[k] = v;
    else if (v !== undefined) values[k] = v;
  }
  return { base: base as T, values };
}

/** Each view with its record's detail values; `null` for a field without a stored value. */
export async function withDetails<V extends { id: string }>(
  db: Db,
  detail: RecordDetail | undefined,
  views: V[],
): Promise<V[]> {
  if (!detail || views.length === 0) return views;
  const loaded = await detail.load(
    db,
    views.map((v) => v.id),
  );
  const empty = Object.fromEntries(detail.fields.map((f) => [f, null]));
  return views.map((v) => ({ ...v, ...empty, ...loaded.get(v.id) }));
}

/** The writes of a detail patch inside `updateRecord`: whether it changes anything and how to save it. */
export function detailPatch(detail: RecordDetail | undefined, values: DetailValues | undefined) {
  if (!detail || !values || Object.keys(values).length === 0) return undefined;
  return {
    save: async (tx: Db, recordId: string) =>
      detail.save(tx, recordId, values, (await detail.load(tx, [recordId])).get(recordId)),
  };
}
