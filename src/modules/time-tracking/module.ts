import { defineModule } from '../define-module.ts';
import { registerEffortKpi } from './report.ts';
import { timeTrackingRoutes } from './routes.ts';

export default defineModule({
  name: 'time-tracking',
  routes: [timeTrackingRoutes],
  hooks: registerEffortKpi,
});
