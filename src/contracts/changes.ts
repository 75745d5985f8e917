/**
 * Wire shapes of change management: changes (a record type with plans, risk, schedule, CAB
 * authorisation and a post-implementation review of its own), standard change templates, the
 * risk questionnaire, change advisory boards with their votes and agenda, and scheduling
 * conflicts with their override.
 */
import { z } from 'zod';
import { CHANGE_OUTCOMES, CHANGE_TYPES } from '../domain/changes/lifecycle.ts';
import { RISK_LEVELS, WEIGHT_MAX, WEIGHT_MIN } from '../domain/changes/risk.ts';
import { CHANGE_RESOLUTION_CODES } from '../domain/lifecycle/defaults-problem-change.ts';
import { APPROVAL_RULES } from '../domain/requests/approval.ts';
import { LIMITS } from '../shared/limits.ts';
import { ConflictView } from './change-schedule.ts';
import {
  Instant,
  LinkedRecord,
  NamedRef,
  PersonRef,
  RecordIdOrNumber,
  requiredText,
  Uuid,
  Versioned,
} from './common.ts';
import { RecordFields, RecordListQuery, RecordView, transitionContract, WORK_FIELDS } from './records.ts';

const Plan = z.string().max(LIMITS.descriptionMax);
const Reason = requiredText(LIMITS.resolutionNotesMax);
const Key = requiredText(60).regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _ only');

export const ChangeType = z.enum(CHANGE_TYPES);
export const ChangeOutcome = z.enum(CHANGE_OUTCOMES);
export const RiskLevel = z.enum(RISK_LEVELS);
export const CAB_KINDS = ['normal', 'emergency'] as const;
const CabDecision = z.enum(['approve', 'reject', 'comment', 'veto']);

/** The change's own fields as the view shows them (the detail table). */
export const ChangeDetails = z.object({
  changeType: ChangeType,
  templateId: z.string().nullable(),
  riskAnswers: z.record(z.string(), z.string()).nullable(),
  riskScore: z.number().nullable(),
  riskLevel: RiskLevel.nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  implementationPlan: z.string().nullable(),
  backoutPlan: z.string().nullable(),
  testPlan: z.string().nullable(),
  cabId: z.string().nullable(),
  outcome: ChangeOutcome.nullable(),
  pirLessons: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  conflictOverrideReason: z.string().nullable(),
  conflictOverrideAt: z.string().nullable(),
});
export type ChangeDetails = z.infer<typeof ChangeDetails>;

/** The fields people edit on a change (create and patch). */
const ChangePlanFields = z.object({
  plannedStart: Instant.nullable(),
  plannedEnd: Instant.nullable(),
  implementationPlan: Plan.nullable(),
  backoutPlan: Plan.nullable(),
  testPlan: Plan.nullable(),
  cabId: Uuid.nullable().describe('The board that authorises it; the default board of its kind if empty'),
});

/** What a change is raised and edited with, besides its plan. */
const CHANGE_FIELDS = { ...WORK_FIELDS, category: true, serviceId: true } as const;

export const ChangeCreate = RecordFields.pick(CHANGE_FIELDS)
  .extend({
    title: RecordFields.shape.title.optional().describe("Defaults to the template's name"),
    changeType: ChangeType,
    templateId: Uuid.optional().describe('Standard changes come from a pre-approved template'),
    ciIds: z.array(Uuid).max(50).optional().describe('Affected configuration items'),
    problemIds: z
      .array(RecordIdOrNumber)
      .max(20)
      .optional()
      .describe('Problems (ids or numbers) the change fixes; linked'),
  })
  .extend(ChangePlanFields.partial().shape);
export type ChangeCreate = z.input<typeof ChangeCreate>;

export const ChangePatch = RecordFields.pick(CHANGE_FIELDS)
  .partial()
  .extend(ChangePlanFields.partial().shape);
export type ChangePatch = z.input<typeof ChangePatch>;

export const ChangeTransition = transitionContract(CHANGE_RESOLUTION_CODES);
export type ChangeTransition = z.input<typeof ChangeTransition>;

export const ChangeListQuery = RecordListQuery;

export const CabVoteView = z.object({
  user: PersonRef,
  decision: CabDecision,
  comment: z.string().nullable(),
  at: z.string(),
});
export type CabVoteView = z.infer<typeof CabVoteView>;

/** One authorisation round of a change by a board. */
export const CabReviewView = z.object({
  id: z.string(),
  board: NamedRef.extend({ kind: z.enum(CAB_KINDS) }),
  rule: z.enum(APPROVAL_RULES),
  quorum: z.number().nullable(),
  required: z.number().describe('Approvals needed to authorise'),
  approvals: z.number(),
  rejections: z.number(),
  members: z.array(PersonRef),
  state: z.enum(['active', 'approved', 'rejected', 'vetoed', 'canceled']),
  startedAt: z.string(),
  decidedAt: z.string().nullable(),
  votes: z.array(CabVoteView),
});
export type CabReviewView = z.infer<typeof CabReviewView>;

export const ChangeLinkedRecord = LinkedRecord;

export const ChangeView = RecordView.extend(ChangeDetails.shape)
  .extend({
    cab: CabReviewView.nullable().describe('The latest authorisation round'),
    causedIncidents: z.array(ChangeLinkedRecord).describe('Incidents caused by the change (PIR)'),
    problems: z.array(ChangeLinkedRecord).describe('Problems the change fixes or raised'),
  })
  .meta({ id: 'ChangeRecord' });
export type ChangeView = z.infer<typeof ChangeView>;

