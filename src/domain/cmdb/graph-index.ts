/**
 * An in-memory index of the CI graph for impact and dependency walks. Walking a large CMDB one SQL
 * query per level is bounded by round trips and index probes: the downstream set of a core switch
 * or a shared platform service is hundreds of thousands of CIs. Here each walk direction is a
 * compressed adjacency array (graph-csr.ts) built from a snapshot, plus an overlay of the changes
 * since (added edges in a list, removed ones marked in place), folded into new arrays when the
 * overlay grows. Relationship ids are kept as bytes beside the impact direction's entries. A
 * breadth-first walk then touches a few typed arrays per CI, so every answer is complete: every reached CI is counted and classified,
 * however far the outage spreads, and only the lists shown to people are cut to a page.
 *
 * Semantics match the reference walk in impact.ts: each CI is recorded once, at its shortest
 * distance from the nearest root, reached by an edge from a CI one step nearer (the reference
 * walk keeps the first such edge it meets, this index the first in the CI's adjacency list: both
 * are shortest paths); cycles are never followed twice; CIs at `maxDepth` are not expanded.
 */
import {
  type Csr,
  type EdgeList,
  emptyCsr,
  ID_BYTES,
  localityOrder,
  MAX_CIS,
  mergeImpact,
  permute,
  REMOVED,
  readUuid,
  transpose,
  writeUuid,
} from './graph-csr.ts';
import type { ImpactDirection } from './relationships.ts';

export type GraphDirection = 'impact' | 'dependencies';
/** A stored relationship: its id, type and ends. */
export type IndexedEdge = { id: string; type: string; from: string; to: string };
export type GraphEdgeType = { key: string; propagatesImpact: ImpactDirection };

/** A CI the walk met: the start of its path is found by following `parent`. */
export type ReachedCi = {
  id: string;
  classKey: string;
  name: string;
  status: string;
  depth: number;
  /** The CI it was first reached from; null for a root. */
  parent: string | null;
  /** The relationship type it was first reached by; null for a root. */
  via: string | null;
  /** The relationship as stored (from → to) between parent and this CI; null for a root. */
  edge: IndexedEdge | null;
  /** Among the first `listLimit` CIs of the walk (roots always are). */
  listed: boolean;
  /** A service among the first `serviceLimit` services of the walk. */
  service: boolean;
};

export type GraphWalkOptions = {
  /** CIs further than this from every root are not visited. Default: unlimited. */
  maxDepth?: number | undefined;
  /** How many reached CIs (roots excluded) to list, nearest first. */
  listLimit: number;
  /** How many reached services (roots included) to list, nearest first. */
  serviceLimit: number;
  /** Whether CIs of a class are services (decided once per class per walk). */
  isService: (classKey: string) => boolean;
  /** Told of every service reached (roots included), nearest first. */
  onService?: ((id: string) => void) | undefined;
};

export type GraphWalk = {
  /** CIs reached, roots excluded: the complete count. */
  reached: number;
  /** Services reached, roots included. */
  services: number;
  /** Reached CIs per class key, roots excluded. */
  byClass: Map<string, number>;
  /** CIs per distance; index 0 counts the roots. */
  byDepth: number[];
  /** Roots, listed CIs, listed services and every CI on their paths, in walk order. */
  nodes: Map<string, ReachedCi>;
  /** Every relationship followed between two CIs of `nodes`, for drawing the graph. */
  edges: IndexedEdge[];
};

/** A level is expanded bottom-up when the frontier times this exceeds the CIs not yet reached. */
const BOTTOM_UP_RATIO = 4;
/** A top-down level with at least this many CIs reads them in CI order. */
const SORTED_FRONTIER = 1024;
const dirIndex = (d: GraphDirection) => (d === 'impact' ? 0 : 1);
const has = (bits: Int32Array, v: number) => v >> 5 < bits.length && (bits[v >> 5]! & (1 << (v & 31))) !== 0;

/** One side of a two-ended search (`probe`): what it reached, and the level it expands next. */
type ProbeSide = {
  /** Direction index its edges are read in. */
  d: number;
  seen: Int32Array;
  queue: Int32Array;
  /** queue[head, tail) is the level to expand next. */
  head: number;
  tail: number;
  /** Per reached CI, the position of the root it was reached from (several roots only). */
  owner: Int32Array | null;
  /** When set, only CIs with a bit here are entered. */
  within: Int32Array | null;
  /** Nothing left to expand: `seen` is everything the side reaches. */
  done: boolean;
};

/** The index as plain data (see `CiGraphIndex.toSnapshot`). */
export type GraphSnapshot = {
  types: string[];
  ids: string[];
  names: string[];
  classKeys: string[];
  statusKeys: string[];
  edgeCount: number;
  /** CIs the impact CSR covers. */
  nodes: number;
  arrays: {
    classOf: Uint16Array;
    statusOf: Uint8Array;
    offsets: Int32Array;
    edges: Uint32Array;
    edgeIds: Uint8Array;
  };
};

/** Questions about the walk from some roots (see `CiGraphIndex.probe`). */
export type GraphProbe = {
  /** A root whose walk reaches the CI (itself for a root), or null when none does. */
  reaches(id: string): string | null;
  /**
   * A service that both the roots' walk and a walk the same way from `others` reach (the nearest
   * to where they meet), or null when they share none.
   */
  sharedService(others: readonly string[]): string | null;
};

/** A typed array at least `need` long, its contents kept. */
function grow<T extends Int32Array | Uint8Array | Uint16Array>(
  a: T,
  need: number,
  make: (n: number) => T,
): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2, 1024));
  b.set(a);
  return b;
}

