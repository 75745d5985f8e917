/**
 * Change advisory boards and their decisions. A board has members and a rule (all, any or a
 * quorum: the request approval engine's rules, `src/domain/requests/approval.ts`). When a change
 * reaches `authorise`, a review by its board starts with the members and rule of that moment;
 * each member approves or rejects once (with a comment), anyone on the board or the change
 * manager may comment, and the change manager may veto. When the engine decides the review, the
 * change moves on by a system transition: authorised to `scheduled`, rejected to `rejected`.
 * Every vote, comment, veto and decision is written to the change's history.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  CabAgenda,
  CabBoardInput,
  CabBoardPatch,
  CabBoardView,
  CabReviewView,
  CabVoteInput,
} from '../../contracts/changes.ts';
import type { PersonRef } from '../../contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { rowById } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import type { ChangeType } from '../../domain/changes/lifecycle.ts';
import {
  type ApprovalRule,
  countVotes,
  levelOutcome,
  mayVote,
  requiredApprovals,
  type Vote,
} from '../../domain/requests/approval.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, invalid } from '../../errors.ts';
import { peopleNamed, users } from '../auth/index.ts';
import {
  CHANGE,
  loadRecord,
  type RecordRow,
  records,
  takeSystemTransition,
  writeHistory,
} from '../records/index.ts';
import { assertChangeManager, assertChangeReader, isChangeManager } from './access.ts';
import { conflictsOf } from './conflicts.ts';
import { cabBoards, changeCabReviews, changeCabVotes, changeDetails } from './schema.ts';

type BoardRow = typeof cabBoards.$inferSelect;
type ReviewRow = typeof changeCabReviews.$inferSelect;
type VoteRow = typeof changeCabVotes.$inferSelect;

const byName = (a: PersonRef, b: PersonRef) => a.name.localeCompare(b.name);

async function presentBoards(db: Db, rows: BoardRow[]): Promise<CabBoardView[]> {
  const who = await peopleNamed(
    db,
    rows.flatMap((r) => r.memberIds),
  );
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    rule: b.rule,
    quorum: b.quorum,
    members: b.memberIds.flatMap((id) => who.get(id) ?? []).sort(byName),
    meets: b.meets,
    active: b.active,
    version: b.version,
  }));
}

function boardProblems(b: { rule: ApprovalRule; quorum: number | null; memberIds: string[] }) {
  const problems: { field: string; message: string }[] = [];
  if (b.rule === 'quorum' && !b.quorum)
    problems.push({ field: 'quorum', message: 'a quorum rule needs a quorum' });
  if (b.rule !== 'quorum' && b.quorum)
    problems.push({ field: 'quorum', message: 'only the quorum rule takes a quorum' });
  if (b.quorum && b.quorum > new Set(b.memberIds).size)
    problems.push({ field: 'quorum', message: 'is larger than the number of members' });
  return problems;
}

async function assertMembersExist(db: Db, ids: string[]) {
  const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw invalid([{ field: 'memberIds', message: `no user with id ${missing.join(', ')}` }]);
}

export async function listBoards(ctx: AppContext, actor: Actor): Promise<CabBoardView[]> {
  assertChangeReader(actor);
  const rows = await ctx.db.select().from(cabBoards).orderBy(asc(cabBoards.kind), asc(cabBoards.name));
  return presentBoards(ctx.db, rows);
}

export async function getBoard(ctx: AppContext, actor: Actor, id: string): Promise<CabBoardView> {
  assertChangeReader(actor);
  const row = await rowById(ctx.db, cabBoards, id, 'Board');
  return (await presentBoards(ctx.db, [row]))[0]!;
}

export async function createBoard(
  ctx: AppContext,
  actor: Actor,
  input: CabBoardInput,
): Promise<CabBoardView> {
  assertChangeManager(actor, 'set up change advisory boards');
  const memberIds = [...new Set(input.memberIds)];
  const values = {
    name: input.name,
    kind: input.kind,
    rule: input.rule,
    quorum: input.quorum ?? null,
    memberIds,
    meets: input.meets ?? '',
    active: input.active ?? true,
  };
  const problems = boardProblems(values);
  if (problems.length) throw invalid(problems);
  await assertMembersExist(ctx.db, memberIds);
  const [row] = await ctx.db
    .insert(cabBoards)
    .values({ ...values, createdBy: actor.userId })
    .returning();
  return (await presentBoards(ctx.db, [row!]))[0]!;
}

export async function updateBoard(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: CabBoardPatch,
  expectedVersion: number | undefined,
): Promise<CabBoardView> {
  assertChangeManager(actor, 'change advisory boards');
  await ctx.db.transaction(async (tx) => {
    const row = await lockAtVersion(tx, cabBoards, id, 'Board', expectedVersion, (r) => r.name);
    const next = {
      name: patch.name ?? row.name,
      kind: patch.kind ?? row.kind,
      rule: patch.rule ?? row.rule,
      quorum:
        patch.quorum !== undefined ? patch.quorum : patch.rule && patch.rule !== 'quorum' ? null : row.quorum,
      memberIds: patch.memberIds ? [...new Set(patch.memberIds)] : row.memberIds,
      meets: patch.meets ?? row.meets,
      active: patch.active ?? row.active,
    };
    const problems = boardProblems(next);
    if (problems.length) throw invalid(problems);
    if (patch.memberIds) await assertMembersExist(tx, next.memberIds);
    if (row.active && !next.active) await assertNothingAwaits(tx, row, 'retire');
    await writeNextVersion(tx, cabBoards, row, next, ctx.clock.now());
  });
  return getBoard(ctx, actor, id);
}

/** Changes awaiting the board's decision, by number. */
async function awaiting(tx: Db, boardId: string): Promise<string[]> {
  const rows = await tx
    .select({ number: records.number })
    .from(changeCabReviews)
    .innerJoin(records, eq(records.id, changeCabReviews.recordId))
    .where(and(eq(changeCabReviews.boardId, boardId), eq(changeCabReviews.state, 'active')))
    .orderBy(asc(records.number));
  return rows.map((r) => r.number);
}

