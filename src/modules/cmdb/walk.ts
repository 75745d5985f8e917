/**
 * The impact walk over SQL: the pure breadth-first walk in src/domain/cmdb/impact.ts, fed one BFS
 * level at a time. Each query fetches the neighbours of many frontier CIs at once through the two
 * relationship indexes (by from_id and by to_id), so a walk costs a few round trips per level
 * however wide the graph, never one per CI.
 *
 * Two things keep walks over a large CMDB fast:
 * - The followed relationship types are constants of the walk's mode, written into its prepared
 *   statement as literals, so even the generic plan uses the type as an index condition instead of
 *   fetching every relationship of a hub CI and filtering by type afterwards (a type parameter
 *   did exactly that), and a frontier of thousands of CIs costs no planning.
 * - A wide frontier is fetched in slices, in frontier order, and fetching stops as soon as the
 *   node limit is known to be exceeded: a walk cut at maxNodes reads only what it returns (plus
 *   one slice), not the whole next level of a giant connected component.
 * The answer is exactly the BFS over whole levels (same CIs, depths and first edges); a walk cut
 * short only lacks, in `edges`, relationships it never had to read. Measured in bench/cmdb.ts.
 */
import type { AppContext } from '../../context.ts';
import { type Neighbour, walkImpactAsync } from '../../domain/cmdb/impact.ts';
import { RELATIONSHIP_TYPES } from './model.ts';

export type WalkMode = 'impact' | 'dependencies';
export type WalkEdge = { id: string; from: string; to: string; type: string };
export type WalkNode = { id: string; depth: number; parent: string | null; edge: WalkEdge | null };
export type GraphWalk = { nodes: Map<string, WalkNode>; edges: WalkEdge[]; truncated: boolean };
export type WalkLimits = { maxDepth?: number | undefined; maxNodes: number };
/** Told of the CIs of the answer as the walk meets them, level by level. */
export type OnReached = (ids: string[]) => void;

/**
 * Slices are sized from how many new CIs the previous ones brought, but never smaller than this:
 * a fetch of fewer CIs is not worth its round trip.
 */
const MIN_SLICE = 32;

type LevelRow = { src: string; dst: string; type: string; id: string; outward: boolean };

/**
 * Which relationship types to follow from the `to` end and from the `from` end. Impact flows
 * against the arrow for 'reverse' types (an outage of `to` hits `from`) and with it for 'forward'
 * ones; a dependency walk goes the other way round.
 */
function sides(mode: WalkMode): { atTo: string[]; atFrom: string[] } {
  const of = (dir: 'forward' | 'reverse') =>
    RELATIONSHIP_TYPES.filter((t) => t.propagatesImpact === dir).map((t) => t.key);
  return mode === 'impact'
    ? { atTo: of('reverse'), atFrom: of('forward') }
    : { atTo: of('forward'), atFrom: of('reverse') };
}

/** `'a', 'b'`: type keys are identifiers (checked), so they are safe as SQL literals. */
function typeList(keys: string[]): string {
  for (const k of keys) if (!/^[a-z][a-z0-9_]*$/.test(k)) throw new Error(`Invalid relationship type ${k}`);
  return keys.map((k) => `'${k}'`).join(', ');
}

/**
 * For each frontier CI `src` ($1): relationships where it is the `to` end (types followed from that
 * end) and where it is the `from` end; `dst` is the CI at the other end. Null when no type is
 * followed at all.
 */
function levelSql(mode: WalkMode): string | null {
  const { atTo, atFrom } = sides(mode);
  const parts: string[] = [];
  if (atTo.length)
    parts.push(`select r.to_id as src, r.from_id as dst, r.type_key as type, r.id, false as outward
      from ci_relationships r where r.to_id = any($1::uuid[]) and r.type_key in (${typeList(atTo)})`);
  if (atFrom.length)
    parts.push(`select r.from_id as src, r.to_id as dst, r.type_key as type, r.id, true as outward
      from ci_relationships r where r.from_id = any($1::uuid[]) and r.type_key in (${typeList(atFrom)})`);
  return parts.length ? parts.join('\n      union all ') : null;
}

