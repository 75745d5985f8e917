/**
 * The SLA clocks of one record as plain data, and the operations the planner performs on them in
 * memory: start a clock, send it a command, open and close the record's pauses, and settle a
 * clock at an instant (fire the thresholds it has reached by then and schedule its next check).
 * Every change leaves an entry for the record's SLA timeline saying what happened and what caused
 * it. Nothing here reads or writes a database; the SLA module loads a book, hands it to the
 * planner (planner.ts) and writes the plan that comes back.
 */
import { BREACH_PERCENT, type Metric, type PriorityTarget, targetSeconds } from './agreement.ts';
import type { Pause } from './clock.ts';
import {
  alertPercents,
  applyClockCommand,
  type ClockCommand,
  type ClockFacts,
  type ClockState,
  nextCheckAt,
  reachedThresholds,
  thresholdInstant,
} from './clock-state.ts';
import type { CalendarLike } from './compile.ts';
import type { AgreementCandidate } from './selection.ts';

/** One clock, field for field as it is stored. */
export type BookClock = {
  id: string;
  recordId: string;
  agreementId: string;
  kind: string;
  metric: string;
  groupId: string | null;
  engagementId: string | null;
  customerId: string | null;
  calendarId: string;
  priority: number;
  targetSeconds: number;
  targetVersion: number;
  startedAt: Date;
  selectedAt: Date;
  state: string;
  stoppedAt: Date | null;
  stopReason: string | null;
  dueAt: Date | null;
  nextCheckAt: Date | null;
  createdAt: Date;
};

/** A stretch during which every clock of the record stands still; id null until saved. */
export type BookPause = {
  id: number | null;
  recordId: string;
  startedAt: Date;
  endedAt: Date | null;
  reason: string;
};

/** What the clock rules need to know about an agreement. */
export type BookAgreement = AgreementCandidate & {
  calendarId: string;
  targets: readonly PriorityTarget[];
  warningThresholds: readonly number[];
  onReassign: string;
};

export type TimelineEntry = {
  recordId: string;
  clockId: string | null;
  at: Date;
  kind: string;
  actorId: string | null;
  cause: string;
  details: Record<string, unknown>;
};

/** A warning or breach decided in memory; it is only real once its unique row is inserted. */
export type PendingAlert = {
  clock: BookClock;
  kind: 'warning' | 'breach';
  threshold: number;
  targetVersion: number;
  reachedAt: Date;
  cause: string;
};

/** Who or what caused a change: a person (actorId) and/or a description. */
export type Cause = { actorId: string | null; text: string };

export const SWEEP_CAUSE = 'SLA sweep';

export type ClockBook = {
  recordId: string;
  clocks: BookClock[];
  pauses: BookPause[];
  /** Per clock: `${targetVersion}:${threshold}` of every alert already fired. */
  fired: Map<string, Set<string>>;
  agreements: Map<string, BookAgreement>;
  calendars: Map<string, CalendarLike>;
  /** Makes the id of a clock started now. */
  newId: () => string;
  // what changed
  created: Set<string>;
  changed: Set<string>;
  changedPauses: Set<BookPause>;
  events: TimelineEntry[];
  alerts: PendingAlert[];
};

export const firedKey = (targetVersion: number, threshold: number) => `${targetVersion}:${threshold}`;

export function emptyBook(recordId: string, newId: () => string): ClockBook {
  return {
    recordId,
    clocks: [],
    pauses: [],
    fired: new Map(),
    agreements: new Map(),
    calendars: new Map(),
    newId,
    created: new Set(),
    changed: new Set(),
    changedPauses: new Set(),
    events: [],
    alerts: [],
  };
}

/** A record's pauses, as they are stored, in the shape the clock arithmetic takes. */
export const pausesOf = (pauses: readonly Pick<BookPause, 'startedAt' | 'endedAt'>[]): Pause[] =>
  pauses.map((p) => ({ start: p.startedAt, end: p.endedAt }));

