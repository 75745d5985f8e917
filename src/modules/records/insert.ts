/**
 * The single-statement insert of a record: settings lookup, number and insert in one round trip.
 * Its column list is generated from the Drizzle table, so the two cannot drift apart.
 */
import { getTableColumns } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, statementRows } from '../../db/client.ts';
import { DEFAULT_PRIORITY_MATRIX, derivePriority } from '../../domain/priority.ts';
import { DEFAULT_LIFECYCLES } from '../settings/index.ts';
import type { RecordRow } from './access.ts';
import { numberSequenceName } from './numbering.ts';
import { records } from './schema.ts';
import type { CreateRecordInput } from './service.ts';
import type { RecordTypeConfig } from './types.ts';

/**
 * One statement, one round trip, atomic: read the process's lifecycle and priority matrix,
 * allocate the number (only when the requester is valid, so no number is wasted) and insert the
 * record. Creation needs no history row: the record's own created_at and created_by say it, and
 * the activity stream shows them first. Returns the new row, the requester's name, email and
 * organisation, and the lifecycle.
 */
// Every column but the full-text vector, which only the database needs.
const RETURNED_COLUMNS = Object.values(getTableColumns(records))
  .map((c) => c.name)
  .filter((n) => n !== 'search')
  .join(', ');

/**
 * The value of each inserted column, by the Drizzle table's property names; the SQL column names
 * come from the table definition, so a renamed or retyped column cannot drift from this statement.
 * Parameters: $1 requester, $2/$3 setting keys, $4 sequence, then the values in `insertRecordRow`.
 */
const INSERT_VALUES: Partial<Record<keyof typeof records.$inferInsert, string>> = {
  type: '$5::text',
  number: `$6::text || lpad(seq.n::text, greatest(7, length(seq.n::text)), '0')`,
  title: '$7::text',
  description: '$8::text',
  state: `coalesce(cfg.lifecycle->>'initial', $9::text)`,
  impact: '$10::int',
  urgency: '$11::int',
  priority: `coalesce((cfg.matrix -> ($10::int - 1) ->> ($11::int - 1))::int, $12::int)`,
  category: '$13::text',
  subcategory: '$14::text',
  channel: '$15::text',
  requesterId: '$1::uuid',
  assigneeId: '$16::uuid',
  groupId: '$17::uuid',
  serviceId: '$18::uuid',
  createdBy: '$19::uuid',
  createdAt: '$20::timestamptz',
  updatedAt: '$20::timestamptz',
};
const TABLE_COLUMNS = getTableColumns(records);
const INSERT_ENTRIES = Object.entries(INSERT_VALUES) as [keyof typeof TABLE_COLUMNS, string][];

const INSERT_RECORD_SQL = `with req as (select id, name, email, organisation_id from users where id = $1::uuid and active),
  cfg as (select (select value from process_settings where key = $2) as lifecycle,
                 (select value from process_settings where key = $3) as matrix),
  seq as (select nextval($4::regclass) as n where exists (select 1 from req)),
  rec as (
    insert into records (${INSERT_ENTRIES.map(([k]) => TABLE_COLUMNS[k].name).join(', ')})
    select ${INSERT_ENTRIES.map(([, v]) => v).join(', ')}
    from seq, cfg
    returning ${RETURNED_COLUMNS}
  )
  select rec.*, req.name as requester_name, req.email as requester_email,
    req.organisation_id as requester_organisation_id, cfg.lifecycle as lifecycle_json from rec, req, cfg`;

export async function insertRecordRow(
  ctx: AppContext,
  tx: Db | null,
  createdBy: string | null,
  cfg: RecordTypeConfig,
  v: CreateRecordInput & { requesterId: string; impact: number; urgency: number },
): Promise<Record<string, unknown> | undefined> {
  const params = [
    v.requesterId,
    `${cfg.process}.lifecycle`,
    `${cfg.process}.priority_matrix`,
    numberSequenceName(cfg.prefix),
    cfg.type,
    cfg.prefix,
    v.title,
    v.description ?? '',
    DEFAULT_LIFECYCLES[cfg.process].initial,
    v.impact,
    v.urgency,
    derivePriority(DEFAULT_PRIORITY_MATRIX, v.impact, v.urgency),
    v.category ?? null,
    v.subcategory ?? null,
    v.channel ?? 'portal',
    v.assigneeId ?? null,
    v.groupId ?? null,
    v.serviceId ?? null,
    createdBy,
    ctx.clock.now(),
  ];
  // The same prepared statement inside a transaction (on its connection) and outside one.
  const [raw] = await statementRows<Record<string, unknown>>(
    tx ?? ctx.db,
    'records.insert',
    INSERT_RECORD_SQL,
    params,
  );
  return raw;
}

const RECORD_COLUMNS = Object.entries(getTableColumns(records));

/** Map a raw `records` row (snake_case, from hand-written SQL) to Drizzle's camelCase shape. */
export function recordRowFromSql(raw: Record<string, unknown>): RecordRow {
  const row: Record<string, unknown> = {};
  for (const [key, col] of RECORD_COLUMNS) {
    const v = raw[col.name];
    row[key] = col.dataType === 'date' && v !== null && !(v instanceof Date) ? new Date(String(v)) : v;
  }
  return row as RecordRow;
}
