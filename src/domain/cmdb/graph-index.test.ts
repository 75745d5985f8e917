/**
 * The graph index must answer as the reference walk (impact.ts over relationshipNeighbours) on the
 * same relationships, however they got there: loaded at once, added and removed one by one, or
 * folded together by a compaction.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random.ts';
import { CiGraphIndex, type GraphDirection } from './graph-index.ts';
import { walkImpact } from './impact.ts';
import {
  DEFAULT_RELATIONSHIP_TYPES,
  type RelationshipEdge,
  relationshipNeighbours,
} from './relationships.ts';

const TYPES = DEFAULT_RELATIONSHIP_TYPES;
const isService = (classKey: string) => classKey === 'service';
/** A relationship id derived from its ends and type, as a UUID. */
const withId = (e: RelationshipEdge) => {
  const h = createHash('md5').update(`${e.from}|${e.type}|${e.to}`).digest('hex');
  return {
    ...e,
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
  };
};
const classOf = (i: number) => (i % 5 === 0 ? 'service' : i % 2 ? 'application' : 'server');

function reference(edges: RelationshipEdge[], roots: string[], mode: GraphDirection, maxDepth?: number) {
  const fn = relationshipNeighbours(TYPES, edges, mode);
  // Several roots walk as one BFS: a virtual start whose neighbours are the roots.
  const start = '*';
  const walk = walkImpact(
    start,
    (ids) =>
      new Map(
        ids.map((id) => [
          id,
          id === start ? roots.map((r) => ({ id: r, via: '' })) : (fn([id]).get(id) ?? []),
        ]),
      ),
    {
      maxNodes: 1_000_000,
      ...(maxDepth === undefined ? {} : { maxDepth: maxDepth + 1 }),
    },
  );
  return new Map([...walk.nodes.values()].filter((n) => n.id !== start).map((n) => [n.id, n.depth - 1]));
}

function build(n: number, edges: RelationshipEdge[]): CiGraphIndex {
  const index = new CiGraphIndex(TYPES);
  for (let i = 0; i < n; i++) index.setCi(`c${i}`, classOf(i), `name of c${i}`, i % 3 ? 'in_use' : 'planned');
  index.loadEdges(edges.map(withId));
  index.finishLoad();
  return index;
}

function check(
  index: CiGraphIndex,
  edges: RelationshipEdge[],
  roots: string[],
  mode: GraphDirection,
  maxDepth?: number,
) {
  const expected = reference(edges, roots, mode, maxDepth);
  const w = index.walk(roots, mode, { maxDepth, listLimit: 3, serviceLimit: 2, isService });
  expect(w.reached).toBe(expected.size - new Set(roots).size);
  const histogram: number[] = [];
  for (const d of expected.values()) histogram[d] = (histogram[d] ?? 0) + 1;
  expect(w.byDepth).toEqual(histogram);
  const services = [...expected.keys()].filter((id) => isService(classOf(Number(id.slice(1)))));
  expect(w.services).toBe(services.length);
  for (const node of w.nodes.values()) {
    expect(node.depth).toBe(expected.get(node.id));
    expect(node.classKey).toBe(index.classOf(node.id));
    expect({ name: node.name, status: node.status }).toEqual(index.describe(node.id));
    if (node.parent === null) continue;
    expect(w.nodes.get(node.parent)!.depth).toBe(node.depth - 1);
    // The step is a stored relationship between the two CIs, of the type given.
    expect(edges).toContainEqual({ type: node.via, from: node.edge!.from, to: node.edge!.to });
    expect(node.edge!.id).toBe(withId({ type: node.via!, from: node.edge!.from, to: node.edge!.to }).id);
    expect([node.edge!.from, node.edge!.to].sort()).toEqual([node.parent, node.id].sort());
  }
  expect([...w.nodes.values()].filter((x) => x.listed && x.depth > 0)).toHaveLength(Math.min(3, w.reached));
  for (const e of w.edges) {
    expect(w.nodes.has(e.from) && w.nodes.has(e.to)).toBe(true);
    expect(e.id).toBe(withId(e).id);
  }
  expect([...w.nodes.values()].filter((x) => x.service)).toHaveLength(Math.min(2, w.services));
}

