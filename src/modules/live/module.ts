import { defineModule } from '../define-module.ts';
import { liveRoutes } from './routes.ts';

export default defineModule({ name: 'live', routes: [liveRoutes] });
