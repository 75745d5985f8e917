/** Every table of every module, for Drizzle's typed client and drizzle-kit's migration generator. */
export * from '../modules/audit/schema.ts';
export * from '../modules/auth/schema.ts';
export * from '../modules/automation/schema.ts';
export * from '../modules/catalog/schema.ts';
export * from '../modules/cmdb/assets/schema.ts';
export * from '../modules/cmdb/contracts/schema.ts';
export * from '../modules/cmdb/import/schema.ts';
export * from '../modules/cmdb/licences/schema.ts';
export * from '../modules/cmdb/schema.ts';
export * from '../modules/escalation/schema.ts';
export * from '../modules/incidents/schema.ts';
export * from '../modules/organisations/schema.ts';
export * from '../modules/records/schema.ts';
export * from '../modules/requests/schema.ts';
export * from '../modules/settings/schema.ts';
export * from '../modules/sla/clock-schema.ts';
export * from '../modules/sla/schema.ts';
