/**
 * Operational endpoints: liveness, readiness (database reachable), Prometheus metrics. Metrics
 * tell a lot about a deployment, so they are never public: /metrics needs METRICS_TOKEN as a
 * bearer token, or is served only on its own listen address (METRICS_PORT, METRICS_HOST).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

/**
 * Node's HTTP module, taken as the CommonJS module it is. An ES `import` of `node:http` reads every
 * export to build the module's namespace, and three of them (WebSocket, CloseEvent, MessageEvent)
 * are lazy getters that load Node's bundled fetch client: about 13 MB held by every server that
 * never makes a request with it.
 */
const { createServer } = process.getBuiltinModule('node:http');

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the separate metrics listener answers, once the app listens (METRICS_PORT). */
    metricsAddress: () => { host: string; port: number } | null;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries the metrics bearer token (compared in constant time). */
function hasMetricsToken(req: FastifyRequest, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

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
    app.get('/metrics', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const token = ctx.config.metricsToken;
      if (!token) {
        throw new AppError(
          'resource.not_found',
          ctx.config.metricsPort === undefined
            ? 'Metrics are off: set METRICS_TOKEN (then send it as a bearer token) or METRICS_PORT.'
            : 'Metrics are served on the metrics address (METRICS_PORT).',
        );
      }
      if (!hasMetricsToken(req, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError(
          'auth.unauthenticated',
          'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.',
        );
      }
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    });

    // The separate metrics listener, started and stopped with the app.
    let server: Server | null = null;
    app.decorate('metricsAddress', () => {
      const a = server?.address();
      return a && typeof a === 'object' ? { host: a.address, port: a.port } : null;
    });
    const metricsPort = ctx.config.metricsPort;
    if (metricsPort !== undefined) {
      app.addHook('onListen', async () => {
        server = createServer((req, res) => {
          if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('Only /metrics is served here.\n');
            return;
          }
          registry.metrics().then(
            (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
            () => res.writeHead(500).end(),
          );
        });
        await new Promise<void>((resolve, reject) => {
          server!.once('error', reject);
          server!.listen(metricsPort, ctx.config.metricsHost ?? '127.0.0.1', resolve);
        });
      });
      app.addHook('onClose', async () => {
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      });
    }
  });
}