/** A board may not be retired or deleted while changes await its decision: they would be stranded. */
async function assertNothingAwaits(tx: Db, board: BoardRow, verb: 'retire' | 'delete'): Promise<void> {
  const waiting = await awaiting(tx, board.id);
  if (waiting.length === 0) return;
  const shown =
    waiting.slice(0, 5).join(', ') + (waiting.length > 5 ? ` and ${waiting.length - 5} more` : '');
  throw conflict(
    `${board.name} cannot be ${verb === 'retire' ? 'retired' : 'deleted'}: ${shown} ${waiting.length === 1 ? 'awaits' : 'await'} its decision. Let the board decide, or cancel ${waiting.length === 1 ? 'that change' : 'those changes'}, first.`,
    { awaiting: waiting },
  );
}

/**
 * Delete a board that never reviewed a change and is named on none; a board with a history is
 * retired instead (its past decisions keep naming it). Refused while a change awaits it.
 */
export async function deleteBoard(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  assertChangeManager(actor, 'delete change advisory boards');
  await ctx.db.transaction(async (tx) => {
    const row = await lockAtVersion(tx, cabBoards, id, 'Board', expectedVersion, (r) => r.name);
    await assertNothingAwaits(tx, row, 'delete');
    const [reviewed] = await tx
      .select({ id: changeCabReviews.id })
      .from(changeCabReviews)
      .where(eq(changeCabReviews.boardId, id))
      .limit(1);
    const [named] = await tx
      .select({ id: changeDetails.recordId })
      .from(changeDetails)
      .where(eq(changeDetails.cabId, id))
      .limit(1);
    if (reviewed || named)
      throw conflict(
        `${row.name} has reviewed or is named on changes, so it keeps its place in their history: retire it instead of deleting it.`,
      );
    await tx.delete(cabBoards).where(eq(cabBoards.id, id));
  });
}

