import { defineModule } from '../define-module.ts';
import { registerReportHooks } from './hooks.ts';
import { reportRoutes } from './routes.ts';
import { runDueSchedules, SCHEDULE_QUEUE } from './schedules.ts';

export default defineModule({
  name: 'reports',
  routes: [reportRoutes],
  hooks: registerReportHooks,
  jobs: async (ctx, jobs) => {
    await jobs.work(SCHEDULE_QUEUE, async () => {
      const ran = await runDueSchedules(ctx);
      if (ran > 0) ctx.log.info({ ran }, 'Scheduled reports run');
    });
    await jobs.schedule(SCHEDULE_QUEUE, '* * * * *');
  },
});
