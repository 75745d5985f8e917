import { defineModule } from '../define-module.ts';
import { registerCmdbJobs } from './jobs.ts';
import { cmdbRoutes } from './routes.ts';

export default defineModule({ name: 'cmdb', routes: [cmdbRoutes], jobs: (ctx) => registerCmdbJobs(ctx) });
