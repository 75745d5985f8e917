import { defineModule } from '../define-module.ts';
import { declareLikelyBreachKpi } from './kpi.ts';
import { predictionRoutes } from './routes.ts';
import { latestModel, refreshScores, SCORE_QUEUE, TRAIN_QUEUE, trainModel } from './service.ts';

export default defineModule({
  name: 'prediction',
  routes: [predictionRoutes],
  jobs: async (ctx, jobs) => {
    // Nightly refit on the newest history; scores follow the queue every five minutes.
    await jobs.every(TRAIN_QUEUE, '17 3 * * *', async () => {
      const model = await trainModel(ctx);
      if (model)
        ctx.log.info(
          { trainingSize: model.trainingSize, brier: model.quality.brier },
          'Breach prediction model trained',
        );
      await refreshScores(ctx);
    });
    await jobs.every(SCORE_QUEUE, '*/5 * * * *', async () => {
      // Until there is a model (a new installation, or history still being loaded when the
      // start-up training ran), each scoring round tries to train one first.
      if (!(await latestModel(ctx))) await trainModel(ctx);
      await refreshScores(ctx);
    });
    if (!(await latestModel(ctx))) await jobs.send(TRAIN_QUEUE, {});
  },
  hooks: () => {
    declareLikelyBreachKpi();
  },
});
