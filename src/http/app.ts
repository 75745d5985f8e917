/**
 * Assembles the Fastify app: plugins → decorators → hooks → routes. `buildApp` does not listen,
 * so tests drive it with `app.inject()` and the server entry point calls `listen()`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { MODULES } from '../modules/registry.ts';
import { authPlugin } from './auth.ts';
import { setSecurityHeaders } from './headers.ts';
import { refuseHostileInput } from './input.ts';
import { opsRoutes } from './ops.ts';
import { errorHandler, frameworkErrors, problemOf, sendProblem } from './problem.ts';
import { registerRateLimit } from './rate-limit.ts';
import { fastSerializerCompiler } from './serializer.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildOptions = { logger?: boolean; webDist?: string };

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the nearest n hops". */
function trustProxyOption(t: AppContext['config']['trustProxy']) {
  return typeof t === 'number' ? (_address: string, hop: number) => hop < t : t;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger === false ? undefined : ctx.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // X-Forwarded-* only from the proxies TRUST_PROXY names; off by default (anyone could forge them).
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // A plugin that is slow to load on a busy machine (the API docs UI reads its assets) must
    // not abort the start: readiness is what /readyz reports.
    pluginTimeout: 0,
    return503OnClosing: true,
    frameworkErrors,
    forceCloseConnections: 'idle',
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);
  app.setErrorHandler(errorHandler);

  // plugins
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.attachmentMaxBytes, files: 1, fields: 10 },
  });
  await registerRateLimit(app, ctx.config);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steward API',
        version: '1',
        description:
          'IT Service Management over REST. Authenticate with `Authorization: Bearer <token>` (create tokens in the web app or with POST /api/v1/tokens) or with the session cookie plus `x-csrf-token`. Errors are RFC 9457 problem+json. Lists use keyset pagination: pass `nextCursor` back as `cursor`. Updates take `If-Match` with the ETag and answer 412 when stale.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'steward_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // decorators and hooks
  await app.register(authPlugin, { ctx });
  app.addHook('preValidation', refuseHostileInput);
  app.addHook('onSend', async (req, reply) => {
    setSecurityHeaders(req, reply);
  });

  // routes
  await app.register(opsRoutes(ctx));
  await app.register(
    async (api) => {
      for (const m of MODULES) for (const routes of m.routes ?? []) await api.register(routes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? (ctx.config.webDist ? path.resolve(ctx.config.webDist) : WEB_DIST);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  // One wildcard route for the built files (a file that is not there falls through to the
  // not-found handler below). Without it the plugin declared a GET and a HEAD route for each of the
  // build's ~500 files, about 6 MB held by an idle server.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return sendProblem(
        reply,
        problemOf(req, 'resource.not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`),
      );
    }
    // The single-page app owns every other path.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
