/** Wire shapes of record bulk changes and CSV export (`/api/v1/records/bulk`, `/records/export.csv`). */
import { z } from 'zod';
import { csv, Uuid } from '../http/schemas.ts';
import { SORT_FIELDS } from '../modules/records/query.ts';
import { LIMITS } from '../shared/limits.ts';

export const BULK_TYPES = [
  'incident',
  'problem',
  'change',
  'request',
  'request_task',
  'improvement',
] as const;
export const BULK_MAX_ITEMS = 100;

const Level = z.number().int().min(1).max(3);

export const BulkRequest = z
  .object({
    type: z.enum(BULK_TYPES),
    items: z
      .array(
        z.object({
          id: Uuid,
          version: z.number().int().min(1).describe('The version the change is based on'),
        }),
      )
      .min(1)
      .max(BULK_MAX_ITEMS),
    patch: z
      .object({
        assigneeId: Uuid.nullish(),
        groupId: Uuid.nullish(),
        impact: Level.optional().describe('Incidents and requests'),
        urgency: Level.optional().describe('Incidents and requests'),
      })
      .optional(),
    transition: z
      .object({
        to: z.string().min(1).max(40).describe('Target state key or transition key'),
        resolutionCode: z.string().max(60).optional(),
        resolutionNotes: z.string().max(LIMITS.resolutionNotesMax).optional(),
        comment: z.string().max(LIMITS.commentMax).optional(),
        commentVisibility: z.enum(['public', 'internal']).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.patch ? 1 : 0) + (b.transition ? 1 : 0) === 1, {
    message: 'send either a patch or a transition',
    path: ['patch'],
  });
export type BulkRequest = z.infer<typeof BulkRequest>;

export const BulkResult = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), number: z.string().nullable(), ok: z.literal(true), version: z.number() }),
  z.object({
    id: z.string(),
    number: z.string().nullable(),
    ok: z.literal(false),
    problem: z.object({ code: z.string(), status: z.number(), detail: z.string() }),
  }),
]);
export type BulkResult = z.infer<typeof BulkResult>;
export const BulkAnswer = z.object({ results: z.array(BulkResult) });

export const EXPORT_COLUMNS = [
  'number',
  'title',
  'state',
  'priority',
  'impact',
  'urgency',
  'sla_due',
  'group',
  'assignee',
  'requester',
  'category',
  'subcategory',
  'channel',
  'resolution_code',
  'created',
  'updated',
  'resolved',
  'closed',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  'number',
  'title',
  'state',
  'priority',
  'group',
  'assignee',
  'updated',
];

/** The list filters of every record type, plus the type and the columns to write. */
export const ExportQuery = z.object({
  type: z.enum(BULK_TYPES),
  columns: csv(z.enum(EXPORT_COLUMNS)).optional().describe('Comma-separated column keys, in order'),
  state: csv(z.string().max(40)).optional(),
  stateCategory: csv(z.enum(['open', 'paused', 'resolved', 'closed'])).optional(),
  priority: csv(z.coerce.number().int().min(1).max(5)).optional(),
  groupId: csv(Uuid).optional(),
  assigneeId: z.union([Uuid, z.enum(['me', 'none'])]).optional(),
  requesterId: z.union([Uuid, z.literal('me')]).optional(),
  slaState: z.enum(['at_risk', 'breached']).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(SORT_FIELDS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
