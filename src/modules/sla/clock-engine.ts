/**
 * Operations on the clocks of one record, in memory (see clock-store.ts for loading and saving):
 * start a clock, send it a command, open and close the record's pauses, and settle a clock at an
 * instant — fire the thresholds it has reached by then and schedule its next check. Every
 * change leaves an event on the record's SLA timeline saying what happened and what caused it.
 */
import { randomUUID } from 'node:crypto';
import { BREACH_PERCENT, type Metric, targetSeconds } from '../../domain/sla/agreement.ts';
import {
  alertPercents,
  applyClockCommand,
  type ClockCommand,
  type ClockFacts,
  type ClockState,
  nextCheckAt,
  reachedThresholds,
  thresholdInstant,
} from '../../domain/sla/clock-state.ts';
import type { AgreementRow } from './agreement-present.ts';
import { type ClockRow, firedKey, type PauseRow, pausesOf, type RecordClocks } from './clock-store.ts';

/** Who or what caused a change: a person (actorId) and/or a description. */
export type Cause = { actorId: string | null; text: string };

export const SWEEP_CAUSE = 'SLA sweep';

const factsOf = (c: ClockRow): ClockFacts => ({
  state: c.state as ClockState,
  startedAt: c.startedAt,
  stoppedAt: c.stoppedAt,
  targetSeconds: c.targetSeconds,
  targetVersion: c.targetVersion,
});

function agreementOf(state: RecordClocks, c: ClockRow): AgreementRow {
  const a = state.agreements.get(c.agreementId);
  if (!a) throw new Error(`Agreement ${c.agreementId} of clock ${c.id} was not loaded.`);
  return a;
}

function calendarOf(state: RecordClocks, c: ClockRow) {
  const cal = state.calendars.get(c.calendarId);
  if (!cal) throw new Error(`Calendar ${c.calendarId} of clock ${c.id} was not loaded.`);
  return cal;
}

function firedPercents(state: RecordClocks, c: ClockRow): Set<number> {
  const keys = state.fired.get(c.id) ?? new Set<string>();
  const prefix = `${c.targetVersion}:`;
  return new Set([...keys].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length))));
}

export function addEvent(
  state: RecordClocks,
  c: ClockRow | null,
  at: Date,
  kind: string,
  cause: Cause,
  details: Record<string, unknown> = {},
): void {
  state.events.push({
    recordId: state.recordId,
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
export function settleClock(state: RecordClocks, c: ClockRow, upTo: Date, causeText: string): void {
  const facts = factsOf(c);
  const calendar = calendarOf(state, c);
  const pauses = pausesOf(state);
  const percents = alertPercents(agreementOf(state, c).warningThresholds);
  const fired = firedPercents(state, c);
  for (const r of reachedThresholds(facts, percents, fired, calendar, pauses, upTo)) {
    fired.add(r.percent);
    const keys = state.fired.get(c.id) ?? new Set<string>();
    keys.add(firedKey(c.targetVersion, r.percent));
    state.fired.set(c.id, keys);
    state.alerts.push({
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
    state.changed.add(c.id);
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
  state: RecordClocks,
  c: ClockRow,
  cmd: ClockCommand,
  cause: Cause,
  extra: { stopReason?: string; priority?: number; details?: Record<string, unknown> } = {},
): boolean {
  settleClock(state, c, cmd.at, cause.text);
  const result = applyClockCommand(factsOf(c), cmd);
  if (!result) return false;
  const before = { targetSeconds: c.targetSeconds, priority: c.priority };
  c.state = result.clock.state;
  c.stoppedAt = result.clock.stoppedAt;
  c.targetSeconds = result.clock.targetSeconds;
  c.targetVersion = result.clock.targetVersion;
  if (extra.priority !== undefined) c.priority = extra.priority;
  if (cmd.type === 'meet' || cmd.type === 'stop') c.stopReason = extra.stopReason ?? null;
  if (cmd.type === 'reopen') c.stopReason = null;
  state.changed.add(c.id);
  const details =
    result.change === 'target_changed'
      ? {
          fromPriority: before.priority,
          toPriority: c.priority,
          fromTargetSeconds: before.targetSeconds,
          toTargetSeconds: c.targetSeconds,
          targetVersion: c.targetVersion,
          ...extra.details,
        }
      : { ...(c.stopReason ? { reason: c.stopReason } : {}), ...extra.details };
  addEvent(state, c, cmd.at, CHANGE_EVENT[result.change], cause, details);
  settleClock(state, c, cmd.at, cause.text);
  return true;
}

export type ClockSpec = {
  agreement: AgreementRow;
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
export function startClock(state: RecordClocks, spec: ClockSpec, at: Date, cause: Cause): ClockRow | null {
  const target = targetSeconds(spec.agreement.targets, spec.priority, spec.metric);
  if (target === null) return null;
  state.agreements.set(spec.agreement.id, spec.agreement);
  const met = spec.initial.state === 'met' ? spec.initial : null;
  const c: ClockRow = {
    id: randomUUID(),
    recordId: state.recordId,
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
  state.clocks.push(c);
  state.created.add(c.id);
  // Dated at the clock's own start, so a clock started retroactively reads in order on the timeline.
  addEvent(state, c, spec.startedAt, 'started', cause, {
    targetSeconds: target,
    priority: spec.priority,
    ...(spec.startedAt.getTime() < at.getTime() ? { recordedAt: at.toISOString() } : {}),
  });
  if (met) addEvent(state, c, met.at, 'met', cause, { reason: met.reason });
  settleClock(state, c, at, cause.text);
  return c;
}

// ---- the record's pauses ----

export const openPause = (state: RecordClocks): PauseRow | undefined =>
  state.pauses.find((p) => p.endedAt === null);

export function beginPause(state: RecordClocks, at: Date, reason: 'paused_state' | 'resolved'): void {
  if (openPause(state)) return;
  const p: PauseRow = { id: null, recordId: state.recordId, startedAt: at, endedAt: null, reason };
  state.pauses.push(p);
  state.changedPauses.add(p);
}

export function endPause(state: RecordClocks, at: Date): void {
  const p = openPause(state);
  if (!p) return;
  p.endedAt = at;
  state.changedPauses.add(p);
}

export const activeClocks = (
  state: RecordClocks,
  filter: (c: ClockRow) => boolean = () => true,
): ClockRow[] => state.clocks.filter((c) => (c.state === 'running' || c.state === 'paused') && filter(c));
