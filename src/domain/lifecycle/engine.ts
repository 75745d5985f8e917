/**
 * Lifecycles as data: states, transitions, who may take each and what each requires.
 * Pure evaluation and validation; the records service applies the result in a transaction.
 */
import { isReadOnly, ROLES, type Role } from '../roles.ts';

/** What a state means to the rest of Steward (SLA clocks, queues, reports). */
export type StateCategory = 'open' | 'paused' | 'resolved' | 'closed';

export type LifecycleState = {
  key: string;
  label: string;
  category: StateCategory;
};

/** Fields a transition can require; each is checked against the transition's input. */
export const REQUIRABLE_FIELDS = ['resolutionCode', 'resolutionNotes', 'comment', 'assigneeId'] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/**
 * Who is told when a transition is taken: the RACI matrix's Consulted and Informed parties for
 * the transition's `activity`, the record's requester, its assignee, its watchers.
 */
export const NOTIFY_PARTIES = ['consulted', 'informed', 'requester', 'assignee', 'watchers'] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];

/**
 * What taking a transition does besides moving the record. SLA clocks are not listed here: they
 * follow the target state's category (see `slaEffect`).
 */
export type TransitionEffects = {
  notify?: NotifyParty[] | undefined;
};

export type LifecycleTransition = {
  key: string;
  label: string;
  from: string[];
  to: string;
  /** Roles that may take the transition on any record. */
  roles: Role[];
  /** Whether the record's requester may take it on their own record. */
  requester: boolean;
  requires: RequirableField[];
  /** The process activity this transition performs (e.g. 'close', 'approve'), checked against the RACI matrix. */
  activity?: string;
  /**
   * Taken by Steward itself when something else happens (an approval decided, the last task
   * done), never by a user, whatever their roles.
   */
  system?: boolean | undefined;
  effects?: TransitionEffects | undefined;
};

export type Lifecycle = {
  initial: string;
  states: LifecycleState[];
  transitions: LifecycleTransition[];
};

/**
 * A lifecycle as submitted, before validation: its notify parties are any text until
 * `lifecycleProblems` has found none unknown.
 */
export type LifecycleDraft = Omit<Lifecycle, 'transitions'> & {
  transitions: (Omit<LifecycleTransition, 'effects'> & {
    effects?: { notify?: string[] | undefined } | undefined;
  })[];
};

export type TransitionInput = Partial<Record<RequirableField, string | null | undefined>>;

export type TransitionCheck =
  | { ok: true; transition: LifecycleTransition }
  | { ok: false; reason: 'no_such_transition'; detail: string }
  | { ok: false; reason: 'forbidden'; detail: string }
  | { ok: false; reason: 'missing_fields'; detail: string; fields: RequirableField[] };

export function stateOf(lc: Lifecycle, key: string): LifecycleState | undefined {
  return lc.states.find((s) => s.key === key);
}

/** A record's state as views show it: its key, label and category (an unknown key reads as itself, open). */
export function stateView(
  lc: Lifecycle,
  key: string,
): { state: string; stateLabel: string; stateCategory: LifecycleState['category'] } {
  const st = stateOf(lc, key);
  return { state: key, stateLabel: st?.label ?? key, stateCategory: st?.category ?? 'open' };
}

/** Whether a state of this category is still being worked on: open or paused, not resolved or closed. */
export function isUnresolved(category: string | null | undefined): boolean {
  return category === 'open' || category === 'paused';
}

/** The keys of the lifecycle's unresolved (open or paused) states. */
export function unresolvedStateKeys(lc: Lifecycle): string[] {
  return lc.states.filter((s) => isUnresolved(s.category)).map((s) => s.key);
}

export function isTerminal(lc: Lifecycle, key: string): boolean {
  return !lc.transitions.some((t) => t.from.includes(key));
}

/** Roles that may move a record out of a state the lifecycle no longer has. */
export const RECOVERY_ROLES: Role[] = ['admin', 'process_owner', 'service_manager', 'agent'];

/**
 * Transitions leaving `from`, whoever may take them. A record left in a state that an edited
 * lifecycle removed stays movable: staff may move it to any current state, with a comment.
 */
