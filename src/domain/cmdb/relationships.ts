/**
 * Relationship types between CIs: directed ("from" → "to"), named in each direction, restricted to
 * class pairs, and each declaring which way an outage propagates along it.
 *
 * Impact direction, relative to the arrow from → to:
 * - 'reverse': an outage of `to` impacts `from` (impact flows against the arrow). Dependencies:
 *   "app depends_on db" → a db outage impacts the app; "app runs_on server" → a server outage
 *   impacts the app; "server connects_to switch" (its uplink) → a switch outage cuts the server off.
 * - 'forward': an outage of `from` impacts `to` (impact flows with the arrow). Containment:
 *   "chassis contains blade" → a chassis outage (power, backplane) takes down every blade in it.
 *   A failing part does not take down its container; model that with depends_on where it holds.
 * - 'none': informational only; impact analysis does not cross it.
 * See docs/cmdb-model.md.
 */
import { type CiClass, isSubclassOf } from './classes.ts';
import type { Neighbour, NeighbourFn } from './impact.ts';

export type ImpactDirection = 'forward' | 'reverse' | 'none';

export type RelationshipType = {
  key: string;
  /** Read "from <forwardLabel> to": "app depends on db". */
  forwardLabel: string;
  /** Read "to <reverseLabel> from": "db used by app". */
  reverseLabel: string;
  /** Permitted (from class, to class) pairs; a pair matches subclasses too; empty = any classes. */
  allowed: { from: string; to: string }[];
  propagatesImpact: ImpactDirection;
};

/** A stored relationship between two CIs, as the impact walk needs it. */
export type RelationshipEdge = { type: string; from: string; to: string };

export const DEFAULT_RELATIONSHIP_TYPES: RelationshipType[] = [
  {
    key: 'depends_on',
    forwardLabel: 'depends on',
    reverseLabel: 'used by',
    allowed: [],
    propagatesImpact: 'reverse',
  },
  {
    key: 'runs_on',
    forwardLabel: 'runs on',
    reverseLabel: 'hosts',
    allowed: [
      { from: 'application', to: 'hardware' },
      { from: 'database', to: 'hardware' },
      { from: 'software', to: 'hardware' },
      { from: 'virtual_server', to: 'physical_server' },
    ],
    propagatesImpact: 'reverse',
  },
  {
    key: 'connects_to',
    forwardLabel: 'connects to',
    reverseLabel: 'connected from',
    allowed: [{ from: 'hardware', to: 'network_device' }],
    propagatesImpact: 'reverse',
  },
  {
    key: 'contains',
    forwardLabel: 'contains',
    reverseLabel: 'part of',
    allowed: [{ from: 'hardware', to: 'hardware' }],
    propagatesImpact: 'forward',
  },
];

function classLabel(classes: readonly CiClass[], key: string): string {
  return classes.find((c) => c.key === key)?.label ?? key;
}

/**
 * Whether a relationship of type `typeKey` may go from a CI of class `fromClass` to one of class
 * `toClass`. Returns a message explaining why not, or null when it is allowed.
 */
export function checkRelationshipAllowed(
  types: readonly RelationshipType[],
  classes: readonly CiClass[],
  typeKey: string,
  fromClass: string,
  toClass: string,
): string | null {
  const type = types.find((t) => t.key === typeKey);
  if (!type) return `Unknown relationship type "${typeKey}".`;
  for (const key of [fromClass, toClass]) {
    if (!classes.some((c) => c.key === key)) return `Unknown class "${key}".`;
  }
  if (type.allowed.length === 0) return null;
  const ok = type.allowed.some(
    (pair) => isSubclassOf(classes, fromClass, pair.from) && isSubclassOf(classes, toClass, pair.to),
  );
  if (ok) return null;
  const pairs = type.allowed
    .map((p) => `${classLabel(classes, p.from)} to ${classLabel(classes, p.to)}`)
    .join(', ');
  return (
    `A "${type.forwardLabel}" relationship cannot go from ${classLabel(classes, fromClass)} to ` +
    `${classLabel(classes, toClass)}; it is allowed from ${pairs}.`
  );
}

/** Problems with a set of relationship types (checked against the class model); empty when usable. */
export function validateRelationshipTypes(
  types: readonly RelationshipType[],
  classes: readonly CiClass[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of types) {
    if (seen.has(t.key)) problems.push(`Relationship type "${t.key}" is defined more than once.`);
    seen.add(t.key);
    if (!/^[a-z][a-z0-9_]*$/.test(t.key)) {
      problems.push(
        `Relationship type key "${t.key}" must start with a lowercase letter and use only a-z, 0-9 and _.`,
      );
    }
    if (t.forwardLabel.trim() === '' || t.reverseLabel.trim() === '') {
      problems.push(`Relationship type "${t.key}" needs a label for each direction.`);
    }
    if (!['forward', 'reverse', 'none'].includes(t.propagatesImpact)) {
      problems.push(`Relationship type "${t.key}" has unknown impact direction "${t.propagatesImpact}".`);
    }
    for (const pair of t.allowed) {
      for (const key of [pair.from, pair.to]) {
        if (!classes.some((c) => c.key === key)) {
          problems.push(`Relationship type "${t.key}" allows unknown class "${key}".`);
        }
      }
    }
  }
  return problems;
}

/** How to read an edge from one end: the label and the CI at the other end. */
export function describeEdge(
  types: readonly RelationshipType[],
  edge: RelationshipEdge,
  fromSide: 'from' | 'to',
): { label: string; other: string } {
  const type = types.find((t) => t.key === edge.type);
  if (fromSide === 'from') return { label: type?.forwardLabel ?? edge.type, other: edge.to };
  return { label: type?.reverseLabel ?? edge.type, other: edge.from };
}

/**
 * In-memory neighbour function for the impact walk.
 * - 'impact': neighbours of X are the CIs an outage of X impacts (downstream of a failure).
 * - 'dependencies': neighbours of X are the CIs whose outage would impact X (what X relies on).
 * `via` is the relationship type key. Edges of unknown types or with impact 'none' are not followed.
 */
export function relationshipNeighbours(
  types: readonly RelationshipType[],
  edges: readonly RelationshipEdge[],
  mode: 'impact' | 'dependencies',
): NeighbourFn {
  const direction = new Map(types.map((t) => [t.key, t.propagatesImpact]));
  const adjacency = new Map<string, Neighbour[]>();
  const link = (source: string, target: string, via: string) => {
    const list = adjacency.get(source);
    if (list) list.push({ id: target, via });
    else adjacency.set(source, [{ id: target, via }]);
  };
  for (const edge of edges) {
    const dir = direction.get(edge.type);
    if (dir === undefined || dir === 'none') continue;
    // The CI whose outage spreads, and the CI it spreads to.
    const [failing, impacted] = dir === 'forward' ? [edge.from, edge.to] : [edge.to, edge.from];
    if (mode === 'impact') link(failing, impacted, edge.type);
    else link(impacted, failing, edge.type);
  }
  return (ids) => new Map(ids.map((id) => [id, adjacency.get(id) ?? []]));
}
