/**
 * Conflict detection over a real graph index: the same CI, a CI one depends on (directly and
 * through others), a service both support, freezes and maintenance windows, plus properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CiGraphIndex } from '../cmdb/graph-index.ts';
import { DEFAULT_RELATIONSHIP_TYPES } from '../cmdb/relationships.ts';
import {
  type ConflictCandidate,
  conflictGraph,
  detectConflicts,
  overlaps,
  type ProbeFrom,
  type ScheduledItem,
} from './conflicts.ts';
import type { ScheduleWindow } from './windows.ts';

/** payroll (service) depends on app and app3; app depends on db; db runs on vm; web is alone. */
function graph(extra: [string, string, string][] = []): {
  index: CiGraphIndex;
  probe: ProbeFrom;
  name: (id: string) => string;
} {
  const index = new CiGraphIndex(DEFAULT_RELATIONSHIP_TYPES);
  const classes: Record<string, string> = {
    payroll: 'service',
    app: 'application',
    app3: 'application',
    db: 'database',
    vm: 'virtual_server',
    web: 'application',
    mail: 'service',
  };
  for (const [id, cls] of Object.entries(classes)) index.setCi(id, cls, id.toUpperCase());
  let n = 0;
  const edges: [string, string, string][] = [
    ['payroll', 'depends_on', 'app'],
    ['payroll', 'depends_on', 'app3'],
    ['app', 'depends_on', 'db'],
    ['db', 'runs_on', 'vm'],
    ...extra,
  ];
  for (const [from, type, to] of edges)
    index.addEdge({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type, from, to });
  return {
    index,
    probe: (roots, direction) => index.probe(roots, direction, (k) => k === 'service'),
    name: (id) => index.describe(id)?.name ?? id,
  };
}

const T = (h: number) => new Date(Date.UTC(2026, 5, 10, h));
const item = (
  n: number,
  ciIds: string[],
  from = 22,
  to = 23,
  over: Partial<ScheduledItem> = {},
): ScheduledItem => ({
  recordId: `r${n}`,
  number: `CHG${n}`,
  title: `Change ${n}`,
  state: 'scheduled',
  changeType: 'normal',
  start: T(from),
  end: T(to),
  ciIds,
  serviceIds: [],
  groupId: null,
  ...over,
});
const cand = (ciIds: string[], from = 22, to = 23, serviceIds: string[] = []): ConflictCandidate => ({
  start: T(from),
  end: T(to),
  ciIds,
  serviceIds,
});

function check(c: ConflictCandidate, others: ScheduledItem[], windows: ScheduleWindow[] = [], g = graph()) {
  return detectConflicts(c, others, windows, conflictGraph(g.probe, c, g.name));
}

describe('changes overlapping in time', () => {
  it('on the same CI', () => {
    const [c] = check(cand(['db']), [item(1, ['db'], 21, 23)]);
    expect(c).toMatchObject({
      kind: 'overlap_same_ci',
      ciIds: ['db'],
      otherNumber: 'CHG1',
      otherRecordId: 'r1',
    });
    expect(c!.reason).toBe(
      'CHG1 “Change 1” works on the same CI (DB) from 2026-06-10 21:00 UTC to 2026-06-10 23:00 UTC.',
    );
  });

  it('not when they only touch end to start', () => {
    expect(check(cand(['db'], 21, 22), [item(1, ['db'], 22, 23)])).toEqual([]);
    expect(check(cand(['db'], 22, 23), [item(1, ['db'], 20, 22)])).toEqual([]);
  });

  it('on a CI the candidate depends on, and on one that depends on it', () => {
    const [up] = check(cand(['app']), [item(1, ['db'])]);
    expect(up).toMatchObject({ kind: 'overlap_dependent_ci', ciIds: ['app', 'db'] });
    expect(up!.reason).toContain('works on DB, which APP depends on');
    const [down] = check(cand(['db']), [item(1, ['app'])]);
    expect(down).toMatchObject({ kind: 'overlap_dependent_ci', ciIds: ['db', 'app'] });
    expect(down!.reason).toContain('works on APP, which depends on DB');
  });

  it('transitively: the app depends on the database that runs on the VM', () => {
    const [c] = check(cand(['vm']), [item(1, ['app'])]);
    expect(c).toMatchObject({ kind: 'overlap_dependent_ci', ciIds: ['vm', 'app'] });
  });

  it('on CIs a common service depends on', () => {
    const [c] = check(cand(['db']), [item(1, ['app3'])]);
    expect(c).toMatchObject({ kind: 'overlap_shared_service', serviceIds: ['payroll'] });
    expect(c!.reason).toContain('affects the same service (PAYROLL)');
    // Named services count too, without any CI.
    const [named] = check(cand([], 22, 23, ['mail']), [item(2, [], 22, 23, { serviceIds: ['mail'] })]);
    expect(named).toMatchObject({ kind: 'overlap_shared_service', serviceIds: ['mail'] });
  });

  it('not on unrelated CIs, nor with itself', () => {
    expect(check(cand(['web']), [item(1, ['db']), item(2, ['app'])])).toEqual([]);
    expect(check({ ...cand(['db']), recordId: 'r1' }, [item(1, ['db'])])).toEqual([]);
  });

  it('one conflict per other change: the most specific', () => {
    const out = check(cand(['app', 'db']), [item(1, ['db'])]);
    expect(out.map((c) => c.kind)).toEqual(['overlap_same_ci']);
  });
});

