import { describe, expect, it } from 'vitest';
import { coalescer } from './coalesce.ts';

/** A coalescer whose statements are recorded and answered when `release` is called. */
function recorded(lanes: number, maxBatch = 10, bad = new Set<number>(), minBatchBeside?: number) {
  const sent: number[][] = [];
  const gates: (() => void)[] = [];
  const wait = () => new Promise<void>((r) => gates.push(r));
  const c = coalescer<number, string>({
    lanes,
    maxBatch,
    ...(minBatchBeside === undefined ? {} : { minBatchBeside }),
    key: (n) => (n >= 100 ? 'big' : 'small'),
    one: async (n) => {
      sent.push([n]);
      await wait();
      if (bad.has(n)) throw new Error(`bad ${n}`);
      return `one ${n}`;
    },
    many: async (ns) => {
      sent.push(ns);
      await wait();
      if (ns.some((n) => bad.has(n))) throw new Error('batch failed');
      return ns.map((n) => `many ${n}`);
    },
  });
  /** Let every statement in flight answer, until nothing is left. */
  const release = async () => {
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setImmediate(r));
      const g = gates.splice(0);
      if (!g.length && c.stats.inFlight === 0) return;
      for (const open of g) open();
    }
  };
  return { c, sent, release };
}

describe('coalescer', () => {
  it('sends a lone item at once, on its own', async () => {
    const { c, sent, release } = recorded(2);
    const p = c.send(1);
    expect(sent).toEqual([[1]]);
    await release();
    expect(await p).toBe('one 1');
    expect(c.stats.batches).toBe(0);
  });

  it('groups what arrives while every lane is busy, by key and up to the batch size', async () => {
    const { c, sent, release } = recorded(1, 3);
    const all = [1, 2, 3, 100, 4, 5].map((n) => c.send(n));
    await release();
    expect(await Promise.all(all)).toEqual(['one 1', 'many 2', 'many 3', 'one 100', 'many 4', 'one 5']);
    // 1 alone at once; then 2, 3 and 4 (the batch size) of one key; then 100 alone; then 5.
    expect(sent).toEqual([[1], [2, 3, 4], [100], [5]]);
  });

  it('sends a failed batch again item by item, so only the bad one fails', async () => {
    const { c, sent, release } = recorded(1, 10, new Set([3]));
    const all = [1, 2, 3, 4].map((n) => c.send(n).catch((e: Error) => e.message));
    await release();
    expect(await Promise.all(all)).toEqual(['one 1', 'one 2', 'bad 3', 'one 4']);
    expect(sent).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(c.stats.inFlight).toBe(0);
  });

  it('never has more statements in flight than lanes', async () => {
    const { c, sent, release } = recorded(3, 2);
    const all = Array.from({ length: 9 }, (_, i) => c.send(i));
    expect(sent).toEqual([[0], [1], [2]]);
    expect(c.stats.inFlight).toBe(3);
    await release();
    expect(await Promise.all(all)).toHaveLength(9);
    expect(sent.slice(3)).toEqual([
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
  });

  it('sends a statement beside one in flight only with a group of minBatchBeside', async () => {
    const { c, sent, release } = recorded(2, 10, new Set(), 3);
    const all = [1, 2, 3].map((n) => c.send(n));
    // 1 goes alone; 2 and 3 are too few to go beside it, though a lane is free.
    expect(sent).toEqual([[1]]);
    all.push(c.send(4));
    // Three wait now: they go beside 1.
    expect(sent).toEqual([[1], [2, 3, 4]]);
    all.push(c.send(5), c.send(6));
    expect(sent).toHaveLength(2);
    await release();
    expect(await Promise.all(all)).toEqual(['one 1', 'many 2', 'many 3', 'many 4', 'many 5', 'many 6']);
    // 5 and 6 went when a statement came back, as a group of two with nothing else in flight.
    expect(sent).toEqual([[1], [2, 3, 4], [5, 6]]);
  });
});
