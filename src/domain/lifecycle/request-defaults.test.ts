import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.ts';
import { DEFAULT_REQUEST_LIFECYCLE as R, DEFAULT_REQUEST_TASK_LIFECYCLE as T } from './defaults.ts';
import {
  availableTransitions,
  checkTransition,
  findSystemTransition,
  isTerminal,
  validateLifecycle,
} from './engine.ts';

const admin = { roles: ['admin'] as Role[], isRequester: false };
const agent = { roles: ['agent'] as Role[], isRequester: false };
const requester = { roles: ['requester'] as Role[], isRequester: true };

describe('the default request and request task lifecycles', () => {
  it('are valid, with system-only transitions allowed to name no role', () => {
    expect(validateLifecycle(R)).toEqual([]);
    expect(validateLifecycle(T)).toEqual([]);
  });
  it('end in closed, rejected or canceled requests and done or canceled tasks', () => {
    expect(R.states.filter((s) => isTerminal(R, s.key)).map((s) => s.key)).toEqual([
      'closed',
      'rejected',
      'canceled',
    ]);
    expect(T.states.filter((s) => isTerminal(T, s.key)).map((s) => s.key)).toEqual(['done', 'canceled']);
  });
  it('never lets a user take a system transition, even an administrator', () => {
    for (const to of ['awaiting_approval', 'in_fulfilment']) {
      const check = checkTransition(R, 'submitted', to, admin, {});
      expect(check).toMatchObject({ ok: false, reason: 'forbidden' });
      if (!check.ok) expect(check.detail).toContain('happens automatically');
    }
    expect(checkTransition(R, 'awaiting_approval', 'rejected', admin, {})).toMatchObject({ ok: false });
    expect(checkTransition(R, 'in_fulfilment', 'fulfilled', agent, {})).toMatchObject({ ok: false });
  });
  it('offers the requester cancel while open and close once fulfilled', () => {
    expect(availableTransitions(R, 'awaiting_approval', requester).map((t) => t.key)).toEqual(['cancel']);
    expect(availableTransitions(R, 'fulfilled', requester).map((t) => t.key)).toEqual(['close']);
    expect(checkTransition(R, 'in_fulfilment', 'canceled', requester, {})).toMatchObject({
      ok: false,
      reason: 'missing_fields',
    });
  });
  it('finds the transition the system takes, preferring system ones', () => {
    expect(findSystemTransition(R, 'awaiting_approval', 'in_fulfilment')?.key).toBe('approve');
    expect(findSystemTransition(R, 'in_fulfilment', 'canceled')?.key).toBe('cancel');
    expect(findSystemTransition(T, 'in_progress', 'canceled')?.key).toBe('cancel');
    expect(findSystemTransition(R, 'closed', 'in_fulfilment')).toBeUndefined();
  });
});
