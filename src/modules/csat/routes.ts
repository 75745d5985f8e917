/**
 * HTTP routes of satisfaction surveys: the mail's link (no sign-in; the token is the credential),
 * the requester's pending surveys and signed-in answer, a record's surveys, and the settings.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  CsatAnswerInput,
  CsatSettings,
  CsatSettingsView,
  CsatSurveyView,
  PublicSurveyView,
  SurveyTokenParam,
} from '../../contracts/csat.ts';
import { can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion } from '../../http/etag.ts';
import { IdParam, Problem, problemResponses, RecordRefParam } from '../../http/schemas.ts';
import {
  answerAsRequester,
  answerByToken,
  getCsatSettings,
  pendingSurveys,
  publicSurvey,
  recordSurveys,
  saveCsatSettings,
} from './service.ts';

const tags = ['csat'];
const responses = { ...problemResponses, 410: Problem } as const;
/** The link is guessable by nobody, but answering is still limited per address. */
const PUBLIC_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } } as const;
const Answered = z.object({ survey: CsatSurveyView });

export function csatRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/surveys/:token',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags,
          summary: 'The survey of a mailed link: the question and the record (no sign-in)',
          security: [],
          params: SurveyTokenParam,
          response: { 200: PublicSurveyView, ...responses },
        },
      },
      async (req) => publicSurvey(ctx, req.params.token),
    );
    app.post(
      '/public/surveys/:token/answer',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags,
          summary: 'Answer the survey of a mailed link, once (409 when answered, 410 when expired)',
          security: [],
          params: SurveyTokenParam,
          body: CsatAnswerInput,
          response: { 201: z.object({ status: z.literal('answered') }), ...responses },
        },
      },
      async (req, reply) => {
        await answerByToken(ctx, req.params.token, req.body);
        return reply.code(201).send({ status: 'answered' as const });
      },
    );
    app.get(
      '/csat/pending',
      {
        schema: {
          tags,
          summary: 'My surveys waiting for an answer, newest first',
          response: { 200: z.object({ items: z.array(CsatSurveyView) }), ...responses },
        },
      },
      async (req) => ({ items: await pendingSurveys(ctx, requireActor(req)) }),
    );
    app.post(
      '/csat/surveys/:id/answer',
      {
        schema: {
          tags,
          summary: 'Answer one of my surveys signed in, once (409 when answered, 410 when expired)',
          params: IdParam,
          body: CsatAnswerInput,
          response: { 201: Answered, ...responses },
        },
      },
      async (req, reply) => {
        const r = await answerAsRequester(ctx, requireActor(req), req.params.id, req.body);
        return reply.code(201).send({ survey: r.survey });
      },
    );
    app.get(
      '/records/:id/csat',
      {
        schema: {
          tags,
          summary: 'The satisfaction surveys of a record, newest first (requesters see their own)',
          params: RecordRefParam,
          response: { 200: z.object({ items: z.array(CsatSurveyView) }), ...responses },
        },
      },
      async (req) => ({ items: await recordSurveys(ctx, requireActor(req), req.params.id) }),
    );
    app.get(
      '/csat/settings',
      {
        schema: {
          tags,
          summary: 'Survey settings: the low-score threshold and how long a survey takes answers (staff)',
          response: { 200: CsatSettingsView, ...responses },
        },
      },
      async (req) => {
        if (!can(requireActor(req), 'settings.read'))
          throw forbidden('Survey settings are for the IT organisation.');
        return getCsatSettings(ctx.db);
      },
    );
    app.put(
      '/csat/settings',
      {
        schema: {
          tags,
          summary: 'Change the survey settings (administrators and process owners; If-Match)',
          body: CsatSettings,
          response: { 200: CsatSettingsView, ...responses },
        },
      },
      async (req) => saveCsatSettings(ctx, requireActor(req), req.body, ifMatchVersion(req), clientIp(req)),
    );
  };
}