/** A probe's answers against the reference walk, from the roots and from each CI. */
function checkProbe(index: CiGraphIndex, edges: RelationshipEdge[], roots: string[], others: string[]) {
  const universe = [...new Set([...roots, ...others, ...edges.flatMap((e) => [e.from, e.to])])];
  const isServiceId = (id: string) => isService(classOf(Number(id.slice(1))));
  for (const mode of ['impact', 'dependencies'] as const) {
    const expected = reference(edges, roots, mode);
    const probe = index.probe(roots, mode, isService);
    for (const id of universe) {
      const from = probe.reaches(id);
      if (!expected.has(id)) expect(from).toBeNull();
      else expect(reference(edges, [from!], mode).has(id)).toBe(true);
    }
  }
  // Several questions to one probe: later ones may be answered from what earlier ones grew.
  const mine = reference(edges, roots, 'impact');
  const probe = index.probe(roots, 'impact', isService);
  for (const asked of [others, ...others.map((o) => [o]), others]) {
    const theirs = reference(edges, asked, 'impact');
    const common = [...mine.keys()].filter((id) => theirs.has(id) && isServiceId(id));
    const shared = probe.sharedService(asked);
    if (common.length === 0) expect(shared).toBeNull();
    else expect(common).toContain(shared);
  }
}

const arbEdges = (n: number) =>
  fc.uniqueArray(
    fc.record({
      type: fc.constantFrom('depends_on', 'runs_on', 'contains', 'connects_to'),
      from: fc.nat(n - 1).map((i) => `c${i}`),
      to: fc.nat(n - 1).map((i) => `c${i}`),
    }),
    { maxLength: 60, selector: (e) => `${e.from}|${e.type}|${e.to}` },
  );

const arbCase = fc.integer({ min: 1, max: 20 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: arbEdges(n),
    later: arbEdges(n),
    roots: fc.uniqueArray(
      fc.nat(n - 1).map((i) => `c${i}`),
      { minLength: 1, maxLength: 3 },
    ),
    mode: fc.constantFrom<GraphDirection>('impact', 'dependencies'),
    maxDepth: fc.option(fc.nat(5), { nil: undefined }),
  }),
);

