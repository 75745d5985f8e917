/** Routes of continual improvement beyond the record type's own: suggestions, their setting, the register report. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  ImprovementSettings,
  RegisterQuery,
  RegisterReport,
  SuggestionDismiss,
  SuggestionList,
  SuggestionQuery,
} from '../../contracts/improvements.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion } from '../../http/etag.ts';
import { problemResponses, route } from '../../http/schemas.ts';
import { CONTENT_TYPES, sendTables } from '../reports/index.ts';
import { registerReport, registerTables } from './register.ts';
import { assertRegisterReader } from './service.ts';
import {
  dismissSuggestion,
  listSuggestions,
  readImprovementSettings,
  saveImprovementSettings,
} from './suggestions.ts';

const tags = ['improvements'];

const SettingsAnswer = z.object({ settings: ImprovementSettings, version: z.number() });

export function improvementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/improvements/suggestions',
      route(tags, {
        summary:
          'KPIs off target (red) for the last N whole months running: suggested improvement proposals, to accept or dismiss',
        querystring: SuggestionQuery,
        ok: SuggestionList,
      }),
      async (req) => listSuggestions(ctx, requireActor(req), req.query),
    );
    app.post(
      '/improvements/suggestions/dismissals',
      {
        schema: {
          tags,
          summary: 'Dismiss a suggested KPI until a further red month',
          body: SuggestionDismiss,
          response: {
            201: z.object({ kpiKey: z.string(), serviceId: z.string().nullable(), through: z.string() }),
            ...problemResponses,
          },
        },
      },
      async (req, reply) => reply.code(201).send(await dismissSuggestion(ctx, requireActor(req), req.body)),
    );
    app.get(
      '/improvements/settings',
      route(tags, {
        summary: 'How suggestions are made: the months a KPI must be red running',
        ok: SettingsAnswer,
      }),
      async (req) => {
        assertRegisterReader(requireActor(req));
        return readImprovementSettings(ctx);
      },
    );
    app.put(
      '/improvements/settings',
      route(tags, {
        summary: 'Set how suggestions are made (If-Match with the version)',
        body: ImprovementSettings,
        ok: SettingsAnswer,
      }),
      async (req) => saveImprovementSettings(ctx, requireActor(req), req.body, ifMatchVersion(req), req.ip),
    );
    app.get(
      '/improvements/register',
      route(tags, {
        summary:
          'The improvement register as a report: proposals with owner, services, source and measured outcome, counted by status, owner and service; JSON, CSV or XLSX',
        querystring: RegisterQuery,
        produces: ['application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        ok: RegisterReport,
      }),
      async (req, reply) => {
        const { format, ...q } = req.query;
        const report = await registerReport(ctx, requireActor(req), q);
        if (format === 'json') return report;
        return sendTables(reply, registerTables(report), format, 'improvement-register');
      },
    );
  };
}
