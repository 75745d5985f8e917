import { defineModule } from '../define-module.ts';
import { scheduleRoutes } from './routes.ts';

export default defineModule({ name: 'change-schedule', routes: [scheduleRoutes] });
