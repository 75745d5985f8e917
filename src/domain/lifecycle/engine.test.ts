import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.ts';
import { DEFAULT_INCIDENT_LIFECYCLE as L } from './defaults.ts';
import { DEFAULT_CHANGE_LIFECYCLE, DEFAULT_PROBLEM_LIFECYCLE } from './defaults-problem-change.ts';
import {
  availableTransitions,
  checkTransition,
  isTerminal,
  type Lifecycle,
  type LifecycleDraft,
  lifecycleProblems,
  slaEffect,
  validateLifecycle,
} from './engine.ts';

const agent = { roles: ['agent'] as Role[], isRequester: false };
const requester = { roles: ['requester'] as Role[], isRequester: true };
const stranger = { roles: ['requester'] as Role[], isRequester: false };
const full = { resolutionCode: 'solved_permanently', resolutionNotes: 'done', comment: 'why' };

describe('the default incident lifecycle', () => {
  it('is valid', () => {
    expect(validateLifecycle(L)).toEqual([]);
  });

  it('has closed and canceled as its only terminal states', () => {
    expect(L.states.filter((s) => isTerminal(L, s.key)).map((s) => s.key)).toEqual(['closed', 'canceled']);
  });

  // Every (from, to) pair of states, for three kinds of actor: the full truth table.
  const expected: Record<string, { agent: boolean; requester: boolean }> = {
    'new>in_progress': { agent: true, requester: false },
    'new>on_hold': { agent: true, requester: false },
    'new>resolved': { agent: true, requester: false },
    'new>canceled': { agent: true, requester: true },
    'in_progress>on_hold': { agent: true, requester: false },
    'in_progress>resolved': { agent: true, requester: false },
    'on_hold>in_progress': { agent: true, requester: false },
    'on_hold>resolved': { agent: true, requester: false },
    'resolved>closed': { agent: true, requester: true },
    'resolved>in_progress': { agent: true, requester: true },
  };
  for (const from of L.states) {
    for (const to of L.states) {
      const key = `${from.key}>${to.key}`;
      const e = expected[key];
      it(`${e ? 'allows' : 'has no transition'} ${from.label} → ${to.label}${e ? ` (agent ${e.agent}, requester ${e.requester})` : ''}`, () => {
        const a = checkTransition(L, from.key, to.key, agent, full);
        const r = checkTransition(L, from.key, to.key, requester, full);
        const s = checkTransition(L, from.key, to.key, stranger, full);
        if (!e) {
          expect(a).toMatchObject({ ok: false, reason: 'no_such_transition' });
          return;
        }
        expect(a.ok).toBe(e.agent);
        expect(r.ok).toBe(e.requester);
        if (!e.requester) expect(r).toMatchObject({ ok: false, reason: 'forbidden' });
        // Someone who is neither staff nor the requester may never move it.
        expect(s.ok).toBe(false);
      });
    }
  }

  it('requires a resolution code and notes to resolve, naming what is missing', () => {
    const r = checkTransition(L, 'in_progress', 'resolved', agent, { resolutionNotes: '  ' });
    expect(r).toMatchObject({
      ok: false,
      reason: 'missing_fields',
      fields: ['resolutionCode', 'resolutionNotes'],
    });
  });

  it('requires a comment to put on hold, reopen or cancel', () => {
    for (const [from, to] of [
      ['in_progress', 'on_hold'],
      ['resolved', 'in_progress'],
      ['new', 'canceled'],
    ] as const) {
      expect(checkTransition(L, from, to, agent, {})).toMatchObject({
        reason: 'missing_fields',
        fields: ['comment'],
      });
    }
  });

  it('accepts a transition by its key as well as by its target state', () => {
    expect(checkTransition(L, 'resolved', 'reopen', agent, full)).toMatchObject({
      ok: true,
      transition: { to: 'in_progress' },
    });
  });

  it('offers each actor only the transitions they may take', () => {
    expect(availableTransitions(L, 'resolved', requester).map((t) => t.key)).toEqual(['close', 'reopen']);
    expect(availableTransitions(L, 'in_progress', requester)).toEqual([]);
    expect(availableTransitions(L, 'new', { roles: ['auditor'], isRequester: false })).toEqual([]);
  });
});

