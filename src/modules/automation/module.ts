import { defineModule } from '../define-module.ts';
import { automationRoutes } from './routes.ts';
import { registerAutomationHooks } from './service.ts';

export default defineModule({
  name: 'automation',
  routes: [automationRoutes],
  hooks: registerAutomationHooks,
});
