import { defineModule } from '../define-module.ts';
import { defineCsatKpis } from './kpis.ts';
import { registerCsatNotifications } from './notifications.ts';
import { csatRoutes } from './routes.ts';
import { registerCsatHooks } from './service.ts';

export default defineModule({
  name: 'csat',
  routes: [csatRoutes],
  // A resolution asks the requester (a survey and its mail, in the resolving transaction); a
  // reopen withdraws the question; the answers feed the satisfaction KPIs.
  hooks: () => {
    registerCsatNotifications();
    registerCsatHooks();
    defineCsatKpis();
  },
});
