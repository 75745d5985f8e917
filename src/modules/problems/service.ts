/**
 * Problem management on the records core: raising a problem from incidents (linked both ways:
 * the incident is `caused_by` the problem), its root-cause analysis, and the detail view.
 * Lifecycle rules are in `./lifecycle.ts`, the known-error database in `./known-errors.ts`.
 *
 * Who sees problems: agents and everyone who reads all records. A requester sees a problem only
 * when an agent adds them as a watcher (the records core's rule); they never create one.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  ProblemAnalysis,
  ProblemAnalysisPatch,
  ProblemIncident,
  ProblemView,
} from '../../contracts/problems.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import { isEditableState } from '../../domain/records/policy.ts';
import { type Actor, can, canOnRecord } from '../../domain/roles.ts';
import { conflict, forbidden } from '../../errors.ts';
import { assertCanLinkCis, linkCis, recordCis } from '../cmdb/index.ts';
import {
  type CreateRecordInput,
  createRecord,
  getRecordView,
  INCIDENT,
  linkedRecordIds,
  loadRecord,
  PROBLEM,
  type RecordRow,
  recordHistory,
  recordLinks,
  records,
  recordsNamed,
  writeHistory,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { knownErrorOfProblem } from './known-errors.ts';
import { problemDetails } from './schema.ts';

/** The link kind between an incident and its problem: incident → problem. */
export const PROBLEM_LINK = 'caused_by' as const;

/** A problem is raised with the fields of any record but its category, channel and requester. */
export type CreateProblemInput = Pick<
  CreateRecordInput,
  'title' | 'description' | 'impact' | 'urgency' | 'assigneeId' | 'groupId' | 'serviceId'
> & {
  incidentIds?: string[] | undefined;
  ciIds?: string[] | undefined;
  proactive?: boolean | undefined;
  rcaMethod?: string | undefined;
};

export function assertProblemWorker(actor: Actor): void {
  if (!can(actor, 'record.update')) throw forbidden('Only agents work on problems.');
}

/** Incidents named by id or number, each one the actor may update; unknown ones answer 422. */
function incidentsNamed(ctx: AppContext, actor: Actor, refs: string[]): Promise<RecordRow[]> {
  return recordsNamed(ctx.db, refs, INCIDENT.type, 'incidentIds', (row) =>
    loadRecord(ctx, actor, row.id, { need: 'update' }),
  );
}

/** Link incidents to a problem (incident caused_by problem), with a history line on both sides. */
async function linkIncidents(tx: Db, actorId: string, problem: RecordRow, incidents: RecordRow[], at: Date) {
  if (incidents.length === 0) return;
  const added = await tx
    .insert(recordLinks)
    .values(
      incidents.map((i) => ({
        fromId: i.id,
        toId: problem.id,
        kind: PROBLEM_LINK,
        createdBy: actorId,
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ fromId: recordLinks.fromId });
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const rows = added.flatMap(({ fromId }) => {
    const inc = byId.get(fromId)!;
    return [
      {
        recordId: inc.id,
        actorId,
        at,
        field: `link.${PROBLEM_LINK}`,
        oldValue: null,
        newValue: problem.number,
      },
      { recordId: problem.id, actorId, at, field: 'link.incident', oldValue: null, newValue: inc.number },
    ];
  });
  if (rows.length) await tx.insert(recordHistory).values(rows);
}

/** The single service the incidents share, if they share one. */
function sharedService(incidents: RecordRow[]): string | null {
  const ids = new Set(incidents.map((i) => i.serviceId));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

export async function createProblem(
  ctx: AppContext,
  actor: Actor,
  input: CreateProblemInput,
): Promise<ProblemView> {
  assertProblemWorker(actor);
  const { incidentIds, ciIds, proactive, rcaMethod, ...fields } = input;
  const incidents = await incidentsNamed(ctx, actor, incidentIds ?? []);
  if (ciIds?.length) assertCanLinkCis(actor);
  const serviceId = fields.serviceId ?? sharedService(incidents);
  const created = await createRecord(
    ctx,
    actor,
    PROBLEM,
    { ...fields, serviceId },
    {
      withRecord: async (tx, row) => {
        await tx.insert(problemDetails).values({
          recordId: row.id,
          proactive: proactive ?? incidents.length === 0,
          rcaMethod: rcaMethod ?? null,
        });
        await linkIncidents(tx, actor.userId, row, incidents, row.createdAt);
        // Affected CIs: those named, else those of the incidents it is raised from.
        let affected = ciIds ?? [];
        if (!ciIds && incidents.length) {
          const rows = await tx
            .select({ ciId: recordCis.ciId })
            .from(recordCis)
            .where(
              inArray(
                recordCis.recordId,
                incidents.map((i) => i.id),
              ),
            );
          affected = rows.map((r) => r.ciId);
        }
        await linkCis(tx, actor.userId, row.id, affected, row.createdAt);
      },
    },
  );
  return getProblemView(ctx, actor, created.id);
}

/** Link more incidents to an open problem. */
export async function addProblemIncidents(ctx: AppContext, actor: Actor, idOrNumber: string, refs: string[]) {
  assertProblemWorker(actor);
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: PROBLEM.type, need: 'update' });
  const incidents = await incidentsNamed(ctx, actor, refs);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await linkIncidents(tx, actor.userId, row, incidents, now);
    await tx.update(records).set({ updatedAt: now }).where(eq(records.id, row.id));
  });
  return getProblemView(ctx, actor, row.id);
}

