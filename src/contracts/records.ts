/**
 * The wire shapes every record type shares: the record view, its list query, transitions,
 * activity, comments, attachments and links. The server validates, serializes and documents with
 * them; the web app and tests take their types from them (type-only imports).
 */
import { z } from 'zod';
import { REQUIRABLE_FIELDS } from '../domain/lifecycle/engine.ts';
import { LIMITS } from '../shared/limits.ts';
import {
  csv,
  FieldChange,
  GroupRef,
  HistoryItem,
  InstantDate,
  LinkedRecord,
  PageQuery,
  PersonRef,
  RecordIdOrNumber,
  requiredText,
  Uuid,
  Versioned,
} from './common.ts';

export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'walk_in', 'api', 'monitoring'] as const;
export const LINK_KINDS = ['relates_to', 'duplicates', 'caused_by', 'parent_of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const STATE_CATEGORIES = ['open', 'paused', 'resolved', 'closed'] as const;
export const SORT_FIELDS = ['created', 'updated', 'priority', 'number', 'sla_due'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
/** What a viewer may do on a record, as the record view lists it. */
export const RECORD_ACTIONS = [
  'comment_public',
  'comment_internal',
  'read_internal',
  'attach',
  'update',
  'assign',
  'watch',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const TransitionOption = z.object({
  key: z.string(),
  label: z.string(),
  to: z.string(),
  requires: z.array(z.enum(REQUIRABLE_FIELDS)),
});

export const RecordView = z
  .object({
    id: z.string(),
    type: z.string(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    stateCategory: z.enum(STATE_CATEGORIES),
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
    ...Versioned.shape,
    watcherIds: z.array(z.string()),
    allowedActions: z.array(z.enum(RECORD_ACTIONS)),
    transitions: z.array(TransitionOption),
  })
  .meta({ id: 'Record' });
export type RecordView = z.infer<typeof RecordView>;

/** Filters and keyset paging of every record list; `priority` and `slaDueBefore` only where the type has them. */
export const RecordListQuery = z.object({
  state: csv(z.string().max(40)).optional().describe('Comma-separated state keys'),
  stateCategory: csv(z.enum(STATE_CATEGORIES))
    .optional()
    .describe('Comma-separated: open, paused, resolved, closed'),
  priority: csv(z.coerce.number().int().min(1).max(5)).optional(),
  groupId: csv(Uuid).optional(),
  assigneeId: z.union([Uuid, z.enum(['me', 'none'])]).optional(),
  requesterId: z.union([Uuid, z.literal('me')]).optional(),
  slaDueBefore: InstantDate.optional().describe(
    'Only records with a running SLA clock due before this instant (now = breached)',
  ),
  slaState: z
    .enum(['at_risk', 'breached'])
    .optional()
    .describe('at_risk: a running SLA clock reached a warning threshold; breached: overdue'),
  q: z.string().max(200).optional().describe('Number, or words in title and description'),
  sort: z.enum(SORT_FIELDS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...PageQuery.shape,
});
/** The parsed query the records core lists by. */
export type RecordListQuery = z.output<typeof RecordListQuery>;
/** The query as a client sends it. */
export type RecordListQueryInput = z.input<typeof RecordListQuery>;

/** An impact or urgency: 1 high … 3 low. */
export const Level = z.number().int().min(1).max(3);
/** The fields a person sets on any record; types pick the ones they accept. */
export const RecordFields = z.object({
  title: requiredText(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  impact: Level.optional().describe('1 high … 3 low; set by agents'),
  urgency: Level.optional().describe('1 high … 3 low'),
  category: z.string().max(LIMITS.categoryMax).nullish(),
  subcategory: z.string().max(LIMITS.categoryMax).nullish(),
  channel: z.enum(CHANNELS).optional(),
  requesterId: Uuid.optional().describe('Defaults to the caller; agents may raise on behalf of others'),
  assigneeId: Uuid.nullish(),
  groupId: Uuid.nullish(),
  serviceId: Uuid.nullish(),
});
export type RecordFields = z.output<typeof RecordFields>;

/**
 * The fields the managed processes (problems, changes, improvements) are raised and edited
 * with: what it is, how much it matters, who works it. `RecordFields.pick(WORK_FIELDS)`.
 */
export const WORK_FIELDS = {
  title: true,
  description: true,
  impact: true,
  urgency: true,
  assigneeId: true,
  groupId: true,
} as const;

/** Who reads a comment: everyone on the record, or agents only. */
const CommentVisibility = z.enum(['public', 'internal']);

/** A lifecycle move; types with resolution codes narrow `resolutionCode` to theirs. */
export const RecordTransition = z.object({
  to: z.string().min(1).max(40).describe('Target state key or transition key'),
  resolutionCode: z.string().max(60).optional(),
  resolutionNotes: z.string().max(LIMITS.resolutionNotesMax).optional(),
  comment: z.string().max(LIMITS.commentMax).optional(),
  commentVisibility: CommentVisibility.optional(),
});
export type RecordTransition = z.infer<typeof RecordTransition>;

/** The transition body of a type: with its resolution codes, or without resolution fields when it has none. */
export function transitionContract(resolutionCodes: readonly string[]) {
  if (resolutionCodes.length === 0)
    return RecordTransition.omit({ resolutionCode: true, resolutionNotes: true });
  return RecordTransition.extend({
    resolutionCode: z.enum(resolutionCodes as [string, ...string[]]).optional(),
  });
}

export const RecordOptions = z.object({
  resolutionCodes: z.array(z.string()),
  channels: z.array(z.string()),
});
export type RecordOptions = z.infer<typeof RecordOptions>;

export const Activity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comment'), ...HistoryItem.shape, body: z.string(), visibility: z.string() }),
  z.object({ kind: z.literal('change'), ...FieldChange.shape }),
  z.object({
    kind: z.literal('attachment'),
    ...HistoryItem.shape,
    filename: z.string(),
    size: z.number(),
    contentType: z.string(),
  }),
]);
export type Activity = z.infer<typeof Activity>;

export const CommentCreate = z.object({
  body: requiredText(LIMITS.commentMax),
  visibility: CommentVisibility.default('public'),
});
export type CommentCreate = z.input<typeof CommentCreate>;
export const CommentView = z.object({
  id: z.string(),
  body: z.string(),
  visibility: z.string(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof CommentView>;

export const Attachment = z
  .object({
    id: z.string(),
    recordId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof Attachment>;

export const RecordLink = z.object({
  id: z.string(),
  kind: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  record: LinkedRecord,
  createdAt: z.string(),
});
export type RecordLink = z.infer<typeof RecordLink>;
export const LinkCreate = z.object({ target: RecordIdOrNumber, kind: z.enum(LINK_KINDS) });
export type LinkCreate = z.infer<typeof LinkCreate>;

/** The counts a workspace shows for one record type; exact (see docs/scaling.md). */
export const RecordCounts = z
  .object({
    type: z.string(),
    total: z.number().int(),
    byState: z.array(
      z.object({ state: z.string(), label: z.string(), category: z.string(), count: z.number().int() }),
    ),
    byPriority: z.array(z.object({ priority: z.number().int(), count: z.number().int() })),
    queues: z
      .object({
        open: z.number().int().describe('Open and paused records'),
        mine: z.number().int().describe('Open work assigned to the caller'),
        unassigned: z.number().int(),
        breached: z.number().int().describe('Open work past its earliest SLA due instant'),
        atRisk: z.number().int(),
        groups: z.array(z.object({ groupId: z.string(), count: z.number().int() })),
      })
      .nullable()
      .describe('Queue badges; null for a requester, whose totals cover the records they raised or watch'),
  })
  .meta({ id: 'RecordCounts' });
export type RecordCounts = z.infer<typeof RecordCounts>;