describe('the shipped problem and change lifecycles', () => {
  it('are valid', () => {
    expect(validateLifecycle(DEFAULT_PROBLEM_LIFECYCLE)).toEqual([]);
    expect(validateLifecycle(DEFAULT_CHANGE_LIFECYCLE)).toEqual([]);
  });
  it('leave authorising a change to the board: nobody takes it by hand', () => {
    const manager = { roles: ['change_manager'] as Role[], isRequester: false };
    expect(checkTransition(DEFAULT_CHANGE_LIFECYCLE, 'authorise', 'scheduled', manager, {})).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition(DEFAULT_CHANGE_LIFECYCLE, 'assess', 'authorise', manager, {}).ok).toBe(true);
    expect(checkTransition(DEFAULT_CHANGE_LIFECYCLE, 'assess', 'authorise', agent, {})).toMatchObject({
      reason: 'forbidden',
    });
  });
});

describe('records in a state the lifecycle no longer has', () => {
  it('stay movable by staff to any current state, with a comment', () => {
    const options = availableTransitions(L, 'awaiting_vendor', agent);
    expect(options.map((t) => t.to)).toEqual(L.states.map((s) => s.key));
    expect(checkTransition(L, 'awaiting_vendor', 'in_progress', agent, {})).toMatchObject({
      ok: false,
      reason: 'missing_fields',
      fields: ['comment'],
    });
    expect(checkTransition(L, 'awaiting_vendor', 'in_progress', agent, { comment: 'state retired' }).ok).toBe(
      true,
    );
  });
  it('cannot be moved by the requester', () => {
    expect(availableTransitions(L, 'awaiting_vendor', requester)).toEqual([]);
  });
});

describe('lifecycle validation', () => {
  const base: Lifecycle = {
    initial: 'a',
    states: [
      { key: 'a', label: 'A', category: 'open' },
      { key: 'z', label: 'Z', category: 'closed' },
    ],
    transitions: [
      {
        key: 'finish',
        label: 'Finish',
        from: ['a'],
        to: 'z',
        roles: ['agent'],
        requester: false,
        requires: [],
      },
    ],
  };

  it('accepts a minimal two-state lifecycle', () => expect(validateLifecycle(base)).toEqual([]));

  it('refuses a transition to a missing state', () => {
    const lc = {
      ...base,
      transitions: [...base.transitions, { ...base.transitions[0]!, key: 'x', to: 'nowhere' }],
    };
    expect(validateLifecycle(lc)).toContain('Transition "x" goes to "nowhere", which is not a state.');
  });

  it('refuses an unreachable state', () => {
    const lc = {
      ...base,
      states: [...base.states, { key: 'island', label: 'Island', category: 'open' as const }],
    };
    expect(validateLifecycle(lc).join(' ')).toContain('State "Island" cannot be reached from "a".');
  });

  it('refuses a lifecycle with no terminal state', () => {
    const lc = {
      ...base,
      transitions: [...base.transitions, { ...base.transitions[0]!, key: 'back', from: ['z'], to: 'a' }],
    };
    expect(validateLifecycle(lc)).toContain(
      'The lifecycle has no terminal state: every record could stay open forever.',
    );
  });

  it('refuses a state from which no terminal state can be reached', () => {
    const lc: Lifecycle = {
      ...base,
      states: [
        ...base.states,
        { key: 'trap', label: 'Trap', category: 'open' },
        { key: 'trap2', label: 'Trap 2', category: 'open' },
      ],
      transitions: [
        ...base.transitions,
        { key: 'in', label: 'In', from: ['a'], to: 'trap', roles: ['agent'], requester: false, requires: [] },
        {
          key: 'loop1',
          label: 'L1',
          from: ['trap'],
          to: 'trap2',
          roles: ['agent'],
          requester: false,
          requires: [],
        },
        {
          key: 'loop2',
          label: 'L2',
          from: ['trap2'],
          to: 'trap',
          roles: ['agent'],
          requester: false,
          requires: [],
        },
      ],
    };
    expect(validateLifecycle(lc)).toEqual([
      'From state "Trap" no terminal state can be reached.',
      'From state "Trap 2" no terminal state can be reached.',
    ]);
  });

  it('refuses unknown roles, unknown required fields, duplicate keys, a missing initial state and transitions nobody may take', () => {
    const lc = {
      initial: 'q',
      states: [base.states[0]!, base.states[0]!],
      transitions: [
        {
          key: 't',
          label: 'T',
          from: ['a'],
          to: 'a',
          roles: ['wizard' as Role],
          requester: false,
          requires: ['magic' as 'comment'],
        },
        { key: 't', label: 'T', from: ['a'], to: 'a', roles: [], requester: false, requires: [] },
      ],
    };
    const p = validateLifecycle(lc).join('\n');
    expect(p).toContain('State "a" is defined twice.');
    expect(p).toContain('The initial state "q" is not one of the states.');
    expect(p).toContain('names unknown role "wizard"');
    expect(p).toContain('requires unknown field "magic"');
    expect(p).toContain('Transition "t" is defined twice.');
    expect(p).toContain('Nobody may take transition "t".');
  });

  it('never lets a random actor take a transition their roles do not list (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ROLES]),
        fc.boolean(),
        fc.constantFrom(...L.states.map((s) => s.key)),
        fc.constantFrom(...L.states.map((s) => s.key)),
        (roles, isRequester, from, to) => {
          const r = checkTransition(L, from, to, { roles, isRequester }, full);
          if (r.ok)
            expect(
              r.transition.roles.some((x) => roles.includes(x)) || (r.transition.requester && isRequester),
            ).toBe(true);
        },
      ),
    );
  });
});

