/**
 * The service portfolio's fixed vocabularies: plain data shared by the server, the contracts and
 * the web app (which imports them at run time, so this file imports nothing).
 */
export const SERVICE_KINDS = ['business', 'technical'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const LIFECYCLE_STATUSES = ['pipeline', 'live', 'retired'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
/** Allowed next stages of a service (pipeline → live → retired only). */
export const NEXT_STAGES: Record<LifecycleStatus, LifecycleStatus[]> = {
  pipeline: ['live', 'retired'],
  live: ['retired'],
  retired: [],
};
export const CRITICALITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
/** Service level requirements move draft → in review → agreed. */
export const REQUIREMENT_STATUSES = ['draft', 'in_review', 'agreed'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
