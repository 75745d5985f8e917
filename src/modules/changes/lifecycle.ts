/**
 * The rules change management adds to its lifecycle, on top of the records core's checks:
 * - a change takes only the transitions of its type (`src/domain/changes/lifecycle.ts`);
 * - going to the board (`authorise`) needs the plans and the planned window, and for a normal
 *   change its risk assessed; the review by the board starts in the same transaction (hook);
 * - scheduling by hand (standard changes) and starting implementation need the planned window
 *   and a clear schedule: no conflicts, or the change manager's override (`./conflicts.ts`);
 * - completing records the outcome (successful, failed, backed out) and the actual end;
 *   starting implementation records the actual start;
 * - closing needs the post-implementation review (`closeNeeds`).
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ChangeView } from '../../contracts/changes.ts';
import {
  CHANGE_STATES,
  type ChangeType,
  closeNeeds,
  lifecycleForType,
  transitionChangeType,
} from '../../domain/changes/lifecycle.ts';
import { CHANGE_RESOLUTION_CODES } from '../../domain/lifecycle/defaults-problem-change.ts';
import { checkTransition, stateOf } from '../../domain/lifecycle/engine.ts';
import type { Actor } from '../../domain/roles.ts';
import { AppError, invalid } from '../../errors.ts';
import { registerRecordCisHook } from '../cmdb/index.ts';
import {
  CHANGE,
  loadRecord,
  type RecordEvent,
  type RecordEventContext,
  registerRecordHook,
  type TransitionInput,
  transitionRecord,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { cancelActiveReviews, startReview } from './cab.ts';
import { assertScheduleClear, onChangeCisChanged, registerChangeSchedule } from './conflicts.ts';
import { type ChangeDetailRow, loadDetailRow } from './details.ts';
import { notifyChangeScheduled, registerChangeNotifications } from './notifications.ts';
import { changeDetails } from './schema.ts';
import { getChangeView } from './service.ts';
import { registerChangeStatus } from './status.ts';

const TYPE_WORDS: Record<ChangeType, string> = {
  standard: 'A standard change (pre-approved)',
  normal: 'A normal change',
  emergency: 'An emergency change',
};

function missing(d: ChangeDetailRow, fields: (keyof ChangeDetailRow)[], message: string): void {
  const absent = fields.filter((f) => d[f] === null || d[f] === '');
  if (absent.length)
    throw invalid(
      absent.map((f) => ({ field: f, message: 'is required' })),
      message,
    );
}

/** Module rules for moving a change of type `d.changeType` to `target`. */
function assertChangeRules(
  d: ChangeDetailRow,
  target: string,
  fromCategory: string | undefined,
  targetCategory: string,
) {
  if (target === CHANGE_STATES.authorise) {
    missing(
      d,
      ['plannedStart', 'plannedEnd', 'implementationPlan', 'backoutPlan'],
      'The board needs the planned window, the implementation plan and the back-out plan.',
    );
    if (d.changeType === 'normal' && !d.riskLevel)
      throw invalid(
        [{ field: 'risk', message: 'answer the risk questionnaire' }],
        'Assess the risk before the board.',
      );
  }
  if (target === CHANGE_STATES.scheduled || target === CHANGE_STATES.implement)
    missing(d, ['plannedStart', 'plannedEnd'], 'Plan the start and end first.');
  if (fromCategory === 'resolved' && targetCategory === 'closed') {
    const need = closeNeeds(d.changeType, {
      outcome: d.outcome,
      reviewedAt: d.reviewedAt,
      lessons: d.pirLessons,
    });
    if (need)
      throw invalid([{ field: 'review', message: need }], `Review the change before closing it: ${need}.`);
  }
}

export async function transitionChange(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: TransitionInput,
  expectedVersion: number | undefined,
): Promise<ChangeView> {
  const { row } = await loadRecord(ctx, actor, ref, { type: CHANGE.type });
  const d = await loadDetailRow(ctx.db, row.id);
  const { value: lifecycle } = await getLifecycle(ctx.db, CHANGE.process);
  const who = { roles: actor.roles, isRequester: row.requesterId === actor.userId };
  const all = checkTransition(lifecycle, row.state, input.to, who, input);
  const mine = checkTransition(lifecycleForType(lifecycle, d.changeType), row.state, input.to, who, input);
  // The core reports transitions it refuses (roles, missing fields, stale version) itself.
  if (all.ok && !mine.ok && mine.reason === 'no_such_transition') {
    const reserved = transitionChangeType(all.transition.key);
    throw new AppError(
      'lifecycle.transition_forbidden',
      `${TYPE_WORDS[d.changeType]} does not take "${all.transition.label}"${reserved ? `: that step is for ${reserved} changes` : ''}.`,
      [],
      { from: row.state, to: input.to },
    );
  }
  if (mine.ok && row.version === (expectedVersion ?? row.version)) {
    const target = stateOf(lifecycle, mine.transition.to)!;
    assertChangeRules(d, target.key, stateOf(lifecycle, row.state)?.category, target.category);
    if (target.key === CHANGE_STATES.scheduled || target.key === CHANGE_STATES.implement)
      await assertScheduleClear(ctx, row, d);
  }
  const view = await transitionRecord(
    ctx,
    actor,
    CHANGE,
    row.id,
    input,
    expectedVersion,
    CHANGE_RESOLUTION_CODES,
  );
  return getChangeView(ctx, actor, view.id);
}

/**
 * Reactions inside the transaction that moves a change: the board review starts on reaching
 * `authorise` (refused when no board is set up) and ends when the change leaves it otherwise;
 * implementation records its actual start, completion the outcome and actual end.
 */
async function onChangeMoved(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  if (event.kind !== 'transitioned' || ec.cfg.type !== CHANGE.type) return;
  const { tx, at } = ec;
  const d = await loadDetailRow(tx, event.record.id, true);
  if (event.to === CHANGE_STATES.authorise && event.from !== CHANGE_STATES.authorise)
    await startReview(tx, event.record, d.changeType, d.cabId, ec.actorId, at);
  if (event.from === CHANGE_STATES.authorise && event.to !== CHANGE_STATES.authorise)
    await cancelActiveReviews(tx, event.record.id, at);
  if (event.to === CHANGE_STATES.scheduled && event.from !== CHANGE_STATES.scheduled)
    await notifyChangeScheduled(ec.ctx, tx, event.record, d, ec.actorId, at);
  if (event.to === CHANGE_STATES.implement && !d.actualStart)
    await tx.update(changeDetails).set({ actualStart: at }).where(eq(changeDetails.recordId, d.recordId));
  const target = stateOf(ec.lifecycle, event.to);
  if (target?.category === 'resolved' && event.from === CHANGE_STATES.implement) {
    const outcome = event.record.resolutionCode as ChangeDetailRow['outcome'];
    await tx
      .update(changeDetails)
      .set({
        outcome: outcome && (CHANGE_RESOLUTION_CODES as readonly string[]).includes(outcome) ? outcome : null,
        actualEnd: at,
      })
      .where(eq(changeDetails.recordId, d.recordId));
  }
}

/** The module's reactions: its lifecycle hook and its place on the change schedule. */
export function registerChangeHooks(): void {
  registerChangeNotifications();
  registerChangeSchedule();
  registerChangeStatus();
  registerRecordCisHook('changes.conflicts', onChangeCisChanged);
  registerRecordHook(
    'changes.lifecycle',
    onChangeMoved,
    ['transitioned'],
    async (_ctx, cfg) => cfg.type === CHANGE.type,
  );
}
