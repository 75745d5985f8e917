/**
 * Impact analysis and dependency trees. Impact: everything an outage of a CI reaches, up to the
 * services (with what enrichers know of their customers and agreements). Dependencies: everything a
 * CI relies on, e.g. a service's full tree down to hardware. Answers come as nodes and edges for a
 * graph, and as a flat list where each CI carries its depth and the chain of relationships that
 * explains why it is there. The walk counts everything it reaches; the lists hold the nearest CIs
 * and services (see walk.ts and src/domain/cmdb/graph-index.ts).
 */

import type { AppContext } from '../../context.ts';
import type { ImpactItem as CImpactItem, ImpactView as CImpactView } from '../../contracts/cmdb.ts';
import { isUuid } from '../../db/rows.ts';
import { DEFAULT_MAX_NODES, DEFAULT_MAX_SERVICES } from '../../domain/cmdb/impact.ts';
import type { Actor } from '../../domain/roles.ts';
import { notFound } from '../../errors.ts';
import { findCi } from './ci-store.ts';
import { assertCanRead } from './cis.ts';
import {
  type AgreementRef,
  type CustomerRef,
  enrichServices,
  type ServiceExtras,
} from './impact-enrichers.ts';
import { type ClassModel, loadClassModel } from './model.ts';
import { type CiRef, ciRef } from './present.ts';
import { relationshipType } from './relationships.ts';
import { type GraphWalk, stepsTo, type WalkEdge, type WalkMode, walkGraph } from './walk.ts';

export type ImpactOptions = {
  depth?: number | undefined;
  maxNodes?: number | undefined;
  maxServices?: number | undefined;
};

export type ImpactNode = CiRef & { depth: number; isService: boolean };
export type ImpactEdge = { id: string; from: string; to: string; type: string; label: string };
/** One step of a walk, read "from <label> to": "switch1 connected from host1", "app depends on db". */
export type ImpactStep = { relationshipId: string; from: string; to: string; type: string; label: string };
export type ImpactItem = CImpactItem;
export type ImpactService = ImpactItem & { customers: CustomerRef[]; slas: AgreementRef[] };
export type ImpactCounts = CImpactView['counts'];

export type ImpactView = CImpactView;

function stepOf(edge: WalkEdge, walkFrom: string, walkTo: string): ImpactStep {
  const type = relationshipType(edge.type);
  const outward = edge.from === walkFrom;
  return {
    relationshipId: edge.id,
    from: walkFrom,
    to: walkTo,
    type: edge.type,
    label: outward ? (type?.forwardLabel ?? edge.type) : (type?.reverseLabel ?? edge.type),
  };
}

/** The relationships behind a path, as stored: "Payroll runs on vm1; vm1 runs on host1". */
function explain(steps: ImpactStep[], edges: Map<string, WalkEdge>, name: (id: string) => string): string {
  return steps
    .map((s) => {
      const edge = edges.get(s.relationshipId);
      const label = relationshipType(s.type)?.forwardLabel ?? s.type;
      return edge ? `${name(edge.from)} ${label} ${name(edge.to)}` : '';
    })
    .join('; ');
}

/** Distinct by id, first seen first. */
function distinct<T extends { id: string }>(lists: T[][]): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const x of list) if (!out.has(x.id)) out.set(x.id, x);
  return [...out.values()];
}

