/** Zod shapes shared by several route files: ids, pages, problem details, record views. */
import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';

export const Uuid = z.uuid({ message: 'must be a UUID' });
export const IdParam = z.object({ id: Uuid });
export const RecordRefParam = z.object({
  id: z.string().min(1).max(40).describe('The record id (UUID) or its number, e.g. INC0001001'),
});

export const Limit = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault);

/** A comma-separated list in the query string: `state=new,in_progress` or repeated keys. */
export const csv = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    // The list items parse strings; Zod types coerce's input as unknown, hence the cast.
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>);

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

export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
} as const;

export const PersonRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const GroupRef = z.object({ id: z.string(), name: z.string() });

export const RecordView = z
  .object({
    id: z.string(),
    type: z.string(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    stateCategory: z.string(),
    impact: z.number(),
    urgency: z.number(),
    priority: z.number(),
    category: z.string().nullable(),
    subcategory: z.string().nullable(),
    channel: z.string(),
    requester: PersonRef.nullable(),
    assignee: PersonRef.nullable(),
    group: GroupRef.nullable(),
    serviceId: z.string().nullable(),
    parentId: z.string().nullable(),
    resolutionCode: z.string().nullable(),
    resolutionNotes: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    reopenCount: z.number(),
    slaDueAt: z
      .string()
      .nullable()
      .describe('Earliest due instant of the running SLA clocks; null when none runs'),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    watcherIds: z.array(z.string()),
    allowedActions: z.array(z.string()),
    transitions: z.array(
      z.object({ key: z.string(), label: z.string(), to: z.string(), requires: z.array(z.string()) }),
    ),
  })
  .meta({ id: 'Record' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
