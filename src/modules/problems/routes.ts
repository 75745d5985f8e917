/**
 * Routes only problem management has (the generic record-type routes serve the problems'
 * list, create, get, patch and transitions): the root-cause analysis, linking incidents,
 * resolving a resolved problem's incidents, the known-error database, and known-error
 * suggestions for an incident.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  ApplyKnownError,
  KnownErrorCreate,
  KnownErrorHit,
  KnownErrorPatch,
  KnownErrorQuery,
  KnownErrorSuggestion,
  KnownErrorView,
  LinkIncidents,
  ProblemAnalysisPatch,
  ProblemView,
  ResolveIncidentsResult,
} from '../../contracts/problems.ts';
import { requireActor } from '../../http/auth.ts';
import { sendWithEtag } from '../../http/etag.ts';
import { entityAction, resourceRoutes } from '../../http/resource.ts';
import { problemResponses, RecordRefParam, route } from '../../http/schemas.ts';
import {
  applyKnownError,
  getKnownError,
  recordKnownError,
  searchKnownErrors,
  suggestKnownErrors,
  updateKnownError,
} from './known-errors.ts';
import { resolveProblemIncidents } from './lifecycle.ts';
import { addProblemIncidents, updateAnalysis } from './service.ts';

const problems = ['problems'];
const kedb = ['known-errors'];

export function problemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    entityAction(app, ctx, {
      method: 'PATCH',
      url: '/problems/:id/analysis',
      tags: problems,
      summary: 'Record the root-cause analysis: cause, method, contributing factors, workaround (If-Match)',
      params: RecordRefParam,
      body: ProblemAnalysisPatch,
      ok: ProblemView,
      run: updateAnalysis,
    });
    app.post(
      '/problems/:id/incidents',
      route(problems, {
        summary: 'Link incidents to the problem (each incident is caused_by it)',
        params: RecordRefParam,
        body: LinkIncidents,
        ok: ProblemView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await addProblemIncidents(ctx, requireActor(req), req.params.id, req.body.incidentIds),
        ),
    );
    app.post(
      '/problems/:id/incidents/resolve',
      route(problems, {
        summary: "Resolve a resolved problem's open incidents; each requester is told",
        params: RecordRefParam,
        ok: ResolveIncidentsResult,
      }),
      async (req) => resolveProblemIncidents(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/problems/:id/known-error',
      route(kedb, {
        summary: "Record the problem's known error (symptoms and workaround) in the known-error database",
        params: RecordRefParam,
        body: KnownErrorCreate,
        ok: KnownErrorView,
        status: 201,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply.code(201),
          await recordKnownError(ctx, requireActor(req), req.params.id, req.body),
        ),
    );
    app.get(
      '/known-errors',
      route(kedb, {
        summary: 'Search the known-error database (full text, best matches first)',
        querystring: KnownErrorQuery,
        ok: z.object({ items: z.array(KnownErrorHit) }),
      }),
      async (req) => searchKnownErrors(ctx, requireActor(req), req.query),
    );
    resourceRoutes(app, ctx, {
      path: '/known-errors',
      tags: kedb,
      view: KnownErrorView,
      get: { summary: 'A known error', run: getKnownError },
      update: {
        summary: 'Edit a known error or change its status (If-Match)',
        body: KnownErrorPatch,
        run: updateKnownError,
      },
    });
    app.get(
      '/incidents/:id/known-errors',
      route(kedb, {
        summary: 'Known errors suggested for an incident: similar text, same CI or same service',
        params: RecordRefParam,
        ok: z.object({ items: z.array(KnownErrorSuggestion) }),
      }),
      async (req) => suggestKnownErrors(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/incidents/:id/known-errors',
      {
        schema: {
          tags: kedb,
          summary:
            'Apply a known error: link the incident to its problem and copy the workaround as an internal note',
          params: RecordRefParam,
          body: ApplyKnownError,
          response: {
            200: z.object({ knownError: KnownErrorView, commentId: z.string() }),
            ...problemResponses,
          },
        },
      },
      async (req) => applyKnownError(ctx, requireActor(req), req.params.id, req.body.knownErrorId),
    );
  };
}
