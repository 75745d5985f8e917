/**
 * Approval policies for service requests: ordered levels, each with its approvers (the
 * requester's manager, a group, a role) and a rule (all, any, or a quorum of N). Pure decision
 * logic: given a level's eligible approvers and the votes cast, is it pending, approved or
 * rejected, and may this user vote.
 */
import type { Role } from '../roles.ts';

export const APPROVAL_RULES = ['all', 'any', 'quorum'] as const;
export type ApprovalRule = (typeof APPROVAL_RULES)[number];

export type ApproverSource =
  | { kind: 'manager' }
  | { kind: 'group'; groupId: string }
  | { kind: 'role'; role: Role };

export type ApprovalLevel = {
  name: string;
  approvers: ApproverSource[];
  rule: ApprovalRule;
  /** Approvals needed when the rule is quorum. */
  quorum?: number | undefined;
};

export type ApprovalPolicy = { levels: ApprovalLevel[] };

export type Vote = { userId: string; decision: 'approve' | 'reject' };
export type LevelOutcome = 'pending' | 'approved' | 'rejected';

/** Problems that make a policy unusable, keyed `approvalPolicy.levels.<i>.<property>`. */
export function validatePolicy(policy: ApprovalPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (policy.levels.length === 0)
    problems.push({ field: 'approvalPolicy.levels', message: 'a policy needs at least one level' });
  policy.levels.forEach((l, i) => {
    const at = (prop: string, message: string) =>
      problems.push({ field: `approvalPolicy.levels.${i}.${prop}`, message });
    if (l.approvers.length === 0) at('approvers', 'a level needs at least one source of approvers');
    if (l.rule === 'quorum' && !(Number.isInteger(l.quorum) && (l.quorum ?? 0) >= 1))
      at('quorum', 'a quorum rule needs a whole number of approvals, at least 1');
    if (l.rule !== 'quorum' && l.quorum !== undefined) at('quorum', 'only the quorum rule takes a quorum');
  });
  return problems;
}

/**
 * Approvals a level needs, given how many people may approve it. A quorum larger than the
 * approvers would make the level impossible to pass, so it is capped at "all of them".
 */
export function requiredApprovals(
  level: Pick<ApprovalLevel, 'rule' | 'quorum'>,
  approverCount: number,
): number {
  if (approverCount === 0) return 1;
  switch (level.rule) {
    case 'all':
      return approverCount;
    case 'any':
      return 1;
    case 'quorum':
      return Math.min(Math.max(1, level.quorum ?? 1), approverCount);
  }
}

/**
 * Count each eligible approver's first vote only: votes by people who are not approvers of the
 * level are ignored, and a repeated vote cannot count twice or change the first.
 */
export function countVotes(
  approverIds: readonly string[],
  votes: readonly Vote[],
): { approvals: number; rejections: number } {
  const eligible = new Set(approverIds);
  const counted = new Map<string, Vote['decision']>();
  for (const v of votes)
    if (eligible.has(v.userId) && !counted.has(v.userId)) counted.set(v.userId, v.decision);
  let approvals = 0;
  for (const d of counted.values()) if (d === 'approve') approvals++;
  return { approvals, rejections: counted.size - approvals };
}

/**
 * A level is approved once enough approvers approved, and rejected as soon as the remaining
 * approvers can no longer reach that number: under "all" one rejection rejects, under "any"
 * only everyone rejecting does, under a quorum of N more than (approvers − N) rejections do.
 * A level with no eligible approvers can never pass, so it is rejected.
 */
export function levelOutcome(
  level: Pick<ApprovalLevel, 'rule' | 'quorum'>,
  approverIds: readonly string[],
  votes: readonly Vote[],
): LevelOutcome {
  const n = new Set(approverIds).size;
  if (n === 0) return 'rejected';
  const need = requiredApprovals(level, n);
  const { approvals, rejections } = countVotes(approverIds, votes);
  if (approvals >= need) return 'approved';
  if (n - rejections < need) return 'rejected';
  return 'pending';
}

export type VoteEligibility =
  | { ok: true }
  | { ok: false; reason: 'not_approver' | 'already_voted' | 'level_closed'; detail: string };

/** Whether `userId` may vote now on a level in `state` with these approvers and votes. */
export function mayVote(
  userId: string,
  levelState: 'waiting' | 'active' | 'approved' | 'rejected' | 'canceled',
  approverIds: readonly string[],
  votes: readonly Vote[],
): VoteEligibility {
  if (!approverIds.includes(userId))
    return { ok: false, reason: 'not_approver', detail: 'You are not an approver of this level.' };
  if (levelState !== 'active')
    return {
      ok: false,
      reason: 'level_closed',
      detail:
        levelState === 'waiting'
          ? 'This approval level has not started yet: an earlier level is still open.'
          : `This approval level is already ${levelState}.`,
    };
  if (votes.some((v) => v.userId === userId))
    return { ok: false, reason: 'already_voted', detail: 'You have already decided on this level.' };
  return { ok: true };
}

/**
 * The people who may approve a level: the union of its sources, each person once however many
 * sources (groups, roles) name them. The requester never approves their own request.
 */
export function resolveApprovers(
  level: ApprovalLevel,
  facts: {
    requesterId: string;
    managerId: string | null;
    groupMembers: ReadonlyMap<string, readonly string[]>;
    roleHolders: ReadonlyMap<string, readonly string[]>;
  },
): string[] {
  const ids = new Set<string>();
  for (const s of level.approvers) {
    const found =
      s.kind === 'manager'
        ? facts.managerId
          ? [facts.managerId]
          : []
        : s.kind === 'group'
          ? (facts.groupMembers.get(s.groupId) ?? [])
          : (facts.roleHolders.get(s.role) ?? []);
    for (const id of found) ids.add(id);
  }
  ids.delete(facts.requesterId);
  return [...ids].sort();
}
