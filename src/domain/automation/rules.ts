/**
 * Automation rules: "when <event> and <conditions> then <actions>". Pure: validation and
 * condition matching against a record's fields and the changes that triggered the event.
 */

export const AUTOMATION_EVENTS = ['created', 'updated', 'transitioned'] as const;
export type AutomationEvent = (typeof AUTOMATION_EVENTS)[number];

/** Record fields a rule may look at or set. */
export const RULE_FIELDS = [
  'title',
  'description',
  'state',
  'impact',
  'urgency',
  'priority',
  'category',
  'subcategory',
  'channel',
  'assigneeId',
  'groupId',
  'serviceId',
  'requesterId',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const SETTABLE_FIELDS = [
  'impact',
  'urgency',
  'category',
  'subcategory',
  'channel',
  'assigneeId',
  'groupId',
] as const;
export type SettableField = (typeof SETTABLE_FIELDS)[number];

export const CONDITION_OPS = [
  'eq',
  'neq',
  'in',
  'contains',
  'changed',
  'gt',
  'lt',
  'empty',
  'not_empty',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const ASSIGN_STRATEGIES = ['group_only', 'round_robin', 'least_loaded'] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

export type Condition = {
  field: RuleField;
  op: ConditionOp;
  value?: string | number | null | (string | number)[];
};

export type RuleAction =
  | { type: 'set_field'; field: SettableField; value: string | number | null }
  | {
      type: 'assign';
      groupId: string | null;
      assigneeId: string | null;
      /** Pick an assignee within the group: the next member in turn, or the one with the fewest open records. */
      strategy?: AssignStrategy;
    }
  | { type: 'add_comment'; body: string; visibility: 'public' | 'internal' };

export type AutomationRule = {
  id: string;
  name: string;
  event: AutomationEvent;
  conditions: Condition[];
  actions: RuleAction[];
};

export type RuleSubject = { fields: Partial<Record<RuleField, unknown>>; changed: ReadonlySet<string> };

function asComparable(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : String(v);
}

export function conditionHolds(c: Condition, s: RuleSubject): boolean {
  const actual = asComparable(s.fields[c.field]);
  switch (c.op) {
    case 'eq':
      return actual === asComparable(c.value);
    case 'neq':
      return actual !== asComparable(c.value);
    case 'in':
      return Array.isArray(c.value) && c.value.map(asComparable).includes(actual);
    case 'contains':
      return (
        typeof actual === 'string' &&
        typeof c.value === 'string' &&
        actual.toLowerCase().includes(c.value.toLowerCase())
      );
    case 'changed':
      return s.changed.has(c.field);
    case 'gt':
      return typeof actual === 'number' && typeof c.value === 'number' && actual > c.value;
    case 'lt':
      return typeof actual === 'number' && typeof c.value === 'number' && actual < c.value;
    case 'empty':
      return actual === null || actual === '';
    case 'not_empty':
      return actual !== null && actual !== '';
  }
}

/** All conditions must hold (an empty list always matches). */
export function ruleMatches(rule: AutomationRule, event: AutomationEvent, s: RuleSubject): boolean {
  return rule.event === event && rule.conditions.every((c) => conditionHolds(c, s));
}

export function validateRule(rule: Omit<AutomationRule, 'id'>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  rule.conditions.forEach((c, i) => {
    const needsValue = !['changed', 'empty', 'not_empty'].includes(c.op);
    if (needsValue && (c.value === undefined || (c.op === 'in' && !Array.isArray(c.value)))) {
      errors.push({
        field: `conditions.${i}.value`,
        message: c.op === 'in' ? 'must be a list' : 'is required for this operator',
      });
    }
    if ((c.op === 'gt' || c.op === 'lt') && typeof c.value !== 'number')
      errors.push({ field: `conditions.${i}.value`, message: 'must be a number' });
  });
  if (rule.actions.length === 0)
    errors.push({ field: 'actions', message: 'a rule needs at least one action' });
  rule.actions.forEach((a, i) => {
    if (a.type === 'assign' && !a.groupId && !a.assigneeId)
      errors.push({ field: `actions.${i}`, message: 'assign needs a group or an assignee' });
    if (
      a.type === 'set_field' &&
      (a.field === 'impact' || a.field === 'urgency') &&
      ![1, 2, 3].includes(Number(a.value))
    ) {
      errors.push({ field: `actions.${i}.value`, message: `${a.field} must be 1, 2 or 3` });
    }
  });
  return errors;
}

/** How deep automation may trigger further automation before it stops (loop protection). */
export const MAX_AUTOMATION_DEPTH = 3;
