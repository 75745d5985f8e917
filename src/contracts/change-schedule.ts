/**
 * Wire shapes of the change schedule: maintenance and freeze windows, the change calendar (the
 * scheduled changes of every registered source and the windows' occurrences over a range),
 * conflict checks and the personal iCalendar feed token.
 */
import { z } from 'zod';
import { CONFLICT_KINDS, WINDOW_KINDS } from '../domain/changes/kinds.ts';
import { LIMITS } from '../shared/limits.ts';
import { csv, Limit, NamedRef, Uuid, Versioned } from './common.ts';

const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-05T02:00:00Z',
});

export const WindowInput = z.object({
  kind: z
    .enum(WINDOW_KINDS)
    .describe('maintenance (of a CI or a service) or freeze (global or of a service)'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  ciId: Uuid.nullable().optional().describe('The CI a maintenance window belongs to'),
  serviceId: Uuid.nullable()
    .optional()
    .describe('The service of a maintenance window or of a freeze; none: a global freeze'),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .describe('IANA time zone the recurrence is expanded in, e.g. Europe/Paris'),
  start: Instant.describe('Start of the first (or only) occurrence'),
  end: Instant.describe('End of the first (or only) occurrence'),
  rrule: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .describe('iCalendar recurrence rule, e.g. FREQ=WEEKLY;BYDAY=SA; none for a one-off window'),
});
export type WindowInput = z.input<typeof WindowInput>;

export const WindowPatch = WindowInput.partial();
export type WindowPatch = z.input<typeof WindowPatch>;

export const WindowView = z
  .object({
    id: z.string(),
    kind: z.enum(WINDOW_KINDS),
    name: z.string(),
    description: z.string(),
    ci: NamedRef.nullable(),
    service: NamedRef.nullable(),
    timeZone: z.string(),
    start: z.string(),
    end: z.string(),
    rrule: z.string().nullable(),
    /** When the last occurrence ends; null for a series without end. */
    activeUntil: z.string().nullable(),
    ...Versioned.shape,
  })
  .meta({ id: 'ChangeWindow' });
export type WindowView = z.infer<typeof WindowView>;

export const WindowListQuery = z.object({
  kind: z.enum(WINDOW_KINDS).optional(),
  q: z.string().max(200).optional().describe('Words of the name'),
  cursor: z.string().max(200).optional(),
  limit: Limit,
});

/** The longest range the calendar answers at once. */
export const CALENDAR_MAX_DAYS = 400;

export const CalendarQuery = z.object({
  from: Instant,
  to: Instant,
  serviceId: csv(Uuid).optional().describe('Only what concerns these services'),
  ciId: csv(Uuid).optional().describe('Only what concerns these CIs'),
  groupId: Uuid.optional().describe('Only changes of this group'),
  windows: z.enum(['true', 'false']).optional().describe('false: changes only'),
});
export type CalendarQuery = z.input<typeof CalendarQuery>;

export const CalendarEntry = z
  .object({
    kind: z.enum(['change', ...WINDOW_KINDS]),
    /** Unique in the answer: the record id, or the window id and the occurrence's start. */
    key: z.string(),
    title: z.string(),
    start: z.string(),
    end: z.string(),
    recordId: z.string().nullable(),
    number: z.string().nullable(),
    state: z.string().nullable(),
    changeType: z.string().nullable(),
    windowId: z.string().nullable(),
    ciIds: z.array(z.string()),
    serviceIds: z.array(z.string()),
    groupId: z.string().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'ChangeCalendarEntry' });
export type CalendarEntry = z.infer<typeof CalendarEntry>;

export const CalendarAnswer = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(CalendarEntry),
  /** Some window occurrences were left out (a series too dense for the range). */
  truncated: z.boolean(),
});
export type CalendarAnswer = z.infer<typeof CalendarAnswer>;

export const ConflictCheck = z.object({
  recordId: Uuid.optional().describe('The change itself, left out of the comparison'),
  start: Instant,
  end: Instant,
  ciIds: z.array(Uuid).max(200).default([]),
  serviceIds: z.array(Uuid).max(200).default([]),
});
export type ConflictCheck = z.input<typeof ConflictCheck>;

export const ConflictView = z
  .object({
    kind: z.enum(CONFLICT_KINDS),
    reason: z.string(),
    otherRecordId: z.string().optional(),
    otherNumber: z.string().optional(),
    windowId: z.string().optional(),
    ciIds: z.array(z.string()),
    serviceIds: z.array(z.string()).optional(),
  })
  .meta({ id: 'ChangeConflict' });
export type ConflictView = z.infer<typeof ConflictView>;

export const FeedTokenStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type FeedTokenStatus = z.infer<typeof FeedTokenStatus>;

export const FeedTokenCreated = z.object({
  /** The subscription address, shown once; it carries the secret. */
  url: z.string(),
  path: z.string(),
  createdAt: z.string(),
});
export type FeedTokenCreated = z.infer<typeof FeedTokenCreated>;
