/**
 * Wire shapes of continual improvement: improvement proposals (a record type with a detail table
 * of its own: where the idea came from, its expected benefit, the services and KPIs it concerns
 * and the KPI values it is measured by), the KPIs that suggest one, and the register report.
 */
import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { csv, requiredText, Uuid } from './common.ts';
import { RecordFields, RecordListQuery, RecordView, transitionContract, WORK_FIELDS } from './records.ts';
import { KpiDefinitionView, ReportFormat } from './reports.ts';

export const IMPROVEMENT_SOURCES = ['kpi', 'service_review', 'problem', 'pir', 'person'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

/** The cut a KPI is measured with (the KPI page's filters). */
export const ImprovementKpiFilter = z
  .object({
    serviceId: Uuid.optional(),
    groupId: Uuid.optional(),
    priority: z.number().int().min(1).max(5).optional(),
    type: z.array(z.string().min(1).max(40)).max(5).optional(),
  })
  .strict();
export type ImprovementKpiFilter = z.infer<typeof ImprovementKpiFilter>;

const KpiKey = z.string().min(1).max(60);

/** What a proposal shows of a KPI. */
const KpiBrief = KpiDefinitionView.pick({ key: true, label: true, unit: true, goodWhen: true, target: true });

/** One KPI value over a window: the baseline (before) or the outcome (after). */
export const MeasuredValue = z.object({
  value: z.number().nullable(),
  count: z.number(),
  from: z.string(),
  to: z.string(),
});
export type MeasuredValue = z.infer<typeof MeasuredValue>;

/** The improvement's own columns, in every view and list item. */
export const ImprovementDetails = z.object({
  sourceKind: z.enum(IMPROVEMENT_SOURCES).describe('Where the proposal came from'),
  sourceRef: z
    .string()
    .nullable()
    .describe(
      'The KPI key (kpi), the problem or change number (problem, pir), the service id (service_review)',
    ),
  kpiFilter: ImprovementKpiFilter.nullable().describe('The cut the linked KPIs are measured with'),
  expectedBenefit: z.string().describe('What the improvement should bring, in words'),
  serviceIds: z.array(z.string()).describe('Services it concerns'),
  kpiKeys: z.array(z.string()).describe('KPIs its outcome is measured by'),
  outcomeDays: z.number().describe('Length of the windows before and after, in days'),
  baselineAt: z.string().nullable().describe('When the "before" values were taken (raised, then approved)'),
  baseline: z.record(z.string(), MeasuredValue).describe('The "before" value of each linked KPI'),
});
export type ImprovementDetails = z.infer<typeof ImprovementDetails>;

/** A linked KPI's measured outcome: before (baseline), after (the window after done) and the verdict. */
export const ImprovementOutcome = z.object({
  kpi: KpiBrief,
  before: MeasuredValue.nullable(),
  beforeFormatted: z.string(),
  after: MeasuredValue.extend({ complete: z.boolean() }).nullable(),
  afterFormatted: z.string(),
  verdict: z.enum(['improved', 'worsened', 'unchanged']).nullable(),
});
export type ImprovementOutcome = z.infer<typeof ImprovementOutcome>;

export const ImprovementListItem = RecordView.extend(ImprovementDetails.shape);
export type ImprovementListItem = z.infer<typeof ImprovementListItem>;

export const ImprovementView = ImprovementListItem.extend({
  outcomes: z.array(ImprovementOutcome),
}).meta({ id: 'ImprovementRecord' });
export type ImprovementView = z.infer<typeof ImprovementView>;

export const ImprovementCreate = RecordFields.pick(WORK_FIELDS).extend({
  assigneeId: Uuid.nullish().describe('The owner of the improvement'),
  sourceKind: z.enum(IMPROVEMENT_SOURCES),
  sourceRef: z.string().trim().min(1).max(60).nullish(),
  kpiFilter: ImprovementKpiFilter.nullish(),
  expectedBenefit: requiredText(LIMITS.descriptionMax),
  serviceIds: z.array(Uuid).max(20).optional(),
  kpiKeys: z.array(KpiKey).max(6).optional(),
  outcomeDays: z.number().int().min(7).max(366).optional(),
});
export type ImprovementCreate = z.input<typeof ImprovementCreate>;

/** A proposal is edited with what it is raised with, save where it came from. */
export const ImprovementPatch = ImprovementCreate.omit({ sourceKind: true, sourceRef: true, kpiFilter: true })
  .partial()
  .strict();
export type ImprovementPatch = z.input<typeof ImprovementPatch>;

export const ImprovementTransition = transitionContract([]);
export const ImprovementListQuery = RecordListQuery;

// Suggestions: KPIs off target for several periods

export const SuggestionQuery = z.object({
  periods: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe('Monthly periods a KPI must have been red, running (default: the setting, 3)'),
  serviceId: Uuid.optional().describe('Judge the KPIs for this service only'),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

export const Suggestion = z.object({
  kpi: KpiBrief,
  serviceId: z.string().nullable(),
  periods: z.array(
    z.object({ from: z.string(), to: z.string(), value: z.number().nullable(), formatted: z.string() }),
  ),
  title: z.string().describe('A title for the proposal, to start from'),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({ periods: z.number(), items: z.array(Suggestion) });
export type SuggestionList = z.infer<typeof SuggestionList>;

export const SuggestionDismiss = z.object({
  kpiKey: KpiKey,
  serviceId: Uuid.nullish(),
});
export type SuggestionDismiss = z.infer<typeof SuggestionDismiss>;

export const ImprovementSettings = z.object({
  suggestionPeriods: z.number().int().min(1).max(12),
});
export type ImprovementSettings = z.infer<typeof ImprovementSettings>;

// The register report

export const RegisterQuery = z.object({
  state: csv(z.string().max(40)).optional(),
  serviceId: Uuid.optional(),
  assigneeId: Uuid.optional().describe('Owner'),
  format: ReportFormat,
});
export type RegisterQuery = z.infer<typeof RegisterQuery>;

const Count = z.object({ key: z.string().nullable(), label: z.string(), count: z.number() });
export const RegisterRow = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateCategory: z.string(),
  priority: z.number(),
  owner: z.string().nullable(),
  sourceKind: z.enum(IMPROVEMENT_SOURCES),
  sourceRef: z.string().nullable(),
  services: z.array(z.string()),
  expectedBenefit: z.string(),
  outcomes: z.array(ImprovementOutcome),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterReport = z.object({
  items: z.array(RegisterRow),
  byStatus: z.array(Count),
  byOwner: z.array(Count),
  byService: z.array(Count),
});
export type RegisterReport = z.infer<typeof RegisterReport>;
