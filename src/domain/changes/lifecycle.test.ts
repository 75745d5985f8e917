import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGE_LIFECYCLE } from '../lifecycle/defaults-problem-change.ts';
import { availableTransitions, checkTransition, validateLifecycle } from '../lifecycle/engine.ts';
import type { Role } from '../roles.ts';
import { type ChangeType, closeNeeds, lifecycleForType, transitionChangeType } from './lifecycle.ts';

const owner = { roles: ['agent'] as Role[], isRequester: false };
const manager = { roles: ['change_manager'] as Role[], isRequester: false };
const L = DEFAULT_CHANGE_LIFECYCLE;

/** The states a change of `type` reaches from `new` when every step goes forward. */
function path(type: ChangeType): string[] {
  const lc = lifecycleForType(L, type);
  const forward = ['new', 'assess', 'authorise', 'scheduled', 'implement', 'review', 'closed'];
  const states = ['new'];
  let at = 'new';
  for (;;) {
    const next = lc.transitions
      .filter((t) => t.from.includes(at))
      .map((t) => t.to)
      .filter((s) => forward.indexOf(s) > forward.indexOf(at))
      .sort((a, b) => forward.indexOf(a) - forward.indexOf(b))[0];
    if (!next) return states;
    states.push(next);
    at = next;
  }
}

describe('the change lifecycle per type', () => {
  it('is valid', () => {
    expect(validateLifecycle(L)).toEqual([]);
  });

  it('gives each type its path', () => {
    expect(path('standard')).toEqual(['new', 'scheduled', 'implement', 'review', 'closed']);
    expect(path('normal')).toEqual([
      'new',
      'assess',
      'authorise',
      'scheduled',
      'implement',
      'review',
      'closed',
    ]);
    expect(path('emergency')).toEqual(['new', 'authorise', 'scheduled', 'implement', 'review', 'closed']);
  });

  it('reads the type a transition is reserved for from its key', () => {
    expect(transitionChangeType('standard_schedule')).toBe('standard');
    expect(transitionChangeType('emergency_request_authorisation')).toBe('emergency');
    expect(transitionChangeType('implement')).toBeNull();
  });

  it('offers a standard change no assessment and a normal change no shortcut to scheduling', () => {
    const std = availableTransitions(lifecycleForType(L, 'standard'), 'new', owner).map((t) => t.key);
    expect(std).toEqual(['standard_schedule', 'cancel']);
    const normal = lifecycleForType(L, 'normal');
    expect(checkTransition(normal, 'new', 'scheduled', owner, {})).toMatchObject({
      ok: false,
      reason: 'no_such_transition',
    });
    expect(checkTransition(normal, 'assess', 'authorise', manager, {}).ok).toBe(true);
  });

  it('leaves authorisation to the board (a system transition) and records the outcome on completion', () => {
    expect(availableTransitions(L, 'authorise', manager).map((t) => t.key)).toEqual(['cancel']);
    expect(checkTransition(L, 'implement', 'review', owner, {})).toMatchObject({
      reason: 'missing_fields',
      fields: ['resolutionCode', 'resolutionNotes'],
    });
  });
});

describe('closing a reviewed change', () => {
  const reviewed = { outcome: 'successful', reviewedAt: new Date(), lessons: null };
  it('needs the review, and lessons for failed, backed-out and emergency changes', () => {
    expect(closeNeeds('normal', reviewed)).toBeNull();
    expect(closeNeeds('normal', { ...reviewed, reviewedAt: null })).toMatch(/review is not recorded/);
    expect(closeNeeds('normal', { ...reviewed, outcome: 'failed' })).toMatch(/lessons/);
    expect(
      closeNeeds('normal', { ...reviewed, outcome: 'backed_out', lessons: 'Test the rollback' }),
    ).toBeNull();
    expect(closeNeeds('emergency', reviewed)).toMatch(/reviewed afterwards/);
  });
});
