/**
 * Approvals of service requests: levels are resolved to people when the request is ordered,
 * level 1 starts at once, each later level when the one before is approved. A rejection at any
 * level rejects the request with the approver's reason.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ApprovalDecision } from '../../contracts/requests.ts';
import type { Db } from '../../db/client.ts';
import {
  type ApprovalPolicy,
  type ApprovalRule,
  levelOutcome,
  mayVote,
  resolveApprovers,
} from '../../domain/requests/approval.ts';
import { type Actor, can, canOnRecord } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { groupMembers, userRoles, users } from '../auth/index.ts';
import { notifyEvent } from '../notify/index.ts';
import { findRecord, REQUEST, type RecordRow, records, takeSystemTransition } from '../records/index.ts';
import { advanceFulfilment } from './fulfilment.ts';
import { catalogItems, requestApprovalLevels, requestApprovalVotes, requestDetails } from './schema.ts';

/** The approvers of every level of `policy` for a request by `requesterId`. */
export async function resolvePolicyApprovers(
  db: Db,
  policy: ApprovalPolicy,
  requesterId: string,
): Promise<string[][]> {
  const sources = policy.levels.flatMap((l) => l.approvers);
  const groupIds = [...new Set(sources.flatMap((s) => (s.kind === 'group' ? [s.groupId] : [])))];
  const roles = [...new Set(sources.flatMap((s) => (s.kind === 'role' ? [s.role] : [])))];
  const [requester] = await db
    .select({ managerId: users.managerId })
    .from(users)
    .where(eq(users.id, requesterId));
  const members = groupIds.length
    ? await db
        .select({ key: groupMembers.groupId, userId: groupMembers.userId })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(and(inArray(groupMembers.groupId, groupIds), eq(users.active, true)))
    : [];
  const holders = roles.length
    ? await db
        .select({ key: userRoles.role, userId: userRoles.userId })
        .from(userRoles)
        .innerJoin(users, eq(users.id, userRoles.userId))
        .where(and(inArray(userRoles.role, roles), eq(users.active, true)))
    : [];
  const byKey = (rows: { key: string; userId: string }[]) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.key, [...(m.get(r.key) ?? []), r.userId]);
    return m;
  };
  let managerId = requester?.managerId ?? null;
  if (managerId) {
    const [m] = await db.select({ active: users.active }).from(users).where(eq(users.id, managerId));
    if (!m?.active) managerId = null;
  }
  const facts = { requesterId, managerId, groupMembers: byKey(members), roleHolders: byKey(holders) };
  return policy.levels.map((l) => resolveApprovers(l, facts));
}

/** Record the levels (the first one active) and move the request to awaiting approval. */
export async function startApprovals(
  ctx: AppContext,
  tx: Db,
  request: RecordRow,
  policy: ApprovalPolicy,
  approvers: string[][],
): Promise<void> {
  const now = ctx.clock.now();
  await tx.insert(requestApprovalLevels).values(
    policy.levels.map((l, i) => ({
      requestId: request.id,
      level: i + 1,
      name: l.name,
      rule: l.rule,
      quorum: l.rule === 'quorum' ? (l.quorum ?? 1) : null,
      approverIds: approvers[i]!,
      state: i === 0 ? ('active' as const) : ('waiting' as const),
      startedAt: i === 0 ? now : null,
    })),
  );
  await askApprovers(ctx, tx, request, 1, approvers[0] ?? []);
  await takeSystemTransition(ctx, tx, REQUEST, request.id, {
    to: 'awaiting_approval',
    reason: `Waiting for approval: ${policy.levels.map((l) => l.name).join(', then ')}.`,
  });
}

/** Tell a level's approvers that their approval is asked. */
async function askApprovers(
  ctx: AppContext,
  tx: Db,
  request: RecordRow,
  level: number,
  approverIds: string[],
) {
  await notifyEvent(ctx, tx, {
    event: 'approval.requested',
    record: request,
    actorId: null,
    at: ctx.clock.now(),
    vars: { level: String(level) },
    named: approverIds.map((id) => [id, 'your approval is asked'] as const),
  });
}

