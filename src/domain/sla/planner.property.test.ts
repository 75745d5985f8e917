/**
 * Laws of the SLA clock planner, checked with fast-check over random histories of a record
 * (holds, resolutions, reopenings, cancellations, priority changes, reassignments, assignment,
 * sweeps) at random intervals, on a round-the-clock and a business-hours calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from './calendar.ts';
import type { BookClock } from './clock-book.ts';
import { categoryOf } from './party-rules.ts';
import { agreement, CAL_24X7, LIFECYCLE, MINUTE, Scenario, targets } from './planner-fixtures.ts';
import { BERLIN_8X5 } from './test-fixtures.ts';

const GROUPS = ['grp-desk', 'grp-network', 'grp-apps'] as const;
const STATES = LIFECYCLE.states.map((s) => s.key);

type Step =
  | { t: 'wait'; minutes: number }
  | { t: 'move'; to: string }
  | { t: 'priority'; priority: number }
  | { t: 'group'; groupId: string | null }
  | { t: 'assign' }
  | { t: 'sweep' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
  fc.record({ t: fc.constant('move' as const), to: fc.constantFrom(...STATES) }),
  fc.record({ t: fc.constant('priority' as const), priority: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ t: fc.constant('group' as const), groupId: fc.constantFrom<string | null>(...GROUPS, null) }),
  fc.record({ t: fc.constant('assign' as const) }),
  fc.record({ t: fc.constant('sweep' as const) }),
);

function scenario(calendarId: string, groupId: string | null): Scenario {
  const candidates = [
    agreement({ serviceId: 'svc-1', calendarId }),
    agreement({ kind: 'ola', groupId: GROUPS[0], calendarId, targets: targets(30, 120) }),
    agreement({ kind: 'ola', groupId: GROUPS[1], calendarId, onReassign: 'restart' }),
    agreement({ kind: 'ola', groupId: GROUPS[2], calendarId, onReassign: 'continue' }),
  ];
  return new Scenario(candidates, { groupId }, { [CAL_24X7]: CALENDAR_24X7, berlin: BERLIN_8X5 });
}

function run(s: Scenario, step: Step): void {
  if (step.t === 'wait') s.advance(step.minutes * MINUTE);
  else if (step.t === 'move' && step.to !== s.record.state) s.move(step.to);
  else if (step.t === 'priority' && step.priority !== s.record.priority)
    s.update({ priority: step.priority });
  else if (step.t === 'group' && step.groupId !== s.record.groupId) s.update({ groupId: step.groupId });
  else if (step.t === 'assign' && !s.record.assigneeId) s.update({ assigneeId: 'agent-1' });
  else if (step.t === 'sweep') s.sweep();
}

const snapshot = (s: Pick<Scenario, 'book'>) =>
  JSON.stringify({ c: s.book.clocks, p: s.book.pauses, f: [...s.book.fired] });
const historyArb = fc.record({
  calendarId: fc.constantFrom('berlin', CAL_24X7),
  groupId: fc.constantFrom<string | null>(...GROUPS, null),
  steps: fc.array(stepArb, { maxLength: 25 }),
});

type Check = (s: Scenario, step: Step, before: BookClock[]) => void;

/** Run the check after every step of random histories; `fresh` makes its state for one history. */
function forEveryHistory(fresh: () => Check) {
  fc.assert(
    fc.property(historyArb, ({ calendarId, groupId, steps }) => {
      const check = fresh();
      const s = scenario(calendarId, groupId);
      s.create();
      for (const step of steps) {
        const before = s.book.clocks.map((c) => ({ ...c }));
        const prior = s.book;
        const frozen = snapshot({ book: prior });
        run(s, step);
        // The planner works on a copy: the book it was given reads as before.
        expect(snapshot({ book: prior })).toBe(frozen);
        check(s, step, before);
      }
    }),
    { numRuns: 150 },
  );
}

describe('SLA clock planner laws', () => {
  it('never changes the facts it is given, sweeping included', () => {
    forEveryHistory(() => (s) => {
      const prior = s.book;
      const frozen = snapshot(s);
      s.sweep();
      expect(snapshot({ book: prior })).toBe(frozen);
    });
  });

  it('keeps at most one live clock per party and metric, and OLA clocks only for the group holding the record', () => {
    forEveryHistory(() => (s) => {
      const live = s.book.clocks.filter((c) => c.state === 'running' || c.state === 'paused');
      const keys = live.map((c) => `${c.kind}:${c.groupId}:${c.engagementId}:${c.metric}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of live.filter((x) => x.kind === 'ola')) expect(c.groupId).toBe(s.record.groupId);
    });
  });

  it('leaves no clock running while the record is paused, and none live once it is resolved or closed', () => {
    forEveryHistory(() => (s) => {
      const category = categoryOf(LIFECYCLE, s.record.state);
      const states = s.book.clocks.map((c) => c.state);
      if (category === 'paused') expect(states).not.toContain('running');
      if (category === 'resolved' || category === 'closed') {
        expect(states).not.toContain('running');
        expect(states).not.toContain('paused');
      }
      if (category === 'open') expect(states).not.toContain('paused');
    });
  });

  it('presents the nearest due instant of the running clocks', () => {
    forEveryHistory(() => (s) => {
      const due = s.book.clocks
        .filter((c) => c.state === 'running' && c.dueAt)
        .map((c) => c.dueAt!.getTime());
      expect(s.last?.dueAt?.getTime() ?? null).toBe(due.length ? Math.min(...due) : null);
    });
  });

  it('never counts more working time than has passed, and never less as time goes on', () => {
    forEveryHistory(() => {
      const seen = new Map<string, number>();
      return (s) => {
        for (const c of s.book.clocks) {
          const elapsed = s.measure(c).elapsedSeconds;
          const wall = (s.at.getTime() - c.startedAt.getTime()) / 1000;
          expect(elapsed).toBeGreaterThanOrEqual(0);
          expect(elapsed).toBeLessThanOrEqual(Math.max(0, wall));
          expect(elapsed).toBeGreaterThanOrEqual(seen.get(c.id) ?? 0);
          seen.set(c.id, elapsed);
        }
      };
    });
  });

  it('fires every threshold of a target at most once, and only once it is reached', () => {
    forEveryHistory(() => (s) => {
      const fired = s.book.fired;
      for (const a of s.last?.alerts ?? []) {
        expect(a.reachedAt.getTime()).toBeLessThanOrEqual(s.at.getTime());
        expect(fired.get(a.clock.id)?.has(`${a.targetVersion}:${a.threshold}`)).toBe(true);
      }
      const keys = (s.last?.alerts ?? []).map((a) => `${a.clock.id}:${a.targetVersion}:${a.threshold}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });

  it('ties every timeline entry to a clock of the record, or to none', () => {
    forEveryHistory(() => (s) => {
      const ids = new Set(s.book.clocks.map((c) => c.id));
      for (const e of s.last?.timeline ?? []) if (e.clockId !== null) expect(ids.has(e.clockId)).toBe(true);
    });
  });

  it('keeps a met target met whatever happens, unless the record is reopened', () => {
    forEveryHistory(() => (s, step, before) => {
      const reopened = step.t === 'move' && categoryOf(LIFECYCLE, s.record.state) !== 'resolved';
      for (const was of before.filter((c) => c.state === 'met')) {
        const now = s.book.clocks.find((c) => c.id === was.id)!;
        if (reopened && was.metric === 'resolution' && now.state !== 'met') continue;
        expect(now).toMatchObject({
          state: 'met',
          stoppedAt: was.stoppedAt,
          targetSeconds: was.targetSeconds,
        });
      }
    });
  });
});
