/** Wire shapes of announcements (`/api/v1/announcements`). */
import { z } from 'zod';
import { Instant, limitUpTo, NamedRef, Uuid, Versioned } from './common.ts';

export const ANNOUNCEMENT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const ANNOUNCEMENT_AUDIENCES = ['everyone', 'service', 'group'] as const;

const Fields = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(5000).default(''),
  severity: z.enum(ANNOUNCEMENT_SEVERITIES).default('info'),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES).describe("everyone, a service's customers, or a group's members"),
  serviceId: Uuid.nullable().default(null),
  groupId: Uuid.nullable().default(null),
  startsAt: Instant,
  endsAt: Instant.nullable().default(null),
});

const checkTarget = (
  a: {
    audience?: string;
    serviceId?: string | null;
    groupId?: string | null;
    startsAt?: string;
    endsAt?: string | null;
  },
  c: z.RefinementCtx,
) => {
  if (a.audience === 'service' && !a.serviceId)
    c.addIssue({ code: 'custom', path: ['serviceId'], message: 'is required for a service audience' });
  if (a.audience === 'group' && !a.groupId)
    c.addIssue({ code: 'custom', path: ['groupId'], message: 'is required for a group audience' });
  if (a.startsAt && a.endsAt && Date.parse(a.endsAt) <= Date.parse(a.startsAt))
    c.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
};

export const AnnouncementCreate = Fields.superRefine(checkTarget);
export type AnnouncementCreate = z.infer<typeof AnnouncementCreate>;
export const AnnouncementPatch = Fields.partial().superRefine(checkTarget);
export type AnnouncementPatch = z.infer<typeof AnnouncementPatch>;

export const AnnouncementView = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    severity: z.enum(ANNOUNCEMENT_SEVERITIES),
    audience: z.enum(ANNOUNCEMENT_AUDIENCES),
    service: NamedRef.nullable(),
    group: NamedRef.nullable(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    ...Versioned.shape,
  })
  .meta({ id: 'Announcement' });
export type AnnouncementView = z.infer<typeof AnnouncementView>;

export const AnnouncementListQuery = z.object({
  when: z.enum(['current', 'upcoming', 'past', 'all']).default('all'),
  cursor: z.string().max(200).optional(),
  limit: limitUpTo(100, 50),
});
export type AnnouncementListQuery = z.infer<typeof AnnouncementListQuery>;
