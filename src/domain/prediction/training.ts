/**
 * Turning a history of finished SLA clocks into training examples. Each finished clock is looked
 * at once, at a random instant between its start and the earlier of its stop and its due
 * instant (so still running and not yet overdue, as an open clock is when it is scored), with
 * the state of the queue at that instant: how many records its assignee and its group had open.
 * The outcome is whether the clock went on to stop after its due instant (breached).
 */
import { seededRandom } from '../../shared/random.ts';
import { type ClockSnapshot, type Example, featureVector } from './model.ts';

export type FinishedClock = {
  recordId: string;
  serviceId: string | null;
  groupId: string | null;
  assigneeId: string | null;
  /** When the record first got an assignee, when known from its history; null: it always had one. */
  assignedAt: Date | null;
  priority: number;
  metric: 'response' | 'resolution';
  targetSeconds: number;
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date;
};

/** A record's open span (raised until resolved), for the load of its group and assignee. */
export type OpenSpan = { groupId: string | null; assigneeId: string | null; from: Date; to: Date | null };

/** Prior weight (in clocks) pulling a service's breach rate towards the overall rate. */
const SMOOTHING = 20;

export const breached = (c: Pick<FinishedClock, 'dueAt' | 'stoppedAt'>) =>
  c.stoppedAt.getTime() > c.dueAt.getTime();

export type ServiceRates = { overall: number; byService: Record<string, { n: number; breached: number }> };

export function serviceRates(clocks: readonly FinishedClock[]): ServiceRates {
  const byService: ServiceRates['byService'] = {};
  let b = 0;
  for (const c of clocks) {
    const key = c.serviceId ?? '';
    const s = byService[key] ?? { n: 0, breached: 0 };
    byService[key] = s;
    s.n++;
    if (breached(c)) {
      s.breached++;
      b++;
    }
  }
  return { overall: clocks.length ? b / clocks.length : 0, byService };
}

/** The smoothed breach rate of a service; `without` leaves one clock's own outcome out. */
export function serviceRate(rates: ServiceRates, serviceId: string | null, without?: 0 | 1): number {
  const s = rates.byService[serviceId ?? ''] ?? { n: 0, breached: 0 };
  const n = s.n - (without === undefined ? 0 : 1);
  const k = s.breached - (without ?? 0);
  return (Math.max(0, k) + SMOOTHING * rates.overall) / (Math.max(0, n) + SMOOTHING);
}

/** Counts of open spans at an instant, per key: starts before it less ends before it. */
export class LoadIndex {
  private readonly starts = new Map<string, number[]>();
  private readonly ends = new Map<string, number[]>();
  constructor(spans: readonly OpenSpan[], key: (s: OpenSpan) => string | null) {
    for (const s of spans) {
      const k = key(s);
      if (k === null) continue;
      push(this.starts, k, s.from.getTime());
      if (s.to) push(this.ends, k, s.to.getTime());
    }
    for (const xs of [...this.starts.values(), ...this.ends.values()]) xs.sort((a, b) => a - b);
  }
  at(k: string | null, t: number): number {
    if (k === null) return 0;
    return countAtOrBefore(this.starts.get(k), t) - countAtOrBefore(this.ends.get(k), t);
  }
}

function push(m: Map<string, number[]>, k: string, v: number) {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

function countAtOrBefore(xs: number[] | undefined, t: number): number {
  if (!xs) return 0;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The snapshot of a clock at instant t, given the queue's load then (the record itself excluded). */
export function snapshotAt(
  c: Omit<FinishedClock, 'stoppedAt' | 'recordId'>,
  t: number,
  load: { assignee: number; group: number },
  serviceBreachRate: number,
): ClockSnapshot {
  const span = c.dueAt.getTime() - c.startedAt.getTime();
  const share = span > 0 ? (t - c.startedAt.getTime()) / span : 1;
  const unassigned = !c.assigneeId || (c.assignedAt !== null && c.assignedAt.getTime() > t);
  return {
    elapsedShare: share,
    workingSecondsLeft: c.targetSeconds * (1 - Math.min(1, Math.max(0, share))),
    priority: c.priority,
    metric: c.metric,
    assigneeLoad: unassigned ? 0 : Math.max(0, load.assignee - 1),
    groupLoad: Math.max(0, load.group - 1),
    unassigned,
    serviceBreachRate,
  };
}

/** Whether a record belongs to the held-out part (about `share` of records, by a hash of its id). */
export function heldOut(recordId: string, share = 0.2): boolean {
  let h = 2166136261;
  for (let i = 0; i < recordId.length; i++) h = Math.imul(h ^ recordId.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296 < share;
}

export type TrainingSet = { examples: (Example & { recordId: string })[]; rates: ServiceRates };

/** One example per finished clock whose due instant came after its start, at a seeded random instant. */
export function buildExamples(
  clocks: readonly FinishedClock[],
  spans: readonly OpenSpan[],
  seed = 1,
): TrainingSet {
  const rand = seededRandom(seed);
  const byAssignee = new LoadIndex(spans, (s) => s.assigneeId);
  const byGroup = new LoadIndex(spans, (s) => s.groupId);
  const usable = clocks.filter((c) => c.dueAt.getTime() > c.startedAt.getTime());
  const rates = serviceRates(usable);
  const examples = usable.map((c) => {
    const end = Math.min(c.stoppedAt.getTime(), c.dueAt.getTime());
    const t = c.startedAt.getTime() + rand() * Math.max(0, end - c.startedAt.getTime());
    const y: 0 | 1 = breached(c) ? 1 : 0;
    const snap = snapshotAt(
      c,
      t,
      { assignee: byAssignee.at(c.assigneeId, t), group: byGroup.at(c.groupId, t) },
      serviceRate(rates, c.serviceId, y),
    );
    return { recordId: c.recordId, x: featureVector(snap), y };
  });
  return { examples, rates };
}
