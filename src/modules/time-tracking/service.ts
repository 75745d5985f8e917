/**
 * Time tracking: people of the IT organisation log the time they work on any record — by hand
 * (when and how long) or with a timer (one running per person; starting another stops and books
 * the first). Everyone internal reads the time of the records they can read; requesters never
 * see it. One's own entries may be corrected or deleted; managers and administrators may change
 * anyone's.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  CurrentTimer,
  RecordTime,
  TimeEntryCreate,
  TimeEntryPatch,
  TimeEntryView,
  TimerStart,
  TimerStarted,
  TimerStop,
  TimerView,
} from '../../contracts/time-tracking.ts';
import type { Db } from '../../db/client.ts';
import { rowById } from '../../db/rows.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { MAX_ENTRY_MINUTES, timerMinutes } from '../../domain/time/duration.ts';
import { AppError, conflict, forbidden, notFound } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { loadRecord, records } from '../records/index.ts';
import { timeEntries, timeTimers } from './schema.ts';

type EntryRow = typeof timeEntries.$inferSelect;

/** A start more than this far ahead of now is a typo, not a plan. */
const FUTURE_SLACK_MS = 5 * 60_000;

export function assertMayReadTime(actor: Actor): void {
  if (!can(actor, 'time.read'))
    throw forbidden('Time entries are internal to the IT organisation: your role may not see them.');
}

function assertMayLog(actor: Actor): void {
  if (!can(actor, 'time.log')) throw forbidden('Your role may not log time on records.');
}

const mayEdit = (actor: Actor, entry: { userId: string }) =>
  entry.userId === actor.userId ? can(actor, 'time.log') : can(actor, 'time.manage_any');

const bad = (field: string, message: string, detail: string) =>
  new AppError('request.invalid', detail, [{ field, message }]);

const entryColumns = {
  e: timeEntries,
  userName: users.name,
  userEmail: users.email,
  recordNumber: records.number,
  recordTitle: records.title,
  recordType: records.type,
};

type EntryJoined = {
  e: EntryRow;
  userName: string;
  userEmail: string;
  recordNumber: string;
  recordTitle: string;
  recordType: string;
};

function present(actor: Actor, r: EntryJoined): TimeEntryView {
  const e = r.e;
  return {
    id: e.id,
    record: { id: e.recordId, number: r.recordNumber, title: r.recordTitle, type: r.recordType },
    user: { id: e.userId, name: r.userName, email: r.userEmail },
    startedAt: e.startedAt.toISOString(),
    endedAt: new Date(e.startedAt.getTime() + e.minutes * 60_000).toISOString(),
    minutes: e.minutes,
    billable: e.billable,
    note: e.note,
    source: e.source === 'timer' ? 'timer' : 'manual',
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
    canEdit: mayEdit(actor, e),
  };
}

function selectEntries(db: Db) {
  return db
    .select(entryColumns)
    .from(timeEntries)
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .innerJoin(records, eq(records.id, timeEntries.recordId));
}

async function entryView(db: Db, actor: Actor, id: string): Promise<TimeEntryView> {
  const [row] = await selectEntries(db).where(eq(timeEntries.id, id));
  if (!row) throw notFound('Time entry', id);
  return present(actor, row);
}

/** The time logged on a record, newest work first, with its totals. */
export async function listRecordTime(ctx: AppContext, actor: Actor, ref: string): Promise<RecordTime> {
  assertMayReadTime(actor);
  const { row } = await loadRecord(ctx, actor, ref);
  const rows = await selectEntries(ctx.db)
    .where(eq(timeEntries.recordId, row.id))
    .orderBy(desc(timeEntries.startedAt), desc(timeEntries.id))
    .limit(1000);
  const [totals] = await ctx.db
    .select({
      total: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int`,
      billable: sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.billable}), 0)::int`,
    })
    .from(timeEntries)
    .where(eq(timeEntries.recordId, row.id));
  return {
    items: rows.map((r) => present(actor, r)),
    totalMinutes: Number(totals?.total ?? 0),
    billableMinutes: Number(totals?.billable ?? 0),
    canLog: can(actor, 'time.log'),
  };
}

