/**
 * Wire shapes of the service portfolio (`/api/v1/services`): a service as the API answers it;
 * service level management extends it with its agreements.
 */
import { z } from 'zod';
import { CRITICALITIES, LIFECYCLE_STATUSES, SERVICE_KINDS } from '../domain/portfolio.ts';
import { NamedRef, PersonRef, Versioned } from './common.ts';

export const ServiceLink = NamedRef.extend({
  kind: z.enum(SERVICE_KINDS),
  lifecycleStatus: z.enum(LIFECYCLE_STATUSES),
});
export const ServiceView = z
  .object({
    id: z.string(),
    kind: z.enum(SERVICE_KINDS),
    name: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    criticality: z.enum(CRITICALITIES).nullable(),
    lifecycleStatus: z.enum(LIFECYCLE_STATUSES),
    lifecycleChangedAt: z.string(),
    owner: PersonRef.nullable(),
    supportGroup: NamedRef.nullable(),
    customers: z.array(NamedRef),
    dependsOn: z.array(ServiceLink).describe('Technical services this business service depends on'),
    supports: z.array(ServiceLink).describe('Business services that depend on this technical service'),
    ...Versioned.shape,
    allowedActions: z.array(z.enum(['update', 'manage_service_levels'])),
  })
  .meta({ id: 'Service' });

export type ServiceView = z.infer<typeof ServiceView>;
export type ServiceLink = z.infer<typeof ServiceLink>;
