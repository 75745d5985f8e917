/** Wire shapes of the public status page (`/api/v1/public/status…`) and its administration (`/api/v1/status-page…`). */
import { z } from 'zod';
import { SERVICE_STATUSES } from '../domain/status/derive.ts';
import { NamedRef, Uuid } from './common.ts';

export const ServiceStatus = z.enum(SERVICE_STATUSES).meta({ id: 'ServiceStatus' });
export const UPDATE_PHASES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'maintenance',
  'notice',
] as const;
export const UpdatePhase = z.enum(UPDATE_PHASES);

export const PublicUpdate = z.object({
  id: z.string(),
  phase: UpdatePhase,
  title: z.string(),
  message: z.string(),
  at: z.string(),
});
export type PublicUpdate = z.infer<typeof PublicUpdate>;

export const PublicEvent = z.object({
  key: z.string().describe('incident number or source item id'),
  kind: z.enum(['incident', 'maintenance', 'notice']),
  title: z.string(),
  status: ServiceStatus,
  serviceIds: z.array(z.string()),
  startedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  updates: z.array(PublicUpdate),
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const DayBar = z.object({
  day: z.string(),
  worst: ServiceStatus.nullable(),
  uptime: z.number().nullable(),
});

export const PublicService = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: ServiceStatus,
  statusLabel: z.string(),
  note: z.string().nullable().describe('The service desk note of a manual status'),
  uptime90: z
    .number()
    .nullable()
    .describe('Percent over the last 90 days (null before anything was recorded)'),
  days: z.array(DayBar),
});
export type PublicService = z.infer<typeof PublicService>;

export const PublicHistoryEntry = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  status: ServiceStatus,
  cause: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  updates: z.array(PublicUpdate),
});

export const PublicStatus = z
  .object({
    title: z.string(),
    status: ServiceStatus,
    statusLabel: z.string(),
    generatedAt: z.string(),
    services: z.array(PublicService),
    active: z.array(PublicEvent).describe('Incidents, maintenance and notices going on now'),
    planned: z.array(PublicEvent).describe('Planned maintenance ahead'),
    history: z.array(PublicHistoryEntry).describe('Past disruptions of the last 90 days, newest first'),
  })
  .meta({ id: 'PublicStatus' });
export type PublicStatus = z.infer<typeof PublicStatus>;

export const StatusPageSettings = z.object({
  enabled: z.boolean(),
  title: z.string().trim().min(1).max(120),
});
export type StatusPageSettings = z.infer<typeof StatusPageSettings>;
export const StatusPageSettingsView = StatusPageSettings.extend({ version: z.number() });

export const StatusCauseView = z.object({
  kind: z.enum(['major_incident', 'source']),
  id: z.string(),
  title: z.string(),
});

export const PublishedServiceView = z
  .object({
    serviceId: z.string(),
    serviceName: z.string(),
    displayName: z.string(),
    description: z.string(),
    position: z.number(),
    status: ServiceStatus,
    derived: ServiceStatus,
    override: z.object({ status: ServiceStatus, note: z.string().nullable(), at: z.string() }).nullable(),
    causes: z.array(StatusCauseView),
    subscribers: z.number(),
    version: z.number(),
  })
  .meta({ id: 'PublishedService' });
export type PublishedServiceView = z.infer<typeof PublishedServiceView>;

export const PublishService = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(500).default(''),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type PublishService = z.infer<typeof PublishService>;

export const StatusOverride = z.object({
  status: ServiceStatus.nullable().describe('null clears the override'),
  note: z.string().trim().max(500).nullable().default(null),
});
export type StatusOverride = z.infer<typeof StatusOverride>;

export const StatusUpdateCreate = z.object({
  recordId: Uuid.nullable().default(null).describe('The incident the update is about'),
  serviceIds: z.array(Uuid).max(50).default([]),
  title: z.string().trim().min(1).max(200),
  phase: UpdatePhase,
  message: z.string().trim().min(1).max(5000),
});
export type StatusUpdateCreate = z.infer<typeof StatusUpdateCreate>;

export const StatusUpdateView = z.object({
  id: z.string(),
  recordId: z.string().nullable(),
  recordNumber: z.string().nullable(),
  serviceIds: z.array(z.string()),
  title: z.string(),
  phase: UpdatePhase,
  message: z.string(),
  author: NamedRef.nullable(),
  at: z.string(),
});
export type StatusUpdateView = z.infer<typeof StatusUpdateView>;

export const SubscribeBody = z.object({
  email: z.email({ message: 'must be an e-mail address' }).max(254),
  serviceId: Uuid.nullable().default(null).describe('null for every service on the page'),
});
export const TokenBody = z.object({ token: z.string().min(16).max(100) });

export const SubscriptionOverview = z.object({
  confirmed: z.number(),
  pending: z.number(),
  byService: z.array(z.object({ serviceId: z.string().nullable(), name: z.string(), confirmed: z.number() })),
});
export type SubscriptionOverview = z.infer<typeof SubscriptionOverview>;
