import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_POLICY,
  describeTrigger,
  type EscalationPolicy,
  type EscalationRule,
  nextSupportLevel,
  planEscalation,
  validateEscalationPolicy,
} from './policy.ts';

const rule = (over: Partial<EscalationRule> = {}): EscalationRule => ({
  trigger: 'breach',
  threshold: null,
  clockKind: 'any',
  metric: 'any',
  reassign: false,
  notify: ['group_manager'],
  raciActivity: 'resolve',
  ...over,
});

const policy = (rules: EscalationRule[], supportLevels: EscalationPolicy['supportLevels'] = []) => ({
  supportLevels,
  rules,
});

describe('validateEscalationPolicy', () => {
  it('accepts the shipped default', () => {
    expect(validateEscalationPolicy(DEFAULT_ESCALATION_POLICY)).toEqual([]);
  });

  it('wants warning thresholds between 1 and 99 and no threshold on a breach', () => {
    const errors = validateEscalationPolicy(
      policy([
        rule({ trigger: 'warning', threshold: 0 }),
        rule({ trigger: 'warning', threshold: 100, metric: 'response' }),
        rule({ trigger: 'breach', threshold: 90 }),
        rule({ trigger: 'warning', threshold: 75, metric: 'resolution' }),
      ]),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'policy.rules.0.threshold',
      'policy.rules.1.threshold',
      'policy.rules.2.threshold',
    ]);
  });

  it('refuses a rule that does nothing, a party listed twice and a repeated trigger', () => {
    const errors = validateEscalationPolicy(
      policy([
        rule({ notify: [] }),
        rule({ notify: ['assignee', 'assignee'], metric: 'response' }),
        rule({ metric: 'response' }),
      ]),
    );
    expect(errors).toEqual([
      { field: 'policy.rules.0.notify', message: 'the rule neither reassigns nor notifies anyone' },
      { field: 'policy.rules.1.notify', message: 'a party is listed twice' },
      { field: 'policy.rules.2', message: 'another rule has the same trigger, threshold, clock and metric' },
    ]);
  });

  it('refuses a group escalating to itself, two next levels for one group, and circles', () => {
    expect(
      validateEscalationPolicy(policy([], [{ groupId: 'a', nextGroupId: 'a' }])).map((e) => e.message),
    ).toContain('a group cannot be its own next level');
    expect(
      validateEscalationPolicy(
        policy(
          [],
          [
            { groupId: 'a', nextGroupId: 'b' },
            { groupId: 'a', nextGroupId: 'c' },
          ],
        ),
      ),
    ).toContainEqual({
      field: 'policy.supportLevels.1.groupId',
      message: 'this group already has a next level',
    });
    expect(
      validateEscalationPolicy(
        policy(
          [],
          [
            { groupId: 'a', nextGroupId: 'b' },
            { groupId: 'b', nextGroupId: 'c' },
            { groupId: 'c', nextGroupId: 'a' },
          ],
        ),
      ),
    ).toEqual([
      { field: 'policy.supportLevels.0.nextGroupId', message: 'the support levels go round in a circle' },
    ]);
    expect(
      validateEscalationPolicy(
        policy(
          [],
          [
            { groupId: 'a', nextGroupId: 'b' },
            { groupId: 'b', nextGroupId: 'c' },
          ],
        ),
      ),
    ).toEqual([]);
  });
});

describe('planEscalation', () => {
  const p = policy([
    rule({ trigger: 'warning', threshold: 75, clockKind: 'sla', notify: ['assignee'] }),
    rule({ trigger: 'warning', threshold: null, clockKind: 'ola', notify: ['group_manager'] }),
    rule({ trigger: 'breach', clockKind: 'sla', metric: 'resolution', reassign: true, notify: [] }),
    rule({
      trigger: 'breach',
      clockKind: 'any',
      metric: 'any',
      notify: ['process_manager', 'raci_informed'],
      raciActivity: 'review',
    }),
  ]);

  it('matches a warning by its threshold and clock kind', () => {
    expect(
      planEscalation(p, { kind: 'warning', threshold: 75, clockKind: 'sla', metric: 'response' }),
    ).toEqual({
      reassign: false,
      notify: ['assignee'],
      raciActivities: [],
    });
    expect(
      planEscalation(p, { kind: 'warning', threshold: 90, clockKind: 'sla', metric: 'response' }),
    ).toBeNull();
    expect(
      planEscalation(p, { kind: 'warning', threshold: 90, clockKind: 'ola', metric: 'response' }),
    ).toEqual({
      reassign: false,
      notify: ['group_manager'],
      raciActivities: [],
    });
  });

  it('joins every matching rule: reassign if any says so, every party once', () => {
    expect(
      planEscalation(p, { kind: 'breach', threshold: 100, clockKind: 'sla', metric: 'resolution' }),
    ).toEqual({
      reassign: true,
      notify: ['process_manager', 'raci_informed'],
      raciActivities: ['review'],
    });
    expect(
      planEscalation(p, { kind: 'breach', threshold: 100, clockKind: 'ola', metric: 'resolution' }),
    ).toEqual({
      reassign: false,
      notify: ['process_manager', 'raci_informed'],
      raciActivities: ['review'],
    });
  });

  it('never escalates underpinning contracts', () => {
    expect(
      planEscalation(p, { kind: 'breach', threshold: 100, clockKind: 'uc', metric: 'resolution' }),
    ).toBeNull();
  });
});

describe('support levels', () => {
  it('finds the next level of a group, or none', () => {
    const p = policy([], [{ groupId: 'desk', nextGroupId: 'network' }]);
    expect(nextSupportLevel(p, 'desk')).toBe('network');
    expect(nextSupportLevel(p, 'network')).toBeNull();
    expect(nextSupportLevel(p, null)).toBeNull();
  });

  it('describes the trigger in words', () => {
    expect(describeTrigger({ kind: 'breach', threshold: 100, clockKind: 'sla', metric: 'resolution' })).toBe(
      'SLA resolution breach',
    );
    expect(describeTrigger({ kind: 'warning', threshold: 75, clockKind: 'ola', metric: 'response' })).toBe(
      'OLA response warning at 75%',
    );
  });
});
