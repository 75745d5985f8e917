/**
 * The CMDB's fixed vocabularies: plain data shared by the server, the contracts and the web app
 * (which imports them at run time, so this file imports nothing).
 */
export const CI_STATUSES = ['planned', 'in_use', 'maintenance', 'retired'] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

export const CONTRACT_KINDS = ['support', 'maintenance', 'lease'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const IMPORT_TYPES = ['cis', 'relationships', 'assets'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