/** The incidents linked to a problem, with their state category in the incident lifecycle. */
export async function linkedIncidents(
  db: Db,
  problemId: string,
): Promise<(RecordRow & { category: string })[]> {
  const ids = await linkedRecordIds(db, problemId, [PROBLEM_LINK]);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(records)
    .where(and(inArray(records.id, ids), eq(records.type, INCIDENT.type)))
    .orderBy(records.createdAt);
  const { value: lifecycle } = await getLifecycle(db, INCIDENT.process);
  return rows.map((r) => ({ ...r, category: stateOf(lifecycle, r.state)?.category ?? 'open' }));
}

const NO_ANALYSIS: ProblemAnalysis = {
  rootCause: null,
  rcaMethod: null,
  contributingFactors: [],
  workaround: null,
  proactive: false,
  closureReason: null,
};

export async function analysisOf(db: Db, problemId: string): Promise<ProblemAnalysis> {
  const [d] = await db.select().from(problemDetails).where(eq(problemDetails.recordId, problemId));
  if (!d) return NO_ANALYSIS;
  return {
    rootCause: d.rootCause,
    rcaMethod: d.rcaMethod as ProblemAnalysis['rcaMethod'],
    contributingFactors: d.contributingFactors,
    workaround: d.workaround,
    proactive: d.proactive,
    closureReason: d.closureReason,
  };
}

export async function getProblemView(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
): Promise<ProblemView> {
  const base = await getRecordView(ctx, actor, PROBLEM, idOrNumber);
  const incidents: ProblemIncident[] = (await linkedIncidents(ctx.db, base.id))
    .filter((i) => canOnRecord(actor, 'read', { requesterId: i.requesterId, watcherIds: [] }))
    .map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      state: i.state,
      stateCategory: i.category,
      requesterId: i.requesterId,
    }));
  return {
    ...base,
    analysis: await analysisOf(ctx.db, base.id),
    knownError: await knownErrorOfProblem(ctx.db, base.id),
    incidents,
  };
}

const ANALYSIS_FIELDS = ['rootCause', 'rcaMethod', 'contributingFactors', 'workaround'] as const;

/** Record the root-cause analysis: cause, method, contributing factors and workaround. */
export async function updateAnalysis(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  patch: ProblemAnalysisPatch,
  expectedVersion: number | undefined,
): Promise<ProblemView> {
  assertProblemWorker(actor);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { row } = await loadRecord(ctx, actor, idOrNumber, {
      type: PROBLEM.type,
      need: 'update',
      lock: true,
      db: tx,
    });
    assertVersion(row, expectedVersion);
    const { value: lifecycle } = await getLifecycle(tx, PROBLEM.process);
    if (!isEditableState(stateOf(lifecycle, row.state)?.category))
      throw conflict(`${row.number} is closed; its analysis no longer changes.`);
    const before = await analysisOf(tx, row.id);
    const changes = ANALYSIS_FIELDS.flatMap((f) => {
      const next = patch[f];
      if (next === undefined || JSON.stringify(next) === JSON.stringify(before[f])) return [];
      const text = (v: unknown) => (Array.isArray(v) ? v.join('; ') : (v as string | null));
      return [{ field: `analysis.${f}`, oldValue: text(before[f]), newValue: text(next) }];
    });
    if (changes.length === 0) return row.id;
    const values = {
      rootCause: patch.rootCause,
      rcaMethod: patch.rcaMethod,
      contributingFactors: patch.contributingFactors,
      workaround: patch.workaround,
    };
    await tx
      .insert(problemDetails)
      .values({ recordId: row.id, ...values })
      .onConflictDoUpdate({ target: problemDetails.recordId, set: values });
    await writeHistory(tx, row.id, actor.userId, now, changes);
    await tx
      .update(records)
      .set({ updatedAt: now, version: row.version + 1 })
      .where(eq(records.id, row.id));
    return row.id;
  });
  return getProblemView(ctx, actor, id);
}
