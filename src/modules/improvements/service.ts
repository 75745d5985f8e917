/**
 * Continual improvement on the records core: raising a proposal from its source (a KPI off
 * target, a service review, a problem, a change's post-implementation review, or a person), the
 * detail view with its measured outcome, and the lifecycle step that takes the baseline again
 * when a proposal is approved.
 *
 * Who works the register: agents, service managers and process owners (they update records);
 * approving and rejecting are the accountable roles' (the lifecycle's transition roles). Everyone
 * who reads reports reads it; requesters never do.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ImprovementCreate, ImprovementView } from '../../contracts/improvements.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid } from '../../errors.ts';
import { findService } from '../catalog/index.ts';
import {
  CHANGE,
  createRecord,
  findRecord,
  getRecordView,
  IMPROVEMENT,
  PROBLEM,
  type TransitionInput,
  transitionRecord,
  writeHistory,
} from '../records/index.ts';
import { checkKpiKeys, loadDetailRow, presentDetails } from './details.ts';
import { measureBaseline, measureOutcomes } from './measure.ts';
import { improvementDetails } from './schema.ts';

/** The state an improvement is done in; its outcome is measured from then. */
export const DONE_STATE = 'done';
/** The state whose entry takes the baseline again. */
export const APPROVED_STATE = 'approved';

export function assertImprover(actor: Actor): void {
  if (!can(actor, 'improvement.raise')) throw forbidden('Only staff who work records raise improvements.');
}

export function assertRegisterReader(actor: Actor): void {
  if (!can(actor, 'report.read')) throw forbidden('The improvement register is for the IT organisation.');
}

type Source = Pick<ImprovementCreate, 'sourceKind' | 'sourceRef' | 'kpiKeys' | 'serviceIds' | 'kpiFilter'>;

/** The source checked and normalised: what it names exists, and a KPI source is one of the KPIs. */
async function checkSource(db: Db, input: Source) {
  const ref = input.sourceRef?.trim() || null;
  let kpiKeys = input.kpiKeys ?? [];
  const serviceIds = [...(input.serviceIds ?? [])];
  let sourceRef: string | null = null;
  switch (input.sourceKind) {
    case 'kpi':
      if (!ref) throw invalid([{ field: 'sourceRef', message: 'name the KPI that is off target' }]);
      checkKpiKeys([ref], 'sourceRef');
      kpiKeys = [ref, ...kpiKeys];
      sourceRef = ref;
      break;
    case 'problem':
    case 'pir': {
      const type = input.sourceKind === 'problem' ? PROBLEM : CHANGE;
      const row = ref ? await findRecord(db, ref) : undefined;
      if (!row || row.type !== type.type)
        throw invalid([
          { field: 'sourceRef', message: `name the ${type.label.toLowerCase()} it comes from` },
        ]);
      sourceRef = row.number;
      if (row.serviceId) serviceIds.push(row.serviceId);
      break;
    }
    case 'service_review':
      if (ref) {
        const svc = /^[0-9a-f-]{36}$/i.test(ref) ? await findService(db, ref) : undefined;
        if (!svc) throw invalid([{ field: 'sourceRef', message: 'name the reviewed service' }]);
        sourceRef = ref;
        serviceIds.push(ref);
      }
      break;
    case 'person':
      break;
  }
  if (input.kpiFilter?.serviceId) serviceIds.push(input.kpiFilter.serviceId);
  const unique = [...new Set(serviceIds)];
  for (const [i, id] of unique.entries())
    if (!(await findService(db, id)))
      throw invalid([{ field: `serviceIds.${i}`, message: `no service ${id}` }]);
  return {
    sourceRef,
    kpiKeys: checkKpiKeys(kpiKeys),
    serviceIds: unique,
    kpiFilter: input.kpiFilter && Object.keys(input.kpiFilter).length ? input.kpiFilter : null,
  };
}

export async function createImprovement(
  ctx: AppContext,
  actor: Actor,
  input: ImprovementCreate,
): Promise<ImprovementView> {
  assertImprover(actor);
  const source = await checkSource(ctx.db, input);
  const days = input.outcomeDays ?? 30;
  const now = ctx.clock.now();
  const baseline = await measureBaseline(ctx.db, source.kpiKeys, source.kpiFilter, days, now);
  const created = await createRecord(
    ctx,
    actor,
    IMPROVEMENT,
    {
      title: input.title,
      description: input.description,
      impact: input.impact,
      urgency: input.urgency,
      assigneeId: input.assigneeId ?? null,
      groupId: input.groupId ?? null,
      serviceId: source.serviceIds[0] ?? null,
    },
    {
      withRecord: async (tx, row) => {
        await tx.insert(improvementDetails).values({
          recordId: row.id,
          sourceKind: input.sourceKind,
          sourceRef: source.sourceRef,
          kpiFilter: source.kpiFilter,
          expectedBenefit: input.expectedBenefit.trim(),
          serviceIds: source.serviceIds,
          kpiKeys: source.kpiKeys,
          outcomeDays: days,
          baselineAt: now,
          baseline,
        });
      },
    },
  );
  return getImprovementView(ctx, actor, created.id);
}

/** A proposal with its details and the measured outcome of each linked KPI. */
export async function getImprovementView(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
): Promise<ImprovementView> {
  const rec = await getRecordView(ctx, actor, IMPROVEMENT, idOrNumber);
  const row = await loadDetailRow(ctx.db, rec.id);
  if (!row) throw invalid([{ field: 'id', message: `${rec.number} has no improvement details` }]);
  const details = presentDetails(row);
  const outcomes = await measureOutcomes(
    ctx.db,
    { ...details, doneAt: rec.state === DONE_STATE && rec.closedAt ? new Date(rec.closedAt) : null },
    ctx.clock.now(),
  );
  return { ...rec, ...details, outcomes };
}

/** Move a proposal; approving takes the baseline again, as the KPIs stand at approval. */
export async function transitionImprovement(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: TransitionInput,
  expectedVersion: number | undefined,
): Promise<ImprovementView> {
  const rec = await transitionRecord(ctx, actor, IMPROVEMENT, idOrNumber, input, expectedVersion, []);
  if (rec.state === APPROVED_STATE) {
    const row = await loadDetailRow(ctx.db, rec.id);
    if (row) {
      const now = ctx.clock.now();
      const baseline = await measureBaseline(ctx.db, row.kpiKeys, row.kpiFilter, row.outcomeDays, now);
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(improvementDetails)
          .set({ baseline, baselineAt: now })
          .where(eq(improvementDetails.recordId, rec.id));
        await writeHistory(tx, rec.id, actor.userId, now, [
          {
            field: 'baselineAt',
            oldValue: row.baselineAt?.toISOString() ?? null,
            newValue: now.toISOString(),
          },
        ]);
      });
    }
  }
  return getImprovementView(ctx, actor, rec.id);
}