const LEVEL_SQL: Record<WalkMode, string | null> = {
  impact: levelSql('impact'),
  dependencies: levelSql('dependencies'),
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A start that is not a CI: its neighbours are the roots, so several CIs walk as one BFS. */
const ORIGIN = 'origin';

/**
 * Walk from one or more CIs. Roots are at depth 0; every other CI is at its shortest distance from
 * any root, reached through `edge`. `edges` holds every relationship the walk followed between
 * reached CIs (not only the tree), for drawing the graph.
 */
export async function walkGraph(
  ctx: AppContext,
  roots: string[],
  mode: WalkMode,
  limits: WalkLimits,
  onReached?: OnReached,
): Promise<GraphWalk> {
  const seen = new Map<string, WalkEdge>();
  // The walk's node set as the BFS builds it (ORIGIN included), with the edge that first reached
  // each CI: the same neighbours in the same order reach it, so it matches the BFS exactly, and
  // once it holds more than `capacity` CIs the BFS is certain to stop short.
  const capacity = limits.maxNodes + 1;
  const reached = new Map<string, WalkEdge | null>([[ORIGIN, null]]);
  let perCi = 1;
  const fetchSlice = async (ids: string[], out: Map<string, Neighbour[]>) => {
    const text = LEVEL_SQL[mode];
    const rows = text ? await ctx.database.prepared<LevelRow>(`cmdb.walk_level.${mode}`, text, [ids]) : [];
    const bySrc = new Map<string, LevelRow[]>();
    for (const r of rows) {
      const list = bySrc.get(r.src);
      if (list) list.push(r);
      else bySrc.set(r.src, [r]);
    }
    let added = 0;
    const kept: string[] = [];
    for (const id of ids) {
      const list = bySrc.get(id);
      if (!list) continue;
      // Deterministic answers: neighbours in id order, whatever order the index scans return.
      list.sort((a, b) => compare(a.dst, b.dst) || compare(a.type, b.type));
      const next: Neighbour[] = [];
      for (const r of list) {
        const edge = r.outward
          ? { id: r.id, from: r.src, to: r.dst, type: r.type }
          : { id: r.id, from: r.dst, to: r.src, type: r.type };
        seen.set(r.id, edge);
        next.push({ id: r.dst, via: r.type });
        if (reached.has(r.dst)) continue;
        if (reached.size < capacity) kept.push(r.dst);
        reached.set(r.dst, edge);
        added += 1;
      }
      out.set(id, next);
    }
    if (kept.length) onReached?.(kept);
    return added;
  };
  const neighbours = async (ids: string[]): Promise<Map<string, Neighbour[]>> => {
    const out = new Map<string, Neighbour[]>();
    const cis = ids.filter((id) => id !== ORIGIN);
    if (cis.length < ids.length) {
      const unique = [...new Set(roots)];
      out.set(
        ORIGIN,
        unique.map((id) => ({ id, via: ORIGIN })),
      );
      for (const id of unique) reached.set(id, null);
      onReached?.(unique);
    }
    // Slices in frontier order, sized by how many new CIs each frontier CI brought last time.
    for (let at = 0; at < cis.length && reached.size <= capacity; ) {
      const wanted = Math.ceil(((capacity + 1 - reached.size) / perCi) * 1.25);
      const slice = cis.slice(at, at + Math.max(MIN_SLICE, wanted));
      at += slice.length;
      perCi = Math.max(0.05, (await fetchSlice(slice, out)) / slice.length);
    }
    return out;
  };
  const result = await walkImpactAsync(ORIGIN, neighbours, {
    maxDepth: limits.maxDepth === undefined ? undefined : limits.maxDepth + 1,
    maxNodes: capacity,
  });
  const nodes = new Map<string, WalkNode>();
  for (const n of result.nodes.values()) {
    if (n.id === ORIGIN) continue;
    const root = n.parent === ORIGIN;
    nodes.set(n.id, {
      id: n.id,
      depth: n.depth - 1,
      parent: root ? null : n.parent,
      edge: root ? null : (reached.get(n.id) ?? null),
    });
  }
  const edges = [...seen.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes, edges, truncated: result.truncated };
}

/** The chain of steps from a root to `id`, root first. */
export function stepsTo(walk: GraphWalk, id: string): WalkNode[] {
  const steps: WalkNode[] = [];
  let node = walk.nodes.get(id);
  while (node && node.parent !== null && steps.length < walk.nodes.size) {
    steps.push(node);
    node = walk.nodes.get(node.parent);
  }
  return steps.reverse();
}
