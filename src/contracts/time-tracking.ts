/** Wire shapes of time tracking: time entries on records, the personal timer and the time report. */
import { z } from 'zod';
import { MAX_ENTRY_MINUTES, parseDuration } from '../domain/time/duration.ts';
import { InstantDate, Period, PersonRef, RecordIdOrNumber, RecordRef, Versioned } from './common.ts';
import { ReportFormat } from './reports.ts';

/** "1h 30m", "90m", "1.5h", "1:30" or minutes: whole minutes, more than none and at most a day. */
export const Duration = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const minutes = parseDuration(text);
    if (minutes === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'not a duration: write it like "1h 30m", "45m", "1.5h" or "1:30"',
      });
      return z.NEVER;
    }
    if (minutes > MAX_ENTRY_MINUTES) {
      ctx.addIssue({ code: 'custom', message: 'at most 24h in one entry' });
      return z.NEVER;
    }
    return minutes;
  })
  .describe('How long, e.g. "1h 30m", "45m", "1.5h" or "1:30"');

const Minutes = z.number().int().min(1).max(MAX_ENTRY_MINUTES);
const Note = z.string().trim().max(2000);

export const TimeRecordRef = RecordRef;
export type TimeRecordRef = RecordRef;

export const TimeEntryView = z.object({
  id: z.string(),
  record: TimeRecordRef,
  user: PersonRef,
  startedAt: z.string(),
  endedAt: z.string(),
  minutes: z.number(),
  billable: z.boolean(),
  note: z.string(),
  /** manual, or booked by stopping a timer */
  source: z.enum(['manual', 'timer']),
  ...Versioned.shape,
  /** Whether the viewer may change or delete it (their own, or any for managers). */
  canEdit: z.boolean(),
});
export type TimeEntryView = z.infer<typeof TimeEntryView>;

export const RecordTime = z.object({
  items: z.array(TimeEntryView),
  totalMinutes: z.number(),
  billableMinutes: z.number(),
  /** Whether the viewer may log time on this record. */
  canLog: z.boolean(),
});
export type RecordTime = z.infer<typeof RecordTime>;

/**
 * A manual entry: how long (duration text or minutes, or the end instant) and when it started
 * (default: that long before now). Managers may log for someone else (userId).
 */
export const TimeEntryCreate = z
  .object({
    startedAt: InstantDate.optional().describe(
      'When the work started, ISO 8601 (default: now minus the duration)',
    ),
    duration: Duration.optional(),
    minutes: Minutes.optional(),
    endedAt: InstantDate.optional().describe('When the work ended, instead of a duration'),
    billable: z.boolean().default(false),
    note: Note.default(''),
    userId: z.uuid().optional().describe('Whose work it was (managers only; default: you)'),
  })
  .strict();
export type TimeEntryCreate = z.infer<typeof TimeEntryCreate>;
export type TimeEntryCreateInput = z.input<typeof TimeEntryCreate>;

export const TimeEntryPatch = z
  .object({
    startedAt: InstantDate.optional(),
    duration: Duration.optional(),
    minutes: Minutes.optional(),
    endedAt: InstantDate.optional(),
    billable: z.boolean().optional(),
    note: Note.optional(),
  })
  .strict();
export type TimeEntryPatch = z.infer<typeof TimeEntryPatch>;
export type TimeEntryPatchInput = z.input<typeof TimeEntryPatch>;

export const TimerView = z.object({
  record: TimeRecordRef,
  startedAt: z.string(),
  billable: z.boolean(),
  note: z.string(),
});
export type TimerView = z.infer<typeof TimerView>;

export const CurrentTimer = z.object({ timer: TimerView.nullable() });
export type CurrentTimer = z.infer<typeof CurrentTimer>;

export const TimerStart = z
  .object({
    record: RecordIdOrNumber.describe('The record id (UUID) or number, e.g. INC0001001'),
    billable: z.boolean().default(false),
    note: Note.default(''),
  })
  .strict();
export type TimerStart = z.infer<typeof TimerStart>;
export type TimerStartInput = z.input<typeof TimerStart>;

export const TimerStarted = z.object({
  timer: TimerView,
  /** The entry booked for the timer that was running before, if one was. */
  booked: TimeEntryView.nullable(),
});
export type TimerStarted = z.infer<typeof TimerStarted>;

export const TimerStop = z.object({ billable: z.boolean().optional(), note: Note.optional() }).strict();
export type TimerStop = z.infer<typeof TimerStop>;

export const TIME_REPORT_DIMENSIONS = ['service', 'customer', 'group', 'agent', 'type'] as const;
export type TimeReportDimension = (typeof TIME_REPORT_DIMENSIONS)[number];

export const TimeReportQuery = z.object({
  ...Period.shape,
  by: z.enum(TIME_REPORT_DIMENSIONS).default('service').describe('Group the time by this'),
  format: ReportFormat,
});
export type TimeReportQuery = z.infer<typeof TimeReportQuery>;

export const TimeReportRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  totalMinutes: z.number(),
  billableMinutes: z.number(),
  entries: z.number(),
  records: z.number(),
  /** Share of the period's total, in percent (one decimal). */
  share: z.number(),
});

export const TimeReport = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(TIME_REPORT_DIMENSIONS),
  rows: z.array(TimeReportRow),
  totalMinutes: z.number(),
  billableMinutes: z.number(),
  entries: z.number(),
});
export type TimeReport = z.infer<typeof TimeReport>;
