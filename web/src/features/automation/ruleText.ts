/** Labels for rule parts and a one-line reading of a rule: "When created, if …, then …". */
import type {
  AutomationEvent,
  ConditionOp,
  RuleAction,
  RuleCondition,
  RuleField,
  RuleInput,
} from '../../api/queries/process.ts';
import { RECORD_FIELD_LABELS } from '../../kit/record/changes.ts';

export const EVENT_LABELS: Record<AutomationEvent, string> = {
  created: 'a record is created',
  updated: 'a record is updated',
  transitioned: 'a record changes state',
};

export const FIELD_LABELS: Record<RuleField, string> = {
  ...RECORD_FIELD_LABELS,
  requesterId: 'Requester',
};

export const OP_LABELS: Record<ConditionOp, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  contains: 'contains',
  changed: 'changed',
  gt: 'is greater than',
  lt: 'is less than',
  empty: 'is empty',
  not_empty: 'is not empty',
};

/** Operators that compare with nothing. */
export const VALUELESS_OPS: readonly ConditionOp[] = ['changed', 'empty', 'not_empty'];
export const NUMERIC_FIELDS: readonly RuleField[] = ['impact', 'urgency', 'priority'];

export const STRATEGY_LABELS = {
  group_only: 'Group only (nobody in particular)',
  round_robin: 'Round robin: members in turn',
  least_loaded: 'Least loaded: fewest open records',
} as const;

export const ACTION_LABELS: Record<RuleAction['type'], string> = {
  set_field: 'Set a field',
  assign: 'Assign',
  add_comment: 'Add a comment',
};

type Names = { group: (id: string) => string; user: (id: string) => string };

function valueText(field: string, v: unknown, names: Names): string {
  if (v === null || v === undefined || v === '') return 'nothing';
  if (Array.isArray(v)) return v.map((x) => valueText(field, x, names)).join(', ');
  if (field === 'groupId') return names.group(String(v));
  if (field === 'assigneeId' || field === 'requesterId') return names.user(String(v));
  return typeof v === 'number' ? String(v) : `“${v}”`;
}

export function conditionText(c: RuleCondition, names: Names): string {
  const head = `${FIELD_LABELS[c.field].toLowerCase()} ${OP_LABELS[c.op]}`;
  return VALUELESS_OPS.includes(c.op) ? head : `${head} ${valueText(c.field, c.value, names)}`;
}

export function actionText(a: RuleAction, names: Names): string {
  switch (a.type) {
    case 'set_field':
      return `set ${FIELD_LABELS[a.field].toLowerCase()} to ${valueText(a.field, a.value, names)}`;
    case 'assign': {
      const parts = [
        a.groupId ? `group ${names.group(a.groupId)}` : null,
        a.assigneeId ? names.user(a.assigneeId) : null,
      ].filter(Boolean);
      const how =
        a.groupId && !a.assigneeId && a.strategy && a.strategy !== 'group_only'
          ? ` (${a.strategy === 'round_robin' ? 'round robin' : 'least loaded'})`
          : '';
      return `assign to ${parts.join(', ') || 'nobody'}${how}`;
    }
    case 'add_comment':
      return `add ${a.visibility} comment “${a.body.length > 40 ? `${a.body.slice(0, 40)}…` : a.body}”`;
  }
}

export function ruleText(r: RuleInput, names: Names): string {
  const when = `When ${EVENT_LABELS[r.event]}`;
  const ifs = r.conditions.length
    ? `, if ${r.conditions.map((c) => conditionText(c, names)).join(' and ')}`
    : '';
  const then = r.actions.length ? `, then ${r.actions.map((a) => actionText(a, names)).join(', ')}` : '';
  return `${when}${ifs}${then}.`;
}