/** The board that authorises a change: the one named on it, else the first active board of its kind. */
export async function boardFor(
  tx: Db,
  changeType: ChangeType,
  cabId: string | null,
): Promise<BoardRow | undefined> {
  if (cabId) {
    const [b] = await tx.select().from(cabBoards).where(eq(cabBoards.id, cabId));
    return b?.active ? b : undefined;
  }
  const kind = changeType === 'emergency' ? 'emergency' : 'normal';
  const [b] = await tx
    .select()
    .from(cabBoards)
    .where(and(eq(cabBoards.kind, kind), eq(cabBoards.active, true)))
    .orderBy(asc(cabBoards.name))
    .limit(1);
  return b;
}

/** Start a review of a change by its board, inside the transaction that moved it to `authorise`. */
export async function startReview(
  tx: Db,
  change: RecordRow,
  changeType: ChangeType,
  cabId: string | null,
  actorId: string | null,
  at: Date,
): Promise<void> {
  const board = await boardFor(tx, changeType, cabId);
  if (!board)
    throw conflict(
      cabId
        ? `The board named on ${change.number} is retired: choose another board.`
        : `No active ${changeType === 'emergency' ? 'emergency CAB' : 'CAB'} is set up to authorise ${change.number}.`,
    );
  await cancelActiveReviews(tx, change.id, at);
  await tx.insert(changeCabReviews).values({
    recordId: change.id,
    boardId: board.id,
    rule: board.rule,
    quorum: board.quorum,
    memberIds: board.memberIds,
    state: 'active',
    startedAt: at,
  });
  if (!cabId)
    await tx.update(changeDetails).set({ cabId: board.id }).where(eq(changeDetails.recordId, change.id));
  await writeHistory(tx, change.id, actorId, at, [
    { field: 'cab.review', oldValue: null, newValue: `Sent to ${board.name}` },
  ]);
}

/** A change leaving `authorise` other than by the board's decision (cancelled): its review ends. */
export async function cancelActiveReviews(tx: Db, recordId: string, at: Date): Promise<void> {
  await tx
    .update(changeCabReviews)
    .set({ state: 'canceled', decidedAt: at })
    .where(and(eq(changeCabReviews.recordId, recordId), eq(changeCabReviews.state, 'active')));
}

const ballots = (votes: VoteRow[]): Vote[] =>
  votes.flatMap((v) =>
    v.decision === 'approve' || v.decision === 'reject' ? [{ userId: v.userId, decision: v.decision }] : [],
  );

async function presentReviews(db: Db, reviews: ReviewRow[]): Promise<Map<string, CabReviewView>> {
  if (reviews.length === 0) return new Map();
  const ids = reviews.map((r) => r.id);
  const [votes, boards] = await Promise.all([
    db
      .select()
      .from(changeCabVotes)
      .where(inArray(changeCabVotes.reviewId, ids))
      .orderBy(asc(changeCabVotes.at)),
    db
      .select()
      .from(cabBoards)
      .where(inArray(cabBoards.id, [...new Set(reviews.map((r) => r.boardId))])),
  ]);
  const who = await peopleNamed(db, [...reviews.flatMap((r) => r.memberIds), ...votes.map((v) => v.userId)]);
  const unknown = { id: '', name: 'Unknown', email: '' };
  return new Map(
    reviews.map((r) => {
      const mine = votes.filter((v) => v.reviewId === r.id);
      const counted = countVotes(r.memberIds, ballots(mine));
      const board = boards.find((b) => b.id === r.boardId)!;
      return [
        r.id,
        {
          id: r.id,
          board: { id: board.id, name: board.name, kind: board.kind },
          rule: r.rule,
          quorum: r.quorum,
          required: requiredApprovals(
            { rule: r.rule, quorum: r.quorum ?? undefined },
            new Set(r.memberIds).size,
          ),
          approvals: counted.approvals,
          rejections: counted.rejections,
          members: r.memberIds.flatMap((id) => who.get(id) ?? []).sort(byName),
          state: r.state,
          startedAt: r.startedAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
          votes: mine.map((v) => ({
            user: who.get(v.userId) ?? unknown,
            decision: v.decision,
            comment: v.comment,
            at: v.at.toISOString(),
          })),
        },
      ];
    }),
  );
}

