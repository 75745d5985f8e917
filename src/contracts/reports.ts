/** Wire shapes of reporting: the KPI library, KPI values with their cuts, drill-downs, dashboards and reports. */
import { z } from 'zod';
import { AGREEMENT_KINDS } from '../domain/sla/agreement.ts';
import { csv, LinkedRecord, NamedRef, Period, page, pageQuery, Uuid } from './common.ts';

export const DIMENSIONS = [
  'service',
  'customer',
  'group',
  'agent',
  'priority',
  'type',
  'state',
  'band',
  'weekday_hour',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const KpiDefinitionView = z.object({
  key: z.string(),
  label: z.string(),
  definition: z.string(),
  category: z.string(),
  unit: z.enum(['count', 'percent', 'seconds', 'hours', 'score']),
  goodWhen: z.enum(['up', 'down']),
  aggregate: z.enum(['count', 'mean', 'median', 'rate', 'sum']),
  target: z.number(),
  tolerance: z.number(),
  snapshot: z.boolean(),
  defaultTypes: z.array(z.string()),
  /** False while the records it needs do not exist yet (changes before change management). */
  available: z.boolean(),
});
export type KpiDefinitionView = z.infer<typeof KpiDefinitionView>;

/** The files a report downloads as. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** How a report is answered: JSON for the page, or a file to download. */
export const ReportFormat = z.enum(['json', ...EXPORT_FORMATS]).default('json');

const Rag = z.enum(['green', 'amber', 'red']);
const Outcome = z.enum(['hit', 'miss']);

/** The cut of a KPI: the period and the filters. */
export const KpiFilter = z.object({
  ...Period.shape,
  serviceId: Uuid.optional(),
  customerId: Uuid.optional(),
  groupId: Uuid.optional(),
  assigneeId: Uuid.optional(),
  priority: z.coerce.number().int().min(1).max(5).optional(),
  type: csv(z.string().min(1).max(40)).optional().describe('Record types, comma-separated'),
  tz: z.string().max(60).optional().describe('IANA time zone of the weekday/hour heat map (default UTC)'),
});
export type KpiFilter = z.infer<typeof KpiFilter>;

export const KpiQuery = KpiFilter.extend({
  by: z.enum(DIMENSIONS).optional().describe('Cut the KPI by this dimension'),
  split: z.enum(DIMENSIONS).optional().describe('Split the trend by this dimension (stacked bars)'),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

export const TrendPoint = z.object({
  at: z.string(),
  value: z.number().nullable(),
  count: z.number(),
  /** The split's values at this point, by series key. */
  series: z.record(z.string(), z.number()).optional(),
});
export const BreakdownRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  value: z.number().nullable(),
  count: z.number(),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const KpiResult = z.object({
  kpi: KpiDefinitionView,
  value: z.number().nullable(),
  /** Rows behind the value (records, clocks, approvals…). */
  count: z.number(),
  previous: z.number().nullable(),
  previousCount: z.number(),
  changePercent: z.number().nullable(),
  rag: Rag.nullable(),
  formatted: z.string(),
  bucket: z.enum(['day', 'week', 'month']),
  trend: z.array(TrendPoint),
  /** Series names of a split trend, in order. */
  series: z.array(z.object({ key: z.string(), label: z.string() })),
  breakdown: z.array(BreakdownRow),
});
export type KpiResult = z.infer<typeof KpiResult>;

export const KpiBatchQuery = KpiFilter.extend({
  keys: csv(z.string().min(1).max(60)).describe('KPI keys, comma-separated (at most 12)'),
});

export const DrillQuery = KpiFilter.extend({
  outcome: Outcome.optional().describe('Only the rows that met (hit) or missed the KPI'),
  band: z.string().max(60).optional(),
  ...pageQuery(200, 50).shape,
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const DrillRow = z.object({
  id: z.string(),
  /** A record's number, or a CI's name. */
  number: z.string(),
  title: z.string(),
  type: z.string(),
  state: z.string().nullable(),
  priority: z.number().nullable(),
  service: z.string().nullable(),
  group: z.string().nullable(),
  assignee: z.string().nullable(),
  customer: z.string().nullable(),
  at: z.string(),
  value: z.number().nullable(),
  formatted: z.string(),
  outcome: Outcome.nullable(),
  band: z.string().nullable(),
  href: z.string().nullable(),
});
export type DrillRow = z.infer<typeof DrillRow>;
export const DrillPage = page(DrillRow);

export const DASHBOARD_ROLES = [
  'service_manager',
  'process_owner',
  'executive',
  'team_lead',
  'agent',
] as const;
export const CHARTS = ['value', 'trend', 'bars', 'stacked', 'heatmap'] as const;
export const DashboardWidget = z.object({
  kpi: z.string().min(1).max(60),
  chart: z.enum(CHARTS),
});
export const DashboardView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(DASHBOARD_ROLES),
  owner: NamedRef,
  shared: z.boolean(),
  mine: z.boolean(),
  widgets: z.array(DashboardWidget),
  version: z.number(),
});
export type DashboardView = z.infer<typeof DashboardView>;
export const DashboardInput = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.enum(DASHBOARD_ROLES),
  shared: z.boolean().default(false),
  widgets: z.array(DashboardWidget).max(24),
});
export const DashboardPatch = DashboardInput.partial();
export const RoleDashboard = z.object({
  role: z.enum(DASHBOARD_ROLES),
  label: z.string(),
  widgets: z.array(DashboardWidget),
});
export type RoleDashboard = z.infer<typeof RoleDashboard>;
export const DashboardList = z.object({ roles: z.array(RoleDashboard), items: z.array(DashboardView) });

export const ComplianceQuery = z.object({
  ...Period.shape,
  customerId: Uuid.optional(),
  agreementId: Uuid.optional().describe('Any version of the agreement: every version of its lineage counts'),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  format: ReportFormat,
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

const MetricCompliance = z.object({
  due: z.number(),
  met: z.number(),
  breached: z.number(),
  compliance: z.number().nullable(),
});
export const ComplianceRow = z.object({
  agreementId: z.string(),
  name: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  party: z.string().nullable(),
  service: z.string().nullable(),
  response: MetricCompliance,
  resolution: MetricCompliance,
});
export const BreachExplained = z.object({
  recordId: z.string(),
  number: z.string(),
  title: z.string(),
  agreement: z.string(),
  kind: z.string(),
  metric: z.string(),
  priority: z.number(),
  customer: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string(),
  stoppedAt: z.string().nullable(),
  lateSeconds: z.number(),
  /** Why: the clock's facts in a sentence, then its timeline (when recorded). */
  explanation: z.array(z.string()),
});
export type BreachExplained = z.infer<typeof BreachExplained>;
export const ComplianceReport = z.object({
  from: z.string(),
  to: z.string(),
  customer: z.string().nullable(),
  rows: z.array(ComplianceRow),
  breaches: z.array(BreachExplained),
  /** More breaches than listed (the list stops at 500). */
  moreBreaches: z.boolean(),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const ServiceReviewQuery = z.object({
  ...Period.shape,
  format: z.enum(['json', 'pdf', 'csv', 'xlsx']).default('json'),
});
const Figure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  formatted: z.string(),
  previous: z.number().nullable(),
  previousFormatted: z.string(),
  target: z.string().nullable(),
  rag: Rag.nullable(),
});
export type Figure = z.infer<typeof Figure>;
/** A record the review lists: its number, title and state. */
const ReviewRecord = LinkedRecord.pick({ number: true, title: true, state: true });
export const ServiceReview = z.object({
  service: NamedRef.extend({ description: z.string(), owner: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  availability: z.object({
    percent: z.number(),
    target: z.number().nullable(),
    met: z.boolean().nullable(),
    outageSeconds: z.number(),
    outages: z.array(z.object({ number: z.string(), title: z.string(), from: z.string(), to: z.string() })),
  }),
  sections: z.array(z.object({ key: z.string(), title: z.string(), figures: z.array(Figure) })),
  agreements: z.array(ComplianceRow),
  breaches: z.array(BreachExplained),
  problems: z.array(ReviewRecord),
  /** Improvement proposals on the service open in the period (the continual improvement register). */
  improvements: z.array(ReviewRecord),
});
export type ServiceReview = z.infer<typeof ServiceReview>;

export const SCHEDULED_REPORTS = ['kpi_table', 'sla_compliance', 'service_review'] as const;
const ScheduleFormat = z.enum(['pdf', ...EXPORT_FORMATS]);
const Frequency = z.enum(['daily', 'weekly', 'monthly']);
export const ScheduleInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    report: z.enum(SCHEDULED_REPORTS),
    params: z
      .object({
        kpi: z.string().min(1).max(60).optional(),
        by: z.enum(DIMENSIONS).optional(),
        serviceId: Uuid.optional(),
        customerId: Uuid.optional(),
      })
      .default({}),
    format: ScheduleFormat,
    frequency: Frequency,
    recipientUserIds: z.array(Uuid).max(50).default([]),
    recipientGroupIds: z.array(Uuid).max(20).default([]),
    active: z.boolean().default(true),
  })
  .refine((s) => s.recipientUserIds.length + s.recipientGroupIds.length > 0, {
    message: 'name at least one person or group',
    path: ['recipientUserIds'],
  })
  .refine((s) => s.format !== 'pdf' || s.report === 'service_review', {
    message: 'PDF is for the service review; choose CSV or XLSX',
    path: ['format'],
  })
  .refine((s) => s.report !== 'service_review' || !!s.params.serviceId, {
    message: 'a service review needs a service',
    path: ['params', 'serviceId'],
  })
  .refine((s) => s.report !== 'kpi_table' || !!s.params.kpi, {
    message: 'choose a KPI',
    path: ['params', 'kpi'],
  });
export type ScheduleInput = z.infer<typeof ScheduleInput>;
export const ScheduleView = z.object({
  id: z.string(),
  name: z.string(),
  report: z.enum(SCHEDULED_REPORTS),
  params: z.record(z.string(), z.string()),
  format: ScheduleFormat,
  frequency: Frequency,
  recipientUserIds: z.array(z.string()),
  recipientGroupIds: z.array(z.string()),
  active: z.boolean(),
  nextRunAt: z.string(),
  owner: NamedRef,
  version: z.number(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;
export const DeliveryView = z.object({
  id: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  ranAt: z.string(),
  status: z.enum(['queued', 'failed']),
  recipients: z.array(z.string()),
  filename: z.string().nullable(),
  error: z.string().nullable(),
  /** The outbox's word on the message: queued, sending, sent, failed. */
  mailStatus: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;
