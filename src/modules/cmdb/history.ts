/** Field history of assets, written in the transaction that makes the change. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { textArray, uuidArray } from './model.ts';
import { historyText } from './present.ts';

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

/** Changes to one or many assets, in one statement. */
export async function writeAssetHistory(
  tx: Db,
  actorId: string | null,
  at: Date,
  changes: (FieldChange & { assetId: string })[],
) {
  if (changes.length === 0) return;
  await queryRows(
    tx,
    sql`insert into asset_history (asset_id, actor_id, at, field, old_value, new_value)
        select a, ${actorId}::uuid, ${at}::timestamptz, f, o, n
        from unnest(${uuidArray(changes.map((c) => c.assetId))}, ${textArray(changes.map((c) => c.field))},
                    ${sql.param(changes.map((c) => historyText(c.oldValue)))}::text[],
                    ${sql.param(changes.map((c) => historyText(c.newValue)))}::text[]) as h(a, f, o, n)`,
  );
}
