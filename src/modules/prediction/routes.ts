/** HTTP routes of breach prediction: the likely-to-breach queue, one record's risk, the model's quality. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import {
  ModelQuality,
  PredictionList,
  PredictionQuery,
  RecordPrediction,
} from '../../contracts/prediction.ts';
import { can } from '../../domain/roles.ts';
import { conflict, forbidden } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { RecordRefParam, route } from '../../http/schemas.ts';
import { loadRecord } from '../records/index.ts';
import { listPredictions, modelQuality, recordPrediction, refreshScores, trainModel } from './service.ts';

const tags = ['service-levels'];

function requireInternal(actor: ReturnType<typeof requireActor>) {
  if (!can(actor, 'sla.read_internal')) throw forbidden('Breach predictions are for the service desk.');
  return actor;
}

export function predictionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/predictions',
      route(tags, {
        summary: 'Open records with a running SLA clock, by how likely they are to breach, with the factors',
        querystring: PredictionQuery,
        ok: PredictionList,
      }),
      async (req) => {
        requireInternal(requireActor(req));
        return listPredictions(ctx, req.query);
      },
    );
    app.get(
      '/predictions/model',
      route(tags, {
        summary:
          'The breach model: when trained, on how much, its weights and its quality on held-out records',
        ok: ModelQuality,
      }),
      async (req) => {
        requireInternal(requireActor(req));
        return modelQuality(ctx);
      },
    );
    app.post(
      '/predictions/model',
      route(tags, {
        summary: 'Train the breach model now on the finished clocks (it is also refitted nightly)',
        ok: ModelQuality,
        status: 201,
      }),
      async (req, reply) => {
        if (!can(requireActor(req), 'service_level.manage'))
          throw forbidden('Training the breach model is for service level managers.');
        const model = await trainModel(ctx);
        if (!model)
          throw conflict('Too little finished SLA history to train on: it needs breached and met clocks.');
        await refreshScores(ctx);
        return reply.code(201).send(await modelQuality(ctx));
      },
    );
    app.get(
      '/records/:id/prediction',
      route(tags, {
        summary: 'How likely each running SLA clock of the record is to breach, and why',
        params: RecordRefParam,
        ok: RecordPrediction,
      }),
      async (req) => {
        const actor = requireInternal(requireActor(req));
        const { row } = await loadRecord(ctx, actor, req.params.id);
        return recordPrediction(ctx, row);
      },
    );
  };
}
