/** Zod shapes shared by many contracts: ids, references to people and groups, pages and lists in query strings. */
import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';

/**
 * What every schema says of a field left out or left empty, unless it says something of its own:
 * "is required", where Zod's own words ("Too small: expected string to have >=1 characters",
 * "Invalid input: expected string, received undefined") would reach the person filling in a form.
 */
export function requiredMessage(issue: {
  code?: string;
  origin?: string;
  minimum?: unknown;
  input?: unknown;
}): string | undefined {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'is required';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return undefined;
}
z.config({ customError: requiredMessage });

/**
 * A format's message, but "is required" for a value left out, null or empty: what a form sends for
 * a select or a date nobody filled in, where "must be a UUID" would puzzle the person filling it in.
 */
export const formatMessage =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === '' || issue.input === undefined || issue.input === null ? 'is required' : message;

export const Uuid = z.uuid({ error: formatMessage('must be a UUID') });
export const IdParam = z.object({ id: Uuid });
/** A record named by its id (UUID) or its number (INC0001001). */
export const RecordIdOrNumber = z.string().min(1).max(40);
export const RecordRefParam = z.object({
  id: RecordIdOrNumber.describe('The record id (UUID) or its number, e.g. INC0001001'),
});
/** Text a person must fill in: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);

/** A page size in a query string: a whole number from 1 to `max`, `fallback` when absent. */
export const limitUpTo = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
export const Limit = limitUpTo(LIMITS.pageSizeMax, LIMITS.pageSizeDefault);
/** The keyset paging of a list query with its own page sizes: spread its shape into the list's filters. */
export const pageQuery = (max: number, fallback: number) =>
  z.object({ cursor: z.string().max(500).optional(), limit: limitUpTo(max, fallback) });
/** The keyset paging of a list query: spread its shape into the list's filters. */
export const PageQuery = pageQuery(LIMITS.pageSizeMax, LIMITS.pageSizeDefault);

/** A comma-separated list in the query string: `state=new,in_progress` or repeated keys. */
export const csv = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    // The list items parse strings; Zod types coerce's input as unknown, hence the cast.
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>);

/** When an entity was made and last changed. */
export const Timestamps = z.object({ createdAt: z.string(), updatedAt: z.string() });
/** What the view of every versioned entity carries: when it was made and last changed, and its version (its ETag). */
export const Versioned = Timestamps.extend({ version: z.number() });

/** Anything named that a view points at: a group, a service, a customer, the person who acted… */
export const NamedRef = z.object({ id: z.string(), name: z.string() });
export type NamedRef = z.infer<typeof NamedRef>;
export const PersonRef = NamedRef.extend({ email: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;
export const GroupRef = NamedRef;
export type GroupRef = NamedRef;

/** An entry of a history: when it happened and who did it (null: the system). */
export const HistoryItem = z.object({ id: z.string(), at: z.string(), actor: NamedRef.nullable() });
/** A field that changed, as record activity and CI history show it. */
export const FieldChange = HistoryItem.extend({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});

/** A record as other views point at it: its id, number, title and type. */
export const RecordRef = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  type: z.string(),
});
export type RecordRef = z.infer<typeof RecordRef>;
/** A record pointed at by number alone (notifications, mail). */
export const RecordNumberRef = RecordRef.pick({ id: true, number: true, type: true });
/** A record pointed at with where it stands in its lifecycle. */
export const LinkedRecord = RecordRef.extend({ state: z.string() });
export type LinkedRecord = z.infer<typeof LinkedRecord>;

/** An ISO 8601 instant with its zone. */
export const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');
/** An ISO 8601 instant with its zone, parsed to a Date. */
export const InstantDate = Instant.transform((s) => new Date(s));
/** The period a report covers. */
export const Period = z.object({
  from: InstantDate.describe('Start of the period (inclusive), ISO 8601'),
  to: InstantDate.describe('End of the period (exclusive), ISO 8601'),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

export const Problem = z
  .object({
    type: z.string(),
    code: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof Problem>;
