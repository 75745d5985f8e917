import { defineModule } from '../define-module.ts';
import { recordRoutes } from './routes.ts';
import { recordTypesRoutes } from './type-routes.ts';

export default defineModule({ name: 'records', routes: [recordRoutes, recordTypesRoutes] });
