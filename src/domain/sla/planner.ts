/**
 * The SLA clock planner: given every fact a decision needs (the record after the change, what
 * changed, its clocks, pauses and fired alerts, the candidate agreements, calendars, the instant)
 * it returns the plan — clocks to start, clocks changed (paused, resumed, met, stopped,
 * retargeted, rescheduled), the record's pauses opened or closed, warnings and breaches to fire,
 * timeline entries, suppliers to release and the record's new nearest due instant. It reads and
 * writes nothing: the SLA module loads the facts, calls `planClocks`, and applies the plan in the
 * same transaction as the change that caused it.
 *
 * The rules (docs/service-levels.md):
 * - created: the SLA clocks start at creation; the assigned group's OLA clocks too;
 * - first transition out of the initial state (other than straight to closed): the SLA response
 *   clock is met;
 * - assigned to a person: the OLA response clock of the group holding the record is met;
 * - a paused-category state pauses every running clock; leaving it resumes them;
 * - a resolved-category state meets every clock and releases engaged suppliers; reopening
 *   resumes the SLA and OLA resolution clocks, the time spent resolved not counting;
 * - a closed-category state reached without resolution stops every clock;
 * - priority or service changed: the agreements are chosen again and the clocks retargeted from
 *   their original start (or replaced by the new agreement's);
 * - group changed: the old group's OLA clocks stop and the new group's start (restart or continue);
 * - a supplier engaged starts its underpinning contract's clocks; acknowledged meets the
 *   response; released meets (fulfilled) or stops (withdrawn) the rest;
 * - the sweep fires the thresholds running clocks have reached.
 */
import {
  activeClocks,
  addEvent,
  type BookClock,
  type BookPause,
  beginPause,
  type ClockBook,
  commandClock,
  earliestDue,
  endPause,
  type PendingAlert,
  SWEEP_CAUSE,
  settleClock,
  type TimelineEntry,
} from './clock-book.ts';
import {
  categoryOf,
  type EngagementFacts,
  finishClocks,
  type PlanContext,
  reassignOla,
  reconcileOla,
  reconcileSla,
  reconcileUc,
} from './party-rules.ts';

/** The record fields whose change can move clocks. */
export const CLOCK_FIELDS = ['groupId', 'serviceId', 'priority', 'assigneeId'] as const;

export type PlanEvent =
  | { kind: 'created' }
  | { kind: 'updated'; fields: readonly string[] }
  | { kind: 'transitioned'; from: string; to: string }
  | { kind: 'supplier_engaged'; engagement: EngagementFacts; reference: string | null }
  | { kind: 'supplier_acknowledged'; engagement: EngagementFacts }
  | { kind: 'supplier_released'; engagement: EngagementFacts; outcome: 'fulfilled' | 'withdrawn' };

export type ClockPlan = {
  /** Clocks to insert. */
  started: BookClock[];
  /** Existing clocks to update (state, target, due instant, next check…). */
  changed: BookClock[];
  /** Pauses to insert (id null) or close. */
  pauses: BookPause[];
  alerts: PendingAlert[];
  timeline: TimelineEntry[];
  /** Engagements the record's resolution or closure releases, with the note to record. */
  release: { engagementId: string; note: string }[];
  /** The nearest due instant of the record's running clocks after the plan. */
  dueAt: Date | null;
  /**
   * The clock book as a reload after applying the plan would read it (new pauses have no id yet):
   * lets a caller plan several changes in a row without a database.
   */
  after: ClockBook;
};

/** A working copy: the planner never changes the facts it is given. */
function copyBook(b: ClockBook): ClockBook {
  return {
    ...b,
    clocks: b.clocks.map((c) => ({ ...c })),
    pauses: b.pauses.map((p) => ({ ...p })),
    fired: new Map([...b.fired].map(([k, v]) => [k, new Set(v)])),
    agreements: new Map(b.agreements),
    calendars: new Map(b.calendars),
    created: new Set(b.created),
    changed: new Set(b.changed),
    changedPauses: new Set(),
    events: [...b.events],
    alerts: [...b.alerts],
  };
}

function onCreated(pc: PlanContext): void {
  if (categoryOf(pc.lifecycle, pc.record.state) === 'paused') beginPause(pc.book, pc.at, 'paused_state');
  reconcileSla(pc);
  if (pc.record.groupId) reassignOla(pc, pc.record.groupId);
}

function onUpdated(pc: PlanContext, fields: ReadonlySet<string>): void {
  if (fields.has('groupId')) reassignOla(pc, pc.record.groupId);
  if (fields.has('serviceId') || fields.has('priority')) reconcileSla(pc);
  if (fields.has('priority')) {
    reconcileOla(pc);
    for (const engagement of pc.engagements) reconcileUc(pc, engagement);
  }
  if (fields.has('assigneeId') && pc.record.assigneeId)
    finishClocks(
      pc,
      (c) => c.kind === 'ola' && c.metric === 'response' && c.groupId === pc.record.groupId,
      'meet',
      'assigned',
    );
}

/** Suppliers engaged on a record finish with it: their contract clocks end too. */
function releaseSuppliers(pc: PlanContext, how: 'meet' | 'stop', note: string, out: ClockPlan['release']) {
  for (const e of pc.engagements) {
    out.push({ engagementId: e.id, note });
    finishClocks(pc, (c) => c.engagementId === e.id, how, 'released');
  }
}

