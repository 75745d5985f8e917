/**
 * Change types and their paths through the one change lifecycle. Every change type shares the
 * lifecycle an admin edits; a transition whose key starts with a type's name and an underscore
 * (`standard_`, `normal_`, `emergency_`) is taken by changes of that type only, the others by
 * every type. The shipped default gives each type its path:
 * - standard: new → scheduled (pre-approved by its template: no assessment, no CAB);
 * - normal: new → assess → authorise (CAB) → scheduled;
 * - emergency: new → authorise (emergency CAB) → scheduled, reviewed afterwards;
 * then all: scheduled → implement → review → closed, and cancelled on the way.
 */
import { CHANGE_RESOLUTION_CODES } from '../lifecycle/defaults-problem-change.ts';
import type { Lifecycle, LifecycleTransition } from '../lifecycle/engine.ts';

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** How an implementation ended (the change's resolution code when it is completed). */
export const CHANGE_OUTCOMES = CHANGE_RESOLUTION_CODES;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/** The state keys the changes module attaches its rules to. */
export const CHANGE_STATES = {
  authorise: 'authorise',
  scheduled: 'scheduled',
  implement: 'implement',
  review: 'review',
} as const;

/** The type a transition is reserved for, by its key's prefix; null when every type takes it. */
export function transitionChangeType(key: string): ChangeType | null {
  return CHANGE_TYPES.find((t) => key.startsWith(`${t}_`)) ?? null;
}

/** Whether changes of `type` take transition `t`. */
export function typeTakes(type: ChangeType, t: Pick<LifecycleTransition, 'key'>): boolean {
  const only = transitionChangeType(t.key);
  return only === null || only === type;
}

/** The lifecycle as changes of `type` see it: the transitions reserved for other types left out. */
export function lifecycleForType(lc: Lifecycle, type: ChangeType): Lifecycle {
  return { ...lc, transitions: lc.transitions.filter((t) => typeTakes(type, t)) };
}

/** Whether a failed or backed-out change is recorded as such: every outcome but success. */
export function isUnsuccessful(outcome: string | null | undefined): boolean {
  return outcome === 'failed' || outcome === 'backed_out';
}

/**
 * What closing a reviewed change needs: a post-implementation review, with lessons when the
 * implementation failed or was backed out, and always for emergency changes (reviewed afterwards).
 */
export function closeNeeds(
  type: ChangeType,
  review: { outcome: string | null; reviewedAt: unknown; lessons: string | null },
): string | null {
  if (!review.outcome) return 'the implementation outcome is not recorded';
  if (!review.reviewedAt) return 'the post-implementation review is not recorded';
  if ((type === 'emergency' || isUnsuccessful(review.outcome)) && !review.lessons?.trim())
    return type === 'emergency'
      ? 'an emergency change is reviewed afterwards: record the lessons'
      : 'a failed or backed-out change needs its lessons recorded';
  return null;
}
