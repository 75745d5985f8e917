/**
 * The rules problem management adds to its lifecycle, on top of the records core's checks:
 * - reaching `root_cause_known` needs a recorded root cause;
 * - reaching `known_error` needs a known error in the database that is not retired;
 * - closing a resolved problem needs its fix: a linked change that was completed successfully,
 *   or an explicit closure reason;
 * - resolving may also resolve the linked open incidents, each requester told by a public
 *   comment and the incident lifecycle's own notification on resolving.
 * A resolved problem's active known error becomes `fixed`; reopening makes it active again.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ProblemView } from '../../contracts/problems.ts';
import type { Db } from '../../db/client.ts';
import { PROBLEM_RESOLUTION_CODES } from '../../domain/lifecycle/defaults-problem-change.ts';
import {
  checkTransition,
  isUnresolved,
  type LifecycleState,
  stateOf,
} from '../../domain/lifecycle/engine.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict, invalid } from '../../errors.ts';
import {
  INCIDENT,
  linkedRecordIds,
  loadRecord,
  PROBLEM,
  type RecordRow,
  records,
  systemTransition,
  type TransitionInput,
  transitionRecord,
  writeHistory,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { knownErrorOfProblem, setKnownErrorStatus } from './known-errors.ts';
import { problemDetails } from './schema.ts';
import { analysisOf, getProblemView, linkedIncidents } from './service.ts';

export type ProblemTransitionInput = TransitionInput & {
  closureReason?: string | undefined;
  resolveIncidents?: boolean | undefined;
};

/**
 * Whether a change linked to the problem (either way) was completed successfully: it carries a
 * resolution with the `successful` outcome. A failed or backed-out change linked to the problem
 * (one that raised it, say) is not its fix.
 */
export async function hasCompletedChange(db: Db, problemId: string): Promise<boolean> {
  const ids = await linkedRecordIds(db, problemId);
  if (ids.length === 0) return false;
  const [done] = await db
    .select({ id: records.id })
    .from(records)
    .where(
      and(
        inArray(records.id, ids),
        eq(records.type, 'change'),
        isNotNull(records.resolvedAt),
        eq(records.resolutionCode, 'successful'),
      ),
    )
    .limit(1);
  return done !== undefined;
}

async function assertProblemRules(
  db: Db,
  row: RecordRow,
  from: LifecycleState | undefined,
  target: LifecycleState,
  input: ProblemTransitionInput,
): Promise<void> {
  if (target.key === 'root_cause_known' && !(await analysisOf(db, row.id)).rootCause?.trim())
    throw invalid(
      [{ field: 'rootCause', message: 'record the root cause first' }],
      'The root cause is not recorded yet.',
    );
  if (target.key === 'known_error') {
    const ke = await knownErrorOfProblem(db, row.id);
    if (!ke || ke.status === 'retired')
      throw invalid(
        [{ field: 'knownError', message: 'record a known error first' }],
        'No known error is recorded for this problem.',
      );
  }
  if (from?.category === 'resolved' && target.category === 'closed') {
    if (!input.closureReason?.trim() && !(await hasCompletedChange(db, row.id)))
      throw invalid(
        [
          {
            field: 'closureReason',
            message: 'no successfully completed change is linked: give the reason for closing',
          },
        ],
        'Closing a problem needs its fix: a completed linked change, or a reason.',
      );
  }
}

/** Move a problem: the records core's checks, then problem management's own rules. */
export async function transitionProblem(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: ProblemTransitionInput,
  expectedVersion: number | undefined,
): Promise<ProblemView> {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: PROBLEM.type });
  const { value: lifecycle } = await getLifecycle(ctx.db, PROBLEM.process);
  const check = checkTransition(
    lifecycle,
    row.state,
    input.to,
    { roles: actor.roles, isRequester: false },
    input,
  );
  const from = stateOf(lifecycle, row.state);
  const target = check.ok ? stateOf(lifecycle, check.transition.to) : undefined;
  // The core reports transitions it refuses (roles, missing fields, stale version) itself.
  if (target && row.version === (expectedVersion ?? row.version))
    await assertProblemRules(ctx.db, row, from, target, input);
  const view = await transitionRecord(
    ctx,
    actor,
    PROBLEM,
    row.id,
    input,
    expectedVersion,
    PROBLEM_RESOLUTION_CODES,
  );
  if (!target) return getProblemView(ctx, actor, view.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const reason = input.closureReason?.trim();
    if (target.category === 'closed' && from?.category === 'resolved' && reason) {
      await tx
        .insert(problemDetails)
        .values({ recordId: row.id, closureReason: reason })
        .onConflictDoUpdate({ target: problemDetails.recordId, set: { closureReason: reason } });
      await writeHistory(tx, row.id, actor.userId, now, [
        { field: 'closureReason', oldValue: null, newValue: reason },
      ]);
    }
    if (target.category === 'resolved') await setKnownErrorStatus(tx, row.id, 'active', 'fixed', now);
    if (from?.category === 'resolved' && isUnresolved(target.category))
      await setKnownErrorStatus(tx, row.id, 'fixed', 'active', now);
  });
  if (target.category === 'resolved' && input.resolveIncidents)
    await resolveProblemIncidents(ctx, actor, row.id);
  return getProblemView(ctx, actor, row.id);
}

/** The incident resolution code that matches how the problem was resolved. */
function incidentCode(problemCode: string | null): string {
  if (problemCode === 'fixed_by_change') return 'resolved_by_change';
  if (problemCode === 'permanent_workaround' || problemCode === 'no_fix_possible') return 'solved_workaround';
  return 'solved_permanently';
}

/**
 * Resolve the open incidents linked to a resolved problem, in one transaction. Each incident
 * gets a public comment saying why, and its requester the incident lifecycle's notification.
 */
export async function resolveProblemIncidents(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
): Promise<{ resolved: string[] }> {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: PROBLEM.type, need: 'update' });
  const { value: lifecycle } = await getLifecycle(ctx.db, PROBLEM.process);
  const category = stateOf(lifecycle, row.state)?.category;
  if (category !== 'resolved' && category !== 'closed')
    throw conflict(`${row.number} is not resolved yet: resolve it before its incidents.`);
  const { value: incidentLifecycle } = await getLifecycle(ctx.db, INCIDENT.process);
  const resolvedState = incidentLifecycle.states.find((s) => s.category === 'resolved');
  if (!resolvedState) throw conflict('The incident lifecycle has no resolved state.');
  const open = (await linkedIncidents(ctx.db, row.id)).filter((i) => isUnresolved(i.category));
  for (const inc of open) await loadRecord(ctx, actor, inc.id, { need: 'update' });
  const notes = row.resolutionNotes ?? '';
  const resolved: string[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const inc of open) {
      const moved = await systemTransition(ctx, tx, INCIDENT, inc.id, resolvedState.key, {
        reason: `Resolved with problem ${row.number} "${row.title}": ${notes}`.trim(),
        actorId: actor.userId,
        resolutionCode: incidentCode(row.resolutionCode),
        resolutionNotes: notes || `Resolved with problem ${row.number}.`,
      });
      if (moved) resolved.push(inc.number);
    }
  });
  return { resolved };
}
