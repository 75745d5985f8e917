/**
 * The CMDB module's public face: what other modules, the CLI and the demo may use. Inside the
 * module, use cases live in files by subject (cis, classes, relationships, impact, assets…).
 */

export { createAsset } from './assets/service.ts';
export { createCi, findCiByName, getCi, listCis, updateCi } from './cis.ts';
export { addCoverage } from './contracts/coverage.ts';
export { createContract, recordExpiryWarnings } from './contracts/service.ts';
export { ciDependencies, ciImpact, type ImpactView } from './impact.ts';
export {
  type AgreementRef,
  type CustomerRef,
  type ImpactEnricher,
  registerImpactEnricher,
  type ServiceExtras,
  unregisterImpactEnricher,
} from './impact-enrichers.ts';
export { formatOf, IMPORT_FORMATS, type ImportFormat } from './import/rows.ts';
export { type ImportRequest, type ImportView, listImportRows, startImport } from './import/service.ts';
export { IMPORT_TYPES, type ImportType } from './import/types.ts';
export { registerCmdbJobs } from './jobs.ts';
export { createLicence } from './licences/service.ts';
export { addEntitlement, addInstallation } from './licences/usage.ts';
export { loadClassModel, seedDefaultClasses } from './model.ts';
export {
  assertCanLinkCis,
  linkCis,
  listRecordCis,
  type RecordCisChange,
  recordImpact,
  registerRecordCisHook,
} from './record-cis.ts';
export { addRelationship } from './relationships.ts';
