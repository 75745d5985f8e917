/**
 * Properties of the impact walk on random directed graphs (nodes "0".."n-1", walked from "0"),
 * checked against a naive shortest-distance computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTree,
  type Neighbour,
  type NeighbourFn,
  pathTo,
  walkImpact,
  walkImpactAsync,
} from './impact.ts';

function toGraph(edges: [number, number, string][]): NeighbourFn {
  const adjacency = new Map<string, Neighbour[]>();
  for (const [from, to, via] of edges) {
    adjacency.set(String(from), [...(adjacency.get(String(from)) ?? []), { id: String(to), via }]);
  }
  return (ids) => new Map(ids.map((id) => [id, adjacency.get(id) ?? []]));
}

const arbGraph = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('a', 'b')), { maxLength: 40 }),
  }),
);

/** Bellman-Ford style relaxation: the true shortest distance from node 0 to every node it reaches. */
function naiveDistances(n: number, edges: [number, number, string][]): Map<string, number> {
  const dist = new Map<string, number>([['0', 0]]);
  for (let round = 0; round < n; round++) {
    for (const [from, to] of edges) {
      const d = dist.get(String(from));
      if (d !== undefined && d + 1 < (dist.get(String(to)) ?? Number.POSITIVE_INFINITY))
        dist.set(String(to), d + 1);
    }
  }
  return dist;
}

const arbDepth = fc.option(fc.nat(6), { nil: undefined });

describe('walk properties', () => {
  it('BFS depth equals the true shortest distance, and every reachable node is found', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, edges }) => {
        const r = walkImpact('0', toGraph(edges));
        const dist = naiveDistances(n, edges);
        expect(new Map([...r.nodes.values()].map((x) => [x.id, x.depth]))).toEqual(dist);
        expect(r.truncated).toBe(false);
      }),
    );
  });

  it('never exceeds maxDepth; within it, the result is exactly the nodes at that distance', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(6), ({ n, edges }, maxDepth) => {
        const r = walkImpact('0', toGraph(edges), { maxDepth });
        const expected = [...naiveDistances(n, edges)].filter(([, d]) => d <= maxDepth);
        for (const node of r.nodes.values()) expect(node.depth).toBeLessThanOrEqual(maxDepth);
        expect(new Set(r.nodes.keys())).toEqual(new Set(expected.map(([id]) => id)));
      }),
    );
  });

  it('truncates exactly when more nodes are in range than maxNodes allows', () => {
    fc.assert(
      fc.property(arbGraph, arbDepth, fc.integer({ min: 1, max: 13 }), ({ n, edges }, maxDepth, maxNodes) => {
        const r = walkImpact('0', toGraph(edges), { maxDepth, maxNodes });
        const inRange = [...naiveDistances(n, edges).values()].filter(
          (d) => d <= (maxDepth ?? Infinity),
        ).length;
        expect(r.nodes.size).toBe(Math.min(inRange, maxNodes));
        expect(r.truncated).toBe(inRange > maxNodes);
      }),
    );
  });

  it('reaches each node once, by a real edge from a node one level up, in non-decreasing depth order', () => {
    fc.assert(
      fc.property(arbGraph, arbDepth, ({ edges }, maxDepth) => {
        const r = walkImpact('0', toGraph(edges), { maxDepth, maxNodes: 8 });
        const list = [...r.nodes.values()];
        expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
        for (const [i, node] of list.entries()) {
          if (i > 0) expect(node.depth).toBeGreaterThanOrEqual(list[i - 1]!.depth);
          if (node.parent === null) {
            expect(node.id).toBe('0');
            continue;
          }
          expect(r.nodes.get(node.parent)?.depth).toBe(node.depth - 1);
          expect(
            edges.some(([f, t, v]) => String(f) === node.parent && String(t) === node.id && v === node.via),
          ).toBe(true);
        }
      }),
    );
  });

  it('pathTo has one edge per level and the tree holds every node once', () => {
    fc.assert(
      fc.property(arbGraph, ({ edges }) => {
        const r = walkImpact('0', toGraph(edges));
        const ids: string[] = [];
        const visit = (t: ReturnType<typeof buildTree>) => {
          ids.push(t.id);
          t.children.forEach(visit);
        };
        visit(buildTree(r));
        expect(ids.sort()).toEqual([...r.nodes.keys()].sort());
        for (const node of r.nodes.values()) {
          const path = pathTo(r, node.id)!;
          expect(path).toHaveLength(node.depth);
          expect(path.at(-1)?.to ?? '0').toBe(node.id);
          expect(path[0]?.from ?? '0').toBe('0');
        }
      }),
    );
  });

  it('the async walk matches the sync walk', async () => {
    await fc.assert(
      fc.asyncProperty(arbGraph, arbDepth, ({ edges }, maxDepth) => {
        const g = toGraph(edges);
        return walkImpactAsync('0', async (ids) => g(ids), { maxDepth, maxNodes: 6 }).then((r) => {
          expect(r).toEqual(walkImpact('0', toGraph(edges), { maxDepth, maxNodes: 6 }));
        });
      }),
    );
  });
});
