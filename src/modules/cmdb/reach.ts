/**
 * Reachability over the graph index for questions about given CIs rather than lists: whether a
 * walk from some CIs reaches another, and whether walks from two sets of CIs share a service.
 * Change scheduling asks whether the CIs of two changes depend on each other or share a service;
 * one `graphReach` brings the index up to date once, then every question is answered in memory.
 */
import type { AppContext } from '../../context.ts';
import type { GraphDirection, GraphProbe } from '../../domain/cmdb/graph-index.ts';
import { loadClassModel } from './model.ts';

export type GraphReach = {
  /** Questions about the walk from the roots (ids unknown to the CMDB reach only themselves). */
  probe(roots: string[], direction: GraphDirection): GraphProbe;
  /** A CI's name, or its id when the CMDB does not know it. */
  name(id: string): string;
};

export async function graphReach(ctx: Pick<AppContext, 'db' | 'ciGraph'>): Promise<GraphReach> {
  const [model, index] = await Promise.all([loadClassModel(ctx.db), ctx.ciGraph.current()]);
  const isService = (classKey: string) => model.isService(classKey);
  return {
    probe(roots, direction) {
      const ids = roots.map((id) => id.toLowerCase());
      const p = index.probe(ids, direction, isService);
      const unknown = new Set(ids.filter((id) => !index.has(id)));
      return {
        reaches: (id) => (unknown.has(id.toLowerCase()) ? id.toLowerCase() : p.reaches(id.toLowerCase())),
        sharedService: (others) => p.sharedService(others.map((id) => id.toLowerCase())),
      };
    },
    name: (id) => index.describe(id)?.name || id,
  };
}
