import { defineModule } from '../define-module.ts';
import { authRoutes } from './routes.ts';
import { purgeExpiredSessions } from './service.ts';
import { ssoRoutes } from './sso-routes.ts';

export default defineModule({
  name: 'auth',
  routes: [authRoutes, ssoRoutes],
  jobs: async (ctx, jobs) => {
    await jobs.every('auth.purge-sessions', '17 * * * *', async () => {
      const n = await purgeExpiredSessions(ctx);
      if (n > 0) ctx.log.info({ purged: n }, 'expired sessions purged');
    });
  },
});
