import { defineModule } from '../define-module.ts';
import { organisationRoutes } from './routes.ts';

export default defineModule({ name: 'organisations', routes: [organisationRoutes] });
