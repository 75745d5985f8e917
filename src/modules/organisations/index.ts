/**
 * The organisations module's public face. Customers and suppliers are named by services,
 * agreements, assets and contracts, so the table is shared read-only for joins (documented
 * exception in the architecture test). A rename publishes ORGANISATION_RENAMED: modules that
 * cache organisation names follow that topic (followChanges) instead of being known here.
 */
export { organisations } from './schema.ts';
export { createOrganisation, getOrganisation, ORGANISATION_RENAMED } from './service.ts';
