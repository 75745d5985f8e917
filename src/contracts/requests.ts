/** Wire shapes of request fulfilment: catalog items with forms and policies, requests, their tasks and approvals. */
import { z } from 'zod';
import { APPROVAL_RULES } from '../domain/requests/approval.ts';
import { FIELD_TYPES } from '../domain/requests/form.ts';
import { ROLES } from '../domain/roles.ts';
import { LIMITS } from '../shared/limits.ts';
import { LinkedRecord, NamedRef, PersonRef, requiredText, Uuid, Versioned } from './common.ts';
import { Level, RecordListQuery, RecordView, transitionContract } from './records.ts';

const Scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

export const FormFieldSchema = z
  .object({
    key: z.string().min(1).max(40).describe('Answer key: lower-case letters, digits and _'),
    label: z.string().trim().min(1).max(120),
    type: z.enum(FIELD_TYPES),
    help: z.string().max(500).optional(),
    required: z.boolean().optional(),
    visibleIf: z
      .object({
        field: z.string().max(40),
        equals: Scalar.optional(),
        in: z.array(Scalar).max(50).optional(),
      })
      .optional()
      .describe('Show the field only when an earlier field equals a value or is one of several'),
    maxLength: z.number().int().min(1).max(LIMITS.descriptionMax).optional(),
    pattern: z
      .string()
      .max(200)
      .optional()
      .describe('text: a regular expression the whole answer must match'),
    min: z
      .union([z.number(), z.string().max(10)])
      .optional()
      .describe('number, or date YYYY-MM-DD'),
    max: z.union([z.number(), z.string().max(10)]).optional(),
    options: z
      .array(z.object({ value: z.string().min(1).max(100), label: z.string().min(1).max(200) }))
      .max(100)
      .optional(),
    classKey: z.string().max(60).optional().describe('ci: only CIs of this class'),
  })
  .meta({ id: 'FormField' });

const ApproverSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manager') }),
  z.object({ kind: z.literal('group'), groupId: Uuid }),
  z.object({ kind: z.literal('role'), role: z.enum(ROLES) }),
]);

export const ApprovalPolicySchema = z
  .object({
    levels: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(100),
          approvers: z.array(ApproverSource).max(10),
          rule: z.enum(APPROVAL_RULES),
          quorum: z.number().int().optional(),
        }),
      )
      .max(5),
  })
  .meta({ id: 'ApprovalPolicy' });

export const TaskTemplateSchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  groupId: Uuid,
  order: z
    .number()
    .int()
    .min(1)
    .max(99)
    .describe('Same order: parallel; higher: after all lower ones are done'),
});

export const CatalogItemCreate = z.object({
  serviceId: Uuid.describe('The service CI the item is offered under'),
  name: requiredText(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  category: z.string().max(LIMITS.categoryMax).nullish(),
  active: z.boolean().optional(),
  form: z.array(FormFieldSchema).max(50).optional(),
  approvalPolicy: ApprovalPolicySchema.nullish(),
  taskTemplates: z.array(TaskTemplateSchema).max(20).optional(),
});
export const CatalogItemPatch = CatalogItemCreate.partial();

export const CatalogItemView = z
  .object({
    id: z.string(),
    service: NamedRef,
    name: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    active: z.boolean(),
    form: z.array(FormFieldSchema),
    requiresApproval: z.boolean(),
    approvalPolicy: ApprovalPolicySchema.nullable(),
    taskTemplates: z.array(TaskTemplateSchema).nullable(),
    ...Versioned.shape,
  })
  .meta({ id: 'CatalogItem' });

const AnswerValue = z.union([z.string(), z.number(), z.array(z.string())]);

export const RequestView = RecordView.extend({
  catalogItem: NamedRef,
  answers: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.string(),
      value: AnswerValue,
      display: z.string(),
    }),
  ),
  approval: z.object({
    state: z.enum(['not_required', 'pending', 'approved', 'rejected', 'canceled']),
    levels: z.array(
      z.object({
        level: z.number(),
        name: z.string(),
        rule: z.string(),
        quorum: z.number().nullable(),
        state: z.string(),
        startedAt: z.string().nullable(),
        decidedAt: z.string().nullable(),
        approvers: z.array(NamedRef),
        votes: z.array(
          z.object({
            approver: NamedRef,
            decision: z.string(),
            reason: z.string().nullable(),
            at: z.string(),
          }),
        ),
      }),
    ),
  }),
  tasks: z.array(
    z.object({
      id: z.string().nullable(),
      number: z.string().nullable(),
      title: z.string(),
      order: z.number(),
      state: z.string(),
      stateLabel: z.string(),
      group: NamedRef.nullable(),
      assignee: NamedRef.nullable(),
    }),
  ),
}).meta({ id: 'Request' });

export const RequestTaskView = RecordView.extend({
  request: LinkedRecord.omit({ type: true }),
}).meta({ id: 'RequestTask' });

export const PendingApproval = z.object({
  request: LinkedRecord.omit({ type: true }).extend({ createdAt: z.string() }),
  requester: PersonRef,
  catalogItem: NamedRef,
  level: z.number(),
  levelName: z.string(),
  rule: z.string(),
  quorum: z.number().nullable(),
  startedAt: z.string().nullable(),
});

export const ApprovalDecision = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(LIMITS.commentMax).optional().describe('Required when rejecting'),
  level: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The level the approver decides on; refused with 409 when it is not the active one'),
});

export type CatalogItemView = z.infer<typeof CatalogItemView>;
export type RequestView = z.infer<typeof RequestView>;
export type RequestTaskView = z.infer<typeof RequestTaskView>;
export type PendingApproval = z.infer<typeof PendingApproval>;
export type ApprovalDecision = z.input<typeof ApprovalDecision>;

export const RequestCreate = z.object({
  catalogItemId: Uuid,
  answers: z.record(z.string(), z.unknown()).default({}).describe('Answers keyed by form field key'),
  requesterId: Uuid.optional().describe('Defaults to the caller; agents may order on behalf of others'),
});
export type RequestCreate = z.input<typeof RequestCreate>;

export const RequestPatch = z
  .object({
    assigneeId: Uuid.nullish(),
    groupId: Uuid.nullish(),
    impact: Level.optional(),
    urgency: Level.optional(),
    category: z.string().max(LIMITS.categoryMax).nullish(),
  })
  .describe('Agents: coordinate a request (the answers are not editable)');
export type RequestPatch = z.input<typeof RequestPatch>;

export const TaskPatch = z
  .object({ assigneeId: Uuid.nullish(), groupId: Uuid.nullish() })
  .describe('Assign a task within or to a group');
export type TaskPatch = z.input<typeof TaskPatch>;

/** Requests and tasks have no resolution codes: a transition takes a target and a comment. */
export const RequestTransition = transitionContract([]);
export type RequestTransition = z.input<typeof RequestTransition>;

/** Request and task lists filter like incident lists, without priority and SLA due filters. */
export const RequestListQuery = RecordListQuery.omit({ priority: true, slaDueBefore: true });