const emptyList = (): EdgeList => ({
  count: 0,
  failing: new Int32Array(0),
  impacted: new Int32Array(0),
  types: new Uint8Array(0),
  ids: new Uint8Array(0),
});

/** Where a relationship's id is kept: an impact CSR entry or an added edge. */
type IdSlot = { added: boolean; at: number };
/** How a listed CI was reached: from CI `u` by a relationship of type index `type`. */
type Parent = { u: number; type: number; slot: IdSlot };

export class CiGraphIndex {
  #ids: string[] = [];
  #index = new Map<string, number>();
  #classOf = new Uint16Array(1024);
  #classKeys: string[] = [''];
  #classIndex = new Map<string, number>([['', 0]]);
  /** Names and statuses, which answers show: kept here, an answer needs no query. */
  #names: string[] = [];
  #statusOf = new Uint8Array(1024);
  #statusKeys: string[] = [''];
  #statusIndex = new Map<string, number>([['', 0]]);
  #typeKeys: string[] = [];
  /** Per type index: 'forward', 'reverse' or 'none'. */
  #typeDirection: ImpactDirection[] = [];
  #typeIndex = new Map<string, number>();
  /** Per direction (impact, dependencies): the CSR built at the last compaction. */
  #csr: Csr[] = [emptyCsr(), emptyCsr()];
  /** Relationship ids of the impact CSR's entries, 16 bytes each. */
  #csrIds: Uint8Array = new Uint8Array(0);
  /** For each dependency CSR entry, the impact CSR entry of the same relationship. */
  #depToImp: Int32Array = new Int32Array(0);
  /** Edges added since the last compaction; type REMOVED once taken out again. */
  #add: EdgeList = emptyList();
  /** Per direction: source CI → positions in #add; not kept during a bulk load. */
  #addedBy: Map<number, number[]>[] = [new Map(), new Map()];
  #bulk = false;
  /** Entries marked removed in the CSRs since they were built. */
  #removed = 0;
  #edgeCount = 0;
  /** One bit per CI of a service class, for the service flags in `key` (see #serviceBits). */
  #services: { key: string; bits: Int32Array } | null = null;
  // Scratch for walks, reused: a walk is synchronous, so there is one at a time.
  #queue = new Int32Array(0);
  /** One bit per CI: reached by the current walk. Small enough to stay in the CPU's cache. */
  #seen = new Int32Array(0);
  /** One bit per CI: in the level a bottom-up step expands. */
  #frontier = new Int32Array(0);
  /**
   * Per direction, one bit per CI that a walk in that direction can reach at all (some entry of
   * the other direction's CSR, or an added edge, leads to it): bottom-up steps look at no others.
   */
  #reachable: Int32Array[] = [new Int32Array(0), new Int32Array(0)];
  /** Counts changes of edges and classes, so what is derived from them knows when it is stale. */
  #generation = 0;
  /** One bit per CI that some service depends on, or that is one (see #supporting). */
  #support: { key: string; generation: number; bits: Int32Array } | null = null;
  /** The far side of a `GraphProbe` question or a `findFirst`, reused (cleared through its queue after each). */
  #far: ProbeSide | null = null;

  constructor(types: readonly GraphEdgeType[]) {
    if (types.length >= REMOVED) throw new RangeError('At most 254 relationship types are supported');
    for (const t of types) {
      this.#typeIndex.set(t.key, this.#typeKeys.length);
      this.#typeKeys.push(t.key);
      this.#typeDirection.push(t.propagatesImpact);
    }
  }

  /** CIs known to the index. */
  get size(): number {
    return this.#ids.length;
  }

  /** Relationships walks follow (those of types with impact 'none' are not kept). */
  get edgeCount(): number {
    return this.#edgeCount;
  }

  has(id: string): boolean {
    return this.#index.has(id);
  }

  classOf(id: string): string | undefined {
    const i = this.#index.get(id);
    return i === undefined ? undefined : this.#classKeys[this.#classOf[i]!];
  }

