import { defineModule } from '../define-module.ts';
import { DELIVER_QUEUE, deliverDueMail, deliverMail, SWEEP_QUEUE } from './outbox.ts';
import { mailRoutes } from './routes.ts';

export default defineModule({
  name: 'mail',
  routes: [mailRoutes],
  sentQueues: [DELIVER_QUEUE],
  jobs: async (ctx, jobs) => {
    await jobs.work(DELIVER_QUEUE, async (data) => {
      if (typeof data.id === 'string') await deliverMail(ctx, data.id);
    });
    // The safety net: messages queued where no queue was (or whose job was lost), and messages
    // claimed by an instance that died mid-send.
    await jobs.every(SWEEP_QUEUE, '* * * * *', async () => {
      await deliverDueMail(ctx);
    });
  },
});
