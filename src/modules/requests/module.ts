import { defineModule } from '../define-module.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { registerRequestHooks } from './fulfilment.ts';
import { requestRoutes } from './routes.ts';

export default defineModule({
  name: 'requests',
  routes: [catalogRoutes, requestRoutes],
  hooks: registerRequestHooks,
});
