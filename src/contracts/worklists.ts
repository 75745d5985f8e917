/** Wire shapes of record bulk changes and CSV export (`/api/v1/records/bulk`, `/records/export.csv`). */
import { z } from 'zod';
import { csv, Uuid } from './common.ts';
import { type ProcessKey, RECORD_TYPES } from './record-types.ts';
import { Level, RecordListQuery, RecordTransition } from './records.ts';

/** Every record type there is: bulk changes and exports take any of them. */
export const BULK_TYPES = RECORD_TYPES.map((t) => t.key) as [ProcessKey, ...ProcessKey[]];
export const BULK_MAX_ITEMS = 100;

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
    transition: RecordTransition.optional(),
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

/** The list filters and sort of every record type (every page, no SLA due filter), plus the type and the columns to write. */
export const ExportQuery = z.object({
  type: z.enum(BULK_TYPES),
  columns: csv(z.enum(EXPORT_COLUMNS)).optional().describe('Comma-separated column keys, in order'),
  ...RecordListQuery.omit({ slaDueBefore: true, cursor: true, limit: true }).shape,
});
export type ExportQuery = z.infer<typeof ExportQuery>;
