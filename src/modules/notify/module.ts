import { defineModule } from '../define-module.ts';
import { notificationAdminRoutes } from './admin-routes.ts';
import { DIGEST_QUEUE, sendDigests } from './email.ts';
import { registerBuiltInEvents } from './events.ts';
import { registerRecordNotificationHooks } from './record-events.ts';
import { notificationRoutes, unsubscribeRoutes } from './routes.ts';
import { registerSecurityAlertHooks } from './security-alerts.ts';
import { registerTransitionEffectHooks } from './transition-effects.ts';
import { webhookRoutes } from './webhook-routes.ts';
import { deliverDueWebhooks, deliverWebhook, WEBHOOK_QUEUE, WEBHOOK_SWEEP_QUEUE } from './webhooks.ts';

export default defineModule({
  name: 'notify',
  routes: [notificationRoutes, unsubscribeRoutes, notificationAdminRoutes, webhookRoutes],
  // Webhook deliveries are enqueued in the transaction of the event that causes them.
  sentQueues: [WEBHOOK_QUEUE],
  jobs: async (ctx, jobs) => {
    await jobs.work(WEBHOOK_QUEUE, async (data) => {
      if (typeof data.id === 'string') await deliverWebhook(ctx, data.id);
    });
    // The safety net for deliveries whose job was lost (queued where no queue was).
    await jobs.every(WEBHOOK_SWEEP_QUEUE, '* * * * *', async () => {
      await deliverDueWebhooks(ctx);
    });
    // The daily digest, at 07:00 server time.
    await jobs.every(DIGEST_QUEUE, '0 7 * * *', async () => {
      await sendDigests(ctx);
    });
  },
  // The events people can be told about; lifecycle transitions tell whom their effects name; record
  // events and comments tell whom the rules name; administrators hear of sign-in attacks.
  hooks: () => {
    registerBuiltInEvents();
    registerTransitionEffectHooks();
    registerRecordNotificationHooks();
    registerSecurityAlertHooks();
  },
});
