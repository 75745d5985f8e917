import { defineModule } from '../define-module.ts';
import { notificationRoutes } from './routes.ts';
import { registerSecurityAlertHooks } from './security-alerts.ts';
import { registerTransitionEffectHooks } from './transition-effects.ts';

export default defineModule({
  name: 'notify',
  routes: [notificationRoutes],
  // Lifecycle transitions tell whom their effects name; administrators hear of sign-in attacks.
  hooks: () => {
    registerTransitionEffectHooks();
    registerSecurityAlertHooks();
  },
});
