/**
 * Dashboards: one ready-made layout per role (service manager, process owner, executive, team
 * lead, agent), and the dashboards people arrange themselves from KPI widgets (add, remove,
 * reorder) and share with every internal user. Only the owner changes or deletes one.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DashboardInput,
  DashboardPatch,
  DashboardView,
  RoleDashboard,
} from '../../contracts/reports.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { kpiDefinition } from './catalog.ts';
import { type DashboardWidget, dashboards } from './schema.ts';

const w = (kpi: string, chart: DashboardWidget['chart']): DashboardWidget => ({ kpi, chart });

export const ROLE_DASHBOARDS: RoleDashboard[] = [
  {
    role: 'service_manager',
    label: 'Service manager',
    widgets: [
      w('volume', 'trend'),
      w('backlog', 'bars'),
      w('sla_resolution_compliance', 'trend'),
      w('sla_response_compliance', 'value'),
      w('sla_breaches', 'bars'),
      w('ttr_mean_working', 'trend'),
      w('first_contact_resolution', 'value'),
      w('csat', 'trend'),
      w('volume', 'heatmap'),
    ],
  },
  {
    role: 'process_owner',
    label: 'Process owner',
    widgets: [
      w('tta_median_working', 'trend'),
      w('ttr_median_working', 'trend'),
      w('reopen_rate', 'value'),
      w('first_contact_resolution', 'trend'),
      w('problem_to_known_error', 'value'),
      w('approval_turnaround', 'value'),
      w('change_success_rate', 'value'),
      w('emergency_change_share', 'value'),
    ],
  },
  {
    role: 'executive',
    label: 'Executive',
    widgets: [
      w('sla_resolution_compliance', 'value'),
      w('volume', 'value'),
      w('ttr_mean_calendar', 'value'),
      w('request_fulfilment_time', 'value'),
      w('csat', 'value'),
      w('sla_resolution_compliance', 'trend'),
      w('ci_completeness', 'value'),
    ],
  },
  {
    role: 'team_lead',
    label: 'Team lead',
    widgets: [
      w('backlog', 'stacked'),
      w('ola_resolution_compliance', 'trend'),
      w('ola_response_compliance', 'value'),
      w('ola_breaches', 'bars'),
      w('tta_mean_working', 'value'),
      w('csat', 'value'),
      w('volume', 'heatmap'),
    ],
  },
  {
    role: 'agent',
    label: 'Agent',
    widgets: [
      w('backlog', 'bars'),
      w('sla_breaches', 'value'),
      w('ttr_median_working', 'value'),
      w('reopen_rate', 'value'),
    ],
  },
];

type Row = typeof dashboards.$inferSelect;

function present(row: Row, ownerName: string, actor: Actor): DashboardView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as DashboardView['role'],
    owner: { id: row.ownerId, name: ownerName },
    shared: row.shared,
    mine: row.ownerId === actor.userId,
    widgets: row.widgets,
    version: row.version,
  };
}

function checkWidgets(widgets: readonly DashboardWidget[] | undefined): void {
  const unknown = (widgets ?? []).flatMap((x, i) =>
    kpiDefinition(x.kpi) ? [] : [{ field: `widgets.${i}.kpi`, message: `no KPI "${x.kpi}"` }],
  );
  if (unknown.length) throw invalid(unknown, 'A widget names a KPI that does not exist.');
}

function mayRead(actor: Actor): void {
  if (!can(actor, 'report.read')) throw forbidden('Dashboards are for the IT organisation.');
}

export async function listDashboards(db: Db, actor: Actor): Promise<DashboardView[]> {
  mayRead(actor);
  const rows = await db
    .select({ d: dashboards, ownerName: users.name })
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(or(eq(dashboards.ownerId, actor.userId), eq(dashboards.shared, true)))
    .orderBy(asc(dashboards.name), asc(dashboards.id))
    .limit(200);
  return rows.map((r) => present(r.d, r.ownerName, actor));
}

async function load(db: Db, actor: Actor, id: string): Promise<{ d: Row; ownerName: string }> {
  mayRead(actor);
  const [row] = await db
    .select({ d: dashboards, ownerName: users.name })
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(and(eq(dashboards.id, id), or(eq(dashboards.ownerId, actor.userId), eq(dashboards.shared, true))));
  if (!row) throw notFound('Dashboard', id);
  return row;
}

export async function getDashboard(db: Db, actor: Actor, id: string): Promise<DashboardView> {
  const r = await load(db, actor, id);
  return present(r.d, r.ownerName, actor);
}

export async function createDashboard(
  db: Db,
  actor: Actor,
  input: z.output<typeof DashboardInput>,
): Promise<DashboardView> {
  if (!can(actor, 'dashboard.manage')) throw forbidden('You may not arrange dashboards.');
  checkWidgets(input.widgets);
  const [row] = await db
    .insert(dashboards)
    .values({ ...input, ownerId: actor.userId, createdBy: actor.userId })
    .returning();
  return getDashboard(db, actor, row!.id);
}

export async function updateDashboard(
  db: Db,
  actor: Actor,
  id: string,
  patch: z.output<typeof DashboardPatch>,
  expected: number | undefined,
): Promise<DashboardView> {
  return db.transaction(async (tx) => {
    const { d } = await load(tx, actor, id);
    if (d.ownerId !== actor.userId || !can(actor, 'dashboard.manage'))
      throw forbidden('Only the owner changes a dashboard; save a copy of it as your own instead.');
    assertVersion({ version: d.version, number: `Dashboard “${d.name}”` }, expected);
    checkWidgets(patch.widgets);
    await writeNextVersion(tx, dashboards, d, patch, new Date());
    return getDashboard(tx, actor, id);
  });
}

export async function deleteDashboard(db: Db, actor: Actor, id: string): Promise<void> {
  const { d } = await load(db, actor, id);
  if (d.ownerId !== actor.userId || !can(actor, 'dashboard.manage'))
    throw forbidden('Only the owner deletes a dashboard.');
  await db.delete(dashboards).where(eq(dashboards.id, id));
}
