/** Field history of CIs and assets, written in the transaction that makes the change. */
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../../db/client.ts';
import { assetHistory } from './assets/schema.ts';
import { textArray, uuidArray } from './model.ts';
import { historyText } from './present.ts';
import type { ciHistory } from './schema.ts';

export type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

/** The fields whose value differs between `before` and `after`, in the order given. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: { [K in keyof T]?: unknown },
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields
    .filter((f) => after[f] !== undefined && after[f] !== before[f])
    .map((f) => ({ field: f, oldValue: before[f], newValue: after[f] }));
}

/**
 * Changes to rows of one table (any of the CMDB history tables: `table`, whose column `key` names
 * the changed row, `rowOf` a change's), one or many, in one statement.
 */
export async function writeFieldHistory<C extends FieldChange>(
  tx: Db,
  table: typeof ciHistory | typeof assetHistory,
  key: PgColumn,
  rowOf: (c: C) => string,
  actorId: string | null,
  at: Date,
  changes: C[],
) {
  if (changes.length === 0) return;
  await queryRows(
    tx,
    sql`insert into ${table} (${sql.identifier(key.name)}, actor_id, at, field, old_value, new_value)
        select r, ${actorId}::uuid, ${at}::timestamptz, f, o, n
        from unnest(${uuidArray(changes.map(rowOf))}, ${textArray(changes.map((c) => c.field))},
                    ${sql.param(changes.map((c) => historyText(c.oldValue)))}::text[],
                    ${sql.param(changes.map((c) => historyText(c.newValue)))}::text[]) as h(r, f, o, n)`,
  );
}

/** Changes to one or many assets, in one statement. */
export async function writeAssetHistory(
  tx: Db,
  actorId: string | null,
  at: Date,
  changes: (FieldChange & { assetId: string })[],
) {
  await writeFieldHistory(tx, assetHistory, assetHistory.assetId, (c) => c.assetId, actorId, at, changes);
}
