/** Operational endpoints: liveness, readiness (database reachable), Prometheus metrics. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
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
        return { status: 'ready', database: ctx.database.kind, jobs: ctx.jobs ? 'running' : 'off' };
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
