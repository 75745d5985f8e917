/**
 * The post-implementation review of a completed change: its lessons and the incidents the change
 * caused (linked: incident caused_by change), recorded while the change is in review. A failed or
 * backed-out change can raise a problem in one step; the problem is linked to the change and
 * takes its CIs, service and caused incidents.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RaiseProblem, ReviewInput } from '../../contracts/changes.ts';
import { isUnsuccessful } from '../../domain/changes/lifecycle.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict } from '../../errors.ts';
import { recordCis } from '../cmdb/index.ts';
import { createProblem } from '../problems/index.ts';
import { CHANGE, findRecord, INCIDENT, loadRecord, recordsNamed } from '../records/index.ts';
import { assertChangeWorker, lockChangeForEdit } from './access.ts';
import { loadDetailRow, saveDetailEdit } from './details.ts';
import { CAUSED_BY, linkedRecords, linkRecords } from './service.ts';

export async function recordReview(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: ReviewInput,
  expectedVersion: number | undefined,
): Promise<string> {
  assertChangeWorker(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, lifecycle } = await lockChangeForEdit(ctx, actor, ref, tx, expectedVersion);
    if (stateOf(lifecycle, row.state)?.category !== 'resolved')
      throw conflict(`${row.number} is not in review: the review follows the implementation.`);
    const before = await loadDetailRow(tx, row.id);
    const incidents = await recordsNamed(tx, input.incidentIds ?? [], INCIDENT.type, 'incidentIds');
    for (const inc of incidents) await linkRecords(tx, actor.userId, inc, row, CAUSED_BY, now);
    const lessons = input.lessons === undefined ? before.pirLessons : input.lessons || null;
    await saveDetailEdit(
      tx,
      row,
      actor.userId,
      now,
      { pirLessons: lessons, reviewedAt: now, reviewedBy: actor.userId },
      [{ field: 'review.lessons', oldValue: before.pirLessons, newValue: lessons ?? '' }],
    );
    return row.id;
  });
}

/** Raise a problem from a failed or backed-out change, linked to it (problem caused_by change). */
export async function raiseProblemFromChange(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: RaiseProblem,
): Promise<{ id: string; number: string }> {
  assertChangeWorker(actor);
  const { row } = await loadRecord(ctx, actor, ref, { type: CHANGE.type, need: 'update' });
  const d = await loadDetailRow(ctx.db, row.id);
  if (!isUnsuccessful(d.outcome))
    throw conflict(`${row.number} did not fail: problems are raised from failed or backed-out changes.`);
  const cis = await ctx.db
    .select({ ciId: recordCis.ciId })
    .from(recordCis)
    .where(eq(recordCis.recordId, row.id));
  const incidents = await linkedRecords(ctx.db, row.id, [INCIDENT.type], [CAUSED_BY]);
  const problem = await createProblem(ctx, actor, {
    title: input.title ?? `Failed change ${row.number}: ${row.title}`.slice(0, 200),
    description:
      input.description ??
      `Raised from change ${row.number}, which ${d.outcome === 'failed' ? 'failed' : 'was backed out'}.\n\n${row.resolutionNotes ?? ''}`.trim(),
    serviceId: row.serviceId,
    groupId: row.groupId,
    ciIds: cis.map((c) => c.ciId),
    incidentIds: incidents.map((i) => i.id),
    proactive: false,
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await findRecord(tx, problem.id);
    if (p) await linkRecords(tx, actor.userId, p, row, CAUSED_BY, now);
  });
  return { id: problem.id, number: problem.number };
}