type Span = {
  startedAt?: Date | undefined;
  duration?: number | undefined;
  minutes?: number | undefined;
  endedAt?: Date | undefined;
};

/**
 * When the work started and how many minutes it took, from what was sent: one of a duration,
 * minutes or the end instant; the start defaults to that long before now (or stays as it was).
 */
function resolveSpan(
  input: Span,
  now: Date,
  current?: { startedAt: Date; minutes: number },
): { startedAt: Date; minutes: number } {
  const given = (['duration', 'minutes', 'endedAt'] as const).filter((k) => input[k] !== undefined);
  if (given.length > 1)
    throw bad(
      `body.${given[1]}`,
      `give only one of ${given.join(', ')}`,
      'Say how long the work took once: a duration, minutes or when it ended.',
    );
  if (given.length === 0 && !current)
    throw bad('body.duration', 'required', 'Say how long the work took: a duration like "1h 30m".');
  let minutes = input.duration ?? input.minutes ?? current?.minutes ?? 0;
  let startedAt = input.startedAt ?? current?.startedAt;
  if (input.endedAt) {
    startedAt ??= current?.startedAt;
    if (!startedAt)
      throw bad(
        'body.startedAt',
        'required with endedAt',
        'Say when the work started as well as when it ended.',
      );
    const span = Math.round((input.endedAt.getTime() - startedAt.getTime()) / 60_000);
    if (span < 1) throw bad('body.endedAt', 'must be after the start', 'The work ends before it starts.');
    if (span > MAX_ENTRY_MINUTES)
      throw bad('body.endedAt', 'at most 24h after the start', 'One entry covers at most 24 hours.');
    minutes = span;
  }
  startedAt ??= new Date(now.getTime() - minutes * 60_000);
  if (startedAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    throw bad('body.startedAt', 'must not be in the future', 'Time is logged for work done, not planned.');
  return { startedAt, minutes };
}

async function assertInternalUser(db: Db, userId: string): Promise<void> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!u) throw bad('body.userId', 'no person with this id', 'There is no such person.');
}

/** Log time on a record by hand: one's own, or someone else's for managers. */
export async function createEntry(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: TimeEntryCreate,
): Promise<TimeEntryView> {
  assertMayLog(actor);
  const { row } = await loadRecord(ctx, actor, ref);
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId) {
    if (!can(actor, 'time.manage_any'))
      throw forbidden('Only managers and administrators may log time for someone else.');
    await assertInternalUser(ctx.db, userId);
  }
  const now = ctx.clock.now();
  const span = resolveSpan(input, now);
  const [created] = await ctx.db
    .insert(timeEntries)
    .values({
      recordId: row.id,
      userId,
      startedAt: span.startedAt,
      minutes: span.minutes,
      billable: input.billable,
      note: input.note,
      source: 'manual',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: timeEntries.id });
  return entryView(ctx.db, actor, created!.id);
}

/** The entry and its record, if the actor may see the record; 404 otherwise. */
async function loadEntry(ctx: AppContext, actor: Actor, id: string, db: Db, lock = false) {
  assertMayReadTime(actor);
  const entry = await rowById(db, timeEntries, id, 'Time entry', lock);
  try {
    await loadRecord(ctx, actor, entry.recordId, { db });
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound('Time entry', id);
    throw err;
  }
  return entry;
}

function assertMayEdit(actor: Actor, entry: EntryRow): void {
  if (!mayEdit(actor, entry))
    throw forbidden(
      entry.userId === actor.userId
        ? 'Your role may not change time entries.'
        : 'Only managers and administrators may change the time someone else logged.',
    );
}

export async function getEntry(ctx: AppContext, actor: Actor, id: string): Promise<TimeEntryView> {
  await loadEntry(ctx, actor, id, ctx.db);
  return entryView(ctx.db, actor, id);
}

