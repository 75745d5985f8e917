/**
 * The register as a report for management: every proposal with its owner, services, source and
 * measured outcome, counted by status, owner and service; as JSON, or CSV/XLSX with the reports
 * module's export helpers.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RegisterQuery, RegisterReport, RegisterRow } from '../../contracts/improvements.ts';
import { namesById } from '../../db/names.ts';
import { stateView } from '../../domain/lifecycle/engine.ts';
import type { Actor } from '../../domain/roles.ts';
import { users } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { IMPROVEMENT, records } from '../records/index.ts';
import type { Table } from '../reports/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { presentDetails } from './details.ts';
import { measureOutcomes } from './measure.ts';
import { improvementDetails } from './schema.ts';
import { assertRegisterReader, DONE_STATE } from './service.ts';

const MAX_ROWS = 2000;

function countBy(rows: RegisterRow[], keys: (r: RegisterRow) => { key: string | null; label: string }[]) {
  const counts = new Map<string | null, { key: string | null; label: string; count: number }>();
  for (const r of rows)
    for (const k of keys(r)) {
      const c = counts.get(k.key) ?? { ...k, count: 0 };
      c.count++;
      counts.set(k.key, c);
    }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export async function registerReport(
  ctx: AppContext,
  actor: Actor,
  q: Omit<RegisterQuery, 'format'>,
): Promise<RegisterReport> {
  assertRegisterReader(actor);
  const conds: SQL[] = [eq(records.type, IMPROVEMENT.type)];
  if (q.state?.length) conds.push(inArray(records.state, q.state));
  if (q.assigneeId) conds.push(eq(records.assigneeId, q.assigneeId));
  if (q.serviceId)
    conds.push(sql`${improvementDetails.serviceIds} @> ${JSON.stringify([q.serviceId])}::jsonb`);
  const rows = await ctx.db
    .select({ rec: records, details: improvementDetails, owner: users.name })
    .from(records)
    .innerJoin(improvementDetails, eq(improvementDetails.recordId, records.id))
    .leftJoin(users, eq(users.id, records.assigneeId))
    .where(and(...conds))
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(MAX_ROWS);
  const names = await namesById(
    ctx.db,
    cis,
    rows.flatMap((r) => r.details.serviceIds),
  );
  const { value: lifecycle } = await getLifecycle(ctx.db, IMPROVEMENT.process);
  const now = ctx.clock.now();
  const items = await Promise.all(
    rows.map(async ({ rec, details, owner }): Promise<RegisterRow> => {
      const d = presentDetails(details);
      const outcomes = await measureOutcomes(
        ctx.db,
        { ...d, doneAt: rec.state === DONE_STATE ? rec.closedAt : null },
        now,
      );
      return {
        id: rec.id,
        number: rec.number,
        title: rec.title,
        ...stateView(lifecycle, rec.state),
        priority: rec.priority,
        owner: owner ?? null,
        sourceKind: d.sourceKind,
        sourceRef: d.sourceRef,
        services: d.serviceIds.map((id) => names.get(id) ?? id),
        expectedBenefit: d.expectedBenefit,
        outcomes,
        createdAt: rec.createdAt.toISOString(),
        closedAt: rec.closedAt?.toISOString() ?? null,
      };
    }),
  );
  const order = new Map(lifecycle.states.map((s, i) => [s.key, i]));
  return {
    items,
    byStatus: countBy(items, (r) => [{ key: r.state, label: r.stateLabel }]).sort(
      (a, b) => (order.get(a.key ?? '') ?? 99) - (order.get(b.key ?? '') ?? 99),
    ),
    byOwner: countBy(items, (r) => [{ key: r.owner, label: r.owner ?? 'No owner' }]),
    byService: countBy(items, (r) =>
      r.services.length
        ? r.services.map((s) => ({ key: s, label: s }))
        : [{ key: null, label: 'No service' }],
    ),
  };
}

/** The register as export tables: the proposals (one row per linked KPI's outcome) and the counts. */
export function registerTables(report: RegisterReport): Table[] {
  const proposals: Table = {
    title: 'Improvement register',
    columns: [
      'Number',
      'Title',
      'Status',
      'Priority',
      'Owner',
      'Source',
      'Source reference',
      'Services',
      'Expected benefit',
      'KPI',
      'Good when',
      'Before',
      'After',
      'Outcome',
      'Raised',
      'Done or rejected',
    ],
    rows: report.items.flatMap((r) => {
      const base = [
        r.number,
        r.title,
        r.stateLabel,
        `P${r.priority}`,
        r.owner,
        r.sourceKind,
        r.sourceRef,
        r.services.join(', '),
        r.expectedBenefit,
      ];
      const tail = [r.createdAt.slice(0, 10), r.closedAt?.slice(0, 10) ?? null];
      if (r.outcomes.length === 0) return [[...base, null, null, null, null, null, ...tail]];
      return r.outcomes.map((o) => [
        ...base,
        o.kpi.label,
        o.kpi.goodWhen === 'up' ? 'higher' : 'lower',
        o.beforeFormatted,
        o.afterFormatted,
        o.verdict,
        ...tail,
      ]);
    }),
  };
  const counts = (title: string, rows: RegisterReport['byStatus']): Table => ({
    title,
    columns: [title.replace('By ', ''), 'Proposals'],
    rows: rows.map((c) => [c.label, c.count]),
  });
  return [
    proposals,
    counts('By status', report.byStatus),
    counts('By owner', report.byOwner),
    counts('By service', report.byService),
  ];
}
