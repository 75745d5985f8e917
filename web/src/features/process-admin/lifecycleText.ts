/** Plain-language descriptions of lifecycle states and transitions for the editor. */
import type { LifecycleDef, LifecycleTransitionDef } from '../../api/queries/process.ts';
import type { RequirableField, StateCategory } from '../../api/types.ts';

export const REQUIREMENT_LABELS: Record<RequirableField, string> = {
  resolutionCode: 'Resolution code',
  resolutionNotes: 'Resolution notes',
  comment: 'Comment',
  assigneeId: 'An assignee',
};

/** What entering a state of this category does to SLA clocks and queues. */
export const CATEGORY_EFFECTS: Record<StateCategory, string> = {
  open: 'SLA clocks run',
  paused: 'SLA clocks pause',
  resolved: 'Resolution clock stops',
  closed: 'All clocks stop; the record is finished',
};

/** "new_state" from "New state": lower-case letters, digits and _, starting with a letter. */
export function keyFromLabel(label: string): string {
  const k = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40);
  return k;
}

/** The effects of taking a transition: clocks by the target's category, RACI for the activity. */
export function transitionEffects(
  lc: LifecycleDef,
  t: LifecycleTransitionDef,
  activityLabel: (key: string) => string,
): string[] {
  const cat = (key: string) => lc.states.find((s) => s.key === key)?.category;
  const to = cat(t.to);
  const out: string[] = [];
  if (to === 'paused') out.push('Pauses SLA clocks');
  else if (to === 'open' && t.from.some((f) => cat(f) === 'paused')) out.push('Resumes SLA clocks');
  else if (to === 'open' && t.from.some((f) => cat(f) === 'resolved' || cat(f) === 'closed'))
    out.push('Reopens: SLA clocks run again');
  else if (to === 'resolved') out.push('Stops the resolution clock');
  else if (to === 'closed') out.push('Stops all clocks');
  if (t.activity) {
    const label = activityLabel(t.activity);
    out.push(
      t.activity === 'close' || t.activity === 'approve'
        ? `RACI "${label}": only responsible or accountable parties; consulted and informed are notified`
        : `RACI "${label}": consulted and informed are notified`,
    );
  }
  if (t.system) out.push('Taken automatically by Steward');
  return out;
}
