import { describe, expect, it } from 'vitest';
import {
  type ApprovalLevel,
  countVotes,
  levelOutcome,
  mayVote,
  requiredApprovals,
  resolveApprovers,
  type Vote,
  validatePolicy,
} from './approval.ts';

const A = ['a', 'b', 'c'];
const yes = (userId: string): Vote => ({ userId, decision: 'approve' });
const no = (userId: string): Vote => ({ userId, decision: 'reject' });
const ALL = { rule: 'all' } as const;
const ANY = { rule: 'any' } as const;
const Q = (quorum: number) => ({ rule: 'quorum', quorum }) as const;

describe('levelOutcome', () => {
  it('all: approved only when everyone approved, rejected by the first rejection', () => {
    expect(levelOutcome(ALL, A, [])).toBe('pending');
    expect(levelOutcome(ALL, A, [yes('a'), yes('b')])).toBe('pending');
    expect(levelOutcome(ALL, A, [yes('a'), yes('b'), yes('c')])).toBe('approved');
    expect(levelOutcome(ALL, A, [yes('a'), no('b')])).toBe('rejected');
  });
  it('any: one approval approves; rejected only when everyone rejected', () => {
    expect(levelOutcome(ANY, A, [yes('b')])).toBe('approved');
    expect(levelOutcome(ANY, A, [no('a'), no('b')])).toBe('pending');
    expect(levelOutcome(ANY, A, [no('a'), no('b'), yes('c')])).toBe('approved');
    expect(levelOutcome(ANY, A, [no('a'), no('b'), no('c')])).toBe('rejected');
  });
  it('quorum: approved at N approvals, rejected once N can no longer be reached', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(levelOutcome(Q(3), five, [yes('a'), yes('b')])).toBe('pending');
    expect(levelOutcome(Q(3), five, [yes('a'), yes('b'), yes('c')])).toBe('approved');
    expect(levelOutcome(Q(3), five, [no('a'), no('b')])).toBe('pending');
    expect(levelOutcome(Q(3), five, [no('a'), no('b'), no('c')])).toBe('rejected');
    expect(levelOutcome(Q(3), five, [no('a'), yes('b'), no('c'), yes('d')])).toBe('pending');
  });
  it('quorum larger than the approvers is capped at all of them', () => {
    expect(requiredApprovals(Q(5), 2)).toBe(2);
    expect(levelOutcome(Q(5), ['a', 'b'], [yes('a')])).toBe('pending');
    expect(levelOutcome(Q(5), ['a', 'b'], [yes('a'), yes('b')])).toBe('approved');
    expect(levelOutcome(Q(5), ['a', 'b'], [no('a')])).toBe('rejected');
  });
  it('quorum of 1 behaves like any; quorum equal to the approvers like all', () => {
    expect(levelOutcome(Q(1), A, [yes('c')])).toBe('approved');
    expect(levelOutcome(Q(3), A, [no('c')])).toBe('rejected');
  });
  it('ignores votes by people who are not approvers of the level', () => {
    expect(levelOutcome(ANY, A, [yes('mallory')])).toBe('pending');
    expect(levelOutcome(ALL, A, [no('mallory')])).toBe('pending');
    expect(countVotes(A, [yes('x'), no('y')])).toEqual({ approvals: 0, rejections: 0 });
  });
  it('counts only the first vote of each approver', () => {
    expect(countVotes(A, [yes('a'), yes('a'), yes('a')])).toEqual({ approvals: 1, rejections: 0 });
    expect(levelOutcome(Q(2), A, [yes('a'), yes('a')])).toBe('pending');
    expect(levelOutcome(ALL, A, [yes('a'), no('a'), yes('b'), yes('c')])).toBe('approved');
  });
  it('counts an approver listed twice (e.g. in two groups) once', () => {
    expect(levelOutcome(ALL, ['a', 'a', 'b'], [yes('a'), yes('b')])).toBe('approved');
    expect(requiredApprovals(ALL, new Set(['a', 'a', 'b']).size)).toBe(2);
  });
  it('rejects a level nobody may approve', () => {
    expect(levelOutcome(ANY, [], [])).toBe('rejected');
    expect(levelOutcome(Q(2), [], [yes('a')])).toBe('rejected');
  });
});

