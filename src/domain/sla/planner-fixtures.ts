/**
 * A record, a lifecycle and agreements for planner tests, and a small driver that plans one
 * change after another on the book the previous plan left, the way the SLA module would after
 * saving and reloading.
 */
import { DEFAULT_INCIDENT_LIFECYCLE } from '../lifecycle/defaults.ts';
import type { Lifecycle } from '../lifecycle/engine.ts';
import type { PriorityTarget } from './agreement.ts';
import { CALENDAR_24X7 } from './calendar.ts';
import {
  type BookAgreement,
  type BookClock,
  type ClockBook,
  clockFacts,
  emptyBook,
  pausesOf,
} from './clock-book.ts';
import { type ClockMeasure, measureClock } from './clock-state.ts';
import type { CalendarLike } from './compile.ts';
import {
  type ClockPlan,
  type EngagementFacts,
  type PlanContext,
  type PlanEvent,
  planClocks,
  planSweep,
  type RecordFacts,
} from './planner.ts';

export const MINUTE = 60;
export const HOUR = 3600;
export const T0 = new Date('2026-03-02T08:00:00Z');
export const CAL_24X7 = 'cal-24x7';

/** The incident lifecycle Steward ships: the planner reads its states' categories and its initial state. */
export const LIFECYCLE: Lifecycle = DEFAULT_INCIDENT_LIFECYCLE;

/** Targets in minutes that grow with the priority number, as the integration tests use. */
export function targets(response = 60, resolution = 240): PriorityTarget[] {
  return [1, 2, 3, 4, 5].map((priority) => ({
    priority,
    responseMinutes: response * priority,
    resolutionMinutes: resolution * priority,
  }));
}

let seq = 0;
export function agreement(over: Partial<BookAgreement> = {}): BookAgreement {
  seq++;
  return {
    id: `agr-${seq}`,
    kind: 'sla',
    status: 'agreed',
    versionNumber: 1,
    serviceId: null,
    customerId: null,
    groupId: null,
    supplierId: null,
    recordTypes: null,
    priorities: null,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    effectiveTo: null,
    calendarId: CAL_24X7,
    targets: targets(),
    warningThresholds: [75, 90],
    onReassign: 'restart',
    ...over,
  };
}

export function recordFacts(over: Partial<RecordFacts> = {}): RecordFacts {
  return {
    id: 'rec-1',
    type: 'incident',
    state: 'new',
    priority: 3,
    serviceId: 'svc-1',
    groupId: null,
    assigneeId: null,
    createdAt: T0,
    resolvedAt: null,
    ...over,
  };
}

const CAUSE = { actorId: 'user-1', text: 'test' };

/**
 * One record's clocks over time: `at` moves forward with `advance`, each change is planned on the
 * book the last plan left, and the record facts follow the changes.
 */
export class Scenario {
  book: ClockBook;
  record: RecordFacts;
  at: Date;
  engagements: EngagementFacts[] = [];
  last: ClockPlan | null = null;
  customerId: string | null = null;
  firstResponseAt: Date | null = null;

  readonly candidates: BookAgreement[];

  constructor(
    candidates: BookAgreement[],
    record: Partial<RecordFacts> = {},
    calendars: Record<string, CalendarLike> = { [CAL_24X7]: CALENDAR_24X7 },
  ) {
    let ids = 0;
    this.candidates = candidates;
    this.record = recordFacts(record);
    this.at = this.record.createdAt;
    this.book = emptyBook(this.record.id, () => `clock-${++ids}`);
    for (const [id, cal] of Object.entries(calendars)) this.book.calendars.set(id, cal);
  }

  advance(seconds: number): this {
    this.at = new Date(this.at.getTime() + seconds * 1000);
    return this;
  }

  facts(cause = CAUSE): PlanContext {
    return {
      book: this.book,
      record: this.record,
      lifecycle: LIFECYCLE,
      at: this.at,
      cause,
      candidates: this.candidates,
      customerId: this.customerId,
      firstResponseAt: this.firstResponseAt,
      engagements: this.engagements,
    };
  }

  plan(event: PlanEvent, cause = CAUSE): ClockPlan {
    this.last = planClocks(this.facts(cause), event);
    this.book = this.last.after;
    return this.last;
  }

  create(): ClockPlan {
    return this.plan({ kind: 'created' });
  }

  move(to: string, cause = CAUSE): ClockPlan {
    const from = this.record.state;
    this.record = { ...this.record, state: to };
    if (LIFECYCLE.states.find((s) => s.key === to)?.category === 'resolved') this.record.resolvedAt = this.at;
    if (from === LIFECYCLE.initial && this.firstResponseAt === null) this.firstResponseAt = this.at;
    const plan = this.plan({ kind: 'transitioned', from, to }, cause);
    for (const r of plan.release) this.engagements = this.engagements.filter((e) => e.id !== r.engagementId);
    return plan;
  }

  update(change: Partial<RecordFacts>, cause = CAUSE): ClockPlan {
    this.record = { ...this.record, ...change };
    return this.plan({ kind: 'updated', fields: Object.keys(change) }, cause);
  }

  sweep(): ClockPlan {
    this.last = planSweep(this.book, this.at);
    this.book = this.last.after;
    return this.last;
  }

  /** The last clock of a kind and metric (the current one when a party's clock was replaced). */
  clock(kind: string, metric: string): BookClock {
    const c = this.book.clocks.filter((x) => x.kind === kind && x.metric === metric).at(-1);
    if (!c) throw new Error(`no ${kind} ${metric} clock`);
    return c;
  }

  measure(c: BookClock): ClockMeasure {
    const cal = this.book.calendars.get(c.calendarId)!;
    return measureClock(clockFacts(c), cal, pausesOf(this.book.pauses), this.at);
  }
}
