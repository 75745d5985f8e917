import { defineModule } from '../define-module.ts';
import { registerReportHooks } from './hooks.ts';
import { reportRoutes } from './routes.ts';

export default defineModule({ name: 'reports', routes: [reportRoutes], hooks: registerReportHooks });