const window = (over: Partial<ScheduleWindow>): ScheduleWindow => ({
  id: 'w1',
  kind: 'freeze',
  name: 'Year end',
  ciId: null,
  serviceId: null,
  timeZone: 'UTC',
  start: T(0),
  end: T(23),
  rrule: null,
  ...over,
});

describe('windows', () => {
  it('a global freeze catches every change in it', () => {
    const [c] = check(cand(['web']), [], [window({})]);
    expect(c).toMatchObject({ kind: 'freeze', windowId: 'w1' });
    expect(c!.reason).toBe(
      'The change falls in the global freeze “Year end” (from 2026-06-10 00:00 UTC to 2026-06-10 23:00 UTC).',
    );
  });

  it('a service freeze catches changes on CIs the service depends on, transitively', () => {
    const freeze = window({ serviceId: 'payroll' });
    expect(check(cand(['vm']), [], [freeze]).map((c) => c.kind)).toEqual(['freeze']);
    expect(check(cand(['web']), [], [freeze])).toEqual([]);
    expect(check(cand(['web'], 22, 23, ['payroll']), [], [freeze]).map((c) => c.kind)).toEqual(['freeze']);
  });

  it('a change outside its CI’s maintenance windows, only when the CI has windows', () => {
    const nightly = window({
      id: 'm1',
      kind: 'maintenance',
      name: 'Nightly',
      ciId: 'db',
      start: new Date(Date.UTC(2026, 0, 1, 21)),
      end: new Date(Date.UTC(2026, 0, 1, 23, 30)),
      rrule: 'FREQ=DAILY',
    });
    expect(check(cand(['db'], 22, 23), [], [nightly])).toEqual([]);
    const [late] = check(cand(['db', 'web'], 22, 24), [], [nightly]);
    expect(late).toMatchObject({ kind: 'outside_maintenance', ciIds: ['db'], windowId: 'm1' });
    expect(late!.reason).toBe('The change is not inside a maintenance window of DB (“Nightly”).');
    expect(check(cand(['web'], 10, 11), [], [nightly])).toEqual([]);
  });

  it('back-to-back windows together cover a change', () => {
    const a = window({ id: 'a', kind: 'maintenance', ciId: 'db', start: T(20), end: T(22) });
    const b = window({ id: 'b', kind: 'maintenance', ciId: 'db', start: T(22), end: T(23) });
    expect(check(cand(['db'], 21, 23), [], [a, b])).toEqual([]);
  });

  it('a recurring Paris window covers 02:00–06:00 local in winter and in summer', () => {
    const sat = window({
      id: 's',
      kind: 'maintenance',
      ciId: 'db',
      timeZone: 'Europe/Paris',
      start: new Date('2026-01-03T01:00:00Z'),
      end: new Date('2026-01-03T05:00:00Z'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
    });
    const at = (s: string, e: string): ConflictCandidate => ({
      start: new Date(s),
      end: new Date(e),
      ciIds: ['db'],
      serviceIds: [],
    });
    expect(check(at('2026-02-07T01:00:00Z', '2026-02-07T05:00:00Z'), [], [sat])).toEqual([]);
    expect(check(at('2026-07-04T00:00:00Z', '2026-07-04T04:00:00Z'), [], [sat])).toEqual([]);
    // In summer 05:00 UTC is 07:00 in Paris: past the window.
    expect(check(at('2026-07-04T01:00:00Z', '2026-07-04T05:00:00Z'), [], [sat]).map((c) => c.kind)).toEqual([
      'outside_maintenance',
    ]);
  });
});

describe('the graph questions', () => {
  it('findFirst stops at the nearest accepted CI', () => {
    const { index } = graph();
    expect(index.findFirst(['vm'], 'impact', (id) => id === 'payroll')).toBe('payroll');
    expect(index.findFirst(['vm'], 'impact', (id) => id === 'payroll' || id === 'db')).toBe('db');
    expect(index.findFirst(['web'], 'impact', (id) => id === 'payroll')).toBeNull();
  });

  it('a probe answers as a whole walk does, from either end and after changes', () => {
    const g = graph([['web', 'depends_on', 'vm']]);
    const cis = ['payroll', 'app', 'app3', 'db', 'vm', 'web', 'mail'];
    const whole = (roots: string[], direction: 'impact' | 'dependencies') => {
      const seen = new Set<string>();
      for (const r of roots) {
        if (!g.index.has(r)) continue;
        const w = g.index.walk([r], direction, {
          listLimit: 100,
          serviceLimit: 100,
          isService: (k) => k === 'service',
        });
        seen.add(r);
        for (const id of w.nodes.keys()) seen.add(id);
      }
      return seen;
    };
    for (const direction of ['impact', 'dependencies'] as const)
      for (const roots of [['vm'], ['db', 'web'], ['payroll'], ['mail']]) {
        const p = g.probe(roots, direction);
        for (const id of cis) {
          const from = p.reaches(id);
          if (!whole(roots, direction).has(id)) expect(from).toBeNull();
          else expect(whole([from!], direction).has(id)).toBe(true);
        }
      }
    // Shared services: payroll depends on app3 and, through app and db, on vm; web depends on vm
    // but no service depends on web; mail is alone.
    expect(g.probe(['vm'], 'impact').sharedService(['app3'])).toBe('payroll');
    expect(g.probe(['db'], 'impact').sharedService(['web', 'app3'])).toBe('payroll');
    expect(g.probe(['web'], 'impact').sharedService(['app3'])).toBeNull();
    expect(g.probe(['mail'], 'impact').sharedService(['app3'])).toBeNull();
    expect(g.probe(['app3'], 'impact').sharedService(['mail'])).toBeNull();
  });
});

describe('properties', () => {
  const cis = ['payroll', 'app', 'app3', 'db', 'vm', 'web', 'mail'];
  const arbChange = fc.record({
    ciIds: fc.uniqueArray(fc.constantFrom(...cis), { minLength: 1, maxLength: 3 }),
    from: fc.integer({ min: 0, max: 20 }),
    len: fc.integer({ min: 1, max: 4 }),
  });
  const g = graph();

  it('overlap conflicts are symmetric: A conflicts with B exactly when B conflicts with A, of the same kind', () => {
    fc.assert(
      fc.property(arbChange, arbChange, (a, b) => {
        const A = item(1, a.ciIds, a.from, a.from + a.len);
        const B = item(2, b.ciIds, b.from, b.from + b.len);
        const ab = check({ ...A, recordId: 'r1' }, [B], [], g);
        const ba = check({ ...B, recordId: 'r2' }, [A], [], g);
        expect(ab.map((c) => c.kind)).toEqual(ba.map((c) => c.kind));
        expect(ab.length > 0).toBe(ab.length > 0 && overlaps(A, B));
      }),
    );
  });

  it('changes that do not overlap in time never conflict with each other', () => {
    fc.assert(
      fc.property(arbChange, arbChange, (a, b) => {
        const A = item(1, a.ciIds, 0, 2);
        const B = item(2, b.ciIds, 2 + (b.from % 3), 6);
        expect(check({ ...A }, [B], [], g)).toEqual([]);
      }),
    );
  });

  it('adding other changes never removes a conflict', () => {
    fc.assert(
      fc.property(arbChange, fc.array(arbChange, { maxLength: 5 }), (a, rest) => {
        const A = cand(a.ciIds, a.from, a.from + a.len);
        const others = rest.map((r, i) => item(i + 2, r.ciIds, r.from, r.from + r.len));
        const first = check(A, others.slice(0, 1), [], g).length;
        expect(check(A, others, [], g).length).toBeGreaterThanOrEqual(first);
      }),
    );
  });
});
