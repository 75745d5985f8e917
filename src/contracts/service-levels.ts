/**
 * Zod shapes of the service level API. Inputs check only shape here: the rules (a known time
 * zone, non-overlapping hours, real holiday dates, targets above zero, complete priorities)
 * belong to the domain validators, which answer 422 with one error per field.
 */
import { z } from 'zod';
import { REQUIREMENT_STATUSES } from '../domain/portfolio.ts';
import { AGREEMENT_KINDS } from '../domain/sla/agreement.ts';
import { LIMITS } from '../shared/limits.ts';
import { NamedRef, requiredText, Uuid, Versioned } from './common.ts';

const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-04-01T00:00:00Z' })
  .transform((s) => new Date(s));

// ---- calendars ----

const Interval = z.object({
  day: z.number().describe('ISO weekday: 1 = Monday … 7 = Sunday'),
  start: z.string().max(5).describe('HH:MM local time'),
  end: z.string().max(5).describe('HH:MM local time, 24:00 allowed; before start = runs past midnight'),
});
const Holiday = z.object({
  date: z.string().max(10).describe('YYYY-MM-DD'),
  name: z.string().max(LIMITS.nameMax),
  recurring: z.boolean().describe('Repeats every year on the same month and day'),
});
export const CalendarInput = z.object({
  name: requiredText(LIMITS.nameMax),
  description: z.string().max(2000).optional(),
  timeZone: z.string().max(64).describe('IANA time zone, e.g. Europe/London'),
  intervals: z.array(Interval).max(200),
  holidays: z.array(Holiday).max(2000).optional(),
});
export const CalendarView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    timeZone: z.string(),
    intervals: z.array(Interval),
    holidays: z.array(Holiday),
    weeklyHours: z.number().describe('Working hours in a week without holidays'),
    ...Versioned.shape,
  })
  .meta({ id: 'BusinessCalendar' });

// ---- targets, requirements and agreements ----

const Target = z.object({
  priority: z.number().int(),
  responseMinutes: z.number().describe('Working minutes to respond'),
  resolutionMinutes: z.number().describe('Working minutes to resolve'),
});
const Targets = z.array(Target).max(10);

export const RequirementInput = z.object({
  name: requiredText(LIMITS.nameMax),
  customerId: Uuid.nullish(),
  calendarId: Uuid.describe('The support hours required'),
  availabilityTarget: z.number().nullish().describe('Percent, e.g. 99.9'),
  targets: Targets,
  obligations: z.string().max(LIMITS.descriptionMax).optional(),
});
export const RequirementView = z
  .object({
    id: z.string(),
    service: NamedRef,
    customer: NamedRef.nullable(),
    name: z.string(),
    status: z.enum(REQUIREMENT_STATUSES),
    calendar: NamedRef,
    availabilityTarget: z.number().nullable(),
    targets: z.array(Target),
    obligations: z.string(),
    agreements: z.array(z.object({ id: z.string(), versionNumber: z.number(), status: z.string() })),
    ...Versioned.shape,
  })
  .meta({ id: 'ServiceLevelRequirement' });

export const AgreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS).describe('sla (customer), ola (support group), uc (supplier)'),
  name: requiredText(LIMITS.nameMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  serviceId: Uuid.nullish().describe('Null: applies to every service'),
  customerId: Uuid.nullish().describe('SLA only; null: every customer'),
  groupId: Uuid.nullish().describe('OLA only: the support group bound by it'),
  supplierId: Uuid.nullish().describe('Underpinning contract only: the supplier bound by it'),
  calendarId: Uuid,
  targets: Targets,
  warningThresholds: z.array(z.number()).max(10).optional().describe('Percent; default 75, 90'),
  recordTypes: z.array(z.string().max(40)).max(20).nullish().describe('Null: every record type'),
  priorities: z.array(z.number().int()).max(5).nullish().describe('Null: every priority'),
  availabilityTarget: z.number().nullish(),
  obligations: z.string().max(LIMITS.descriptionMax).optional(),
  onReassign: z
    .enum(['restart', 'continue'])
    .optional()
    .describe(
      'OLA only: on reassignment to this group the clock restarts, or continues from the first OLA start',
    ),
  effectiveFrom: Instant,
  effectiveTo: Instant.nullish(),
});
export const AgreementPatch = AgreementInput.omit({ kind: true }).partial();
/** An SLA drawn up from a requirement takes its hours and targets from it, and its term and scope from here. */
export const SlaFromRequirement = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  ...AgreementInput.pick({
    effectiveFrom: true,
    effectiveTo: true,
    warningThresholds: true,
    recordTypes: true,
    priorities: true,
  }).shape,
});
export const AgreementView = z
  .object({
    id: z.string(),
    lineageId: z.string().describe('Shared by all versions of the agreement'),
    versionNumber: z.number(),
    kind: z.enum(AGREEMENT_KINDS),
    name: z.string(),
    description: z.string(),
    status: z.enum(['draft', 'agreed']),
    inForce: z.boolean(),
    service: NamedRef.nullable(),
    customer: NamedRef.nullable(),
    group: NamedRef.nullable(),
    supplier: NamedRef.nullable(),
    requirementId: z.string().nullable(),
    calendar: NamedRef,
    targets: z.array(Target),
    warningThresholds: z.array(z.number()),
    recordTypes: z.array(z.string()).nullable(),
    priorities: z.array(z.number()).nullable(),
    availabilityTarget: z.number().nullable(),
    obligations: z.string(),
    onReassign: z.enum(['restart', 'continue']),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    agreedBy: NamedRef.nullable(),
    agreedAt: z.string().nullable(),
    ...Versioned.shape,
  })
  .meta({ id: 'Agreement' });

