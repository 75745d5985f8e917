/**
 * Breadth-first walks over the CI graph behind a neighbour function, so the same walk runs over an
 * in-memory graph (relationshipNeighbours) or over SQL, fetching one BFS level per query.
 * BFS means each node is recorded at its shortest distance from the start, with the edge by which
 * it was first reached; cycles and self-loops are harmless because no node is visited twice.
 */

export type Neighbour = { id: string; via: string };
/** Neighbours of each given id; ids missing from the map have none. Called once per BFS level. */
export type NeighbourFn = (ids: string[]) => Map<string, Neighbour[]>;
export type AsyncNeighbourFn = (ids: string[]) => Promise<Map<string, Neighbour[]>>;

export type WalkOptions = {
  /** Nodes further than this many edges from the start are not visited. Default: unlimited. */
  maxDepth?: number;
  /** At most this many nodes (start included) are returned. Default: DEFAULT_MAX_NODES. */
  maxNodes?: number;
};

export type ReachedNode = {
  id: string;
  /** Shortest distance (edges) from the start; 0 for the start itself. */
  depth: number;
  /** The node this one was first reached from; null for the start. */
  parent: string | null;
  /** The relationship by which it was first reached; null for the start. */
  via: string | null;
};

export type WalkResult = {
  start: string;
  /** Every reached node keyed by id, in BFS order (the start first). */
  nodes: Map<string, ReachedNode>;
  /** True when maxNodes cut the walk short: some node within maxDepth is missing from `nodes`. */
  truncated: boolean;
};

export type TreeNode = { id: string; depth: number; via: string | null; children: TreeNode[] };
export type PathEdge = { from: string; to: string; via: string };

/**
 * How many reached CIs an answer lists by default, nearest first. In a large CMDB an outage of a
 * core switch or a shared platform service reaches most of the estate: the walk still counts every
 * CI (the API's `counts`), but a list of 500 CIs is already more than anyone reads (the web app's
 * graph shows as many) and keeps the answer small. The API allows up to 20,000.
 */
export const DEFAULT_MAX_NODES = 500;

/** How many reached services an answer lists by default, nearest first; `counts` has them all. */
export const DEFAULT_MAX_SERVICES = 200;

function checkOptions(opts: WalkOptions): { maxDepth: number; maxNodes: number } {
  const maxDepth = opts.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  if (maxDepth !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxDepth) || maxDepth < 0)) {
    throw new RangeError(`maxDepth must be a whole number of at least 0, got ${maxDepth}`);
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError(`maxNodes must be a whole number of at least 1, got ${maxNodes}`);
  }
  return { maxDepth, maxNodes };
}

/**
 * The walk itself, independent of how neighbours are fetched: it yields each BFS level's ids and
 * is resumed with their neighbours. Neighbours of nodes at maxDepth are never requested.
 */
function* walk(start: string, opts: WalkOptions): Generator<string[], WalkResult, Map<string, Neighbour[]>> {
  const { maxDepth, maxNodes } = checkOptions(opts);
  const nodes = new Map<string, ReachedNode>([[start, { id: start, depth: 0, parent: null, via: null }]]);
  let frontier = [start];
  let depth = 0;
  while (frontier.length > 0 && depth < maxDepth) {
    const fetched = yield frontier;
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of fetched.get(id) ?? []) {
        if (nodes.has(n.id)) continue;
        if (nodes.size >= maxNodes) return { start, nodes, truncated: true };
        nodes.set(n.id, { id: n.id, depth: depth + 1, parent: id, via: n.via });
        next.push(n.id);
      }
    }
    frontier = next;
    depth += 1;
  }
  return { start, nodes, truncated: false };
}

/** BFS from `start` with a synchronous neighbour function (in-memory graphs). */
export function walkImpact(start: string, neighbours: NeighbourFn, opts: WalkOptions = {}): WalkResult {
  const steps = walk(start, opts);
  let step = steps.next(new Map());
  while (!step.done) step = steps.next(neighbours(step.value));
  return step.value;
}

/** BFS from `start` fetching each level with one awaited call (one SQL query per level). */
export async function walkImpactAsync(
  start: string,
  neighbours: AsyncNeighbourFn,
  opts: WalkOptions = {},
): Promise<WalkResult> {
  const steps = walk(start, opts);
  let step = steps.next(new Map());
  while (!step.done) step = steps.next(await neighbours(step.value));
  return step.value;
}

/** The BFS result as a nested tree rooted at the start; children in the order they were reached. */
export function buildTree(result: WalkResult): TreeNode {
  const trees = new Map<string, TreeNode>();
  for (const node of result.nodes.values()) {
    trees.set(node.id, { id: node.id, depth: node.depth, via: node.via, children: [] });
  }
  for (const node of result.nodes.values()) {
    if (node.parent === null) continue;
    const tree = trees.get(node.id);
    const parent = trees.get(node.parent);
    if (tree && parent) parent.children.push(tree);
  }
  const root = trees.get(result.start);
  if (!root) throw new Error(`Walk result does not contain its start node "${result.start}"`);
  return root;
}

/**
 * The chain of edges by which `id` was first reached, start first: the explanation of why it is
 * impacted. Empty for the start itself; null when `id` was not reached.
 */
export function pathTo(result: WalkResult, id: string): PathEdge[] | null {
  let node = result.nodes.get(id);
  if (!node) return null;
  const path: PathEdge[] = [];
  // Bounded by the node count so a hand-built result with a parent loop cannot hang.
  while (node.parent !== null && node.via !== null && path.length < result.nodes.size) {
    path.push({ from: node.parent, to: node.id, via: node.via });
    const parent = result.nodes.get(node.parent);
    if (!parent) break;
    node = parent;
  }
  return path.reverse();
}
