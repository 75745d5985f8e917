import { defineModule } from '../define-module.ts';
import { registerReportHooks } from './hooks.ts';
import { foldRollups } from './rollups.ts';
import { reportRoutes } from './routes.ts';
import { runDueSchedules, SCHEDULE_QUEUE } from './schedules.ts';

export default defineModule({
  name: 'reports',
  routes: [reportRoutes],
  hooks: registerReportHooks,
  jobs: async (ctx, jobs) => {
    await jobs.every(SCHEDULE_QUEUE, '* * * * *', async () => {
      const ran = await runDueSchedules(ctx);
      if (ran > 0) ctx.log.info({ ran }, 'Scheduled reports run');
      // The minute's rollup deltas into the totals (here, so reading a KPI never writes: reports
      // can be read from a replica).
      await foldRollups(ctx.db);
    });
  },
});