function presentWalk(
  model: ClassModel,
  walk: GraphWalk,
  extras: Map<string, ServiceExtras>,
  meta: { mode: WalkMode; roots: string[]; depth: number | null; rootBecause: string },
): ImpactView {
  // Names, classes and statuses as the index holds them; a CI deleted meanwhile has no class.
  const refs = new Map<string, CiRef>();
  for (const n of walk.nodes.values()) if (n.classKey !== '') refs.set(n.id, ciRef(model, n));
  const name = (id: string) => refs.get(id)?.name ?? id;
  const edgeById = new Map(walk.edges.map((e) => [e.id, e]));
  for (const n of walk.nodes.values()) if (n.edge) edgeById.set(n.edge.id, n.edge);
  const nodes: ImpactNode[] = [];
  const items: ImpactItem[] = [];
  const services: ImpactService[] = [];
  for (const n of walk.nodes.values()) {
    const ci = refs.get(n.id);
    if (!ci) continue; // deleted
    nodes.push({ ...ci, depth: n.depth, isService: model.isService(ci.classKey) });
    const path = stepsTo(walk, n.id).flatMap((s) => (s.edge ? [stepOf(s.edge, s.parent!, s.id)] : []));
    const item = {
      ci,
      depth: n.depth,
      path,
      because: n.depth === 0 ? meta.rootBecause : explain(path, edgeById, name),
    };
    if (n.depth > 0 && n.listed) items.push(item);
    if (n.service) services.push({ ...item, ...(extras.get(n.id) ?? { customers: [], slas: [] }) });
  }
  // Nearest services first, so the nearest customers and agreements come first.
  const all = meta.mode === 'impact' ? walk.serviceIds.flatMap((id) => extras.get(id) ?? []) : [];
  return {
    mode: meta.mode,
    roots: meta.roots.flatMap((id) => refs.get(id) ?? []),
    depth: meta.depth,
    truncated: walk.truncated,
    counts: {
      cis: walk.counts.cis,
      services: walk.counts.services,
      byClass: [...walk.counts.byClass]
        .map(([classKey, count]) => ({ classKey, label: model.label(classKey), count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      byDepth: walk.counts.byDepth,
    },
    nodes,
    edges: walk.edges.map((e) => ({ ...e, label: relationshipType(e.type)?.forwardLabel ?? e.type })),
    items,
    services,
    customers: distinct(all.map((x) => x.customers)),
    slas: distinct(all.map((x) => x.slas)),
  };
}

const listedServices = (walk: GraphWalk) =>
  [...walk.nodes.values()].filter((n) => n.service).map((n) => n.id);

/** Walk from existing CIs and present the answer; used for CIs and for records' CIs alike. */
export async function analyse(
  ctx: AppContext,
  roots: string[],
  mode: WalkMode,
  opts: ImpactOptions,
  rootBecause: string,
): Promise<ImpactView> {
  // The class model and the graph index's catch-up with the change log, side by side.
  const [model, index] = await Promise.all([loadClassModel(ctx.db), ctx.ciGraph.current()]);
  const walk = await walkGraph(
    ctx,
    roots,
    mode,
    {
      maxDepth: opts.depth,
      maxNodes: opts.maxNodes ?? DEFAULT_MAX_NODES,
      maxServices: opts.maxServices ?? DEFAULT_MAX_SERVICES,
      isService: (classKey) => model.isService(classKey),
    },
    index,
  );
  // What other modules know of the services: an outage puts at risk the customers and agreements
  // of every service it reaches; a dependency tree puts nothing at risk, so only its listed
  // services are looked up.
  const extras = await enrichServices(ctx, mode === 'impact' ? walk.serviceIds : listedServices(walk));
  return presentWalk(model, walk, extras, { mode, roots, depth: opts.depth ?? null, rootBecause });
}

async function analyseCi(ctx: AppContext, actor: Actor, id: string, mode: WalkMode, opts: ImpactOptions) {
  assertCanRead(actor);
  if (!isUuid(id)) throw notFound('Configuration item', id);
  const ciId = id.toLowerCase();
  const why = mode === 'impact' ? 'the CI whose outage is analysed' : 'the CI whose dependencies are listed';
  // Walk while checking that the CI exists: from an unknown id the walk finds nothing, cheaply.
  const [ci, view] = await Promise.allSettled([findCi(ctx.db, ciId), analyse(ctx, [ciId], mode, opts, why)]);
  if (ci.status === 'rejected') throw ci.reason;
  if (!ci.value) throw notFound('Configuration item', id);
  if (view.status === 'rejected') throw view.reason;
  return view.value;
}

/** Everything downstream an outage of the CI reaches, up to the services. */
export const ciImpact = (ctx: AppContext, actor: Actor, id: string, opts: ImpactOptions = {}) =>
  analyseCi(ctx, actor, id, 'impact', opts);

/** Everything the CI relies on: for a service, its full dependency tree. */
export const ciDependencies = (ctx: AppContext, actor: Actor, id: string, opts: ImpactOptions = {}) =>
  analyseCi(ctx, actor, id, 'dependencies', opts);