/** The latest authorisation round of a change, if it has been before a board. */
export async function latestReview(db: Db, recordId: string): Promise<CabReviewView | null> {
  const [r] = await db
    .select()
    .from(changeCabReviews)
    .where(eq(changeCabReviews.recordId, recordId))
    .orderBy(desc(changeCabReviews.startedAt))
    .limit(1);
  return r ? ((await presentReviews(db, [r])).get(r.id) ?? null) : null;
}

async function activeReviewFor(tx: Db, actor: Actor, ref: string) {
  const { row } = await loadRecord({ db: tx }, actor, ref, { type: CHANGE.type, lock: true, db: tx });
  const [review] = await tx
    .select()
    .from(changeCabReviews)
    .where(and(eq(changeCabReviews.recordId, row.id), eq(changeCabReviews.state, 'active')));
  if (!review) throw conflict(`${row.number} is not awaiting a board's decision.`);
  const votes = await tx.select().from(changeCabVotes).where(eq(changeCabVotes.reviewId, review.id));
  return { row, review, votes };
}

async function nameOf(tx: Db, userId: string): Promise<string> {
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return me?.name ?? 'someone';
}

const DECISION_WORDS = {
  approve: 'Approved',
  reject: 'Rejected',
  comment: 'Commented',
  veto: 'Vetoed',
} as const;

/**
 * A member's vote (approve or reject, once, with a comment) or a comment by a member or the change
 * manager. When the vote decides the review, the change is authorised or rejected.
 */
export async function castVote(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  input: CabVoteInput,
): Promise<string> {
  if (!can(actor, 'approval.decide')) throw forbidden('This credential may not vote.');
  return ctx.db.transaction(async (tx) => {
    const { row, review, votes } = await activeReviewFor(tx, actor, ref);
    const member = review.memberIds.includes(actor.userId);
    const comment = input.comment?.trim() || null;
    if (input.decision === 'comment') {
      if (!member && !isChangeManager(actor))
        throw forbidden(
          `Only members of the board and the change manager comment on ${row.number}'s review.`,
        );
    } else {
      const may = mayVote(actor.userId, 'active', review.memberIds, ballots(votes));
      if (!may.ok) {
        if (may.reason === 'not_approver')
          throw forbidden(`You are not a member of the board reviewing ${row.number}.`);
        throw new AppError('resource.conflict', `${row.number}: ${may.detail}`);
      }
    }
    const now = ctx.clock.now();
    await tx
      .insert(changeCabVotes)
      .values({ reviewId: review.id, userId: actor.userId, decision: input.decision, comment, at: now });
    const who = await nameOf(tx, actor.userId);
    await writeHistory(tx, row.id, actor.userId, now, [
      {
        field: input.decision === 'comment' ? 'cab.comment' : 'cab.vote',
        oldValue: null,
        newValue: `${DECISION_WORDS[input.decision]} by ${who}${comment ? `: ${comment}` : ''}`,
      },
    ]);
    if (input.decision === 'comment') return row.id;
    const rule = { rule: review.rule, quorum: review.quorum ?? undefined };
    const outcome = levelOutcome(rule, review.memberIds, [
      ...ballots(votes),
      { userId: actor.userId, decision: input.decision },
    ]);
    if (outcome === 'pending') return row.id;
    await tx
      .update(changeCabReviews)
      .set({ state: outcome, decidedAt: now })
      .where(eq(changeCabReviews.id, review.id));
    const [board] = await tx
      .select({ name: cabBoards.name })
      .from(cabBoards)
      .where(eq(cabBoards.id, review.boardId));
    const { approvals, rejections } = countVotes(review.memberIds, [
      ...ballots(votes),
      { userId: actor.userId, decision: input.decision },
    ]);
    const tally = `${approvals} for, ${rejections} against`;
    await takeSystemTransition(ctx, tx, CHANGE, row.id, {
      to: outcome === 'approved' ? 'authorise' : 'cab_reject',
      reason:
        outcome === 'approved'
          ? `Authorised by ${board?.name ?? 'the board'} (${tally}).`
          : `Rejected by ${board?.name ?? 'the board'} (${tally}).`,
    });
    return row.id;
  });
}

