import { followChanges } from '../../db/changes.ts';
import { defineModule } from '../define-module.ts';
import { ORGANISATION_RENAMED } from '../organisations/index.ts';
import { registerCatalogHooks } from './hooks.ts';
import { registerCatalogImpactEnricher } from './impact.ts';
import { SERVICE_CUSTOMERS_CACHE_KEY } from './repository.ts';
import { serviceCatalogRoutes } from './routes.ts';

export default defineModule({
  name: 'catalog',
  routes: [serviceCatalogRoutes],
  hooks: () => {
    // Refuses a record against a service that is not live, before the SLA module starts its clocks.
    registerCatalogHooks();
    // Impact answers name the customers a service is delivered to.
    registerCatalogImpactEnricher();
    followChanges(ORGANISATION_RENAMED, SERVICE_CUSTOMERS_CACHE_KEY);
  },
});
