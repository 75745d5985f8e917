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
import fastifyRateLimit from '@fastify/rate-limit';
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
import { authRoutes } from '../modules/auth/routes.ts';
import { automationRoutes } from '../modules/automation/routes.ts';
import { serviceCatalogRoutes } from '../modules/catalog/routes.ts';
import { cmdbRoutes } from '../modules/cmdb/routes.ts';
import { escalationRoutes } from '../modules/escalation/routes.ts';
import { majorIncidentRoutes } from '../modules/incidents/major-routes.ts';
import { organisationRoutes } from '../modules/organisations/routes.ts';
import { problemRoutes } from '../modules/problems/routes.ts';
import { recordTypesRoutes } from '../modules/record-types.ts';
import { recordRoutes } from '../modules/records/routes.ts';
import { catalogRoutes } from '../modules/requests/catalog-routes.ts';
import { requestRoutes } from '../modules/requests/routes.ts';
import { searchRoutes } from '../modules/search/routes.ts';
import { settingsRoutes } from '../modules/settings/routes.ts';
import { recordSlaRoutes } from '../modules/sla/record-routes.ts';
import { serviceLevelRoutes } from '../modules/sla/routes.ts';
import { viewRoutes } from '../modules/views/routes.ts';
import { worklistRoutes } from '../modules/worklists/routes.ts';
import { authPlugin } from './auth.ts';
import { opsRoutes } from './ops.ts';
import { errorHandler, problemOf, sendProblem } from './problem.ts';
import { fastSerializerCompiler } from './serializer.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildOptions = { logger?: boolean; webDist?: string };

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger === false ? undefined : ctx.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
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
  await app.register(fastifyRateLimit, { global: false });
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
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  // routes
  await app.register(opsRoutes(ctx));
  await app.register(
    async (api) => {
      await api.register(authRoutes(ctx));
      await api.register(recordTypesRoutes(ctx));
      await api.register(majorIncidentRoutes(ctx));
      await api.register(problemRoutes(ctx));
      await api.register(recordRoutes(ctx));
      await api.register(settingsRoutes(ctx));
      await api.register(organisationRoutes(ctx));
      await api.register(automationRoutes(ctx));
      await api.register(catalogRoutes(ctx));
      await api.register(requestRoutes(ctx));
      await api.register(serviceCatalogRoutes(ctx));
      await api.register(serviceLevelRoutes(ctx));
      await api.register(recordSlaRoutes(ctx));
      await api.register(cmdbRoutes(ctx));
      await api.register(escalationRoutes(ctx));
      await api.register(viewRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(worklistRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? (ctx.config.webDist ? path.resolve(ctx.config.webDist) : WEB_DIST);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
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
