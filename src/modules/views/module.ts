import { defineModule } from '../define-module.ts';
import { viewRoutes } from './routes.ts';

export default defineModule({ name: 'views', routes: [viewRoutes] });
