import { describe, expect, it } from 'vitest';
import { nextTaskBatch } from './tasks.ts';

const orders = (...o: number[]) => o.map((order) => ({ order }));
const done = (...i: number[]) => i.map((templateIndex) => ({ templateIndex, finished: true }));

describe('nextTaskBatch', () => {
  it('starts every template of the lowest order together', () => {
    expect(nextTaskBatch(orders(2, 1, 1, 3), [])).toEqual({ waiting: false, batch: [1, 2] });
  });
  it('waits while any started task is unfinished', () => {
    expect(nextTaskBatch(orders(1, 1, 2), [...done(0), { templateIndex: 1, finished: false }])).toEqual({
      waiting: true,
      batch: [],
    });
  });
  it('moves to the next order once the lower ones are finished, skipping gaps in numbering', () => {
    expect(nextTaskBatch(orders(1, 1, 5, 9), done(0, 1))).toEqual({ waiting: false, batch: [2] });
    expect(nextTaskBatch(orders(1, 1, 5, 9), done(0, 1, 2))).toEqual({ waiting: false, batch: [3] });
  });
  it('reports nothing left when every template has a finished task', () => {
    expect(nextTaskBatch(orders(1, 2), done(0, 1))).toEqual({ waiting: false, batch: [] });
    expect(nextTaskBatch([], [])).toEqual({ waiting: false, batch: [] });
  });
});
