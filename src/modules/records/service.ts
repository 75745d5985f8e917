/**
 * Use cases shared by every process on the records core: create, update fields, take a lifecycle
 * transition. Each writes field history in the same transaction and bumps `version` for
 * optimistic concurrency (a stale `expectedVersion` answers 412 and changes nothing).
 */
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, queryRows, sqlWithParams } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import { type Lifecycle, stateOf } from '../../domain/lifecycle/engine.ts';
import { DEFAULT_PRIORITY_MATRIX, derivePriority } from '../../domain/priority.ts';
import { isEditableState } from '../../domain/records/policy.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden, invalid } from '../../errors.ts';
import { groupMembers, groups, users } from '../auth/index.ts';
import { DEFAULT_LIFECYCLES, getLifecycle, getPriorityMatrix } from '../settings/index.ts';
import { loadRecord, type RecordRow } from './access.ts';
import { emitRecordEvent, needsRecordHooks, type RecordEventContext } from './events.ts';
import { numberSequenceName } from './numbering.ts';
import { type GroupRef, type PersonRef, presentRecord, type RecordView } from './present.ts';
import { recordHistory, records } from './schema.ts';
import type { RecordTypeConfig } from './types.ts';

export type Change = { field: string; oldValue: unknown; newValue: unknown };

// Other modules load records through here, with the same visibility rules as the records core.
export { type AccessibleRecord, loadRecord, type RecordRow } from './access.ts';

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);

export async function writeHistory(
  tx: Db,
  recordId: string,
  actorId: string | null,
  at: Date,
  changes: Change[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(recordHistory).values(
    changes.map((c) => ({
      recordId,
      actorId,
      at,
      field: c.field,
      oldValue: asText(c.oldValue),
      newValue: asText(c.newValue),
    })),
  );
}

// One optimistic-concurrency check for every versioned row; re-exported for the modules that import it from here.
export { assertVersion } from '../../db/version.ts';

/**
 * Check that referenced people and groups exist, are active, and that the assignee belongs to
 * the group. Returns their names so the caller can present the record without reading them again.
 */
export async function checkAssignment(
  db: Db,
  assigneeId: string | null | undefined,
  groupId: string | null | undefined,
): Promise<{ people: PersonRef[]; groups: GroupRef[] }> {
  const errors = [];
  const found: { people: PersonRef[]; groups: GroupRef[] } = { people: [], groups: [] };
  if (assigneeId) {
    const [u] = await db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        inGroup: groupId
          ? sql<boolean>`exists (select 1 from group_members m where m.user_id = ${users.id} and m.group_id = ${groupId})`
          : sql<boolean>`true`,
      })
      .from(users)
      .where(eq(users.id, assigneeId));
    if (!u?.active) errors.push({ field: 'assigneeId', message: 'no active user with this id' });
    else if (!u.inGroup)
      errors.push({ field: 'assigneeId', message: 'the assignee is not a member of the assignment group' });
    else found.people.push({ id: u.id, name: u.name, email: u.email });
  }
  if (groupId) {
    const [g] = await db
      .select({ id: groups.id, name: groups.name, active: groups.active })
      .from(groups)
      .where(eq(groups.id, groupId));
    if (!g?.active) errors.unshift({ field: 'groupId', message: 'no active group with this id' });
    else found.groups.push({ id: g.id, name: g.name });
  }
  if (errors.length) throw invalid(errors);
  return found;
}

export type CreateRecordInput = {
  title: string;
  description?: string | undefined;
  impact?: number | undefined;
  urgency?: number | undefined;
  category?: string | null | undefined;
  subcategory?: string | null | undefined;
  channel?: string | undefined;
  requesterId?: string | undefined;
  assigneeId?: string | null | undefined;
  groupId?: string | null | undefined;
  serviceId?: string | null | undefined;
};

export type CreateRecordOptions = {
  /**
   * Work that must commit or fail with the record (e.g. linking CIs named at creation); runs in
   * the creating transaction after the insert and the `created` hooks.
   */
  withRecord?: (tx: Db, record: RecordRow) => Promise<void>;
};

