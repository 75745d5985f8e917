/**
 * Impact analysis and dependency trees. Impact: everything an outage of a CI reaches, up to the
 * services (with what enrichers know of their customers and agreements). Dependencies: everything a
 * CI relies on, e.g. a service's full tree down to hardware. Answers come as nodes and edges for a
 * graph, and as a flat list where each CI carries its depth and the chain of relationships that
 * explains why it is there.
 */
import type { AppContext } from '../../context.ts';
import { DEFAULT_MAX_NODES } from '../../domain/cmdb/impact.ts';
import type { Actor } from '../../domain/roles.ts';
import { notFound } from '../../errors.ts';
import { findCi, isUuid } from './ci-store.ts';
import { assertCanRead } from './cis.ts';
import { type AgreementRef, type CustomerRef, enrichServices } from './impact-enrichers.ts';
import { type ClassModel, loadClassModel } from './model.ts';
import { type CiRef, ciRef } from './present.ts';
import { relationshipType } from './relationships.ts';
import { type GraphWalk, stepsTo, type WalkEdge, type WalkMode, walkGraph } from './walk.ts';

export type ImpactOptions = { depth?: number | undefined; maxNodes?: number | undefined };

export type ImpactNode = CiRef & { depth: number; isService: boolean };
export type ImpactEdge = { id: string; from: string; to: string; type: string; label: string };
/** One step of a walk, read "from <label> to": "switch1 connected from host1", "app depends on db". */
export type ImpactStep = { relationshipId: string; from: string; to: string; type: string; label: string };
export type ImpactItem = { ci: CiRef; depth: number; path: ImpactStep[]; because: string };
export type ImpactService = ImpactItem & { customers: CustomerRef[]; slas: AgreementRef[] };

export type ImpactView = {
  mode: WalkMode;
  roots: CiRef[];
  depth: number | null;
  truncated: boolean;
  nodes: ImpactNode[];
  edges: ImpactEdge[];
  items: ImpactItem[];
  services: ImpactService[];
};

const NODES_SQL = 'select id, name, class_key as "classKey", status from cis where id = any($1::uuid[])';

type NodeRow = { id: string; name: string; classKey: string; status: string };

/**
 * Loads the name, class and status of CIs while the walk goes on: each batch the walk reports is
 * fetched at once (on another connection where there is a pool), so the answer does not wait for
 * one more query over every reached CI after the walk.
 */
function nodeLoader(ctx: AppContext) {
  const rows = new Map<string, NodeRow>();
  const pending: Promise<unknown>[] = [];
  const load = (ids: string[]) =>
    ctx.database.prepared<NodeRow>('cmdb.walk_nodes', NODES_SQL, [ids]).then((found) => {
      for (const r of found) rows.set(r.id, r);
    });
  return {
    // Failures surface from `all`; until then they are held, never left unhandled.
    onReached: (ids: string[]) => {
      const p = load(ids);
      p.catch(() => undefined);
      pending.push(p);
    },
    /** Every CI of the walk; any the walk did not report is loaded now. */
    async all(walk: GraphWalk): Promise<NodeRow[]> {
      await Promise.all(pending);
      const missing = [...walk.nodes.keys()].filter((id) => !rows.has(id));
      if (missing.length) await load(missing);
      return [...walk.nodes.keys()].flatMap((id) => rows.get(id) ?? []);
    },
  };
}

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

async function presentWalk(
  ctx: AppContext,
  model: ClassModel,
  walk: GraphWalk,
  rows: NodeRow[],
  meta: { mode: WalkMode; roots: string[]; depth: number | null; rootBecause: string },
): Promise<ImpactView> {
  const refs = new Map(rows.map((r) => [r.id, ciRef(model, r)]));
  const name = (id: string) => refs.get(id)?.name ?? id;
  const edgeById = new Map(walk.edges.map((e) => [e.id, e]));
  const nodes: ImpactNode[] = [];
  const items: ImpactItem[] = [];
  const serviceItems: ImpactItem[] = [];
  const serviceClasses = new Map<string, boolean>();
  for (const n of walk.nodes.values()) {
    const ci = refs.get(n.id);
    if (!ci) continue;
    let isService = serviceClasses.get(ci.classKey);
    if (isService === undefined) {
      isService = model.isService(ci.classKey);
      serviceClasses.set(ci.classKey, isService);
    }
    nodes.push({ ...ci, depth: n.depth, isService });
    const path = stepsTo(walk, n.id).map((s) => stepOf(s.edge!, s.parent!, s.id));
    const item = {
      ci,
      depth: n.depth,
      path,
      because: n.depth === 0 ? meta.rootBecause : explain(path, edgeById, name),
    };
    if (n.depth > 0) items.push(item);
    if (isService) serviceItems.push(item);
  }
  const extras = await enrichServices(
    ctx,
    serviceItems.map((s) => s.ci.id),
  );
  return {
    mode: meta.mode,
    roots: meta.roots.flatMap((id) => refs.get(id) ?? []),
    depth: meta.depth,
    truncated: walk.truncated,
    nodes,
    edges: walk.edges.map((e) => ({ ...e, label: relationshipType(e.type)?.forwardLabel ?? e.type })),
    items,
    services: serviceItems.map((s) => ({ ...s, ...(extras.get(s.ci.id) ?? { customers: [], slas: [] }) })),
  };
}

/** Walk from existing CIs and present the answer; used for CIs and for records' CIs alike. */
export async function analyse(
  ctx: AppContext,
  roots: string[],
  mode: WalkMode,
  opts: ImpactOptions,
  rootBecause: string,
): Promise<ImpactView> {
  // The class model is only needed to present the answer: load it while the walk runs.
  const modelLoad = loadClassModel(ctx.db);
  modelLoad.catch(() => undefined);
  const loader = nodeLoader(ctx);
  const walk = await walkGraph(
    ctx,
    roots,
    mode,
    { maxDepth: opts.depth, maxNodes: opts.maxNodes ?? DEFAULT_MAX_NODES },
    loader.onReached,
  );
  const rows = await loader.all(walk);
  const model = await modelLoad;
  return presentWalk(ctx, model, walk, rows, { mode, roots, depth: opts.depth ?? null, rootBecause });
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
