/**
 * Wire shapes of problem management: problems (a record type with a root-cause analysis of its
 * own) and the known-error database (known errors with symptoms, a workaround and a status, each
 * recorded from a problem and searchable by text).
 */
import { z } from 'zod';
import { PROBLEM_RESOLUTION_CODES, RCA_METHODS } from '../domain/lifecycle/defaults-problem-change.ts';
import { LIMITS } from '../shared/limits.ts';
import { LinkedRecord, limitUpTo, RecordIdOrNumber, requiredText, Uuid, Versioned } from './common.ts';
import { RecordFields, RecordListQuery, RecordTransition, RecordView, WORK_FIELDS } from './records.ts';

const LongText = z.string().max(LIMITS.descriptionMax);
const Factors = z.array(z.string().trim().min(1).max(300)).max(30);

/** The root-cause analysis of a problem. */
export const ProblemAnalysis = z.object({
  rootCause: LongText.nullable().describe('The cause found, in plain words'),
  rcaMethod: z.enum(RCA_METHODS).nullable().describe('How it was found: 5 whys, Ishikawa, …'),
  contributingFactors: Factors,
  workaround: LongText.nullable().describe('How to restore service until the fix is in'),
  proactive: z.boolean().describe('Raised from trends or monitoring rather than from incidents'),
  closureReason: z
    .string()
    .nullable()
    .describe('Why the problem was closed without a completed linked change'),
});
export type ProblemAnalysis = z.infer<typeof ProblemAnalysis>;

/** What people edit of the analysis: all of it but how the problem came and went. */
export const ProblemAnalysisPatch = ProblemAnalysis.pick({
  rootCause: true,
  rcaMethod: true,
  contributingFactors: true,
  workaround: true,
}).partial();
export type ProblemAnalysisPatch = z.input<typeof ProblemAnalysisPatch>;

/** What a problem is raised and edited with. */
const PROBLEM_FIELDS = { ...WORK_FIELDS, serviceId: true } as const;

export const ProblemCreate = RecordFields.pick(PROBLEM_FIELDS).extend({
  incidentIds: z
    .array(RecordIdOrNumber)
    .max(100)
    .optional()
    .describe('Incidents (ids or numbers) the problem is raised from; linked both ways'),
  ciIds: z.array(Uuid).max(50).optional().describe('Affected configuration items'),
  proactive: z.boolean().optional(),
  rcaMethod: z.enum(RCA_METHODS).optional(),
});
export type ProblemCreate = z.input<typeof ProblemCreate>;

export const ProblemPatch = ProblemCreate.pick(PROBLEM_FIELDS).partial();
export type ProblemPatch = z.input<typeof ProblemPatch>;

export const ProblemTransition = RecordTransition.extend({
  resolutionCode: z.enum(PROBLEM_RESOLUTION_CODES).optional(),
  closureReason: z
    .string()
    .trim()
    .max(LIMITS.resolutionNotesMax)
    .optional()
    .describe('Closing without a completed linked change needs a reason'),
  resolveIncidents: z
    .boolean()
    .optional()
    .describe('On resolving: also resolve the linked open incidents, telling each requester'),
});
export type ProblemTransition = z.input<typeof ProblemTransition>;

export const ProblemListQuery = RecordListQuery;

export const KNOWN_ERROR_STATUSES = ['active', 'fixed', 'retired'] as const;
export type KnownErrorStatus = (typeof KNOWN_ERROR_STATUSES)[number];

export const KnownErrorView = z
  .object({
    id: z.string(),
    problemId: z.string(),
    problemNumber: z.string(),
    problemState: z.string(),
    title: z.string(),
    symptoms: z.string(),
    workaround: z.string(),
    status: z.enum(KNOWN_ERROR_STATUSES),
    serviceId: z.string().nullable(),
    ciIds: z.array(z.string()).describe("The problem's affected configuration items"),
    ...Versioned.shape,
  })
  .meta({ id: 'KnownError' });
export type KnownErrorView = z.infer<typeof KnownErrorView>;

export const KnownErrorCreate = z.object({
  title: requiredText(LIMITS.titleMax).optional().describe("Defaults to the problem's title"),
  symptoms: requiredText(LIMITS.descriptionMax),
  workaround: z
    .string()
    .trim()
    .max(LIMITS.descriptionMax)
    .optional()
    .describe("Defaults to the problem's workaround; one of them is required"),
});
export type KnownErrorCreate = z.input<typeof KnownErrorCreate>;

export const KnownErrorPatch = z
  .object({
    title: requiredText(LIMITS.titleMax),
    symptoms: requiredText(LIMITS.descriptionMax),
    workaround: requiredText(LIMITS.descriptionMax),
    status: z.enum(KNOWN_ERROR_STATUSES),
  })
  .partial();
export type KnownErrorPatch = z.input<typeof KnownErrorPatch>;

export const KnownErrorQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('Words in the title, symptoms or workaround; best matches first'),
  status: z.enum(KNOWN_ERROR_STATUSES).optional(),
  limit: limitUpTo(100, 50),
});
export type KnownErrorQuery = z.input<typeof KnownErrorQuery>;

export const KnownErrorHit = KnownErrorView.extend({
  rank: z.number().describe('Text relevance; higher is better'),
});
export type KnownErrorHit = z.infer<typeof KnownErrorHit>;

export const SUGGESTION_REASONS = ['text', 'ci', 'service'] as const;
export const KnownErrorSuggestion = KnownErrorView.extend({
  score: z.number(),
  reasons: z
    .array(z.enum(SUGGESTION_REASONS))
    .describe('Why it is suggested: similar text, same CI, same service'),
  applied: z.boolean().describe('Already linked to this incident'),
});
export type KnownErrorSuggestion = z.infer<typeof KnownErrorSuggestion>;

export const ApplyKnownError = z.object({ knownErrorId: Uuid });

export const LinkIncidents = z.object({
  incidentIds: z.array(RecordIdOrNumber).min(1).max(100).describe('Incident ids or numbers'),
});

export const ProblemIncident = LinkedRecord.omit({ type: true }).extend({
  stateCategory: z.string(),
  requesterId: z.string(),
});
export type ProblemIncident = z.infer<typeof ProblemIncident>;

export const ProblemView = RecordView.extend({
  analysis: ProblemAnalysis,
  knownError: KnownErrorView.nullable(),
  incidents: z.array(ProblemIncident),
}).meta({ id: 'ProblemRecord' });
export type ProblemView = z.infer<typeof ProblemView>;

export const ResolveIncidentsResult = z.object({
  resolved: z.array(z.string()).describe('Numbers of the incidents resolved'),
});