describe('CiGraphIndex', () => {
  it('reaches what the reference walk reaches, at the same depths, loaded at once', () => {
    fc.assert(
      fc.property(arbCase, ({ n, edges, roots, mode, maxDepth }) => {
        const index = build(n, edges);
        check(index, edges, roots, mode, maxDepth);
        checkProbe(index, edges, roots, [`c${n - 1}`, `c${Math.floor(n / 2)}`]);
      }),
      { numRuns: 300 },
    );
  });

  it('comes back from a snapshot as it was, changes included', () => {
    fc.assert(
      fc.property(arbCase, ({ n, edges, later, roots, mode, maxDepth }) => {
        const index = build(n, edges);
        const current = new Map(edges.map((e) => [`${e.from}|${e.type}|${e.to}`, e]));
        for (const e of later) {
          const key = `${e.from}|${e.type}|${e.to}`;
          if (current.has(key)) {
            index.removeEdge(e);
            current.delete(key);
          } else {
            index.addEdge(withId(e));
            current.set(key, e);
          }
        }
        const snap = structuredClone(index.toSnapshot());
        const back = CiGraphIndex.fromSnapshot(TYPES, snap);
        check(back, [...current.values()], roots, mode, maxDepth);
        for (let i = 0; i < n; i++) expect(back.describe(`c${i}`)).toEqual(index.describe(`c${i}`));
        expect(back.edgeCount).toBe(index.edgeCount);
      }),
      { numRuns: 200 },
    );
    const other = [...TYPES, { key: 'documents', propagatesImpact: 'none' as const }];
    expect(() => CiGraphIndex.fromSnapshot(other, build(2, []).toSnapshot())).toThrow(RangeError);
  });

  it('stays equal to the reference walk through additions, removals and compaction', () => {
    fc.assert(
      fc.property(arbCase, ({ n, edges, later, roots, mode, maxDepth }) => {
        const index = build(n, edges);
        const current = new Map(edges.map((e) => [`${e.from}|${e.type}|${e.to}`, e]));
        later.forEach((e, i) => {
          const key = `${e.from}|${e.type}|${e.to}`;
          if (current.has(key) && i % 2 === 0) {
            index.removeEdge(e);
            current.delete(key);
          } else if (!current.has(key)) {
            index.addEdge(withId(e));
            current.set(key, e);
          }
        });
        check(index, [...current.values()], roots, mode, maxDepth);
        checkProbe(index, [...current.values()], roots, [`c${n - 1}`]);
        index.compact();
        check(index, [...current.values()], roots, mode, maxDepth);
        checkProbe(index, [...current.values()], roots, [`c${n - 1}`]);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference walk on a graph large enough for wide levels', () => {
    // Wide levels take the other code paths: frontiers read in CI order, bottom-up steps.
    const rnd = seededRandom(7); // the same graph every run
    const pick = (k: number) => Math.floor(rnd() * k);
    const kinds = ['depends_on', 'runs_on', 'contains', 'connects_to'];
    const n = 6000;
    const all = new Map<string, RelationshipEdge>();
    const add = (e: RelationshipEdge) => all.set(`${e.from}|${e.type}|${e.to}`, e);
    for (let i = 0; i < 3 * n; i++) add({ type: kinds[pick(4)]!, from: `c${pick(n)}`, to: `c${pick(n)}` });
    const index = build(n, [...all.values()]);
    // Renumbered for locality on load: names and statuses moved with their CIs.
    expect(index.describe('c42')).toEqual({ name: 'name of c42', status: 'planned' });
    expect(index.describe('c43')).toEqual({ name: 'name of c43', status: 'in_use' });
    const named = index.walk(['c1'], 'impact', { listLimit: 50, serviceLimit: 5, isService });
    for (const node of named.nodes.values()) expect(node.name).toBe(`name of ${node.id}`);
    for (const mode of ['impact', 'dependencies'] as const) {
      for (const maxDepth of [undefined, 2])
        check(index, [...all.values()], ['c1', 'c2', 'c3'], mode, maxDepth);
    }
    // Changes after the load, among them CIs the arrays do not cover yet.
    for (let i = n; i < n + 100; i++) index.setCi(`c${i}`, classOf(i), `name of c${i}`, 'in_use');
    for (let i = 0; i < 600; i++) {
      const e = { type: kinds[pick(4)]!, from: `c${pick(n + 100)}`, to: `c${pick(n + 100)}` };
      const key = `${e.from}|${e.type}|${e.to}`;
      if (all.has(key)) continue;
      index.addEdge(withId(e));
      add(e);
    }
    for (const [key, e] of [...all].slice(0, 400)) {
      index.removeEdge(e);
      all.delete(key);
    }
    for (const mode of ['impact', 'dependencies'] as const) {
      for (const roots of [['c1'], ['c6050', 'c4']]) check(index, [...all.values()], roots, mode);
    }
    for (const roots of [['c1'], ['c6050', 'c4', 'c17']]) {
      const edges = [...all.values()];
      const probe = index.probe(roots, 'impact', isService);
      const expected = reference(edges, roots, 'impact');
      for (let i = 0; i < n + 100; i += 37) {
        const from = probe.reaches(`c${i}`);
        expect(from !== null).toBe(expected.has(`c${i}`));
      }
      expect(probe.sharedService(['c4000']) !== null).toBe(
        [...reference(edges, ['c4000'], 'impact').keys()].some(
          (id) => expected.has(id) && isService(classOf(Number(id.slice(1)))),
        ),
      );
    }
  });

  it('keeps classes of many CIs, and follows class changes and removed CIs', () => {
    const index = new CiGraphIndex(TYPES);
    const edges: RelationshipEdge[] = [];
    for (let i = 0; i < 3000; i++) index.setCi(`c${i}`, classOf(i));
    for (let i = 1; i < 3000; i++)
      edges.push({ type: 'depends_on', from: `c${i}`, to: `c${Math.floor(i / 2)}` });
    index.loadEdges(edges.map(withId));
    index.finishLoad();
    for (let i = 0; i < 3000; i += 97) expect(index.classOf(`c${i}`)).toBe(classOf(i));
    check(index, edges, ['c0'], 'impact');
    const w = index.walk(['c0'], 'impact', { listLimit: 10, serviceLimit: 10, isService });
    expect(w.reached).toBe(2999);
    expect(w.byClass.get('service')).toBe(599);
    index.setCi('c5', 'server', 'renamed', 'maintenance');
    expect(index.describe('c5')).toEqual({ name: 'renamed', status: 'maintenance' });
    expect(index.describe('nope')).toBeUndefined();
    expect(index.walk(['c0'], 'impact', { listLimit: 1, serviceLimit: 1, isService }).services).toBe(599); // 600 with the root, less c5
    index.removeCi('c7');
    expect(index.classOf('c7')).toBe('');
    expect(index.walk(['unknown'], 'impact', { listLimit: 1, serviceLimit: 1, isService }).reached).toBe(0);
  });

  it('does not cross relationships of a type that carries no impact, nor unknown types', () => {
    const index = new CiGraphIndex([...TYPES, { key: 'documents', propagatesImpact: 'none' }]);
    index.setCi('a', 'x');
    index.setCi('b', 'x');
    index.loadEdges(
      [
        { type: 'documents', from: 'a', to: 'b' },
        { type: 'no_such_type', from: 'a', to: 'b' },
      ].map(withId),
    );
    index.finishLoad();
    expect(index.edgeCount).toBe(0);
    expect(index.walk(['b'], 'impact', { listLimit: 5, serviceLimit: 5, isService }).reached).toBe(0);
  });
});
