import { defineModule } from '../define-module.ts';
import { registerIncidentHooks } from './major.ts';
import { majorIncidentRoutes } from './major-routes.ts';
import { incidentRoutes } from './routes.ts';

export default defineModule({
  name: 'incidents',
  routes: [incidentRoutes, majorIncidentRoutes],
  hooks: registerIncidentHooks,
});