/** Correct an entry (If-Match optional): when, how long, billable, the note. */
export async function updateEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: TimeEntryPatch,
  expectedVersion: number | undefined,
): Promise<TimeEntryView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const entry = await loadEntry(ctx, actor, id, tx, true);
    assertMayEdit(actor, entry);
    assertVersion(entry, expectedVersion);
    const span = resolveSpan(patch, now, entry);
    await writeNextVersion(
      tx,
      timeEntries,
      entry,
      {
        startedAt: span.startedAt,
        minutes: span.minutes,
        ...(patch.billable !== undefined ? { billable: patch.billable } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
      },
      now,
    );
  });
  return entryView(ctx.db, actor, id);
}

export async function deleteEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const entry = await loadEntry(ctx, actor, id, tx, true);
    assertMayEdit(actor, entry);
    assertVersion(entry, expectedVersion);
    await tx.delete(timeEntries).where(eq(timeEntries.id, id));
  });
}

// ---------------------------------------------------------------- the timer

async function timerView(db: Db, userId: string): Promise<TimerView | null> {
  const [row] = await db
    .select({
      t: timeTimers,
      number: records.number,
      title: records.title,
      type: records.type,
    })
    .from(timeTimers)
    .innerJoin(records, eq(records.id, timeTimers.recordId))
    .where(eq(timeTimers.userId, userId));
  if (!row) return null;
  return {
    record: { id: row.t.recordId, number: row.number, title: row.title, type: row.type },
    startedAt: row.t.startedAt.toISOString(),
    billable: row.t.billable,
    note: row.t.note,
  };
}

/** The signed-in person's running timer, if any. */
export async function currentTimer(ctx: AppContext, actor: Actor): Promise<CurrentTimer> {
  assertMayReadTime(actor);
  return { timer: await timerView(ctx.db, actor.userId) };
}

/**
 * Takes the person's row lock, so one person's timer operations never interleave (two starts at
 * once would otherwise both find no timer running).
 */
async function lockPerson(db: Db, userId: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

/** Stop the person's timer (inside their lock) and book its time; null when none was running. */
async function stopWithin(db: Db, userId: string, now: Date, over: TimerStop = {}): Promise<string | null> {
  const [stopped] = await db.delete(timeTimers).where(eq(timeTimers.userId, userId)).returning();
  if (!stopped) return null;
  const [entry] = await db
    .insert(timeEntries)
    .values({
      recordId: stopped.recordId,
      userId,
      startedAt: stopped.startedAt,
      minutes: timerMinutes(stopped.startedAt, now),
      billable: over.billable ?? stopped.billable,
      note: over.note ?? stopped.note,
      source: 'timer',
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: timeEntries.id });
  return entry!.id;
}

/**
 * Start a timer on a record. One runs per person: a timer running on another record is stopped
 * and its time booked first; one already running on this record keeps running.
 */
export async function startTimer(ctx: AppContext, actor: Actor, input: TimerStart): Promise<TimerStarted> {
  assertMayLog(actor);
  const now = ctx.clock.now();
  const booked = await ctx.db.transaction(async (tx) => {
    await lockPerson(tx, actor.userId);
    const { row } = await loadRecord(ctx, actor, input.record, { db: tx });
    const [running] = await tx.select().from(timeTimers).where(eq(timeTimers.userId, actor.userId));
    if (running?.recordId === row.id) return null;
    const bookedId = running ? await stopWithin(tx, actor.userId, now) : null;
    await tx.insert(timeTimers).values({
      userId: actor.userId,
      recordId: row.id,
      startedAt: now,
      billable: input.billable,
      note: input.note,
    });
    return bookedId;
  });
  const timer = await timerView(ctx.db, actor.userId);
  return { timer: timer!, booked: booked ? await entryView(ctx.db, actor, booked) : null };
}

/** Stop the running timer and book its time (billable and note may be set on the way). */
export async function stopTimer(ctx: AppContext, actor: Actor, over: TimerStop): Promise<TimeEntryView> {
  assertMayLog(actor);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await lockPerson(tx, actor.userId);
    return stopWithin(tx, actor.userId, now, over);
  });
  if (!id) throw conflict('No timer is running.');
  return entryView(ctx.db, actor, id);
}

/** Throw the running timer away without booking anything. */
export async function discardTimer(ctx: AppContext, actor: Actor): Promise<void> {
  assertMayLog(actor);
  await ctx.db.delete(timeTimers).where(eq(timeTimers.userId, actor.userId));
}