describe('transition effects', () => {
  const withNotify = (key: string, notify: string[], activity?: string): LifecycleDraft => ({
    ...L,
    transitions: L.transitions.map((t) => {
      if (t.key !== key) return t;
      const { activity: _, ...rest } = t;
      return { ...rest, ...(activity ? { activity } : {}), effects: { notify } };
    }),
  });
  const index = (key: string) => L.transitions.findIndex((t) => t.key === key);

  it('accepts every known party, with an activity for the RACI ones', () => {
    expect(
      lifecycleProblems(
        withNotify('start', ['consulted', 'informed', 'requester', 'assignee', 'watchers'], 'log'),
      ),
    ).toEqual([]);
    expect(lifecycleProblems(withNotify('start', []))).toEqual([]);
  });

  it('names the field of an unknown party, a repeated party and RACI parties without an activity', () => {
    const field = `lifecycle.transitions.${index('start')}.effects.notify`;
    expect(lifecycleProblems(withNotify('start', ['boss']))).toEqual([
      { field, message: expect.stringContaining('unknown party "boss"') },
    ]);
    expect(lifecycleProblems(withNotify('start', ['requester', 'requester']))).toEqual([
      { field, message: 'Transition "start" notifies "requester" twice.' },
    ]);
    expect(lifecycleProblems(withNotify('start', ['consulted', 'informed']))).toEqual([
      {
        field,
        message:
          'Transition "start" notifies the consulted and informed parties but has no RACI activity to take them from.',
      },
    ]);
  });

  it('derives the SLA effect from the states a transition joins', () => {
    const effect = (key: string) => slaEffect(L, L.transitions.find((t) => t.key === key)!);
    expect(effect('start')).toBe('none');
    expect(effect('hold')).toBe('pause');
    expect(effect('resume')).toBe('resume');
    expect(effect('resolve')).toBe('meet');
    expect(effect('close')).toBe('none');
    expect(effect('reopen')).toBe('reopen');
    expect(effect('cancel')).toBe('stop');
  });
});
