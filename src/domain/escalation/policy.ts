/**
 * Escalation policies (ITIL incident management: functional and hierarchical escalation). A
 * process's policy says, for SLA and OLA warnings and breaches, whether the record moves to the
 * next support level (functional) and who is told (hierarchical: managers, the process owner and
 * manager, the RACI's consulted and informed parties). Pure: validation, matching an alert to
 * the rules that apply, and the next support level of a group.
 */
import type { FieldError } from '../../errors.ts';

export const ESCALATION_TRIGGERS = ['warning', 'breach'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** `any` means SLA or OLA; underpinning contracts are followed up with the supplier instead. */
export const ESCALATION_CLOCK_KINDS = ['sla', 'ola', 'any'] as const;
export type EscalationClockKind = (typeof ESCALATION_CLOCK_KINDS)[number];

export const ESCALATION_METRICS = ['response', 'resolution', 'any'] as const;
export type EscalationMetric = (typeof ESCALATION_METRICS)[number];

export const NOTIFY_PARTIES = [
  'assignee',
  'assignee_manager',
  'group_manager',
  'next_group_manager',
  'process_manager',
  'process_owner',
  'raci_consulted',
  'raci_informed',
] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];

export const NOTIFY_PARTY_LABELS: Record<NotifyParty, string> = {
  assignee: 'assignee',
  assignee_manager: "assignee's manager",
  group_manager: 'group manager',
  next_group_manager: 'next-level group manager',
  process_manager: 'process manager',
  process_owner: 'process owner',
  raci_consulted: 'consulted (RACI)',
  raci_informed: 'informed (RACI)',
};

/** A group and the group one support level up (first line → second line → …). */
export type SupportLevel = { groupId: string; nextGroupId: string };

export type EscalationRule = {
  trigger: EscalationTrigger;
  /** Warnings only: the percent of the target the warning fired at; null matches every warning. */
  threshold: number | null;
  clockKind: EscalationClockKind;
  metric: EscalationMetric;
  /** Functional escalation: hand the record to the next support level's group. */
  reassign: boolean;
  /** Hierarchical escalation: who is told. */
  notify: NotifyParty[];
  /** The RACI activity whose consulted and informed parties are told. */
  raciActivity: string;
};

export type EscalationPolicy = { supportLevels: SupportLevel[]; rules: EscalationRule[] };

/**
 * Shipped default: tell the group's manager when an SLA is about to be missed; on any breach,
 * move the record up a level (once levels are configured) and tell the managers.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  supportLevels: [],
  rules: [
    {
      trigger: 'warning',
      threshold: null,
      clockKind: 'sla',
      metric: 'any',
      reassign: false,
      notify: ['group_manager'],
      raciActivity: 'resolve',
    },
    {
      trigger: 'breach',
      threshold: null,
      clockKind: 'any',
      metric: 'any',
      reassign: true,
      notify: ['assignee_manager', 'group_manager', 'next_group_manager', 'process_manager'],
      raciActivity: 'resolve',
    },
  ],
};

/** What an alert says about itself, as far as the policy cares. */
export type AlertFacts = {
  kind: EscalationTrigger;
  threshold: number;
  clockKind: string;
  metric: string;
};

const ruleKey = (r: EscalationRule) => `${r.trigger}/${r.threshold ?? '*'}/${r.clockKind}/${r.metric}`;

/**
 * Shape and sense of a policy (the groups' existence is the caller's to check). Field paths are
 * relative to the policy, prefixed with `policy.`.
 */
export function validateEscalationPolicy(policy: EscalationPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const from = new Map<string, string>();
  policy.supportLevels.forEach((l, i) => {
    const at = `policy.supportLevels.${i}`;
    if (l.groupId === l.nextGroupId)
      errors.push({ field: `${at}.nextGroupId`, message: 'a group cannot be its own next level' });
    if (from.has(l.groupId))
      errors.push({ field: `${at}.groupId`, message: 'this group already has a next level' });
    from.set(l.groupId, l.nextGroupId);
  });
  // Levels form chains: following "next" from any group must end, or records would go round.
  for (const [start] of from) {
    const seen = new Set([start]);
    let g = from.get(start);
    while (g !== undefined && !seen.has(g)) {
      seen.add(g);
      g = from.get(g);
    }
    if (g !== undefined) {
      const i = policy.supportLevels.findIndex((l) => l.groupId === start);
      errors.push({
        field: `policy.supportLevels.${i}.nextGroupId`,
        message: 'the support levels go round in a circle',
      });
      break;
    }
  }
  const keys = new Set<string>();
  policy.rules.forEach((r, i) => {
    const at = `policy.rules.${i}`;
    if (r.trigger === 'breach' && r.threshold !== null)
      errors.push({
        field: `${at}.threshold`,
        message: 'a breach is always at 100%; leave the threshold empty',
      });
    if (r.trigger === 'warning' && r.threshold !== null && (r.threshold < 1 || r.threshold > 99))
      errors.push({ field: `${at}.threshold`, message: 'a warning threshold is a percent from 1 to 99' });
    if (!r.reassign && r.notify.length === 0)
      errors.push({ field: `${at}.notify`, message: 'the rule neither reassigns nor notifies anyone' });
    if (new Set(r.notify).size !== r.notify.length)
      errors.push({ field: `${at}.notify`, message: 'a party is listed twice' });
    if (keys.has(ruleKey(r)))
      errors.push({ field: at, message: 'another rule has the same trigger, threshold, clock and metric' });
    keys.add(ruleKey(r));
  });
  return errors;
}

function ruleMatches(r: EscalationRule, a: AlertFacts): boolean {
  if (a.clockKind !== 'sla' && a.clockKind !== 'ola') return false;
  if (r.trigger !== a.kind) return false;
  if (r.trigger === 'warning' && r.threshold !== null && r.threshold !== a.threshold) return false;
  if (r.clockKind !== 'any' && r.clockKind !== a.clockKind) return false;
  return r.metric === 'any' || r.metric === a.metric;
}

export type EscalationPlan = {
  reassign: boolean;
  notify: NotifyParty[];
  /** The RACI activities whose consulted or informed parties are told. */
  raciActivities: string[];
};

/** What the policy asks for on this alert: the union of every matching rule; null when none matches. */
export function planEscalation(policy: EscalationPolicy, alert: AlertFacts): EscalationPlan | null {
  const rules = policy.rules.filter((r) => ruleMatches(r, alert));
  if (rules.length === 0) return null;
  const notify = NOTIFY_PARTIES.filter((p) => rules.some((r) => r.notify.includes(p)));
  const raciActivities = [
    ...new Set(
      rules
        .filter((r) => r.notify.includes('raci_consulted') || r.notify.includes('raci_informed'))
        .map((r) => r.raciActivity),
    ),
  ];
  return { reassign: rules.some((r) => r.reassign), notify, raciActivities };
}

/** The group one support level above `groupId`, if the policy names one. */
export function nextSupportLevel(policy: EscalationPolicy, groupId: string | null): string | null {
  if (!groupId) return null;
  return policy.supportLevels.find((l) => l.groupId === groupId)?.nextGroupId ?? null;
}

const METRIC_WORDS: Record<string, string> = { response: 'response', resolution: 'resolution' };

/** "SLA resolution breach", "OLA response warning at 75%". */
export function describeTrigger(a: AlertFacts): string {
  const clock = `${a.clockKind.toUpperCase()} ${METRIC_WORDS[a.metric] ?? a.metric}`;
  return a.kind === 'breach' ? `${clock} breach` : `${clock} warning at ${a.threshold}%`;
}
