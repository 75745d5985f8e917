import { describe, expect, it } from 'vitest';
import { type AutomationRule, conditionHolds, ruleMatches, validateRule } from './rules.ts';

const subject = (fields: Record<string, unknown>, changed: string[] = []) => ({
  fields,
  changed: new Set(changed),
});

describe('automation conditions', () => {
  it('compares equal, not equal, in a list, contains (case-insensitive), greater and less', () => {
    const s = subject({ priority: 1, category: 'Network', title: 'VPN is DOWN' });
    expect(conditionHolds({ field: 'priority', op: 'eq', value: 1 }, s)).toBe(true);
    expect(conditionHolds({ field: 'category', op: 'neq', value: 'Network' }, s)).toBe(false);
    expect(conditionHolds({ field: 'priority', op: 'in', value: [1, 2] }, s)).toBe(true);
    expect(conditionHolds({ field: 'title', op: 'contains', value: 'vpn' }, s)).toBe(true);
    expect(conditionHolds({ field: 'priority', op: 'lt', value: 3 }, s)).toBe(true);
    expect(conditionHolds({ field: 'priority', op: 'gt', value: 3 }, s)).toBe(false);
  });
  it('knows empty, not empty and changed', () => {
    const s = subject({ assigneeId: null, groupId: 'g' }, ['groupId']);
    expect(conditionHolds({ field: 'assigneeId', op: 'empty' }, s)).toBe(true);
    expect(conditionHolds({ field: 'groupId', op: 'not_empty' }, s)).toBe(true);
    expect(conditionHolds({ field: 'groupId', op: 'changed' }, s)).toBe(true);
    expect(conditionHolds({ field: 'priority', op: 'changed' }, s)).toBe(false);
  });
  it('matches a rule only on its event and when every condition holds', () => {
    const rule: AutomationRule = {
      id: 'r',
      name: 'P1 to network',
      event: 'created',
      conditions: [
        { field: 'priority', op: 'eq', value: 1 },
        { field: 'category', op: 'eq', value: 'Network' },
      ],
      actions: [{ type: 'add_comment', body: 'x', visibility: 'internal' }],
    };
    expect(ruleMatches(rule, 'created', subject({ priority: 1, category: 'Network' }))).toBe(true);
    expect(ruleMatches(rule, 'updated', subject({ priority: 1, category: 'Network' }))).toBe(false);
    expect(ruleMatches(rule, 'created', subject({ priority: 2, category: 'Network' }))).toBe(false);
  });
});

describe('automation rule validation', () => {
  it('explains each problem by field', () => {
    expect(
      validateRule({
        name: 'bad',
        event: 'created',
        conditions: [
          { field: 'priority', op: 'in', value: 1 },
          { field: 'priority', op: 'gt', value: 'high' },
          { field: 'title', op: 'eq' },
        ],
        actions: [
          { type: 'assign', groupId: null, assigneeId: null },
          { type: 'set_field', field: 'impact', value: 7 },
        ],
      }),
    ).toEqual([
      { field: 'conditions.0.value', message: 'must be a list' },
      { field: 'conditions.1.value', message: 'must be a number' },
      { field: 'conditions.2.value', message: 'is required for this operator' },
      { field: 'actions.0', message: 'assign needs a group or an assignee' },
      { field: 'actions.1.value', message: 'impact must be 1, 2 or 3' },
    ]);
    expect(validateRule({ name: 'empty', event: 'created', conditions: [], actions: [] })).toEqual([
      { field: 'actions', message: 'a rule needs at least one action' },
    ]);
  });
});
