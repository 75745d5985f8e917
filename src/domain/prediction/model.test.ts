import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random.ts';
import { evaluate, explain, fitLogistic } from './model.ts';
import { buildExamples, type FinishedClock, heldOut, LoadIndex } from './training.ts';

/** Draw examples from a known logistic relation: log-odds = -1 + 3·x0 − 2·x1, x2 is noise. */
function synthetic(n: number, seed: number) {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = [rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1];
    const p = 1 / (1 + Math.exp(-(-1 + 3 * x[0]! - 2 * x[1]!)));
    return { x, y: (rand() < p ? 1 : 0) as 0 | 1 };
  });
}

describe('logistic breach model', () => {
  it('recovers a known relation and ignores noise', () => {
    const model = fitLogistic(synthetic(4000, 1), { iterations: 600, l2: 0 });
    // Weights are per standard deviation; x is uniform on [-1, 1], sd = 1/√3.
    const raw = model.weights.map((w, j) => w / model.scale[j]!);
    expect(raw[0]).toBeGreaterThan(2.4);
    expect(raw[0]).toBeLessThan(3.6);
    expect(raw[1]).toBeLessThan(-1.4);
    expect(raw[1]).toBeGreaterThan(-2.6);
    expect(Math.abs(raw[2]!)).toBeLessThan(0.4);
  });

  it('is calibrated and beats the base rate on held-out examples', () => {
    const model = fitLogistic(synthetic(4000, 2));
    const test = synthetic(2000, 3);
    const q = evaluate(test.map((e) => ({ p: explain(model, e.x).probability, y: e.y })));
    expect(q.calibrationError).toBeLessThan(0.05);
    expect(q.brier).toBeLessThan(q.baselineBrier);
    expect(q.precision!).toBeGreaterThan(q.baseRate);
    expect(q.bins.reduce((a, b) => a + b.count, 0)).toBe(2000);
  });

  it('explains a prediction as terms of the log-odds that add up to it', () => {
    const model = fitLogistic(synthetic(1000, 4));
    const { probability, factors } = explain(model, [0.9, -0.9, 0]);
    const logOdds = model.intercept + factors.reduce((a, f) => a + f.contribution, 0);
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 10);
    expect(factors[0]!.feature).toBe('elapsed_share');
    expect(factors[0]!.contribution).toBeGreaterThan(0);
    expect(Math.abs(factors[0]!.contribution)).toBeGreaterThanOrEqual(Math.abs(factors[1]!.contribution));
  });

  it('scores precision and recall at the threshold', () => {
    const q = evaluate([
      { p: 0.9, y: 1 },
      { p: 0.8, y: 0 },
      { p: 0.2, y: 1 },
      { p: 0.1, y: 0 },
    ]);
    expect(q.precision).toBe(0.5);
    expect(q.recall).toBe(0.5);
    expect(q.baseRate).toBe(0.5);
    expect(q.brier).toBeCloseTo((0.01 + 0.64 + 0.64 + 0.01) / 4, 10);
  });
});

describe('training examples from finished clocks', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 5, 8) + h * 3_600_000);
  const clock = (over: Partial<FinishedClock>): FinishedClock => ({
    recordId: 'r1',
    serviceId: 's1',
    groupId: 'g1',
    assigneeId: 'a1',
    assignedAt: null,
    priority: 3,
    metric: 'resolution',
    targetSeconds: 4 * 3600,
    startedAt: at(0),
    dueAt: at(4),
    stoppedAt: at(2),
    ...over,
  });

  it('counts the open load at an instant', () => {
    const idx = new LoadIndex(
      [
        { groupId: 'g', assigneeId: null, from: at(0), to: at(2) },
        { groupId: 'g', assigneeId: null, from: at(1), to: null },
      ],
      (s) => s.groupId,
    );
    expect(idx.at('g', at(0.5).getTime())).toBe(1);
    expect(idx.at('g', at(1.5).getTime())).toBe(2);
    expect(idx.at('g', at(3).getTime())).toBe(1);
    expect(idx.at('other', at(3).getTime())).toBe(0);
  });

  it('looks at each clock before it ended, labels late stops as breaches', () => {
    const { examples } = buildExamples(
      [clock({}), clock({ recordId: 'r2', stoppedAt: at(6) }), clock({ recordId: 'r3', dueAt: at(0) })],
      [],
    );
    expect(examples.map((e) => e.y)).toEqual([0, 1]);
    for (const e of examples) {
      expect(e.x[0]).toBeGreaterThanOrEqual(0);
      expect(e.x[0]).toBeLessThan(1);
    }
    // The met clock stopped at half its span: it was seen before then.
    expect(examples[0]!.x[0]).toBeLessThan(0.5);
  });

  it('holds out a stable share of records', () => {
    const ids = Array.from(
      { length: 2000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const share = ids.filter((id) => heldOut(id)).length / ids.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(heldOut(ids[7]!)).toBe(heldOut(ids[7]!));
  });
});
