import { describe, expect, it } from 'vitest';
import {
  buildTree,
  DEFAULT_MAX_NODES,
  type Neighbour,
  type NeighbourFn,
  pathTo,
  type WalkResult,
  walkImpact,
  walkImpactAsync,
} from './impact.ts';

type Edge = [from: string, to: string, via?: string];

/** In-memory neighbour function over directed edges, recording each batch it is asked for. */
function graph(edges: Edge[]): NeighbourFn & { calls: string[][] } {
  const adjacency = new Map<string, Neighbour[]>();
  for (const [from, to, via = 'link'] of edges)
    adjacency.set(from, [...(adjacency.get(from) ?? []), { id: to, via }]);
  const calls: string[][] = [];
  const fn = (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.map((id) => [id, adjacency.get(id) ?? []]));
  };
  return Object.assign(fn, { calls });
}

const reached = (r: WalkResult) => [...r.nodes.values()].map((n) => `${n.id}@${n.depth}`);

describe('walkImpact', () => {
  it('returns only the start for an isolated node', () => {
    expect(walkImpact('a', graph([]))).toEqual({
      start: 'a',
      nodes: new Map([['a', { id: 'a', depth: 0, parent: null, via: null }]]),
      truncated: false,
    });
  });

  it('walks breadth first, recording depth, parent and relationship', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b', 'runs_on'],
        ['a', 'c'],
        ['b', 'd', 'depends_on'],
      ]),
    );
    expect(reached(r)).toEqual(['a@0', 'b@1', 'c@1', 'd@2']);
    expect(r.nodes.get('d')).toEqual({ id: 'd', depth: 2, parent: 'b', via: 'depends_on' });
  });

  it('follows edges in their direction only', () => {
    expect(reached(walkImpact('b', graph([['a', 'b']])))).toEqual(['b@0']);
  });

  it('does not reach disconnected nodes', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b'],
        ['x', 'y'],
        ['y', 'a'],
      ]),
    );
    expect([...r.nodes.keys()]).toEqual(['a', 'b']);
  });

  it('survives cycles without visiting a node twice', () => {
    const g = graph([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    expect(reached(walkImpact('a', g))).toEqual(['a@0', 'b@1', 'c@2']);
    expect(g.calls).toEqual([['a'], ['b'], ['c']]);
  });

  it('ignores self-loops', () => {
    expect(
      reached(
        walkImpact(
          'a',
          graph([
            ['a', 'a'],
            ['a', 'b'],
            ['b', 'b'],
          ]),
        ),
      ),
    ).toEqual(['a@0', 'b@1']);
  });

  it('reaches a diamond’s tip once, by the first edge found at the shortest depth', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b'],
        ['a', 'c'],
        ['c', 'd', 'second'],
        ['b', 'd', 'first'],
      ]),
    );
    expect(reached(r)).toEqual(['a@0', 'b@1', 'c@1', 'd@2']);
    expect(r.nodes.get('d')).toMatchObject({ parent: 'b', via: 'first' });
  });

  it('records the shortest depth even when a longer path is listed first', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['a', 'd'],
      ]),
    );
    expect(r.nodes.get('d')).toMatchObject({ depth: 1, parent: 'a' });
  });

  it('keeps the first of several parallel edges', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b', 'runs_on'],
        ['a', 'b', 'depends_on'],
      ]),
    );
    expect(r.nodes.get('b')?.via).toBe('runs_on');
  });

  it('asks for each BFS level in one batch, never for nodes at maxDepth', () => {
    const g = graph([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'e'],
      ['d', 'f'],
    ]);
    walkImpact('a', g, { maxDepth: 2 });
    expect(g.calls).toEqual([['a'], ['b', 'c']]);
  });

  it('respects the depth limit', () => {
    const chain = graph([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    expect(reached(walkImpact('a', chain, { maxDepth: 0 }))).toEqual(['a@0']);
    expect(reached(walkImpact('a', chain, { maxDepth: 2 }))).toEqual(['a@0', 'b@1', 'c@2']);
    expect(walkImpact('a', chain, { maxDepth: 2 }).truncated).toBe(false);
  });

  it('stops at maxNodes (start included) and flags the result as truncated', () => {
    const star = graph([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
    ]);
    const r = walkImpact('a', star, { maxNodes: 3 });
    expect([...r.nodes.keys()]).toEqual(['a', 'b', 'c']);
    expect(r.truncated).toBe(true);
    expect(walkImpact('a', star, { maxNodes: 1 })).toMatchObject({ truncated: true });
  });

  it('is not truncated when the graph fits exactly', () => {
    const star = graph([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'a'],
      ['c', 'c'],
    ]);
    expect(walkImpact('a', star, { maxNodes: 3 }).truncated).toBe(false);
  });

  it('is not truncated when only nodes beyond maxDepth were left out', () => {
    expect(
      walkImpact(
        'a',
        graph([
          ['a', 'b'],
          ['b', 'c'],
        ]),
        { maxDepth: 1, maxNodes: 2 },
      ).truncated,
    ).toBe(false);
  });

  it('treats ids missing from the neighbour map as having no neighbours', () => {
    expect(reached(walkImpact('a', () => new Map()))).toEqual(['a@0']);
  });

  it('rejects nonsensical limits', () => {
    const g = graph([]);
    expect(() => walkImpact('a', g, { maxDepth: -1 })).toThrow(RangeError);
    expect(() => walkImpact('a', g, { maxDepth: 1.5 })).toThrow(
      'maxDepth must be a whole number of at least 0, got 1.5',
    );
    expect(() => walkImpact('a', g, { maxNodes: 0 })).toThrow(
      'maxNodes must be a whole number of at least 1, got 0',
    );
    expect(walkImpact('a', g, { maxDepth: Number.POSITIVE_INFINITY }).nodes.size).toBe(1);
  });

  it('caps unlimited walks at DEFAULT_MAX_NODES', () => {
    const infinite: NeighbourFn = (ids) => new Map(ids.map((id) => [id, [{ id: `${id}+`, via: 'next' }]]));
    const r = walkImpact('n', infinite);
    expect(r.nodes.size).toBe(DEFAULT_MAX_NODES);
    expect(r.truncated).toBe(true);
  });
});

