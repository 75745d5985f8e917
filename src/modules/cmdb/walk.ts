/**
 * The impact walk over SQL: the pure breadth-first walk in src/domain/cmdb/impact.ts, fed one BFS
 * level per query. Each query fetches the neighbours of the whole frontier through the two
 * relationship indexes (by from_id and by to_id), so a walk costs one round trip per level
 * however wide the graph, never one per CI.
 */
import type { AppContext } from '../../context.ts';
import { type Neighbour, walkImpactAsync } from '../../domain/cmdb/impact.ts';
import { RELATIONSHIP_TYPES } from './model.ts';

export type WalkMode = 'impact' | 'dependencies';
export type WalkEdge = { id: string; from: string; to: string; type: string };
export type WalkNode = { id: string; depth: number; parent: string | null; edge: WalkEdge | null };
export type GraphWalk = { nodes: Map<string, WalkNode>; edges: WalkEdge[]; truncated: boolean };
export type WalkLimits = { maxDepth?: number | undefined; maxNodes: number };

// For each frontier CI `src`: relationships where it is the `to` end (matched types $2) and where it
// is the `from` end (matched types $3); `dst` is the CI at the other end.
const LEVEL_SQL = `select r.to_id as src, r.from_id as dst, r.type_key as type, r.id, false as outward
  from ci_relationships r where r.to_id = any($1::uuid[]) and r.type_key = any($2::text[])
  union all
  select r.from_id, r.to_id, r.type_key, r.id, true
  from ci_relationships r where r.from_id = any($1::uuid[]) and r.type_key = any($3::text[])`;

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

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A start that is not a CI: its neighbours are the roots, so several CIs walk as one BFS. */
const ORIGIN = 'origin';

/**
 * Walk from one or more CIs. Roots are at depth 0; every other CI is at its shortest distance from
 * any root, reached through `edge`. `edges` holds every followed relationship between reached CIs
 * (not only the tree), for drawing the graph.
 */
export async function walkGraph(
  ctx: AppContext,
  roots: string[],
  mode: WalkMode,
  limits: WalkLimits,
): Promise<GraphWalk> {
  const { atTo, atFrom } = sides(mode);
  const seen = new Map<string, WalkEdge>();
  const stepEdge = new Map<string, WalkEdge>();
  const neighbours = async (ids: string[]): Promise<Map<string, Neighbour[]>> => {
    const out = new Map<string, Neighbour[]>();
    if (ids.includes(ORIGIN))
      out.set(
        ORIGIN,
        roots.map((id) => ({ id, via: ORIGIN })),
      );
    const cis = ids.filter((id) => id !== ORIGIN);
    if (cis.length === 0) return out;
    const rows = await ctx.database.prepared<LevelRow>('cmdb.walk_level', LEVEL_SQL, [cis, atTo, atFrom]);
    // Deterministic answers: neighbours in id order, whatever order the index scans return.
    rows.sort((a, b) => compare(a.src, b.src) || compare(a.dst, b.dst));
    for (const r of rows) {
      const edge = r.outward
        ? { id: r.id, from: r.src, to: r.dst, type: r.type }
        : { id: r.id, from: r.dst, to: r.src, type: r.type };
      seen.set(r.id, edge);
      stepEdge.set(`${r.src}\u0000${r.dst}\u0000${r.type}`, edge);
      const list = out.get(r.src);
      if (list) list.push({ id: r.dst, via: r.type });
      else out.set(r.src, [{ id: r.dst, via: r.type }]);
    }
    return out;
  };
  const result = await walkImpactAsync(ORIGIN, neighbours, {
    maxDepth: limits.maxDepth === undefined ? undefined : limits.maxDepth + 1,
    maxNodes: limits.maxNodes + 1,
  });
  const nodes = new Map<string, WalkNode>();
  for (const n of result.nodes.values()) {
    if (n.id === ORIGIN) continue;
    const root = n.parent === ORIGIN;
    const edge = root ? null : (stepEdge.get(`${n.parent}\u0000${n.id}\u0000${n.via}`) ?? null);
    nodes.set(n.id, { id: n.id, depth: n.depth - 1, parent: root ? null : n.parent, edge });
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