export function transitionsFrom(lc: Lifecycle, from: string): LifecycleTransition[] {
  if (!lc.states.some((s) => s.key === from)) {
    return lc.states.map((s) => ({
      key: `recover_to_${s.key}`,
      label: `Move to ${s.label}`,
      from: [from],
      to: s.key,
      roles: RECOVERY_ROLES,
      requester: false,
      requires: ['comment'],
    }));
  }
  return lc.transitions.filter((t) => t.from.includes(from));
}

export type TransitionActor = { roles: readonly Role[]; isRequester: boolean };

export function mayTake(t: LifecycleTransition, actor: TransitionActor): boolean {
  if (t.system || isReadOnly(actor)) return false;
  return actor.roles.some((r) => t.roles.includes(r)) || (t.requester && actor.isRequester);
}

/** The transitions from `from` this actor may take: what the UI offers as buttons. */
export function availableTransitions(
  lc: Lifecycle,
  from: string,
  actor: TransitionActor,
): LifecycleTransition[] {
  return transitionsFrom(lc, from).filter((t) => mayTake(t, actor));
}

/**
 * Decide whether `actor` may move a record from `from` to `to` with `input`. A transition is
 * addressed by its target state (or its key, when two transitions share a target).
 */
export function checkTransition(
  lc: Lifecycle,
  from: string,
  to: string,
  actor: TransitionActor,
  input: TransitionInput,
): TransitionCheck {
  const candidates = transitionsFrom(lc, from).filter((t) => t.to === to || t.key === to);
  if (candidates.length === 0) {
    const fromLabel = stateOf(lc, from)?.label ?? from;
    const toLabel = stateOf(lc, to)?.label ?? to;
    return {
      ok: false,
      reason: 'no_such_transition',
      detail: `A record in state "${fromLabel}" cannot move to "${toLabel}".`,
    };
  }
  const allowed = candidates.filter((t) => mayTake(t, actor));
  const t = allowed[0];
  if (!t) {
    const c = candidates[0]!;
    return {
      ok: false,
      reason: 'forbidden',
      detail: c.system
        ? `"${c.label}" happens automatically; nobody takes it by hand.`
        : `You may not "${c.label}": it needs one of the roles ${c.roles.join(', ')}.`,
    };
  }
  const missing = t.requires.filter((f) => {
    const v = input[f];
    return v === undefined || v === null || String(v).trim() === '';
  });
  if (missing.length > 0) {
    return {
      ok: false,
      reason: 'missing_fields',
      detail: `"${t.label}" requires: ${missing.join(', ')}.`,
      fields: missing,
    };
  }
  return { ok: true, transition: t };
}

/** The transition the system takes from `from` to `to` (a state or transition key), if any. */
export function findSystemTransition(
  lc: Lifecycle,
  from: string,
  to: string,
): LifecycleTransition | undefined {
  const candidates = transitionsFrom(lc, from).filter((t) => t.to === to || t.key === to);
  return candidates.find((t) => t.system) ?? candidates[0];
}

/** What a transition does to SLA clocks, derived from the categories of its states. */
export type SlaEffect = 'pause' | 'resume' | 'reopen' | 'meet' | 'stop' | 'none';

export function slaEffect(lc: Lifecycle, t: LifecycleTransition): SlaEffect {
  const cat = (key: string) => stateOf(lc, key)?.category;
  const to = cat(t.to);
  const from = t.from.map(cat);
  if (to === 'resolved') return 'meet';
  if (to === 'closed') return from.some((c) => c === 'open' || c === 'paused') ? 'stop' : 'none';
  if (from.some((c) => c === 'resolved' || c === 'closed')) return 'reopen';
  if (to === 'paused') return from.some((c) => c === 'open') ? 'pause' : 'none';
  if (to === 'open' && from.some((c) => c === 'paused')) return 'resume';
  return 'none';
}

/** A problem with a lifecycle, with the field it concerns (e.g. `transitions.3.effects.notify`). */
export type LifecycleProblem = { field: string; message: string };