export async function createRecord(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  input: CreateRecordInput,
  opts: CreateRecordOptions = {},
): Promise<RecordView> {
  if (!can(actor, 'record.create')) throw forbidden('This credential may not create records.');
  const requesterId = input.requesterId ?? actor.userId;
  if (requesterId !== actor.userId && !can(actor, 'record.create_for_others')) {
    throw forbidden('Only agents may raise a record on behalf of someone else.');
  }
  const assigning = input.assigneeId || input.groupId;
  if (assigning && !can(actor, 'record.assign')) throw forbidden('Only agents may assign records.');
  const staffOnly = input.impact !== undefined && !can(actor, 'record.update');
  const known = await checkAssignment(ctx.db, input.assigneeId, input.groupId);
  // Requesters state urgency; impact is an agent's assessment and defaults to low.
  const impact = staffOnly ? 3 : (input.impact ?? 3);
  const urgency = input.urgency ?? 3;
  const values = { ...input, requesterId, impact, urgency };
  const insert = async (tx: Db | null) => {
    const raw = await insertRecordRow(ctx, tx, actor.userId, cfg, values);
    if (!raw) throw invalid([{ field: 'requesterId', message: 'no active user with this id' }]);
    const row = recordRowFromSql(raw);
    const lifecycle = (raw.lifecycle_json as Lifecycle | null) ?? DEFAULT_LIFECYCLES[cfg.process];
    if (tx) {
      await emitRecordEvent(
        { kind: 'created', record: row },
        { ctx, tx, cfg, lifecycle, actorId: actor.userId, at: row.createdAt },
      );
      await opts.withRecord?.(tx, row);
    }
    return { raw, row, lifecycle };
  };
  // With no active hook wanting 'created' and no follow-up work, the create is a single
  // statement and needs no transaction.
  const transactional = opts.withRecord !== undefined || (await needsRecordHooks('created', ctx, cfg, input));
  if (transactional) {
    // Hooks (automation rules, watchers, linked CIs) may have changed the record after the
    // insert: answer with the record as committed.
    const { row } = await ctx.db.transaction((tx) => insert(tx));
    return getRecordView(ctx, actor, cfg, row.id);
  }
  const { raw, row, lifecycle } = await insert(null);
  known.people.push({
    id: requesterId,
    name: String(raw.requester_name),
    email: String(raw.requester_email),
  });
  return (await presentRecord(ctx.db, actor, lifecycle, [{ row, watcherIds: [] }], known))[0]!;
}