  /** Name and status as last loaded or logged. */
  describe(id: string): { name: string; status: string } | undefined {
    const i = this.#index.get(id);
    if (i === undefined) return undefined;
    return { name: this.#names[i]!, status: this.#statusKeys[this.#statusOf[i]!]! };
  }

  #node(id: string): number {
    let i = this.#index.get(id);
    if (i === undefined) {
      if (this.#ids.length >= MAX_CIS) throw new RangeError(`The graph index holds at most ${MAX_CIS} CIs`);
      i = this.#ids.length;
      this.#ids.push(id);
      this.#names.push('');
      this.#index.set(id, i);
      this.#classOf = grow(this.#classOf, i + 1, (n) => new Uint16Array(n));
      this.#statusOf = grow(this.#statusOf, i + 1, (n) => new Uint8Array(n));
    }
    return i;
  }

  /**
   * The index as plain data, to be written to a file and read back with `fromSnapshot` (compacted
   * first, so the added-edge overlay is empty). Arrays are views of the index's own memory: write
   * them out before the index changes.
   */
  toSnapshot(): GraphSnapshot {
    this.compact();
    const n = this.#ids.length;
    const imp = this.#csr[0]!;
    return {
      types: [...this.#typeKeys],
      ids: this.#ids,
      names: this.#names,
      classKeys: this.#classKeys,
      statusKeys: this.#statusKeys,
      edgeCount: this.#edgeCount,
      nodes: imp.nodes,
      arrays: {
        classOf: this.#classOf.subarray(0, n),
        statusOf: this.#statusOf.subarray(0, n),
        offsets: imp.offsets,
        edges: imp.edges,
        edgeIds: this.#csrIds.subarray(0, imp.edges.length * ID_BYTES),
      },
    };
  }

  /** An index from `toSnapshot`'s data; throws a RangeError when it does not fit the types. */
  static fromSnapshot(types: readonly GraphEdgeType[], snap: GraphSnapshot): CiGraphIndex {
    const index = new CiGraphIndex(types);
    if (snap.types.join('\n') !== index.#typeKeys.join('\n'))
      throw new RangeError('The snapshot was taken with other relationship types');
    const n = snap.ids.length;
    const { classOf, statusOf, offsets, edges, edgeIds } = snap.arrays;
    if (
      snap.names.length !== n ||
      classOf.length !== n ||
      statusOf.length !== n ||
      snap.nodes > n ||
      offsets.length !== snap.nodes + 1 ||
      edgeIds.length !== edges.length * ID_BYTES
    )
      throw new RangeError('The snapshot is inconsistent');
    index.#ids = snap.ids;
    index.#names = snap.names;
    index.#classKeys = snap.classKeys;
    index.#statusKeys = snap.statusKeys;
    index.#classIndex = new Map(snap.classKeys.map((k, i) => [k, i]));
    index.#statusIndex = new Map(snap.statusKeys.map((k, i) => [k, i]));
    index.#classOf = grow(new Uint16Array(classOf), n + 1, (k) => new Uint16Array(k));
    index.#statusOf = grow(new Uint8Array(statusOf), n + 1, (k) => new Uint8Array(k));
    for (let i = 0; i < n; i++) index.#index.set(snap.ids[i]!, i);
    index.#edgeCount = snap.edgeCount;
    index.#setImpact({ nodes: snap.nodes, offsets, edges }, edgeIds);
    index.#generation += 1;
    return index;
  }

  /** Add a CI or change its class, name or status. */
  setCi(id: string, classKey: string, name = '', status = ''): void {
    let c = this.#classIndex.get(classKey);
    if (c === undefined) {
      c = this.#classKeys.length;
      this.#classKeys.push(classKey);
      this.#classIndex.set(classKey, c);
    }
    let st = this.#statusIndex.get(status);
    if (st === undefined) {
      if (this.#statusKeys.length > 255) throw new RangeError('At most 255 CI statuses are supported');
      st = this.#statusKeys.length;
      this.#statusKeys.push(status);
      this.#statusIndex.set(status, st);
    }
    const i = this.#node(id); // first: it may replace #classOf
    if (this.#classOf[i] !== c) {
      this.#services = null;
      this.#generation += 1;
    }
    this.#classOf[i] = c;
    this.#names[i] = name;
    this.#statusOf[i] = st;
  }

  /**
   * A deleted CI keeps its slot (its relationships go with it, so nothing reaches it) but loses
   * its class; a CI created again with the same id takes the slot back.
   */
  removeCi(id: string): void {
    const i = this.#index.get(id);
    if (i === undefined) return;
    this.#classOf[i] = 0;
    this.#services = null;
    this.#generation += 1;
  }

  /** Type index, failing CI and impacted CI of an edge; null when walks do not cross it. */
  #ends(edge: { type: string; from: string; to: string }): [number, number, number] | null {
    const type = this.#typeIndex.get(edge.type);
    if (type === undefined) return null;
    const dir = this.#typeDirection[type];
    if (dir === 'none') return null;
    const from = this.#node(edge.from);
    const to = this.#node(edge.to);
    return dir === 'forward' ? [type, from, to] : [type, to, from];
  }

  #append(edge: IndexedEdge): number | null {
    const e = this.#ends(edge);
    if (!e) return null;
    const a = this.#add;
    const at = a.count++;
    a.failing = grow(a.failing, at + 1, (n) => new Int32Array(n));
    a.impacted = grow(a.impacted, at + 1, (n) => new Int32Array(n));
    a.types = grow(a.types, at + 1, (n) => new Uint8Array(n));
    a.ids = grow(a.ids, (at + 1) * ID_BYTES, (n) => new Uint8Array(n));
    a.failing[at] = e[1];
    a.impacted[at] = e[2];
    a.types[at] = e[0];
    writeUuid(a.ids, at * ID_BYTES, edge.id);
    this.#edgeCount += 1;
    this.#generation += 1;
    return at;
  }

  /**
   * Load relationships in bulk (a snapshot, in chunks): they are only appended, and `finishLoad`
   * folds them into new arrays and numbers the CIs for locality.
   */
  loadEdges(edges: Iterable<IndexedEdge>): void {
    this.#bulk = true;
    for (const edge of edges) this.#append(edge);
  }

  finishLoad(): void {
    this.#generation += 1; // CIs are numbered anew
    this.compact();
    const [imp, dep] = this.#csr as [Csr, Csr];
    const { order, place } = localityOrder(imp, dep);
    const moved = permute(imp, this.#csrIds, order, place);
    const ids = Array.from(order, (old) => this.#ids[old]!);
    const names = Array.from(order, (old) => this.#names[old]!);
    const classOf = new Uint16Array(this.#classOf.length);
    const statusOf = new Uint8Array(this.#statusOf.length);
    for (let i = 0; i < order.length; i++) {
      classOf[i] = this.#classOf[order[i]!]!;
      statusOf[i] = this.#statusOf[order[i]!]!;
    }
    this.#ids = ids;
    this.#names = names;
    this.#classOf = classOf;
    this.#statusOf = statusOf;
    this.#services = null;
    for (let i = 0; i < ids.length; i++) this.#index.set(ids[i]!, i);
    this.#setImpact(moved.csr, moved.ids);
    this.#bulk = false;
  }

  #setImpact(imp: Csr, ids: Uint8Array): void {
    const dep = transpose(imp);
    this.#csr = [imp, dep.csr];
    this.#csrIds = ids;
    this.#depToImp = dep.back;
    // Reached in an impact walk: CIs something impacts, i.e. with dependency entries; and back.
    this.#reachable = [dep.csr, imp].map((c) => {
      const bits = new Int32Array((c.nodes >> 5) + 1);
      for (let v = 0; v < c.nodes; v++) if (c.offsets[v + 1]! > c.offsets[v]!) bits[v >> 5]! |= 1 << (v & 31);
      return bits;
    });
  }

  /** Mark a CI reachable in a direction (an added edge leads to it). */
  #markReachable(d: number, v: number): void {
    const bits = grow(this.#reachable[d]!, (v >> 5) + 1, (n) => new Int32Array(n));
    bits[v >> 5]! |= 1 << (v & 31);
    this.#reachable[d] = bits;
  }

  addEdge(edge: IndexedEdge): void {
    const at = this.#append(edge);
    if (at === null) return;
    if (!this.#bulk) {
      // Impact walks go from the failing CI to the impacted one; dependency walks the other way.
      for (const [d, source, target] of [
        [0, this.#add.failing[at]!, this.#add.impacted[at]!],
        [1, this.#add.impacted[at]!, this.#add.failing[at]!],
      ] as const) {
        const list = this.#addedBy[d]!.get(source);
        if (list) list.push(at);
        else this.#addedBy[d]!.set(source, [at]);
        this.#markReachable(d, target);
      }
    }
    this.#compactIfLarge();
  }

  removeEdge(edge: { type: string; from: string; to: string }): void {
    const e = this.#ends(edge);
    if (!e) return;
    const [type, failing, impacted] = e;
    if (this.#removeAdded(type, failing, impacted) || this.#removeFromCsr(type, failing, impacted)) {
      this.#edgeCount -= 1;
      this.#generation += 1;
      this.#compactIfLarge();
    }
  }

  #removeAdded(type: number, failing: number, impacted: number): boolean {
    const a = this.#add;
    const list = this.#addedBy[0]!.get(failing);
    const at = list?.find((k) => a.impacted[k] === impacted && a.types[k] === type);
    if (at === undefined) return false;
    a.types[at] = REMOVED;
    for (const [d, source] of [
      [0, failing],
      [1, impacted],
    ] as const) {
      const l = this.#addedBy[d]!.get(source)!;
      l.splice(l.indexOf(at), 1);
      if (l.length === 0) this.#addedBy[d]!.delete(source);
    }
    return true;
  }

  #removeFromCsr(type: number, failing: number, impacted: number): boolean {
    const mark = (c: Csr, source: number, target: number) => {
      if (source >= c.nodes) return false;
      for (let k = c.offsets[source]!; k < c.offsets[source + 1]!; k++) {
        if (c.edges[k] === target * 256 + type) {
          c.edges[k] = target * 256 + REMOVED;
          return true;
        }
      }
      return false;
    };
    const found = mark(this.#csr[0]!, failing, impacted);
    if (found) {
      mark(this.#csr[1]!, impacted, failing);
      this.#removed += 1;
    }
    return found;
  }

  #compactIfLarge(): void {
    if (this.#add.count + this.#removed > Math.max(10_000, this.#edgeCount / 8)) this.compact();
  }

  /** Fold added and removed edges into fresh arrays (linear in the size of the graph). */
  compact(): void {
    const merged = mergeImpact(this.#ids.length, this.#csr[0]!, this.#csrIds, this.#add);
    this.#setImpact(merged.csr, merged.ids);
    this.#add = emptyList();
    this.#addedBy = [new Map(), new Map()];
    this.#removed = 0;
  }

  /** The id of the relationship kept in a slot. */
  #idOf(slot: IdSlot): string {
    return readUuid(slot.added ? this.#add.ids : this.#csrIds, slot.at * ID_BYTES);
  }

  /** Where the id of entry `k` of direction `d`'s CSR is kept. */
  #csrSlot(d: number, k: number): IdSlot {
    return { added: false, at: d === 0 ? k : this.#depToImp[k]! };
  }

  /**
   * The nearest CI a walk from the roots reaches (roots included) that `accept` takes, or null;
   * the walk stops there, so finding a nearby answer costs only the CIs nearer than it.
   */
  findFirst(
    rootIds: readonly string[],
    direction: GraphDirection,
    accept: (id: string) => boolean,
  ): string | null {
    const ids = this.#ids;
    const side = this.#farSide(dirIndex(direction), null);
    try {
      for (const id of rootIds) {
        const r = this.#index.get(id);
        if (r !== undefined) this.#enter(side, r, 0);
      }
      // Level by level, so the CI found is a nearest one.
      for (let q = 0; ; ) {
        for (; q < side.tail; q++) if (accept(ids[side.queue[q]!]!)) return ids[side.queue[q]!]!;
        if (side.head === side.tail) return null;
        this.#advance(side, side);
      }
    } finally {
      this.#clear(side);
    }
  }

  /**
   * Questions about what a walk from the roots reaches, answered by searching from both ends: the
   * roots' side grows level by level only as far as a question needs and is kept for the next
   * question; the other side starts at the CI asked about. A question whose answer is near costs
   * the two small neighbourhoods that meet, not the whole walk (which can be most of the graph);
   * one whose answer is no stops when either side runs out.
   */
  probe(
    rootIds: readonly string[],
    direction: GraphDirection,
    isService: (classKey: string) => boolean,
  ): GraphProbe {
    const d = dirIndex(direction);
    const roots = [...new Set(rootIds)].flatMap((id) => this.#index.get(id) ?? []);
    const near = this.#newSide(d, roots.length, roots.length > 1);
    for (const [k, r] of roots.entries()) this.#enter(near, r, k);
    const ids = this.#ids;
    const rootOf = (v: number) => ids[roots[near.owner ? near.owner[v]! : 0]!]!;
    const generation = this.#generation;
    const current = () => {
      if (this.#generation !== generation) throw new Error('The CMDB graph changed during a probe');
    };
    // What far sides have cost so far: once they cost more than the near side has, the near side
    // is grown instead (it is kept; a far side is not), so a run of questions whose answer is no
    // costs at most about twice the whole walk.
    let spentReaching = 0;
    let spentSharing = 0;
    /** Far-side work allowed before it counts against the near side: small graphs never count it. */
    const allowance = Math.max(10_000, this.#ids.length >> 4);
    /** Everything the services the near side reaches depend on: shared-service questions by bit. */
    let underServices: Int32Array | null = null;
    const services = () => this.#serviceBits(this.#classKeys.map((k) => k !== '' && isService(k)));
    const nearestService = (from: number) => {
      const bits = services();
      return this.findFirst([ids[from]!], direction, (sid) => has(bits, this.#index.get(sid)!));
    };
    return {
      reaches: (id) => {
        current();
        const t = this.#index.get(id);
        if (t === undefined) return null;
        if (has(near.seen, t)) return rootOf(t);
        if (near.done) return null;
        const far = this.#farSide(1 - d, null);
        this.#enter(far, t, 0);
        try {
          const met = this.#meet(near, far, false, () => spentReaching + far.tail > near.tail + allowance);
          return met < 0 ? null : rootOf(met);
        } finally {
          spentReaching += far.tail;
          this.#clear(far);
        }
      },
      sharedService: (otherIds) => {
        current();
        const support = this.#supporting(isService);
        const starts = otherIds.flatMap((id) => {
          const v = this.#index.get(id);
          return v !== undefined && has(support, v) ? [v] : [];
        });
        if (starts.length === 0) return null;
        if (underServices) {
          const reaching = starts.filter((v) => has(underServices!, v));
          if (reaching.length === 0) return null;
          const bits = services();
          return this.findFirst(
            reaching.map((v) => ids[v]!),
            direction,
            (sid) => has(bits, this.#index.get(sid)!) && has(near.seen, this.#index.get(sid)!),
          );
        }
        const far = this.#farSide(d, support);
        let met = -1;
        try {
          for (const v of starts) {
            this.#enter(far, v, 0);
            if (met < 0 && has(near.seen, v)) met = v;
          }
          if (met < 0) met = this.#meet(near, far, true, () => false);
        } finally {
          spentSharing += far.tail;
          this.#clear(far);
          if (spentSharing > near.tail + 2 * allowance && !underServices) {
            // Questions answered no have cost more than the near side: finish it, and answer the
            // rest from what its services depend on.
            while (!near.done) this.#advance(near, near);
            const bits = services();
            const roots: string[] = [];
            for (let q = 0; q < near.tail; q++)
              if (has(bits, near.queue[q]!)) roots.push(ids[near.queue[q]!]!);
            this.#run(roots, d === 0 ? 'dependencies' : 'impact', Number.POSITIVE_INFINITY);
            underServices = this.#seen.slice(0, (this.#ids.length >> 5) + 1);
          }
        }
        return met < 0 ? null : nearestService(met);
      },
    };
  }

  /**
   * Grow the two sides, the one with the smaller level first (the near one when `nearFirst` says
   * so), until a CI is reached by both (its number) or the search is over (-1). Sides walking toward
   * each other (`sameWay` false) are over when either runs out; sides walking the same way only
   * when both have.
   */
  #meet(near: ProbeSide, far: ProbeSide, sameWay: boolean, nearFirst: () => boolean): number {
    for (;;) {
      const over = sameWay ? near.done && far.done : near.done || far.done;
      if (over) return -1;
      const growNear =
        far.done || (!near.done && (near.tail - near.head <= far.tail - far.head || nearFirst()));
      const met = growNear ? this.#advance(near, far) : this.#advance(far, near);
      if (met >= 0) return met;
    }
  }

  #newSide(d: number, roots: number, owners: boolean): ProbeSide {
    const n = this.#ids.length;
    return {
      d,
      seen: new Int32Array((n >> 5) + 1),
      queue: new Int32Array(Math.max(64, roots * 2)),
      head: 0,
      tail: 0,
      owner: owners ? new Int32Array(n) : null,
      within: null,
      done: roots === 0,
    };
  }

  /** The reused far side, empty, walking in direction `d` through the CIs of `within` (all when null). */
  #farSide(d: number, within: Int32Array | null): ProbeSide {
    const n = this.#ids.length;
    if (!this.#far || this.#far.seen.length < (n >> 5) + 1) this.#far = this.#newSide(d, 0, false);
    const far = this.#far;
    Object.assign(far, { d, within, head: 0, tail: 0, done: false });
    return far;
  }

  /** Forget what the far side reached (only its own bits are set). */
  #clear(side: ProbeSide): void {
    for (let q = 0; q < side.tail; q++) side.seen[side.queue[q]! >> 5] = 0;
    side.tail = 0;
    side.head = 0;
  }

  #enter(side: ProbeSide, v: number, owner: number): void {
    if (has(side.seen, v)) return;
    side.seen[v >> 5]! |= 1 << (v & 31);
    if (side.tail >= side.queue.length)
      side.queue = grow(side.queue, side.tail * 2, (k) => new Int32Array(k));
    side.queue[side.tail++] = v;
    if (side.owner) side.owner[v] = owner;
    side.done = false;
  }

  /**
   * Expand one level of `side`. Returns a CI of the new level that `other` has reached, or -1; the
   * level is expanded whole either way, so the side can go on later.
   */
  #advance(side: ProbeSide, other: ProbeSide): number {
    const { nodes: csrNodes, offsets, edges } = this.#csr[side.d]!;
    const addedBy = this.#addedBy[side.d]!;
    const addedTarget = side.d === 0 ? this.#add.impacted : this.#add.failing;
    const addType = this.#add.types;
    const { seen, owner, within } = side;
    const otherSeen = other.seen;
    const end = side.tail;
    let met = -1;
    const visit = (u: number, v: number) => {
      const bit = 1 << (v & 31);
      if ((seen[v >> 5]! & bit) !== 0 || (within !== null && (within[v >> 5]! & bit) === 0)) return;
      seen[v >> 5]! |= bit;
      if (side.tail >= side.queue.length)
        side.queue = grow(side.queue, side.tail * 2, (k) => new Int32Array(k));
      side.queue[side.tail++] = v;
      if (owner !== null) owner[v] = owner[u]!;
      if (met < 0 && (otherSeen[v >> 5]! & bit) !== 0) met = v;
    };
    for (let q = side.head; q < end; q++) {
      const u = side.queue[q]!;
      if (u < csrNodes)
        for (let k = offsets[u]!, last = offsets[u + 1]!; k < last; k++) {
          const e = edges[k]!;
          if ((e & 255) !== REMOVED) visit(u, e >>> 8);
        }
      if (addedBy.size === 0) continue;
      for (const k of addedBy.get(u) ?? []) if (addType[k] !== REMOVED) visit(u, addedTarget[k]!);
    }
    side.head = end;
    if (side.tail === end) side.done = true;
    return met;
  }

  /** One bit per CI that is a service or that some service depends on, directly or not. */
  #supporting(isService: (classKey: string) => boolean): Int32Array {
    const flags = this.#classKeys.map((k) => k !== '' && isService(k));
    const key = flags.map((x) => (x ? '1' : '0')).join('');
    const cached = this.#support;
    if (cached?.key === key && cached.generation === this.#generation) return cached.bits;
    const services = this.#serviceBits(flags);
    const roots: string[] = [];
    for (let v = 0; v < this.#ids.length; v++) if (has(services, v)) roots.push(this.#ids[v]!);
    this.#run(roots, 'dependencies', Number.POSITIVE_INFINITY);
    const bits = this.#seen.slice(0, (this.#ids.length >> 5) + 1);
    this.#support = { key, generation: this.#generation, bits };
    return bits;
  }

  /**
   * Breadth-first walk from the roots (ids unknown to the index are left out), counting everything
   * reached and keeping what the answer lists.
   */
  walk(rootIds: readonly string[], direction: GraphDirection, opts: GraphWalkOptions): GraphWalk {
    return this.#answer(
      direction,
      opts,
      this.#run(rootIds, direction, opts.maxDepth ?? Number.POSITIVE_INFINITY),
    );
  }

  /** The walk itself: marks what it reaches in #seen and #queue; returns the level boundaries. */
  #run(rootIds: readonly string[], direction: GraphDirection, maxDepth: number): number[] {
    const n = this.#ids.length;
    if (this.#queue.length < n) {
      this.#queue = new Int32Array(Math.ceil(n * 1.25));
      this.#seen = new Int32Array(Math.ceil((n * 1.25) / 32) + 1);
      this.#frontier = new Int32Array(this.#seen.length);
    }
    const seen = this.#seen;
    const queue = this.#queue;
    seen.fill(0, 0, (n >> 5) + 1);
    let tail = 0;
    for (const id of rootIds) {
      const r = this.#index.get(id);
      if (r === undefined || seen[r >> 5]! & (1 << (r & 31))) continue;
      seen[r >> 5]! |= 1 << (r & 31);
      queue[tail++] = r;
    }
    // levels[d] is the queue position where distance d starts; the last entry ends the walk.
    const levels = [0, tail];
    this.#expand(direction, maxDepth, tail, levels);
    return levels;
  }

  /**
   * The walk's inner loop, level by level, each level one of two ways (direction-optimising
   * breadth-first search, Beamer et al., SC 2012):
   * - top-down, from each CI of the frontier to its neighbours not yet reached;
   * - bottom-up, when the frontier is a large share of what is left: every CI not yet reached looks
   *   for a neighbour (in the other direction) in the frontier and stops at the first. The CIs are
   *   read in memory order and most stop early, so a level of hundreds of thousands of CIs costs a
   *   fraction of its edges. Only CIs some relationship leads to are looked at, 32 at a time.
   * Either way a level holds exactly the CIs at that distance; only their order differs.
   */
  #expand(direction: GraphDirection, maxDepth: number, tail: number, levels: number[]): number {
    const n = this.#ids.length;
    let head = 0;
    for (let depth = 0; head < tail && depth < maxDepth; depth++) {
      const end = tail;
      const bottomUp = (end - head) * BOTTOM_UP_RATIO > n - end;
      tail = bottomUp ? this.#levelBottomUp(direction, head, end) : this.#levelTopDown(direction, head, end);
      head = end;
      if (tail > end) levels.push(tail);
    }
    return tail;
  }

  /**
   * The next level from queue[head, end), appended to the queue; returns the new tail. A large
   * frontier is first turned into a bitmap and read back in CI order, so the adjacency arrays are
   * read front to back (which the CPU prefetches) rather than at random.
   */
  #levelTopDown(direction: GraphDirection, head: number, end: number): number {
    const d = dirIndex(direction);
    const { nodes: csrNodes, offsets, edges } = this.#csr[d]!;
    const addedBy = this.#addedBy[d]!;
    const addedTarget = d === 0 ? this.#add.impacted : this.#add.failing;
    const addType = this.#add.types;
    const seen = this.#seen;
    const queue = this.#queue;
    let tail = end;
    // CIs of the frontier from the queue as they are, or in CI order through a bitmap.
    const sorted = end - head >= SORTED_FRONTIER;
    const frontier = this.#frontier;
    const words = (this.#ids.length >> 5) + 1;
    if (sorted) this.#markQueued(frontier, head, end);
    let q = head;
    let w = 0;
    let bits = 0;
    for (;;) {
      let u: number;
      if (sorted) {
        while (bits === 0 && w < words) bits = frontier[w++]!;
        if (bits === 0) break;
        const low = bits & -bits;
        bits ^= low;
        u = ((w - 1) << 5) | (31 - Math.clz32(low));
      } else {
        if (q >= end) break;
        u = queue[q++]!;
      }
      if (u < csrNodes) {
        for (let k = offsets[u]!, last = offsets[u + 1]!; k < last; k++) {
          const e = edges[k]!;
          const v = e >>> 8;
          const bit = 1 << (v & 31);
          if ((seen[v >> 5]! & bit) === 0 && (e & 255) !== REMOVED) {
            seen[v >> 5]! |= bit;
            queue[tail++] = v;
          }
        }
      }
      if (addedBy.size === 0) continue;
      for (const k of addedBy.get(u) ?? []) {
        const v = addedTarget[k]!;
        const bit = 1 << (v & 31);
        if ((seen[v >> 5]! & bit) === 0 && addType[k] !== REMOVED) {
          seen[v >> 5]! |= bit;
          queue[tail++] = v;
        }
      }
    }
    return tail;
  }

  #levelBottomUp(direction: GraphDirection, head: number, end: number): number {
    const back = 1 - dirIndex(direction);
    const { nodes: csrNodes, offsets, edges } = this.#csr[back]!;
    const addedBy = this.#addedBy[back]!;
    const addedTarget = back === 0 ? this.#add.impacted : this.#add.failing;
    const addType = this.#add.types;
    const seen = this.#seen;
    const queue = this.#queue;
    const reachable = this.#reachable[dirIndex(direction)]!;
    const frontier = this.#frontier;
    this.#markQueued(frontier, head, end);
    const words = Math.min((this.#ids.length >> 5) + 1, reachable.length);
    let tail = end;
    // Only CIs not reached yet that some relationship leads to, 32 at a time.
    for (let w = 0; w < words; w++) {
      let open = ~seen[w]! & reachable[w]!;
      while (open !== 0) {
        const low = open & -open;
        open ^= low;
        const v = (w << 5) | (31 - Math.clz32(low));
        let found = false;
        if (v < csrNodes) {
          for (let k = offsets[v]!, last = offsets[v + 1]!; k < last; k++) {
            const e = edges[k]!;
            const u = e >>> 8;
            if (frontier[u >> 5]! & (1 << (u & 31)) && (e & 255) !== REMOVED) {
              found = true;
              break;
            }
          }
        }
        if (!found && addedBy.size > 0) {
          for (const k of addedBy.get(v) ?? []) {
            const u = addedTarget[k]!;
            if (frontier[u >> 5]! & (1 << (u & 31)) && addType[k] !== REMOVED) {
              found = true;
              break;
            }
          }
        }
        if (found) {
          seen[w]! |= low;
          queue[tail++] = v;
        }
      }
    }
    return tail;
  }

  /** `bits` set to exactly the CIs of queue[from, to). */
  #markQueued(bits: Int32Array, from: number, to: number): void {
    const queue = this.#queue;
    bits.fill(0, 0, (this.#ids.length >> 5) + 1);
    for (let q = from; q < to; q++) bits[queue[q]! >> 5]! |= 1 << (queue[q]! & 31);
  }

  /** Distance of a reached CI from its queue position. */
  #depthAt(levels: number[], at: number): number {
    let lo = 0;
    let hi = levels.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (levels[mid]! <= at) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** One bit per CI of a service class, kept until CIs' classes change. */
  #serviceBits(service: boolean[]): Int32Array {
    const key = service.map((x) => (x ? '1' : '0')).join('');
    if (this.#services?.key === key) return this.#services.bits;
    const n = this.#ids.length;
    const bits = new Int32Array((n >> 5) + 1);
    const classOf = this.#classOf;
    for (let v = 0; v < n; v++) if (service[classOf[v]!]) bits[v >> 5]! |= 1 << (v & 31);
    this.#services = { key, bits };
    return bits;
  }

  /**
   * The CI that reached `v` (one distance nearer, the first such in its adjacency list), the type
   * of the relationship and where its id is kept. `previous` has a bit for each CI one distance
   * nearer than `v`. The walk keeps no parents: they are found for the few CIs an answer lists.
   */
  #parentOf(direction: GraphDirection, v: number, previous: Int32Array): Parent {
    const inPrevious = (u: number) => (previous[u >> 5]! & (1 << (u & 31))) !== 0;
    // Who reaches v in this direction is who v reaches in the other.
    const back = 1 - dirIndex(direction);
    const c = this.#csr[back]!;
    if (v < c.nodes) {
      for (let k = c.offsets[v]!; k < c.offsets[v + 1]!; k++) {
        const u = c.edges[k]! >>> 8;
        const type = c.edges[k]! & 255;
        if (type !== REMOVED && inPrevious(u)) return { u, type, slot: this.#csrSlot(back, k) };
      }
    }
    const targets = back === 0 ? this.#add.impacted : this.#add.failing;
    for (const k of this.#addedBy[back]!.get(v) ?? []) {
      const type = this.#add.types[k]!;
      if (type !== REMOVED && inPrevious(targets[k]!))
        return { u: targets[k]!, type, slot: { added: true, at: k } };
    }
    throw new Error('A reached CI has no parent in the walk');
  }

  /** Parents of the CIs in `depthOf` and of theirs, up to the roots, deepest level first. */
  #parents(direction: GraphDirection, levels: number[], depthOf: Map<number, number>): Map<number, Parent> {
    const byLevel: number[][] = levels.map(() => []);
    for (const [v, depth] of depthOf) if (depth > 0) byLevel[depth]!.push(v);
    const parents = new Map<number, Parent>();
    const previous = this.#frontier;
    for (let depth = byLevel.length - 1; depth > 0; depth--) {
      const need = byLevel[depth]!;
      if (need.length === 0) continue;
      this.#markQueued(previous, levels[depth - 1]!, levels[depth]!);
      for (const v of need) {
        const p = this.#parentOf(direction, v, previous);
        parents.set(v, p);
        if (!depthOf.has(p.u)) {
          depthOf.set(p.u, depth - 1);
          byLevel[depth - 1]!.push(p.u);
        }
      }
    }
    return parents;
  }

  #answer(direction: GraphDirection, opts: GraphWalkOptions, levels: number[]): GraphWalk {
    const queue = this.#queue;
    const seen = this.#seen;
    const tail = levels.at(-1)!;
    const roots = levels[1]!;
    const classOf = this.#classOf;
    // Counts by class: the reached CIs in memory order, the roots taken out again.
    const byClassIndex = new Int32Array(this.#classKeys.length);
    const words = (this.#ids.length >> 5) + 1;
    for (let w = 0; w < words; w++) {
      let bits = seen[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        byClassIndex[classOf[(w << 5) | (31 - Math.clz32(low))]!]! += 1;
      }
    }
    for (let q = 0; q < roots; q++) byClassIndex[classOf[queue[q]!]!]! -= 1;
    // What the answer lists, with each CI's position in the walk: the first CIs, then the services.
    const at = new Map<number, number>();
    const listEnd = Math.min(tail, roots + opts.listLimit);
    for (let q = 0; q < listEnd; q++) at.set(queue[q]!, q);
    const listedServices = new Set<number>();
    const serviceBits = this.#serviceBits(this.#classKeys.map((k) => k !== '' && opts.isService(k)));
    let services = 0;
    for (let q = 0; q < tail; q++) {
      const v = queue[q]!;
      if ((serviceBits[v >> 5]! & (1 << (v & 31))) === 0) continue;
      services += 1;
      opts.onService?.(this.#ids[v]!);
      if (services > opts.serviceLimit) continue;
      listedServices.add(v);
      at.set(v, q);
    }
    // Every CI on a listed CI's path, so each path can be explained.
    const depthOf = new Map<number, number>();
    for (const [v, q] of at) depthOf.set(v, this.#depthAt(levels, q));
    const parents = this.#parents(direction, levels, depthOf);
    const keep = [...depthOf.keys()].sort(
      (x, y) =>
        depthOf.get(x)! - depthOf.get(y)! ||
        (at.get(x) ?? Number.MAX_SAFE_INTEGER) - (at.get(y) ?? Number.MAX_SAFE_INTEGER) ||
        x - y,
    );
    const nodes = new Map<string, ReachedCi>();
    for (const v of keep) {
      const p = parents.get(v);
      const q = at.get(v);
      nodes.set(this.#ids[v]!, {
        id: this.#ids[v]!,
        classKey: this.#classKeys[classOf[v]!]!,
        name: this.#names[v]!,
        status: this.#statusKeys[this.#statusOf[v]!]!,
        depth: depthOf.get(v)!,
        parent: p ? this.#ids[p.u]! : null,
        via: p ? this.#typeKeys[p.type]! : null,
        edge: p ? this.#storedEdge(direction, p.u, v, p.type, p.slot) : null,
        listed: q !== undefined && q < listEnd,
        service: listedServices.has(v),
      });
    }
    const byClass = new Map<string, number>();
    byClassIndex.forEach((count, c) => {
      if (count > 0) byClass.set(this.#classKeys[c]!, count);
    });
    const byDepth = levels.slice(1).map((end, d) => end - levels[d]!);
    return {
      reached: tail - roots,
      services,
      byClass,
      byDepth,
      nodes,
      edges: this.#edgesAmong(new Set(keep), direction),
    };
  }

  /** The stored form of a walk step from `u` to `v` by type index `t`. */
  #storedEdge(direction: GraphDirection, u: number, v: number, t: number, slot: IdSlot): IndexedEdge {
    // In an impact walk u is the failing end; in a dependency walk v is.
    const [failing, impacted] = direction === 'impact' ? [u, v] : [v, u];
    const [from, to] = this.#typeDirection[t] === 'forward' ? [failing, impacted] : [impacted, failing];
    return { id: this.#idOf(slot), type: this.#typeKeys[t]!, from: this.#ids[from]!, to: this.#ids[to]! };
  }

  #edgesAmong(keep: Set<number>, direction: GraphDirection): IndexedEdge[] {
    const d = dirIndex(direction);
    const c = this.#csr[d]!;
    const targets = d === 0 ? this.#add.impacted : this.#add.failing;
    const out: IndexedEdge[] = [];
    for (const u of keep) {
      if (u < c.nodes) {
        for (let k = c.offsets[u]!; k < c.offsets[u + 1]!; k++) {
          const v = c.edges[k]! >>> 8;
          const type = c.edges[k]! & 255;
          if (type !== REMOVED && keep.has(v))
            out.push(this.#storedEdge(direction, u, v, type, this.#csrSlot(d, k)));
        }
      }
      for (const k of this.#addedBy[d]!.get(u) ?? []) {
        const type = this.#add.types[k]!;
        if (type !== REMOVED && keep.has(targets[k]!))
          out.push(this.#storedEdge(direction, u, targets[k]!, type, { added: true, at: k }));
      }
    }
    return out;
  }
}