/** Tell the requester (and the rule's parties) how the approval ended. */
async function tellDecision(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  request: RecordRow,
  decision: 'approved' | 'rejected',
  reason: string | null,
) {
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  await notifyEvent(ctx, tx, {
    event: 'approval.decided',
    record: request,
    actorId: actor.userId,
    at: ctx.clock.now(),
    vars: { decision, approver: me?.name ?? 'An approver', reason },
  });
}

type LevelRow = typeof requestApprovalLevels.$inferSelect;

function pickLevel(levels: LevelRow[], number: string, wanted: number | undefined): LevelRow {
  if (wanted !== undefined) {
    const l = levels.find((x) => x.level === wanted);
    if (!l) throw notFound(`Approval level ${wanted} of`, number);
    return l;
  }
  const active = levels.find((x) => x.state === 'active');
  if (!active) throw conflict(`${number} is not awaiting an approval.`);
  return active;
}

/** The request and its levels, locked, for a decision by `actor`; refusals as documented below. */
async function loadForDecision(tx: Db, actor: Actor, idOrNumber: string) {
  const request = await findRecord(tx, idOrNumber, true);
  const levels =
    request?.type === REQUEST.type
      ? await tx
          .select()
          .from(requestApprovalLevels)
          .where(eq(requestApprovalLevels.requestId, request.id))
          .orderBy(asc(requestApprovalLevels.level))
      : [];
  const isApprover = levels.some((l) => l.approverIds.includes(actor.userId));
  const visible =
    request &&
    (isApprover || canOnRecord(actor, 'read', { requesterId: request.requesterId, watcherIds: [] }));
  if (!request || request.type !== REQUEST.type || !visible) throw notFound('Request', idOrNumber);
  if (!can(actor, 'approval.decide')) throw forbidden('This credential may not decide approvals.');
  if (!isApprover) throw forbidden(`You are not an approver of ${request.number}.`);
  return { request, levels };
}

/** Apply a decided level: reject the request, start the next level, or start fulfilment. */
async function applyOutcome(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  d: {
    request: RecordRow;
    levels: LevelRow[];
    level: LevelRow;
    outcome: 'approved' | 'rejected';
    reason: string | null;
  },
): Promise<void> {
  const now = ctx.clock.now();
  const setLevel = (n: number, state: LevelRow['state'], started = false) =>
    tx
      .update(requestApprovalLevels)
      .set(started ? { state, startedAt: now } : { state, decidedAt: now })
      .where(and(eq(requestApprovalLevels.requestId, d.request.id), eq(requestApprovalLevels.level, n)));
  const { level } = d;
  await setLevel(level.level, d.outcome);
  if (d.outcome === 'rejected') {
    for (const l of d.levels) if (l.state === 'waiting') await setLevel(l.level, 'canceled');
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    await takeSystemTransition(ctx, tx, REQUEST, d.request.id, {
      to: 'rejected',
      reason: `Rejected at level ${level.level} (${level.name}) by ${me?.name ?? 'an approver'}: ${d.reason}`,
      comment: { body: `Request rejected: ${d.reason}`, authorId: actor.userId },
    });
    await tellDecision(ctx, tx, actor, d.request, 'rejected', d.reason);
    return;
  }
  const next = d.levels.find((l) => l.level === level.level + 1);
  if (next) {
    await setLevel(next.level, 'active', true);
    await askApprovers(ctx, tx, d.request, next.level, next.approverIds);
    return;
  }
  const approved = await takeSystemTransition(ctx, tx, REQUEST, d.request.id, {
    to: 'in_fulfilment',
    reason: d.levels.length > 1 ? 'Approved at every level.' : `Approved (${level.name}).`,
  });
  await tellDecision(ctx, tx, actor, approved, 'approved', d.reason);
  await advanceFulfilment(ctx, tx, approved, actor.userId);
}