/** Problems with the transitions' effects: unknown or repeated parties, RACI parties without an activity. */
export function effectsProblems(lc: LifecycleDraft): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  lc.transitions.forEach((t, i) => {
    const notify = t.effects?.notify;
    if (notify === undefined) return;
    const field = `transitions.${i}.effects.notify`;
    const seen = new Set<string>();
    for (const party of notify) {
      if (!(NOTIFY_PARTIES as readonly string[]).includes(party))
        problems.push({
          field,
          message: `Transition "${t.key}" notifies unknown party "${party}" (known: ${NOTIFY_PARTIES.join(', ')}).`,
        });
      else if (seen.has(party))
        problems.push({ field, message: `Transition "${t.key}" notifies "${party}" twice.` });
      seen.add(party);
    }
    const raciParties = notify.filter((p) => p === 'consulted' || p === 'informed');
    if (raciParties.length > 0 && !t.activity)
      problems.push({
        field,
        message: `Transition "${t.key}" notifies the ${raciParties.join(' and ')} parties but has no RACI activity to take them from.`,
      });
  });
  return problems;
}

/**
 * Every problem of a lifecycle with the field it concerns: the structural ones of
 * `validateLifecycle` (on `lifecycle`) and those of the transitions' effects.
 */
export function lifecycleProblems(lc: LifecycleDraft): LifecycleProblem[] {
  const structure: Lifecycle = { ...lc, transitions: lc.transitions.map(({ effects: _, ...t }) => t) };
  return [
    ...validateStructure(structure).map((message) => ({ field: 'lifecycle', message })),
    ...effectsProblems(lc).map((p) => ({ field: `lifecycle.${p.field}`, message: p.message })),
  ];
}

/** Every problem of a lifecycle, as messages. */
export function validateLifecycle(lc: LifecycleDraft): string[] {
  return lifecycleProblems(lc).map((p) => p.message);
}

/**
 * Problems that make a lifecycle unusable: unknown or duplicate states, unreachable states,
 * no terminal state, transitions to or from missing states, unknown roles or fields.
 */
function validateStructure(lc: Lifecycle): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const s of lc.states) {
    if (keys.has(s.key)) problems.push(`State "${s.key}" is defined twice.`);
    keys.add(s.key);
  }
  if (lc.states.length === 0) problems.push('A lifecycle needs at least one state.');
  if (!keys.has(lc.initial)) problems.push(`The initial state "${lc.initial}" is not one of the states.`);
  const tKeys = new Set<string>();
  for (const t of lc.transitions) {
    if (tKeys.has(t.key)) problems.push(`Transition "${t.key}" is defined twice.`);
    tKeys.add(t.key);
    if (!keys.has(t.to)) problems.push(`Transition "${t.key}" goes to "${t.to}", which is not a state.`);
    for (const f of t.from)
      if (!keys.has(f)) problems.push(`Transition "${t.key}" starts from "${f}", which is not a state.`);
    if (t.from.length === 0) problems.push(`Transition "${t.key}" has no starting state.`);
    for (const r of t.roles)
      if (!(ROLES as readonly string[]).includes(r))
        problems.push(`Transition "${t.key}" names unknown role "${r}".`);
    for (const f of t.requires)
      if (!(REQUIRABLE_FIELDS as readonly string[]).includes(f))
        problems.push(`Transition "${t.key}" requires unknown field "${f}".`);
    if (t.roles.length === 0 && !t.requester && !t.system)
      problems.push(`Nobody may take transition "${t.key}".`);
  }
  if (problems.length > 0) return problems;
  // Reachability from the initial state.
  const reached = new Set([lc.initial]);
  const queue = [lc.initial];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const t of transitionsFrom(lc, s)) {
      if (!reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  for (const s of lc.states)
    if (!reached.has(s.key)) problems.push(`State "${s.label}" cannot be reached from "${lc.initial}".`);
  const terminals = lc.states.filter((s) => isTerminal(lc, s.key));
  if (terminals.length === 0)
    problems.push('The lifecycle has no terminal state: every record could stay open forever.');
  // Every state must be able to reach a terminal state.
  const canFinish = new Set(terminals.map((s) => s.key));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of lc.transitions) {
      if (canFinish.has(t.to)) {
        for (const f of t.from) {
          if (!canFinish.has(f)) {
            canFinish.add(f);
            grew = true;
          }
        }
      }
    }
  }
  for (const s of lc.states)
    if (!canFinish.has(s.key)) problems.push(`From state "${s.label}" no terminal state can be reached.`);
  return problems;
}
