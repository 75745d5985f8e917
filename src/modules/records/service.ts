/**
 * Use cases shared by every process on the records core: create, update fields, take a lifecycle
 * transition. Each writes field history in the same transaction and bumps `version` for
 * optimistic concurrency (a stale `expectedVersion` answers 412 and changes nothing).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RecordFields } from '../../contracts/records.ts';
import type { Db } from '../../db/client.ts';
import { insertRows, type Statement } from '../../db/statements.ts';
import { assertVersion } from '../../db/version.ts';
import { type Lifecycle, stateOf } from '../../domain/lifecycle/engine.ts';
import { derivePriority } from '../../domain/priority.ts';
import { isEditableState } from '../../domain/records/policy.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden, invalid } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { groupMembers, groups, users } from '../auth/index.ts';
import { cachedLifecycle, DEFAULT_LIFECYCLES, getLifecycle, getPriorityMatrix } from '../settings/index.ts';
import { loadRecord, type RecordRow } from './access.ts';
import { type CreateContribution, creationPath, emitRecordEvent, type RecordEventContext } from './events.ts';
import { insertPreparedRecord, insertRecordRow, recordRowFromSql } from './insert.ts';
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
  await tx.insert(recordHistory).values(historyRows(recordId, actorId, at, changes));
}

function historyRows(recordId: string, actorId: string | null, at: Date, changes: Change[]) {
  return changes.map((c) => ({
    recordId,
    actorId,
    at,
    field: c.field,
    oldValue: asText(c.oldValue),
    newValue: asText(c.newValue),
  }));
}

/** `writeHistory`'s rows as a write to join another statement (a prepared create's); none for no change. */
export function historyWrites(
  recordId: string,
  actorId: string | null,
  at: Date,
  changes: Change[],
): Statement[] {
  return changes.length ? [insertRows(recordHistory, historyRows(recordId, actorId, at, changes))] : [];
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

/**
 * What a record is created with: the contract's record fields, as parsed. The channel is any
 * text, since a record the system raises (a fulfilment task) copies its parent's stored channel.
 */
export type CreateRecordInput = Omit<RecordFields, 'channel'> & { channel?: string | undefined };

export type CreateRecordOptions = {
  /**
   * Work that must commit or fail with the record (e.g. linking CIs named at creation); runs in
   * the creating transaction after the insert and the `created` hooks.
   */
  withRecord?: (tx: Db, record: RecordRow) => Promise<void>;
};

const noRequester = () => invalid([{ field: 'requesterId', message: 'no active user with this id' }]);

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
  /** The inserted row, as the creating statement answered it. */
  const inserted = (raw: Record<string, unknown>) => ({
    raw,
    row: recordRowFromSql(raw),
    lifecycle: (raw.lifecycle_json as Lifecycle | null) ?? DEFAULT_LIFECYCLES[cfg.process],
  });
  const insert = async (tx: Db | null) => {
    const raw = await insertRecordRow(ctx, tx, actor.userId, cfg, values);
    if (!raw) throw noRequester();
    const { row, lifecycle } = inserted(raw);
    let rewritten = false;
    if (tx) {
      const ec: RecordEventContext = {
        ctx,
        tx,
        cfg,
        lifecycle,
        actorId: actor.userId,
        at: row.createdAt,
        requester: { organisationId: (raw.requester_organisation_id as string | null) ?? null },
      };
      await emitRecordEvent({ kind: 'created', record: row }, ec);
      await opts.withRecord?.(tx, row);
      rewritten = ec.rewritten === true || opts.withRecord !== undefined;
    }
    return { raw, row, lifecycle, rewritten };
  };
  // With no active hook wanting 'created' and no follow-up work, the create is a single
  // statement and needs no transaction; so it is when every active hook can prepare its work
  // before the insert (the SLA clocks of a new record), which the insert's statement then writes.
  const path =
    opts.withRecord !== undefined
      ? { kind: 'transaction' as const }
      : await creationPath(ctx, cfg, { ...values, createdBy: actor.userId });
  const prepared =
    path.kind === 'prepared'
      ? await insertPreparedRecord(
          ctx,
          actor.userId,
          cfg,
          values,
          async (pending) => {
            const out: CreateContribution[] = [];
            for (const prepare of path.preparers) {
              const c = await prepare(pending);
              if (!c) return null;
              out.push(c);
            }
            return out;
          },
          requesterId === actor.userId && actor.organisationId !== undefined
            ? { organisationId: actor.organisationId }
            : undefined,
        )
      : null;
  if (prepared === undefined) throw noRequester();
  const { raw, row, lifecycle, rewritten } = prepared
    ? { ...inserted(prepared), rewritten: false }
    : path.kind === 'plain'
      ? await insert(null)
      : await ctx.db.transaction((tx) => insert(tx));
  // An automation rule or the caller's follow-up work (watchers, linked CIs) changed the record
  // after the insert: answer with the record as committed.
  if (rewritten) return getRecordView(ctx, actor, cfg, row.id);
  known.people.push({
    id: requesterId,
    name: String(raw.requester_name),
    email: String(raw.requester_email),
  });
  return (await presentRecord(ctx.db, actor, lifecycle, [{ row, watcherIds: [] }], known))[0]!;
}

export async function getRecordView(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  idOrNumber: string,
): Promise<RecordView> {
  const rec = await loadRecord(ctx, actor, idOrNumber, { type: cfg.type });
  const { value: lifecycle } = await cachedLifecycle(ctx, cfg.process);
  return (await presentRecord(ctx.db, actor, lifecycle, [rec]))[0]!;
}

/** What a record is edited with: any of its fields except who raised it. */
export type UpdateRecordInput = Partial<Omit<CreateRecordInput, 'requesterId'>>;

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
      ...defined(patch),
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
