/** Plain-language descriptions of lifecycle states and transitions for the editor. */
import type { LifecycleDef, LifecycleTransitionDef, NotifyParty } from '../../api/queries/process.ts';
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

/** Who a notify effect tells, as the editor's check boxes name them. */
export const NOTIFY_LABELS: Record<NotifyParty, string> = {
  requester: 'Requester',
  assignee: 'Assignee',
  watchers: 'Watchers',
  consulted: 'Consulted (RACI)',
  informed: 'Informed (RACI)',
};

/**
 * What a transition does to SLA clocks, which follows from the categories of the states it joins
 * (the server applies the same rule): entering a paused state pauses, leaving it resumes, a
 * resolved state meets the clocks, a closed one reached without resolution stops them.
 */
export function slaEffectText(lc: LifecycleDef, t: LifecycleTransitionDef): string | null {
  const cat = (key: string) => lc.states.find((s) => s.key === key)?.category;
  const to = cat(t.to);
  const from = t.from.map(cat);
  if (to === 'resolved') return 'Meets the SLA clocks';
  if (to === 'closed')
    return from.some((c) => c === 'open' || c === 'paused') ? 'Stops all SLA clocks' : null;
  if (from.some((c) => c === 'resolved' || c === 'closed')) return 'Reopens: SLA clocks run again';
  if (to === 'paused') return from.some((c) => c === 'open') ? 'Pauses SLA clocks' : null;
  if (to === 'open' && from.some((c) => c === 'paused')) return 'Resumes SLA clocks';
  return null;
}

const NOTIFY_NAMES: Record<NotifyParty, string> = {
  requester: 'the requester',
  assignee: 'the assignee',
  watchers: 'the watchers',
  consulted: 'the consulted parties (RACI)',
  informed: 'the informed parties (RACI)',
};

/** "Notifies the requester and the informed parties (RACI)" for a transition, or null. */
export function notifyText(t: LifecycleTransitionDef): string | null {
  const names = (t.effects?.notify ?? []).map((p) => NOTIFY_NAMES[p]);
  if (names.length === 0) return null;
  const last = names.pop();
  return `Notifies ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}`;
}

/** The derived effects of taking a transition: SLA clocks by its states, RACI decisions, automation. */
export function transitionEffects(
  lc: LifecycleDef,
  t: LifecycleTransitionDef,
  activityLabel: (key: string) => string,
): string[] {
  const out: string[] = [];
  const sla = slaEffectText(lc, t);
  if (sla) out.push(sla);
  if (t.activity && (t.activity === 'close' || t.activity === 'approve'))
    out.push(`RACI "${activityLabel(t.activity)}": only responsible or accountable parties may take it`);
  if (t.system) out.push('Taken automatically by Steward');
  return out;
}

/** The transition with its notify effect replaced; no effects at all when nobody is to be told. */
export function withNotify(t: LifecycleTransitionDef, notify: NotifyParty[]): LifecycleTransitionDef {
  const { effects: _, ...rest } = t;
  return notify.length > 0 ? { ...rest, effects: { notify } } : rest;
}
