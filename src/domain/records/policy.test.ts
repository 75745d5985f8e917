import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../roles.ts';
import { isEditableState, mayTransition, type RecordPolicyFacts, recordAllows } from './policy.ts';

const actor = (roles: Role[], scopes: Actor['scopes'] = null, userId = 'u1'): Actor => ({
  userId,
  roles,
  groupIds: [],
  scopes,
});
const facts = (stateCategory: RecordPolicyFacts['stateCategory']): RecordPolicyFacts => ({
  requesterId: 'someone',
  watcherIds: [],
  stateCategory,
});

describe('record policy', () => {
  it('treats closed records as final and every other state as editable', () => {
    expect(['open', 'paused', 'resolved', 'closed'].map((c) => isEditableState(c as 'open'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('lets an agent edit and assign an open record but not a closed one', () => {
    const agent = actor(['agent']);
    expect(recordAllows(agent, 'update', facts('open'))).toBe(true);
    expect(recordAllows(agent, 'assign', facts('resolved'))).toBe(true);
    expect(recordAllows(agent, 'update', facts('closed'))).toBe(false);
    expect(recordAllows(agent, 'assign', facts('closed'))).toBe(false);
  });

  it('still lets an agent comment on a closed record', () => {
    expect(recordAllows(actor(['agent']), 'comment_internal', facts('closed'))).toBe(true);
  });

  it('refuses transitions to a read-only token and allows them to sessions and write tokens', () => {
    expect(mayTransition(actor(['agent'], ['read']))).toBe(false);
    expect(mayTransition(actor(['agent'], ['read', 'write']))).toBe(true);
    expect(mayTransition(actor(['agent']))).toBe(true);
  });
});
