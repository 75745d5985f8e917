import { defineModule } from '../define-module.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { registerRequestHooks } from './fulfilment.ts';
import { requestTaskType, requestType } from './record-type.ts';
import { requestRoutes } from './routes.ts';

export default defineModule({
  name: 'requests',
  recordTypes: [requestType, requestTaskType],
  routes: [catalogRoutes, requestRoutes],
  hooks: registerRequestHooks,
});