describe('mayVote', () => {
  it('allows an approver of the active level who has not voted', () => {
    expect(mayVote('a', 'active', A, [yes('b')])).toEqual({ ok: true });
  });
  it('refuses people who are not approvers, whatever the state', () => {
    expect(mayVote('z', 'active', A, [])).toMatchObject({ ok: false, reason: 'not_approver' });
    expect(mayVote('z', 'approved', A, [])).toMatchObject({ ok: false, reason: 'not_approver' });
  });
  it('refuses a second vote and votes on waiting or decided levels', () => {
    expect(mayVote('a', 'active', A, [no('a')])).toMatchObject({ ok: false, reason: 'already_voted' });
    expect(mayVote('a', 'waiting', A, [])).toMatchObject({ ok: false, reason: 'level_closed' });
    expect(mayVote('a', 'approved', A, [])).toMatchObject({
      ok: false,
      reason: 'level_closed',
      detail: 'This approval level is already approved.',
    });
    expect(mayVote('a', 'canceled', A, [])).toMatchObject({ ok: false, reason: 'level_closed' });
  });
});

describe('resolveApprovers', () => {
  const facts = {
    requesterId: 'req',
    managerId: 'boss',
    groupMembers: new Map([
      ['g1', ['a', 'b', 'req']],
      ['g2', ['b', 'c']],
    ]),
    roleHolders: new Map([['approver', ['c', 'd']]]),
  };
  const level = (approvers: ApprovalLevel['approvers']): ApprovalLevel => ({
    name: 'L',
    rule: 'any',
    approvers,
  });
  it('takes the requester’s manager', () => {
    expect(resolveApprovers(level([{ kind: 'manager' }]), facts)).toEqual(['boss']);
    expect(resolveApprovers(level([{ kind: 'manager' }]), { ...facts, managerId: null })).toEqual([]);
  });
  it('unions groups and roles, each person once, never the requester', () => {
    expect(
      resolveApprovers(
        level([
          { kind: 'group', groupId: 'g1' },
          { kind: 'group', groupId: 'g2' },
          { kind: 'role', role: 'approver' },
        ]),
        facts,
      ),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(resolveApprovers(level([{ kind: 'group', groupId: 'unknown' }]), facts)).toEqual([]);
  });
});

describe('validatePolicy', () => {
  it('accepts a sound multi-level policy', () => {
    expect(
      validatePolicy({
        levels: [
          { name: 'Manager', rule: 'all', approvers: [{ kind: 'manager' }] },
          { name: 'Board', rule: 'quorum', quorum: 2, approvers: [{ kind: 'role', role: 'approver' }] },
        ],
      }),
    ).toEqual([]);
  });
  it('refuses empty policies and levels, and quorum misuse', () => {
    expect(validatePolicy({ levels: [] })).toEqual([
      { field: 'approvalPolicy.levels', message: 'a policy needs at least one level' },
    ]);
    expect(
      validatePolicy({
        levels: [
          { name: 'x', rule: 'quorum', approvers: [] },
          { name: 'y', rule: 'any', quorum: 2, approvers: [{ kind: 'manager' }] },
          { name: 'z', rule: 'quorum', quorum: 0.5, approvers: [{ kind: 'manager' }] },
        ],
      }).map((p) => p.field),
    ).toEqual([
      'approvalPolicy.levels.0.approvers',
      'approvalPolicy.levels.0.quorum',
      'approvalPolicy.levels.1.quorum',
      'approvalPolicy.levels.2.quorum',
    ]);
  });
});
