/**
 * The CMDB's public face: linking records to configuration items and extending impact answers.
 * Configuration items and their relationships are shared for joins (documented exception in the
 * architecture test). Services are CIs: the catalog writes the CI rows of the service classes and
 * the depends_on edges between services; every other CI changes only through this module.
 */
export { type GraphReach, graphReach } from './reach.ts';
export { ciRelationships, cis, recordCis } from './schema.ts';
export {
  type AgreementRef,
  assertCanLinkCis,
  type CustomerRef,
  linkCis,
  listCis,
  type RecordCisChange,
  registerImpactEnricher,
  registerRecordCisHook,
} from './service.ts';
export { servicesOfCis } from './services-of.ts';