/**
 * Approve or reject the active level of a request. Only the level's approvers may decide (403),
 * each once, and only on the active level (409); people who are neither approvers nor allowed to
 * read the request learn nothing (404).
 */
export async function decideApproval(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: ApprovalDecision,
): Promise<string> {
  if (input.decision === 'reject' && !input.reason?.trim())
    throw invalid(
      [{ field: 'reason', message: 'is required when rejecting' }],
      'Say why you reject the request.',
    );
  return ctx.db.transaction(async (tx) => {
    const { request, levels } = await loadForDecision(tx, actor, idOrNumber);
    const level = pickLevel(levels, request.number, input.level);
    const votes = await tx
      .select()
      .from(requestApprovalVotes)
      .where(
        and(eq(requestApprovalVotes.requestId, request.id), eq(requestApprovalVotes.level, level.level)),
      );
    const may = mayVote(actor.userId, level.state, level.approverIds, votes);
    if (!may.ok) {
      const where = `${request.number}, level ${level.level} (${level.name})`;
      if (may.reason === 'not_approver') throw forbidden(`You are not an approver of ${where}.`);
      throw new AppError('resource.conflict', `${where}: ${may.detail}`, [], {
        level: level.level,
        levelState: level.state,
      });
    }
    const vote = {
      requestId: request.id,
      level: level.level,
      userId: actor.userId,
      decision: input.decision,
      reason: input.reason?.trim() || null,
      at: ctx.clock.now(),
    };
    await tx.insert(requestApprovalVotes).values(vote);
    const outcome = levelOutcome(
      { rule: level.rule as ApprovalRule, quorum: level.quorum ?? undefined },
      level.approverIds,
      [...votes, vote],
    );
    if (outcome !== 'pending')
      await applyOutcome(ctx, tx, actor, { request, levels, level, outcome, reason: vote.reason });
    return request.id;
  });
}

export type PendingApproval = {
  request: { id: string; number: string; title: string; state: string; createdAt: string };
  requester: { id: string; name: string; email: string };
  catalogItem: { id: string; name: string };
  level: number;
  levelName: string;
  rule: string;
  quorum: number | null;
  startedAt: string | null;
};

/** The approvals the caller can decide now: active levels naming them that they have not voted on. */
export async function listPendingApprovals(ctx: AppContext, actor: Actor): Promise<PendingApproval[]> {
  const rows = await ctx.db
    .select({
      level: requestApprovalLevels,
      rec: records,
      requester: { id: users.id, name: users.name, email: users.email },
      item: { id: catalogItems.id, name: catalogItems.name },
    })
    .from(requestApprovalLevels)
    .innerJoin(records, eq(records.id, requestApprovalLevels.requestId))
    .innerJoin(users, eq(users.id, records.requesterId))
    .innerJoin(requestDetails, eq(requestDetails.recordId, records.id))
    .innerJoin(catalogItems, eq(catalogItems.id, requestDetails.catalogItemId))
    .where(
      and(
        eq(requestApprovalLevels.state, 'active'),
        sql`${requestApprovalLevels.approverIds} @> array[${actor.userId}]::uuid[]`,
        sql`not exists (select 1 from request_approval_votes v where v.request_id = ${requestApprovalLevels.requestId} and v.level = ${requestApprovalLevels.level} and v.user_id = ${actor.userId})`,
      ),
    )
    .orderBy(asc(requestApprovalLevels.startedAt), asc(records.number))
    .limit(500);
  return rows.map((r) => ({
    request: {
      id: r.rec.id,
      number: r.rec.number,
      title: r.rec.title,
      state: r.rec.state,
      createdAt: r.rec.createdAt.toISOString(),
    },
    requester: r.requester,
    catalogItem: r.item,
    level: r.level.level,
    levelName: r.level.name,
    rule: r.level.rule,
    quorum: r.level.quorum,
    startedAt: r.level.startedAt?.toISOString() ?? null,
  }));
}
