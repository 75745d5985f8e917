/** Operational endpoints: liveness, readiness (database reachable), Prometheus metrics. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.ts';

export function opsRoutes(ctx: AppContext): FastifyPluginAsync {
  return fp(async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'steward_' });
    const httpDuration = new Histogram({
      name: 'steward_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    // The CMDB graph index this instance walks (src/modules/cmdb/graph-store.ts).
    const graph = (
      name: string,
      help: string,
      read: (s: ReturnType<AppContext['ciGraph']['stats']>) => number,
    ) =>
      new Gauge({
        name: `steward_cmdb_graph_${name}`,
        help,
        registers: [registry],
        collect() {
          this.set(read(ctx.ciGraph.stats()));
        },
      });
    graph('cis', 'CIs in the CMDB graph index', (s) => s.cis);
    graph('relationships', 'Relationships the CMDB graph index walks', (s) => s.relationships);
    graph('load_seconds', 'Time the last load of the CMDB graph index took', (s) => s.loadMs / 1000);
    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      httpDuration.observe(
        { method: req.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
      try {
        await ctx.database.ping();
        return {
          status: 'ready',
          database: ctx.database.kind,
          jobs: ctx.jobs ? 'running' : 'off',
          // Impact walks wait while the graph index loads (seconds for a very large CMDB).
          cmdbGraph: ctx.ciGraph.stats().state,
        };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: ctx.database.kind });
      }
    });
    app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    });
  });
}
