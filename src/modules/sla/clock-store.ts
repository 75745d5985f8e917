/**
 * Loading and saving the SLA clocks of one record, around the pure planner
 * (src/domain/sla/planner.ts): `loadClockBook` reads the clocks (locked for update), pauses,
 * fired alerts, agreements and calendars; `applyPlan` writes what the planner decided in the same
 * transaction as the change to the record that caused it. The direction is one way: this file
 * and clock-facts.ts load, the planner decides, this file applies.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertRows, type Statement, updateOne, writeTogether } from '../../db/statements.ts';
import { type ClockBook, emptyBook, firedKey, type PendingAlert } from '../../domain/sla/clock-book.ts';
import type { ClockPlan } from '../../domain/sla/planner.ts';
import { uuidV7 } from '../../shared/uuid.ts';
import { records } from '../records/index.ts';
import { loadCalendars } from './calendars.ts';
import { slaAlerts, slaClocks, slaEvents, slaPauses } from './clock-schema.ts';
import { markReleased } from './engagement-store.ts';
import { agreements } from './schema.ts';

/** A clock as the SLA rules see it (the record's type and service copied for reporting are a trigger's). */
export type ClockRow = Omit<typeof slaClocks.$inferSelect, 'recordType' | 'recordServiceId'>;
export type { PendingAlert };

/** The clock book of a record that has none yet (a record being created). */
export const emptyClockBook = (recordId: string): ClockBook => emptyBook(recordId, () => uuidV7());

export async function loadClockBook(tx: Db, recordId: string): Promise<ClockBook> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const clocks = await tx
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.recordId, recordId))
    .orderBy(slaClocks.createdAt)
    .for('update');
  const pauses = await tx
    .select()
    .from(slaPauses)
    .where(eq(slaPauses.recordId, recordId))
    .orderBy(slaPauses.startedAt);
  const alerts = await tx
    .select({
      clockId: slaAlerts.clockId,
      threshold: slaAlerts.threshold,
      targetVersion: slaAlerts.targetVersion,
    })
    .from(slaAlerts)
    .where(eq(slaAlerts.recordId, recordId));
  const book = emptyClockBook(recordId);
  book.clocks = clocks;
  book.pauses = pauses;
  for (const a of alerts) {
    const set = book.fired.get(a.clockId) ?? new Set();
    set.add(firedKey(a.targetVersion, a.threshold));
    book.fired.set(a.clockId, set);
  }
  await ensureAgreements(
    tx,
    book,
    clocks.map((c) => c.agreementId),
  );
  return book;
}

/** Make agreements (and the calendars of every agreement and clock) known to the planner. */
export async function ensureAgreements(tx: Db, book: ClockBook, ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !book.agreements.has(id));
  if (missing.length) {
    const rows = await tx.select().from(agreements).where(inArray(agreements.id, missing));
    for (const r of rows) book.agreements.set(r.id, r);
  }
  await ensureCalendars(
    tx,
    book,
    [...book.agreements.values(), ...book.clocks].map((x) => x.calendarId),
  );
}

export async function ensureCalendars(tx: Db, book: ClockBook, ids: string[]): Promise<void> {
  const missing = ids.filter((id) => !book.calendars.has(id));
  if (missing.length) for (const [id, cal] of await loadCalendars(tx, missing)) book.calendars.set(id, cal);
}

const clockUpdate = (c: ClockRow) => ({
  state: c.state,
  stoppedAt: c.stoppedAt,
  stopReason: c.stopReason,
  priority: c.priority,
  targetSeconds: c.targetSeconds,
  targetVersion: c.targetVersion,
  dueAt: c.dueAt,
  nextCheckAt: c.nextCheckAt,
});

/**
 * Alerts go one by one: an alert whose unique row another process inserted first is dropped with
 * its timeline entry, so each fires exactly once. Returns how many this transaction fired.
 */
