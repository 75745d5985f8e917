import { defineModule } from '../define-module.ts';
import { worklistRoutes } from './routes.ts';

export default defineModule({ name: 'worklists', routes: [worklistRoutes] });