export const ServiceLevelsView = z.object({
  requirements: z.array(RequirementView),
  slas: z.array(AgreementView),
  olas: z.array(AgreementView),
  ucs: z.array(AgreementView),
});

// ---- clocks on records ----

export const NearestDueQuery = z.object({
  records: z
    .string()
    .max(40 * 100)
    .describe('Comma-separated record ids (UUIDs), at most 100')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(Uuid).max(100, 'at most 100 records at a time')),
});
export const NearestDueView = z
  .object({
    recordId: z.string(),
    dueAt: z.string().describe('The nearest due instant of the record’s running clocks'),
    calendar: CalendarView.pick({ id: true, timeZone: true, intervals: true, holidays: true }),
  })
  .meta({ id: 'SlaNearestDue' });

export const RecordSlaView = z
  .object({
    recordId: z.string(),
    number: z.string(),
    slaDueAt: z.string().nullable().describe('Earliest due instant of the running clocks'),
    now: z.string().describe('The instant the clocks were measured at'),
    clocks: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(AGREEMENT_KINDS),
        metric: z.enum(['response', 'resolution']),
        state: z.enum(['running', 'paused', 'met', 'stopped']),
        stopReason: z.string().nullable(),
        agreement: NamedRef.extend({ versionNumber: z.number() }),
        party: NamedRef.extend({ type: z.enum(['customer', 'group', 'supplier']) }).nullable(),
        calendar: NamedRef,
        priority: z.number(),
        targetSeconds: z.number(),
        targetVersion: z.number(),
        startedAt: z.string(),
        stoppedAt: z.string().nullable(),
        dueAt: z.string().nullable().describe('Null while paused before the target is reached'),
        elapsedSeconds: z.number().describe('Working seconds used'),
        remainingSeconds: z.number().describe('Working seconds left; negative = overdue by that much'),
        breached: z.boolean(),
        thresholds: z.array(z.object({ percent: z.number(), firedAt: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'RecordSla' });

export const TimelineEntry = z
  .object({
    id: z.number(),
    at: z.string(),
    kind: z.string(),
    clock: z
      .object({ id: z.string(), kind: z.string(), metric: z.string(), agreement: z.string() })
      .nullable(),
    actor: NamedRef.nullable().describe('Who caused it; null when the system did'),
    cause: z.string().describe('What caused it'),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'SlaTimelineEntry' });

export const EngagementView = z
  .object({
    id: z.string(),
    recordId: z.string(),
    supplier: NamedRef,
    reference: z.string().nullable(),
    note: z.string(),
    engagedAt: z.string(),
    engagedBy: NamedRef.nullable(),
    acknowledgedAt: z.string().nullable(),
    releasedAt: z.string().nullable(),
    releasedBy: NamedRef.nullable(),
    releaseNote: z.string().nullable(),
  })
  .meta({ id: 'SupplierEngagement' });

export type CalendarView = z.infer<typeof CalendarView>;
export type RequirementView = z.infer<typeof RequirementView>;
export type RequirementInput = z.input<typeof RequirementInput>;
export type SlaFromRequirement = z.input<typeof SlaFromRequirement>;
export type AgreementView = z.infer<typeof AgreementView>;
export type ServiceLevelsView = z.infer<typeof ServiceLevelsView>;
export type RecordSlaView = z.infer<typeof RecordSlaView>;
export type RecordClockView = RecordSlaView['clocks'][number];
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export type EngagementView = z.infer<typeof EngagementView>;
