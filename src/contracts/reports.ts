/** Wire shapes of reporting: the KPI library, KPI values with their cuts, drill-downs, dashboards and reports. */
import { z } from 'zod';
import { csv, Uuid } from './common.ts';

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
  unit: z.enum(['count', 'percent', 'seconds']),
  goodWhen: z.enum(['up', 'down']),
  aggregate: z.enum(['count', 'mean', 'median', 'rate']),
  target: z.number(),
  tolerance: z.number(),
  snapshot: z.boolean(),
  defaultTypes: z.array(z.string()),
  /** False while the records it needs do not exist yet (changes before change management). */
  available: z.boolean(),
});
export type KpiDefinitionView = z.infer<typeof KpiDefinitionView>;

const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The cut of a KPI: the period and the filters. */
export const KpiFilter = z.object({
  from: Instant.describe('Start of the period (inclusive), ISO 8601'),
  to: Instant.describe('End of the period (exclusive), ISO 8601'),
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
  rag: z.enum(['green', 'amber', 'red']).nullable(),
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
  outcome: z.enum(['hit', 'miss']).optional().describe('Only the rows that met (hit) or missed the KPI'),
  band: z.string().max(60).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
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
  outcome: z.enum(['hit', 'miss']).nullable(),
  band: z.string().nullable(),
  href: z.string().nullable(),
});
export type DrillRow = z.infer<typeof DrillRow>;
export const DrillPage = z.object({ items: z.array(DrillRow), nextCursor: z.string().nullable() });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

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
  owner: z.object({ id: z.string(), name: z.string() }),
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