function onTransitioned(pc: PlanContext, from: string, to: string, release: ClockPlan['release']): void {
  const fromCat = categoryOf(pc.lifecycle, from);
  const toCat = categoryOf(pc.lifecycle, to);
  // Cancelling straight from the initial state is no response: that clock stops with the rest below.
  if (from === pc.lifecycle.initial && to !== from && toCat !== 'closed')
    finishClocks(pc, (c) => c.kind === 'sla' && c.metric === 'response', 'meet', 'responded');
  if (toCat === 'resolved' && fromCat !== 'resolved') {
    endPause(pc.book, pc.at);
    finishClocks(pc, () => true, 'meet', 'resolved');
    releaseSuppliers(pc, 'meet', 'The record was resolved.', release);
    beginPause(pc.book, pc.at, 'resolved');
  } else if (toCat === 'closed' && (fromCat === 'open' || fromCat === 'paused')) {
    endPause(pc.book, pc.at);
    finishClocks(pc, () => true, 'stop', 'closed');
    releaseSuppliers(pc, 'stop', 'The record was closed.', release);
  } else if ((fromCat === 'resolved' || fromCat === 'closed') && (toCat === 'open' || toCat === 'paused')) {
    reopen(pc, toCat === 'paused');
  } else if (toCat === 'paused' && fromCat === 'open') {
    beginPause(pc.book, pc.at, 'paused_state');
    for (const c of activeClocks(pc.book)) commandClock(pc.book, c, { type: 'pause', at: pc.at }, pc.cause);
  } else if (fromCat === 'paused' && toCat === 'open') {
    endPause(pc.book, pc.at);
    for (const c of activeClocks(pc.book)) commandClock(pc.book, c, { type: 'resume', at: pc.at }, pc.cause);
  }
}

/**
 * Reopening resumes the resolution clocks the resolution met (the SLA's, and the OLA's if the same
 * group still holds the record); the time spent resolved is a pause. Response clocks stay met and
 * released suppliers stay released.
 */
function reopen(pc: PlanContext, paused: boolean): void {
  endPause(pc.book, pc.at);
  if (paused) beginPause(pc.book, pc.at, 'paused_state');
  const resumable = pc.book.clocks.filter(
    (c) =>
      c.state === 'met' &&
      c.metric === 'resolution' &&
      c.stopReason === 'resolved' &&
      (c.kind === 'sla' || (c.kind === 'ola' && c.groupId === pc.record.groupId)),
  );
  for (const c of resumable) commandClock(pc.book, c, { type: 'reopen', at: pc.at, paused }, pc.cause);
}

function onSupplier(pc: PlanContext, event: Extract<PlanEvent, { kind: `supplier_${string}` }>): void {
  const e = event.engagement;
  const who = { engagementId: e.id, supplierId: e.supplierId };
  if (event.kind === 'supplier_engaged') {
    const before = pc.book.clocks.length;
    reconcileUc(pc, e);
    addEvent(pc.book, null, pc.at, 'supplier_engaged', pc.cause, {
      ...who,
      reference: event.reference,
      contractApplies: pc.book.clocks.length > before,
    });
  } else if (event.kind === 'supplier_acknowledged') {
    finishClocks(pc, (c) => c.engagementId === e.id && c.metric === 'response', 'meet', 'acknowledged');
    addEvent(pc.book, null, pc.at, 'supplier_acknowledged', pc.cause, who);
  } else {
    const how = event.outcome === 'fulfilled' ? 'meet' : 'stop';
    finishClocks(pc, (c) => c.engagementId === e.id, how, 'released');
    addEvent(pc.book, null, pc.at, 'supplier_released', pc.cause, { ...who, outcome: event.outcome });
  }
}

function planOf(book: ClockBook, release: ClockPlan['release']): ClockPlan {
  return {
    started: book.clocks.filter((c) => book.created.has(c.id)),
    changed: book.clocks.filter((c) => book.changed.has(c.id) && !book.created.has(c.id)),
    pauses: [...book.changedPauses],
    alerts: book.alerts,
    timeline: book.events,
    release,
    dueAt: earliestDue(book.clocks),
    after: {
      ...copyBook(book),
      created: new Set(),
      changed: new Set(),
      events: [],
      alerts: [],
    },
  };
}

/** Decide what a change to the record (or its suppliers) does to its clocks. */
export function planClocks(facts: PlanContext, event: PlanEvent): ClockPlan {
  const book = copyBook(facts.book);
  const pc: PlanContext = { ...facts, book };
  const release: ClockPlan['release'] = [];
  if (event.kind === 'created') onCreated(pc);
  else if (event.kind === 'updated') onUpdated(pc, new Set(event.fields));
  else if (event.kind === 'transitioned') onTransitioned(pc, event.from, event.to, release);
  else onSupplier(pc, event);
  return planOf(book, release);
}

/**
 * The sweep: fire what the running clocks whose next check has come have reached by `at`, and
 * schedule their next check. Needs nothing but the clock book.
 */
export function planSweep(facts: ClockBook, at: Date): ClockPlan {
  const book = copyBook(facts);
  for (const c of book.clocks)
    if (c.state === 'running' && c.nextCheckAt && c.nextCheckAt.getTime() <= at.getTime())
      settleClock(book, c, at, SWEEP_CAUSE);
  return planOf(book, []);
}

/** Whether a plan changes nothing at all. */
export const isEmptyPlan = (p: ClockPlan): boolean =>
  !p.started.length && !p.changed.length && !p.pauses.length && !p.alerts.length && !p.timeline.length;

export type { RecordFacts } from './party-rules.ts';
export type { EngagementFacts, PlanContext };
