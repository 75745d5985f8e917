import { defineModule } from '../define-module.ts';
import { registerIncidentHooks } from './major.ts';
import { majorIncidentRoutes } from './major-routes.ts';
import { incidentType } from './record-type.ts';

export default defineModule({
  name: 'incidents',
  recordTypes: [incidentType],
  routes: [majorIncidentRoutes],
  hooks: registerIncidentHooks,
});