describe('walkImpactAsync', () => {
  it('gives the same result as the synchronous walk, one awaited fetch per level', async () => {
    const edges: Edge[] = [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
      ['d', 'a'],
    ];
    const g = graph(edges);
    const batches: string[][] = [];
    const asyncFn = async (ids: string[]) => {
      batches.push(ids);
      await Promise.resolve();
      return g(ids);
    };
    const r = await walkImpactAsync('a', asyncFn, { maxNodes: 10 });
    expect(r).toEqual(walkImpact('a', graph(edges), { maxNodes: 10 }));
    expect(batches).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('propagates fetch failures', async () => {
    await expect(walkImpactAsync('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
  });
});

describe('buildTree', () => {
  it('nests each node under the node it was first reached from', () => {
    const r = walkImpact(
      'a',
      graph([
        ['a', 'b', 'x'],
        ['a', 'c', 'y'],
        ['b', 'd', 'z'],
        ['c', 'd', 'w'],
      ]),
    );
    expect(buildTree(r)).toEqual({
      id: 'a',
      depth: 0,
      via: null,
      children: [
        { id: 'b', depth: 1, via: 'x', children: [{ id: 'd', depth: 2, via: 'z', children: [] }] },
        { id: 'c', depth: 1, via: 'y', children: [] },
      ],
    });
  });

  it('is a leaf for a lone start node', () => {
    expect(buildTree(walkImpact('a', graph([])))).toEqual({ id: 'a', depth: 0, via: null, children: [] });
  });

  it('refuses a result without its start node', () => {
    expect(() => buildTree({ start: 'a', nodes: new Map(), truncated: false })).toThrow(/start node "a"/);
  });
});

describe('pathTo', () => {
  const r = walkImpact(
    'db',
    graph([
      ['db', 'app', 'depends_on'],
      ['app', 'svc', 'depends_on'],
      ['db', 'rep', 'x'],
    ]),
  );

  it('explains how a node was reached, start first', () => {
    expect(pathTo(r, 'svc')).toEqual([
      { from: 'db', to: 'app', via: 'depends_on' },
      { from: 'app', to: 'svc', via: 'depends_on' },
    ]);
  });

  it('is empty for the start and null for nodes not reached', () => {
    expect(pathTo(r, 'db')).toEqual([]);
    expect(pathTo(r, 'elsewhere')).toBeNull();
  });

  it('terminates on a malformed result with a parent loop', () => {
    const nodes = new Map([
      ['a', { id: 'a', depth: 1, parent: 'b', via: 'v' }],
      ['b', { id: 'b', depth: 1, parent: 'a', via: 'v' }],
    ]);
    expect(pathTo({ start: 'x', nodes, truncated: false }, 'a')).toHaveLength(2);
  });
});
