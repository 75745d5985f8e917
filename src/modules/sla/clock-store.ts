/**
 * Loading and saving the SLA clocks of one record as a unit of work: everything the clock rules
 * need is read once (clocks locked for update, pauses, fired alerts, agreements, calendars), the
 * rules change it in memory, and `saveRecordClocks` writes the difference in the same
 * transaction as the change to the record that caused it.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { BusinessCalendar } from '../../domain/sla/calendar.ts';
import type { Pause } from '../../domain/sla/clock.ts';
import { records } from '../records/index.ts';
import type { AgreementRow } from './agreement-present.ts';
import { loadCalendars } from './calendars.ts';
import { slaAlerts, slaClocks, slaEvents, slaPauses } from './clock-schema.ts';
import { agreements } from './schema.ts';

export type ClockRow = typeof slaClocks.$inferSelect;
export type PauseRow = Omit<typeof slaPauses.$inferSelect, 'id'> & { id: number | null };
export type EventInsert = typeof slaEvents.$inferInsert;

/** An alert decided in memory; it is only real once its unique row is inserted. */
export type PendingAlert = {
  clock: ClockRow;
  kind: 'warning' | 'breach';
  threshold: number;
  targetVersion: number;
  reachedAt: Date;
  cause: string;
};

export type RecordClocks = {
  recordId: string;
  clocks: ClockRow[];
  pauses: PauseRow[];
  /** Per clock: `${targetVersion}:${threshold}` of every alert already fired. */
  fired: Map<string, Set<string>>;
  agreements: Map<string, AgreementRow>;
  calendars: Map<string, BusinessCalendar>;
  // what to write
  created: Set<string>;
  changed: Set<string>;
  changedPauses: Set<PauseRow>;
  events: EventInsert[];
  alerts: PendingAlert[];
};

export const firedKey = (targetVersion: number, threshold: number) => `${targetVersion}:${threshold}`;

/** The clock state of a record that has none yet (a record being created). */
export function emptyRecordClocks(recordId: string): RecordClocks {
  return {
    recordId,
    clocks: [],
    pauses: [],
    fired: new Map(),
    agreements: new Map(),
    calendars: new Map(),
    created: new Set(),
    changed: new Set(),
    changedPauses: new Set(),
    events: [],
    alerts: [],
  };
}

export async function loadRecordClocks(tx: Db, recordId: string): Promise<RecordClocks> {
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
  const state = emptyRecordClocks(recordId);
  state.clocks = clocks;
  state.pauses = pauses;
  for (const a of alerts) {
    const set = state.fired.get(a.clockId) ?? new Set();
    set.add(firedKey(a.targetVersion, a.threshold));
    state.fired.set(a.clockId, set);
  }
  await ensureAgreements(
    tx,
    state,
    clocks.map((c) => c.agreementId),
  );
  return state;
}

/** Make agreements (and their calendars) available to the rules, loading those not yet known. */
export async function ensureAgreements(tx: Db, state: RecordClocks, ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !state.agreements.has(id));
  if (missing.length) {
    const rows = await tx.select().from(agreements).where(inArray(agreements.id, missing));
    for (const r of rows) state.agreements.set(r.id, r);
  }
  const calendarIds = [...state.agreements.values(), ...state.clocks]
    .map((x) => x.calendarId)
    .filter((id) => !state.calendars.has(id));
  if (calendarIds.length)
    for (const [id, cal] of await loadCalendars(tx, calendarIds)) state.calendars.set(id, cal);
}

export function addAgreement(state: RecordClocks, row: AgreementRow): void {
  state.agreements.set(row.id, row);
}

/** The record's pauses in the shape the clock arithmetic takes. */
export const pausesOf = (state: RecordClocks): Pause[] =>
  state.pauses.map((p) => ({ start: p.startedAt, end: p.endedAt }));

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
 * Write what changed. Alerts go first and one by one: an alert whose unique row another process
 * inserted first is dropped with its timeline event, so each fires exactly once. Returns the
 * alerts this transaction fired.
 */
export async function saveRecordClocks(
  tx: Db,
  state: RecordClocks,
  now: Date,
  onFired: (alert: PendingAlert & { id: string }) => Promise<void>,
): Promise<number> {
  const created = state.clocks.filter((c) => state.created.has(c.id));
  if (created.length) await tx.insert(slaClocks).values(created);
  for (const c of state.clocks) {
    if (state.changed.has(c.id) && !state.created.has(c.id))
      await tx.update(slaClocks).set(clockUpdate(c)).where(eq(slaClocks.id, c.id));
  }
  for (const p of state.changedPauses) {
    if (p.id === null) {
      const [row] = await tx
        .insert(slaPauses)
        .values({ recordId: p.recordId, startedAt: p.startedAt, endedAt: p.endedAt, reason: p.reason })
        .returning({ id: slaPauses.id });
      p.id = row!.id;
    } else await tx.update(slaPauses).set({ endedAt: p.endedAt }).where(eq(slaPauses.id, p.id));
  }
  let fired = 0;
  for (const a of state.alerts) {
    const [row] = await tx
      .insert(slaAlerts)
      .values({
        clockId: a.clock.id,
        recordId: state.recordId,
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
      recordId: state.recordId,
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
  if (state.events.length) await tx.insert(slaEvents).values(state.events);
  state.created.clear();
  state.changed.clear();
  state.changedPauses.clear();
  state.events = [];
  state.alerts = [];
  return fired;
}

/** The earliest due instant of the record's running clocks, for queues sorted by urgency. */
export function earliestDue(state: RecordClocks): Date | null {
  let min: Date | null = null;
  for (const c of state.clocks)
    if (c.state === 'running' && c.dueAt && (min === null || c.dueAt.getTime() < min.getTime()))
      min = c.dueAt;
  return min;
}

export async function writeRecordDue(tx: Db, recordId: string, due: Date | null): Promise<void> {
  await tx.update(records).set({ slaDueAt: due }).where(eq(records.id, recordId));
}
