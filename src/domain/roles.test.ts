import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type Actor, can, canOnRecord, isReadOnly, ROLES, type Role } from './roles.ts';

const actor = (roles: Role[], scopes: Actor['scopes'] = null, userId = 'u1'): Actor => ({
  userId,
  roles,
  groupIds: [],
  scopes,
});

describe('role permissions', () => {
  it('gives the auditor read access everywhere and write access nowhere', () => {
    const a = actor(['auditor']);
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const rule = ACTIONS[action];
      if (rule.scope === 'read' || action === 'token.manage_own') continue;
      expect(can(a, action), action).toBe(false);
    }
    expect(can(a, 'record.read_all')).toBe(true);
    expect(can(a, 'audit.read')).toBe(true);
  });

  it('lets the auditor neither watch, comment on nor attach to a record it is involved in', () => {
    const a = actor(['auditor']);
    const watched = { requesterId: 'u1', watcherIds: ['u1'] };
    expect(canOnRecord(a, 'read', watched)).toBe(true);
    for (const action of [
      'watch',
      'comment_public',
      'attach',
      'update',
      'assign',
      'comment_internal',
    ] as const) {
      expect(canOnRecord(a, action, watched), action).toBe(false);
    }
  });

  it('treats an auditor who also holds a working role by that role', () => {
    const both = actor(['auditor', 'requester']);
    expect(isReadOnly(both)).toBe(false);
    expect(can(both, 'record.create')).toBe(true);
    expect(isReadOnly(actor(['auditor']))).toBe(true);
  });

  it('gives a plain requester no directory, audit or settings access', () => {
    const r = actor(['requester']);
    expect(
      ['user.read', 'group.read', 'audit.read', 'settings.read', 'record.read_all'].map((x) =>
        can(r, x as Action),
      ),
    ).toEqual([false, false, false, false, false]);
    expect(can(r, 'record.create')).toBe(true);
  });

  it('caps a token by its scopes whatever the roles', () => {
    const readOnly = actor(['admin'], ['read']);
    expect(can(readOnly, 'record.read_all')).toBe(true);
    expect(can(readOnly, 'record.update')).toBe(false);
    expect(can(readOnly, 'user.manage')).toBe(false);
    const write = actor(['admin'], ['write']);
    expect(can(write, 'record.update')).toBe(true);
    expect(can(write, 'user.manage')).toBe(false);
    expect(can(actor(['admin'], ['admin']), 'user.manage')).toBe(true);
  });

  it('lets requesters and watchers read and comment publicly on their records only', () => {
    const r = actor(['requester']);
    const own = { requesterId: 'u1', watcherIds: [] };
    const watched = { requesterId: 'other', watcherIds: ['u1'] };
    const foreign = { requesterId: 'other', watcherIds: [] };
    expect(canOnRecord(r, 'read', own)).toBe(true);
    expect(canOnRecord(r, 'read', watched)).toBe(true);
    expect(canOnRecord(r, 'read', foreign)).toBe(false);
    expect(canOnRecord(r, 'comment_public', own)).toBe(true);
    expect(canOnRecord(r, 'comment_internal', own)).toBe(false);
    expect(canOnRecord(r, 'read_internal', own)).toBe(false);
    expect(canOnRecord(r, 'update', own)).toBe(false);
  });

  it('knows the ten roles of an ITSM organisation', () => {
    expect(ROLES).toHaveLength(10);
  });
});