async function insertAlerts(
  tx: Db,
  recordId: string,
  alerts: PendingAlert[],
  now: Date,
  onFired: (alert: PendingAlert & { id: string }) => Promise<void>,
): Promise<number> {
  let fired = 0;
  for (const a of alerts) {
    const [row] = await tx
      .insert(slaAlerts)
      .values({
        clockId: a.clock.id,
        recordId,
        kind: a.kind,
        threshold: a.threshold,
        targetVersion: a.targetVersion,
        reachedAt: a.reachedAt,
        firedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: slaAlerts.id });
    if (!row) continue;
    fired++;
    await tx.insert(slaEvents).values({
      recordId,
      clockId: a.clock.id,
      at: a.reachedAt,
      kind: a.kind,
      actorId: null,
      cause: a.cause,
      details: {
        threshold: a.threshold,
        targetVersion: a.targetVersion,
        targetSeconds: a.clock.targetSeconds,
        detectedAt: now.toISOString(),
      },
    });
    await onFired({ ...a, id: row.id });
  }
  return fired;
}

export type ApplyOptions = {
  now: Date;
  /** Who released suppliers the plan releases. */
  actorId: string | null;
  /** The record's `sla_due_at` as it is stored, to write only a change. */
  currentDue: Date | null;
  /**
   * The record's type and service, when the caller holds the record's row: new clocks carry them
   * for the reports, and the database need not look them up.
   */
  dims?: { recordType: string; recordServiceId: string | null } | undefined;
  onFired: (alert: PendingAlert & { id: string }) => Promise<void>;
};

/** Whether a plan only starts clocks and tells its timeline (a record's first clocks). */
const onlyStarts = (plan: ClockPlan) =>
  !plan.changed.length && !plan.pauses.length && !plan.release.length && !plan.alerts.length;

const startedWrites = (plan: ClockPlan, dims: ApplyOptions['dims']): Statement[] =>
  plan.started.length
    ? [insertRows(slaClocks, dims ? plan.started.map((c) => ({ ...c, ...dims })) : plan.started)]
    : [];
const timelineWrites = (plan: ClockPlan): Statement[] =>
  plan.timeline.length ? [insertRows(slaEvents, plan.timeline)] : [];

/**
 * The writes of a plan that only starts clocks, for a record not inserted yet (they join its
 * insert's statement, which writes its due instant); null for any other plan.
 */
export function firstClockWrites(plan: ClockPlan, dims: ApplyOptions['dims']): Statement[] | null {
  return onlyStarts(plan) ? [...startedWrites(plan, dims), ...timelineWrites(plan)] : null;
}

/** Write the plan; returns how many alerts fired. */
export async function applyPlan(tx: Db, recordId: string, plan: ClockPlan, o: ApplyOptions): Promise<number> {
  const started = startedWrites(plan, o.dims);
  // The timeline and the record's due instant close every plan, in one statement.
  const closing = [
    ...timelineWrites(plan),
    ...((plan.dueAt?.getTime() ?? null) !== (o.currentDue?.getTime() ?? null)
      ? [updateOne(records.slaDueAt, plan.dueAt, records.id, recordId)]
      : []),
  ];
  // The common case, a record's first clocks: those clocks join the same statement.
  if (onlyStarts(plan)) {
    await writeTogether(tx, [...started, ...closing]);
    return 0;
  }
  await writeTogether(tx, started);
  for (const c of plan.changed) await tx.update(slaClocks).set(clockUpdate(c)).where(eq(slaClocks.id, c.id));
  for (const p of plan.pauses) {
    if (p.id === null)
      await tx
        .insert(slaPauses)
        .values({ recordId: p.recordId, startedAt: p.startedAt, endedAt: p.endedAt, reason: p.reason });
    else await tx.update(slaPauses).set({ endedAt: p.endedAt }).where(eq(slaPauses.id, p.id));
  }
  for (const r of plan.release) await markReleased(tx, r.engagementId, o.now, o.actorId, r.note);
  const fired = await insertAlerts(tx, recordId, plan.alerts, o.now, o.onFired);
  await writeTogether(tx, closing);
  return fired;
}
