/**
 * Reachability over the graph index for questions about given CIs rather than lists: which CIs a
 * walk from some roots reaches, and the services among them. Change scheduling asks whether the
 * CIs of two changes depend on each other or share a service; one `graphReach` brings the index
 * up to date once, then every walk is in memory.
 */
import type { AppContext } from '../../context.ts';
import type { GraphDirection } from '../../domain/cmdb/graph-index.ts';
import { loadClassModel } from './model.ts';

export type CiReach = { has(id: string): boolean; services: readonly string[] };

export type GraphReach = {
  /** Walk from the roots (ids unknown to the CMDB reach nothing but themselves). */
  reach(roots: string[], direction: GraphDirection): CiReach;
  /** The nearest CI the walk reaches that `accept` takes; the walk stops there. */
  findFirst(roots: string[], direction: GraphDirection, accept: (id: string) => boolean): string | null;
  /** A CI's name, or its id when the CMDB does not know it. */
  name(id: string): string;
};

export async function graphReach(ctx: Pick<AppContext, 'db' | 'ciGraph'>): Promise<GraphReach> {
  const [model, index] = await Promise.all([loadClassModel(ctx.db), ctx.ciGraph.current()]);
  const isService = (classKey: string) => model.isService(classKey);
  return {
    reach(roots, direction) {
      const ids = roots.map((id) => id.toLowerCase());
      const r = index.reach(ids, direction, isService);
      const known = new Set(ids);
      return { has: (id) => known.has(id) || r.has(id), services: r.services };
    },
    findFirst: (roots, direction, accept) =>
      index.findFirst(
        roots.map((id) => id.toLowerCase()),
        direction,
        accept,
      ),
    name: (id) => index.describe(id)?.name || id,
  };
}
