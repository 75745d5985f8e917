import { followChanges } from '../../db/changes.ts';
import { defineModule } from '../define-module.ts';
import { MAJOR_INCIDENTS_CHANGED } from '../incidents/index.ts';
import { onStatusChanges, recompute } from './cache.ts';
import { registerStatusPageHooks } from './hooks.ts';
import { statusPageRoutes } from './routes.ts';
import { STATUS_SETTINGS_TOPIC } from './settings.ts';
import { STATUS_CACHE_KEY } from './sources.ts';
import { mailStatusChanges } from './subscriptions.ts';

const REFRESH_JOB = 'status-page.refresh';

export default defineModule({
  name: 'status-page',
  routes: [statusPageRoutes],
  hooks: () => {
    followChanges(MAJOR_INCIDENTS_CHANGED, STATUS_CACHE_KEY);
    followChanges(STATUS_SETTINGS_TOPIC, STATUS_CACHE_KEY);
    onStatusChanges(mailStatusChanges);
    registerStatusPageHooks();
  },
  jobs: async (ctx, jobs) => {
    // Statuses are recorded even while nobody looks at the page, and maintenance that starts
    // or ends with time is seen within a minute.
    await jobs.every(REFRESH_JOB, '* * * * *', async () => {
      await recompute(ctx);
    });
  },
});
