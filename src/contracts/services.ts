/**
 * Wire shapes of the service portfolio (`/api/v1/services`): a service as the API answers it;
 * service level management extends it with its agreements.
 */
import { z } from 'zod';
import { CRITICALITIES, LIFECYCLE_STATUSES, SERVICE_KINDS } from '../domain/portfolio.ts';
import { Versioned } from './common.ts';

export const Ref = z.object({ id: z.string(), name: z.string() });
export const ServiceLink = Ref.extend({
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
    owner: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    supportGroup: Ref.nullable(),
    customers: z.array(Ref),
    dependsOn: z.array(ServiceLink).describe('Technical services this business service depends on'),
    supports: z.array(ServiceLink).describe('Business services that depend on this technical service'),
    ...Versioned.shape,
    allowedActions: z.array(z.enum(['update', 'manage_service_levels'])),
  })
  .meta({ id: 'Service' });

export type ServiceView = z.infer<typeof ServiceView>;
export type ServiceLink = z.infer<typeof ServiceLink>;