/**
 * One statement, one round trip, atomic: read the process's lifecycle and priority matrix,
 * allocate the number (only when the requester is valid, so no number is wasted) and insert the
 * record. Creation needs no history row: the record's own created_at and created_by say it, and
 * the activity stream shows them first. Returns the new row, the requester's name and the lifecycle.
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

const INSERT_RECORD_SQL = `with req as (select id, name, email from users where id = $1::uuid and active),
  cfg as (select (select value from process_settings where key = $2) as lifecycle,
                 (select value from process_settings where key = $3) as matrix),
  seq as (select nextval($4::regclass) as n where exists (select 1 from req)),
  rec as (
    insert into records (${INSERT_ENTRIES.map(([k]) => TABLE_COLUMNS[k].name).join(', ')})
    select ${INSERT_ENTRIES.map(([, v]) => v).join(', ')}
    from seq, cfg
    returning ${RETURNED_COLUMNS}
  )
  select rec.*, req.name as requester_name, req.email as requester_email, cfg.lifecycle as lifecycle_json from rec, req, cfg`;

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
  if (!tx)
    return (
      await ctx.database.prepared<Record<string, unknown>>('records.insert', INSERT_RECORD_SQL, params)
    )[0];
  // Inside a transaction: the same statement through the transaction's connection.
  const [raw] = await queryRows<Record<string, unknown>>(tx, sqlWithParams(INSERT_RECORD_SQL, params));
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

export async function getRecordView(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  idOrNumber: string,
): Promise<RecordView> {
  const rec = await loadRecord(ctx, actor, idOrNumber, { type: cfg.type });
  const { value: lifecycle } = await getLifecycle(ctx.db, cfg.process);
  return (await presentRecord(ctx.db, actor, lifecycle, [rec]))[0]!;
}

export type UpdateRecordInput = Partial<{
  title: string;
  description: string;
  impact: number;
  urgency: number;
  category: string | null;
  subcategory: string | null;
  channel: string;
  assigneeId: string | null;
  groupId: string | null;
  serviceId: string | null;
}>;

const ASSIGNMENT_FIELDS = ['assigneeId', 'groupId'] as const;

export async function updateRecord(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  idOrNumber: string,
  patchIn: UpdateRecordInput,
  expectedVersion: number | undefined,
  /** Process-specific checks; returns normalised values to apply (e.g. canonical category names). */
  normalise?: (current: RecordRow, tx: Db) => Promise<UpdateRecordInput>,
  /** The type's own fields in its detail table, saved in the same transaction (see ./detail.ts). */
  detail?: { save: (tx: Db, recordId: string) => Promise<Change[]> },
): Promise<RecordView> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { row } = await loadRecord(ctx, actor, idOrNumber, { type: cfg.type, lock: true, db: tx });
    const patch = normalise ? { ...patchIn, ...(await normalise(row, tx)) } : patchIn;
    const touchesAssignment = ASSIGNMENT_FIELDS.some((f) => patch[f] !== undefined);
    const touchesOther =
      detail !== undefined ||
      Object.keys(patch).some(
        (k) =>
          patch[k as keyof UpdateRecordInput] !== undefined &&
          !(ASSIGNMENT_FIELDS as readonly string[]).includes(k),
      );
    if (touchesAssignment && !can(actor, 'record.assign'))
      throw forbidden(`You may not assign ${row.number}.`);
    if (touchesOther && !can(actor, 'record.update')) throw forbidden(`You may not edit ${row.number}.`);
    assertVersion(row, expectedVersion);
    const { value: lifecycle } = await getLifecycle(tx, cfg.process);
    if (!isEditableState(stateOf(lifecycle, row.state)?.category))
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${row.number} is closed; closed records cannot be edited.`,
      );
    const next = {
      ...row,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as RecordRow;
    if (touchesAssignment) {
      // Changing the group without naming an assignee keeps the assignee only if they are in the new group.
      if (patch.groupId !== undefined && patch.assigneeId === undefined && next.assigneeId && next.groupId) {
        const [m] = await tx
          .select()
          .from(groupMembers)
          .where(and(eq(groupMembers.userId, next.assigneeId), eq(groupMembers.groupId, next.groupId)));
        if (!m) next.assigneeId = null;
      }
      await checkAssignment(tx, next.assigneeId, next.groupId);
    }
    const written = await writeRecordChanges(
      { ctx, tx, cfg, lifecycle, actorId: actor.userId, at: now },
      row,
      next,
      patch,
    );
    const detailChanges = detail ? await detail.save(tx, row.id) : [];
    if (detailChanges.length) {
      // The record's version covers its detail: a detail-only change still bumps it.
      if (written.version === row.version)
        await tx
          .update(records)
          .set({ updatedAt: now, version: row.version + 1 })
          .where(eq(records.id, row.id));
      await writeHistory(tx, row.id, actor.userId, now, detailChanges);
    }
    return row.id;
  });
  return getRecordView(ctx, actor, cfg, id);
}

const TRACKED_FIELDS = [
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'category',
  'subcategory',
  'channel',
  'assigneeId',
  'groupId',
  'serviceId',
] as const;

/**
 * Write the difference between `row` and `next` (priority recomputed when impact or urgency
 * moved), its history, and the 'updated' event. Shared by people's edits and automation.
 */
export async function writeRecordChanges(
  ec: RecordEventContext,
  row: RecordRow,
  next: RecordRow,
  patch: { impact?: number | undefined; urgency?: number | undefined },
): Promise<RecordRow> {
  if (patch.impact !== undefined || patch.urgency !== undefined) {
    const { value: matrix } = await getPriorityMatrix(ec.tx, ec.cfg.process);
    next.priority = derivePriority(matrix, next.impact, next.urgency);
  }
  const changes: Change[] = TRACKED_FIELDS.filter((f) => next[f] !== row[f]).map((f) => ({
    field: f,
    oldValue: row[f],
    newValue: next[f],
  }));
  if (changes.length === 0) return row;
  await ec.tx
    .update(records)
    .set({
      ...Object.fromEntries(changes.map((c) => [c.field, c.newValue])),
      updatedAt: ec.at,
      version: row.version + 1,
    })
    .where(eq(records.id, row.id));
  await writeHistory(ec.tx, row.id, ec.actorId, ec.at, changes);
  const record = { ...next, updatedAt: ec.at, version: row.version + 1 };
  await emitRecordEvent({ kind: 'updated', record, before: row, changes }, ec);
  return record;
}

export async function recordIdsExist(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: records.id }).from(records).where(inArray(records.id, ids));
  return new Set(rows.map((r) => r.id));
}
