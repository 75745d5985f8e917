import { defineModule } from '../define-module.ts';
import { SWEEP_QUEUE, startInboundListeners } from './listeners.ts';
import { inboundMailRoutes } from './routes.ts';
import { processPending } from './service.ts';

export default defineModule({
  name: 'inbound-mail',
  routes: [inboundMailRoutes],
  jobs: async (ctx, jobs) => {
    // Messages stored but not processed (the database went away in between), every minute.
    await jobs.every(SWEEP_QUEUE, '* * * * *', async () => {
      await processPending(ctx);
    });
    // The listeners run on the instances that run jobs.
    await startInboundListeners(ctx);
  },
});
