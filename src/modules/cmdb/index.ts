/**
 * The CMDB's public face: linking records to configuration items and extending impact answers.
 * Configuration items (services are CIs) and their relationships are shared read-only for joins
 * (documented exception in the architecture test); they change only through this module.
 */
export { ciRelationships, cis } from './schema.ts';
export {
  type AgreementRef,
  assertCanLinkCis,
  type CustomerRef,
  linkCis,
  registerImpactEnricher,
} from './service.ts';
