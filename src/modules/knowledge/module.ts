import { defineModule } from '../define-module.ts';
import { registerKnowledgeKpis } from './kpis.ts';
import { REVIEW_REMINDER_QUEUE, sendReviewReminders } from './reminders.ts';
import { knowledgeRoutes } from './routes.ts';

export default defineModule({
  name: 'knowledge',
  routes: [knowledgeRoutes],
  hooks: registerKnowledgeKpis,
  jobs: async (ctx, jobs) => {
    await jobs.every(REVIEW_REMINDER_QUEUE, '7 * * * *', async () => {
      const n = await sendReviewReminders(ctx);
      if (n > 0) ctx.log.info({ reminded: n }, 'knowledge review reminders sent');
    });
  },
});
