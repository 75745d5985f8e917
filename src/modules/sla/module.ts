import { followChanges } from '../../db/changes.ts';
import { defineModule } from '../define-module.ts';
import { ORGANISATION_RENAMED } from '../organisations/index.ts';
import { AGREEMENTS_CACHE_KEY } from './agreements.ts';
import { ALERT_QUEUES } from './alerts.ts';
import { registerSlaHooks } from './hooks.ts';
import { registerSlaImpactEnricher } from './impact.ts';
import { recordSlaRoutes } from './record-routes.ts';
import { serviceLevelRoutes } from './routes.ts';
import { serviceDetailRoutes } from './service-detail-routes.ts';
import { runSlaSweep, SWEEP_QUEUE } from './sweep.ts';

export default defineModule({
  name: 'sla',
  routes: [serviceLevelRoutes, serviceDetailRoutes, recordSlaRoutes],
  // SLA warnings and breaches are enqueued inside the transaction that fires them; the processes
  // that act on them register their workers.
  sentQueues: Object.values(ALERT_QUEUES),
  jobs: async (ctx, jobs) => {
    // pg-boss runs a cron schedule once per tick across all instances; the sweep is safe either way.
    await jobs.every(SWEEP_QUEUE, '* * * * *', async () => {
      const r = await runSlaSweep(ctx);
      if (r.fired > 0) ctx.log.info(r, 'SLA sweep fired warnings or breaches');
    });
  },
  hooks: () => {
    registerSlaHooks();
    // Impact answers name the agreements a service is covered by.
    registerSlaImpactEnricher();
    followChanges(ORGANISATION_RENAMED, AGREEMENTS_CACHE_KEY);
  },
});