/** The change manager stops a change under review, whatever the votes: it is rejected with the reason. */
export async function vetoChange(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  reason: string,
): Promise<string> {
  assertChangeManager(actor, 'veto a change');
  return ctx.db.transaction(async (tx) => {
    const { row, review } = await activeReviewFor(tx, actor, ref);
    const now = ctx.clock.now();
    await tx
      .insert(changeCabVotes)
      .values({ reviewId: review.id, userId: actor.userId, decision: 'veto', comment: reason, at: now });
    await tx
      .update(changeCabReviews)
      .set({ state: 'vetoed', decidedAt: now })
      .where(eq(changeCabReviews.id, review.id));
    const who = await nameOf(tx, actor.userId);
    await writeHistory(tx, row.id, actor.userId, now, [
      { field: 'cab.veto', oldValue: null, newValue: `Vetoed by ${who}: ${reason}` },
    ]);
    await takeSystemTransition(ctx, tx, CHANGE, row.id, {
      to: 'cab_reject',
      reason: `Vetoed by the change manager, ${who}: ${reason}`,
      comment: { body: `Change vetoed: ${reason}`, authorId: actor.userId },
    });
    return row.id;
  });
}

/** The board's meeting agenda: the changes awaiting its decision, earliest planned start first. */
export async function boardAgenda(ctx: AppContext, actor: Actor, boardId: string): Promise<CabAgenda> {
  const board = await getBoard(ctx, actor, boardId);
  const rows = await ctx.db
    .select({ review: changeCabReviews, rec: records, d: changeDetails })
    .from(changeCabReviews)
    .innerJoin(records, eq(records.id, changeCabReviews.recordId))
    .innerJoin(changeDetails, eq(changeDetails.recordId, records.id))
    .where(and(eq(changeCabReviews.boardId, boardId), eq(changeCabReviews.state, 'active')))
    .orderBy(asc(changeDetails.plannedStart), asc(records.number))
    .limit(500);
  const reviews = await presentReviews(
    ctx.db,
    rows.map((r) => r.review),
  );
  const requesters = await peopleNamed(
    ctx.db,
    rows.map((r) => r.rec.requesterId),
  );
  const conflicts = await Promise.all(rows.map(({ rec, d }) => conflictsOf(ctx, rec, d)));
  return {
    board,
    items: rows.map(({ review, rec, d }, i) => {
      const view = reviews.get(review.id)!;
      const mine = [...view.votes]
        .reverse()
        .find((v) => v.user.id === actor.userId && v.decision !== 'comment');
      return {
        id: rec.id,
        number: rec.number,
        title: rec.title,
        changeType: d.changeType,
        riskLevel: d.riskLevel,
        plannedStart: d.plannedStart?.toISOString() ?? null,
        plannedEnd: d.plannedEnd?.toISOString() ?? null,
        requester: requesters.get(rec.requesterId) ?? null,
        review: view,
        conflicts: conflicts[i]!,
        myVote: mine?.decision ?? null,
      };
    }),
  };
}
