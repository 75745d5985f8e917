/**
 * Every module's record hooks, registered once per process from createContext, so the server,
 * the CLI and the tests all run them. Registering is idempotent (hooks are keyed by name).
 * Order matters: the catalog refuses a record against a service that is not live before the SLA
 * module starts clocks for it.
 */
import { registerAutomationHooks } from './automation/service.ts';
import { registerCatalogHooks } from './catalog/hooks.ts';
import { registerIncidentHooks } from './incidents/major.ts';
import { registerTransitionEffectHooks } from './records/transition-effects.ts';
import { registerRequestHooks } from './requests/fulfilment.ts';
import { registerSlaHooks } from './sla/hooks.ts';

export function registerModuleHooks(): void {
  registerCatalogHooks();
  registerSlaHooks();
  registerIncidentHooks();
  registerRequestHooks();
  registerTransitionEffectHooks();
  // Last: rules see the record as the other modules left it.
  registerAutomationHooks();
}
