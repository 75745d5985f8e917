import { defineModule } from '../define-module.ts';
import { escalationRoutes } from './routes.ts';
import { registerEscalationJobs } from './worker.ts';

export default defineModule({
  name: 'escalation',
  routes: [escalationRoutes],
  // Works the SLA alert queues, which the sla module declares first.
  jobs: (ctx) => registerEscalationJobs(ctx),
});