export const ChangeListItem = RecordView.extend(ChangeDetails.shape);
export type ChangeListItem = z.infer<typeof ChangeListItem>;

// Standard change templates

export const ChangeTemplateInput = z.object({
  name: requiredText(LIMITS.titleMax),
  description: Plan.default(''),
  category: z.string().max(LIMITS.categoryMax).nullable().default(null),
  implementationPlan: Plan.min(1, 'is required'),
  backoutPlan: Plan.min(1, 'is required'),
  testPlan: Plan.default(''),
  riskLevel: RiskLevel.default('low'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  groupId: Uuid.nullable().default(null),
  serviceId: Uuid.nullable().default(null),
  active: z.boolean().default(true),
});
export type ChangeTemplateInput = z.input<typeof ChangeTemplateInput>;
export const ChangeTemplatePatch = ChangeTemplateInput.partial();
export type ChangeTemplatePatch = z.input<typeof ChangeTemplatePatch>;

export const ChangeTemplateView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    implementationPlan: z.string(),
    backoutPlan: z.string(),
    testPlan: z.string(),
    riskLevel: RiskLevel,
    durationMinutes: z.number(),
    groupId: z.string().nullable(),
    serviceId: z.string().nullable(),
    active: z.boolean(),
    ...Versioned.shape,
  })
  .meta({ id: 'ChangeTemplate' });
export type ChangeTemplateView = z.infer<typeof ChangeTemplateView>;

export const TemplateListQuery = z.object({ active: z.enum(['true', 'false', 'all']).default('true') });

// Risk questionnaire

export const RiskQuestionnaire = z.object({
  questions: z
    .array(
      z.object({
        key: Key,
        text: requiredText(300),
        answers: z
          .array(
            z.object({
              key: Key,
              label: requiredText(120),
              weight: z.number().int().min(WEIGHT_MIN).max(WEIGHT_MAX),
            }),
          )
          .max(10),
      }),
    )
    .min(1, 'needs at least one question')
    .max(30),
  thresholds: z.object({ medium: z.number().int().min(1), high: z.number().int().min(2) }),
});
export type RiskQuestionnaire = z.infer<typeof RiskQuestionnaire>;

export const RiskQuestionnaireView = z
  .object({ value: RiskQuestionnaire, version: z.number(), maxScore: z.number() })
  .meta({ id: 'RiskQuestionnaire' });
export type RiskQuestionnaireView = z.infer<typeof RiskQuestionnaireView>;

export const RiskAnswers = z.object({
  answers: z.record(Key, Key).describe('Question key → answer key, every question answered'),
});
export type RiskAnswers = z.input<typeof RiskAnswers>;

// CAB boards

export const CabBoardInput = z.object({
  name: requiredText(LIMITS.nameMax),
  kind: z.enum(CAB_KINDS),
  rule: z.enum(APPROVAL_RULES),
  quorum: z.number().int().min(1).max(100).nullable().default(null),
  memberIds: z.array(Uuid).min(1, 'a board needs members').max(100),
  meets: z.string().max(200).default('').describe('When the board meets, in words'),
  active: z.boolean().default(true),
});
export type CabBoardInput = z.input<typeof CabBoardInput>;
export const CabBoardPatch = CabBoardInput.partial();
export type CabBoardPatch = z.input<typeof CabBoardPatch>;

export const CabBoardView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(CAB_KINDS),
    rule: z.enum(APPROVAL_RULES),
    quorum: z.number().nullable(),
    members: z.array(PersonRef),
    meets: z.string(),
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'CabBoard' });
export type CabBoardView = z.infer<typeof CabBoardView>;

export const CabAgendaItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  ...ChangeDetails.pick({ changeType: true, riskLevel: true, plannedStart: true, plannedEnd: true }).shape,
  requester: PersonRef.nullable(),
  review: CabReviewView,
  conflicts: z.array(ConflictView).describe('Scheduling conflicts of the change as planned'),
  myVote: CabDecision.nullable(),
});
export type CabAgendaItem = z.infer<typeof CabAgendaItem>;

export const CabAgenda = z.object({ board: CabBoardView, items: z.array(CabAgendaItem) });
export type CabAgenda = z.infer<typeof CabAgenda>;

export const CabVoteInput = z
  .object({
    decision: CabDecision.exclude(['veto']),
    comment: z.string().trim().max(LIMITS.commentMax).optional(),
  })
  .refine((v) => v.decision === 'approve' || !!v.comment, {
    message: 'is required when rejecting or commenting',
    path: ['comment'],
  });
export type CabVoteInput = z.input<typeof CabVoteInput>;

export const VetoInput = z.object({ reason: Reason });

// Post-implementation review

export const ReviewInput = z.object({
  lessons: z.string().trim().max(LIMITS.descriptionMax).optional(),
  incidentIds: z
    .array(RecordIdOrNumber)
    .max(50)
    .optional()
    .describe('Incidents (ids or numbers) caused by the change; linked'),
});
export type ReviewInput = z.input<typeof ReviewInput>;

export const RaiseProblem = z.object({
  title: RecordFields.shape.title.optional(),
  description: z.string().max(LIMITS.descriptionMax).optional(),
});
export type RaiseProblem = z.input<typeof RaiseProblem>;

export const RaisedProblem = z.object({ id: z.string(), number: z.string() });

// Scheduling conflicts

export const ConflictReport = z.object({
  conflicts: z.array(ConflictView),
  overridden: z.boolean().describe('An override by the change manager covers exactly these conflicts'),
  override: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});
export type ConflictReport = z.infer<typeof ConflictReport>;

export const OverrideInput = z.object({ reason: Reason });