/** What the clock rules read of a clock as it is stored. */
export const clockFacts = (
  c: Pick<BookClock, 'state' | 'startedAt' | 'stoppedAt' | 'targetSeconds' | 'targetVersion'>,
): ClockFacts => ({
  state: c.state as ClockState,
  startedAt: c.startedAt,
  stoppedAt: c.stoppedAt,
  targetSeconds: c.targetSeconds,
  targetVersion: c.targetVersion,
});

function agreementOf(book: ClockBook, c: BookClock): BookAgreement {
  const a = book.agreements.get(c.agreementId);
  if (!a) throw new Error(`Agreement ${c.agreementId} of clock ${c.id} was not loaded.`);
  return a;
}

function calendarOf(book: ClockBook, c: BookClock): CalendarLike {
  const cal = book.calendars.get(c.calendarId);
  if (!cal) throw new Error(`Calendar ${c.calendarId} of clock ${c.id} was not loaded.`);
  return cal;
}

function firedPercents(book: ClockBook, c: BookClock): Set<number> {
  const keys = book.fired.get(c.id) ?? new Set<string>();
  const prefix = `${c.targetVersion}:`;
  return new Set([...keys].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length))));
}

export function addEvent(
  book: ClockBook,
  c: BookClock | null,
  at: Date,
  kind: string,
  cause: Cause,
  details: Record<string, unknown> = {},
): void {
  book.events.push({
    recordId: book.recordId,
    clockId: c?.id ?? null,
    at,
    kind,
    actorId: cause.actorId,
    cause: cause.text,
    details,
  });
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Fire the thresholds the clock has reached by `upTo`, then recompute its due instant and when
 * the sweep must next look at it.
 */
export function settleClock(book: ClockBook, c: BookClock, upTo: Date, causeText: string): void {
  const facts = clockFacts(c);
  const calendar = calendarOf(book, c);
  const pauses = pausesOf(book.pauses);
  const percents = alertPercents(agreementOf(book, c).warningThresholds);
  const fired = firedPercents(book, c);
  for (const r of reachedThresholds(facts, percents, fired, calendar, pauses, upTo)) {
    fired.add(r.percent);
    const keys = book.fired.get(c.id) ?? new Set<string>();
    keys.add(firedKey(c.targetVersion, r.percent));
    book.fired.set(c.id, keys);
    book.alerts.push({
      clock: c,
      kind: r.percent === BREACH_PERCENT ? 'breach' : 'warning',
      threshold: r.percent,
      targetVersion: c.targetVersion,
      reachedAt: r.at,
      cause: causeText,
    });
  }
  const due = thresholdInstant(facts, BREACH_PERCENT, calendar, pauses);
  const next = nextCheckAt(facts, percents, fired, calendar, pauses);
  if (!sameTime(due, c.dueAt) || !sameTime(next, c.nextCheckAt)) {
    c.dueAt = due;
    c.nextCheckAt = next;
    book.changed.add(c.id);
  }
}

const CHANGE_EVENT = {
  paused: 'paused',
  resumed: 'resumed',
  met: 'met',
  stopped: 'stopped',
  reopened: 'reopened',
  target_changed: 'target_changed',
} as const;

/**
 * Send a command to a clock. Thresholds reached before the change are fired first (under the
 * old target, for a target change). Returns whether the command applied.
 */
export function commandClock(
  book: ClockBook,
  c: BookClock,
  cmd: ClockCommand,
  cause: Cause,
  extra: { stopReason?: string; priority?: number } = {},
): boolean {
  settleClock(book, c, cmd.at, cause.text);
  const result = applyClockCommand(clockFacts(c), cmd);
  if (!result) return false;
  const before = { targetSeconds: c.targetSeconds, priority: c.priority };
  c.state = result.clock.state;
  c.stoppedAt = result.clock.stoppedAt;
  c.targetSeconds = result.clock.targetSeconds;
  c.targetVersion = result.clock.targetVersion;
  if (extra.priority !== undefined) c.priority = extra.priority;
  if (cmd.type === 'meet' || cmd.type === 'stop') c.stopReason = extra.stopReason ?? null;
  if (cmd.type === 'reopen') c.stopReason = null;
  book.changed.add(c.id);
  const details =
    result.change === 'target_changed'
      ? {
          fromPriority: before.priority,
          toPriority: c.priority,
          fromTargetSeconds: before.targetSeconds,
          toTargetSeconds: c.targetSeconds,
          targetVersion: c.targetVersion,
        }
      : c.stopReason
        ? { reason: c.stopReason }
        : {};
  addEvent(book, c, cmd.at, CHANGE_EVENT[result.change], cause, details);
  settleClock(book, c, cmd.at, cause.text);
  return true;
}

export type ClockSpec = {
  agreement: BookAgreement;
  metric: Metric;
  priority: number;
  startedAt: Date;
  selectedAt: Date;
  groupId?: string | null;
  engagementId?: string | null;
  customerId?: string | null;
  /** How the clock begins: running, paused (the record is paused), or already met at an instant. */
  initial: { state: 'running' | 'paused' } | { state: 'met'; at: Date; reason: string };
};

/** Start a clock (possibly from an earlier instant); null when the agreement sets no such target. */
export function startClock(book: ClockBook, spec: ClockSpec, at: Date, cause: Cause): BookClock | null {
  const target = targetSeconds(spec.agreement.targets, spec.priority, spec.metric);
  if (target === null) return null;
  book.agreements.set(spec.agreement.id, spec.agreement);
  const met = spec.initial.state === 'met' ? spec.initial : null;
  const c: BookClock = {
    id: book.newId(),
    recordId: book.recordId,
    agreementId: spec.agreement.id,
    kind: spec.agreement.kind,
    metric: spec.metric,
    groupId: spec.groupId ?? null,
    engagementId: spec.engagementId ?? null,
    customerId: spec.customerId ?? null,
    calendarId: spec.agreement.calendarId,
    priority: spec.priority,
    targetSeconds: target,
    targetVersion: 1,
    startedAt: spec.startedAt,
    selectedAt: spec.selectedAt,
    state: spec.initial.state,
    stoppedAt: met?.at ?? null,
    stopReason: met?.reason ?? null,
    dueAt: null,
    nextCheckAt: null,
    createdAt: at,
  };
  book.clocks.push(c);
  book.created.add(c.id);
  // Dated at the clock's own start, so a clock started retroactively reads in order on the timeline.
  addEvent(book, c, spec.startedAt, 'started', cause, {
    targetSeconds: target,
    priority: spec.priority,
    ...(spec.startedAt.getTime() < at.getTime() ? { recordedAt: at.toISOString() } : {}),
  });
  if (met) addEvent(book, c, met.at, 'met', cause, { reason: met.reason });
  settleClock(book, c, at, cause.text);
  return c;
}

// ---- the record's pauses ----

export const openPause = (book: ClockBook): BookPause | undefined =>
  book.pauses.find((p) => p.endedAt === null);

export function beginPause(book: ClockBook, at: Date, reason: 'paused_state' | 'resolved'): void {
  if (openPause(book)) return;
  const p: BookPause = { id: null, recordId: book.recordId, startedAt: at, endedAt: null, reason };
  book.pauses.push(p);
  book.changedPauses.add(p);
}

export function endPause(book: ClockBook, at: Date): void {
  const p = openPause(book);
  if (!p) return;
  p.endedAt = at;
  book.changedPauses.add(p);
}

export const activeClocks = (book: ClockBook, filter: (c: BookClock) => boolean = () => true): BookClock[] =>
  book.clocks.filter((c) => (c.state === 'running' || c.state === 'paused') && filter(c));

/** The earliest due instant of the record's running clocks, for queues sorted by urgency. */
export function earliestDue(clocks: readonly BookClock[]): Date | null {
  let min: Date | null = null;
  for (const c of clocks)
    if (c.state === 'running' && c.dueAt && (min === null || c.dueAt.getTime() < min.getTime()))
      min = c.dueAt;
  return min;
}
