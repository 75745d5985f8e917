/**
 * Impact and dependency walks for the API: the breadth-first walk runs over this instance's graph
 * index (src/domain/cmdb/graph-index.ts, kept current by graph-store.ts), which counts everything
 * reached however large and lists the nearest CIs and services with the relationships behind them.
 */
import type { AppContext } from '../../context.ts';
import type {
  CiGraphIndex,
  GraphDirection,
  GraphWalkOptions,
  IndexedEdge,
  ReachedCi,
} from '../../domain/cmdb/graph-index.ts';

export type WalkMode = GraphDirection;
export type WalkEdge = IndexedEdge;
/** A CI of the answer, as the index holds it (classKey '' for a CI deleted since it was reached). */
export type WalkNode = ReachedCi;
export type WalkCounts = {
  /** CIs reached, roots excluded. */
  cis: number;
  /** Services reached, roots included. */
  services: number;
  byClass: Map<string, number>;
  byDepth: number[];
};
export type GraphWalk = {
  nodes: Map<string, WalkNode>;
  edges: WalkEdge[];
  counts: WalkCounts;
  /** Every service reached (roots included), nearest first. */
  serviceIds: string[];
  /** Some reached CIs or services are not listed. */
  truncated: boolean;
};
export type WalkLimits = Pick<GraphWalkOptions, 'maxDepth' | 'isService'> & {
  /** CIs to list besides the roots, nearest first. */
  maxNodes: number;
  /** Services to list, nearest first. */
  maxServices: number;
};

/**
 * Walk from one or more CIs (ids that are not CIs reach nothing). Roots are at depth 0; every
 * other CI is at its shortest distance from any root, reached through `edge`.
 */
export async function walkGraph(
  ctx: AppContext,
  roots: string[],
  mode: WalkMode,
  limits: WalkLimits,
  /** The index when the caller already brought it up to date. */
  current?: CiGraphIndex,
): Promise<GraphWalk> {
  const index = current ?? (await ctx.ciGraph.current());
  const serviceIds: string[] = [];
  const walk = index.walk(roots, mode, {
    maxDepth: limits.maxDepth,
    listLimit: limits.maxNodes,
    serviceLimit: limits.maxServices,
    isService: limits.isService,
    onService: (id) => serviceIds.push(id),
  });
  let listedServices = 0;
  for (const n of walk.nodes.values()) if (n.service) listedServices += 1;
  return {
    nodes: walk.nodes,
    edges: walk.edges,
    counts: { cis: walk.reached, services: walk.services, byClass: walk.byClass, byDepth: walk.byDepth },
    serviceIds,
    truncated: walk.reached > limits.maxNodes || walk.services > listedServices,
  };
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
