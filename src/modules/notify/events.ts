/**
 * The events people can be told about: each with its label, the variables its templates may use,
 * who hears of it by default, whether mail is on by default, and its shipped templates. Other
 * modules add their own (the change module: change.scheduled, change.conflicting) with
 * registerNotificationEvent and then call notifyEvent.
 */
import type { RecipientParty } from '../../domain/notify/recipients.ts';

export type EventTemplates = {
  inApp: { subject: string; body: string };
  email: { subject: string; text: string; html?: string };
};

export type NotificationEventDefinition = {
  key: string;
  label: string;
  description: string;
  /** Variables beyond the common ones (record, people, link). */
  variables: readonly string[];
  /**
   * Who hears of it when no administrator's rule says otherwise. Null: the cause names the
   * people (a lifecycle transition's notify effects, an escalation policy, the approvers asked).
   */
  defaultParties: readonly RecipientParty[] | null;
  /** The RACI activity whose consulted and informed parties stand for `consulted` and `informed`. */
  raciActivity?: string;
  /** Mail by default (otherwise only the in-app inbox until a person opts in). */
  emailByDefault: boolean;
  /** Only people who may read internal notes ever hear of it. */
  internal?: boolean;
  templates: EventTemplates;
  /** Values of the event's own variables for the preview. */
  sample: Readonly<Record<string, string>>;
};

/** Variables every record event offers. */
export const COMMON_VARIABLES = [
  'recordNumber',
  'recordType',
  'title',
  'link',
  'state',
  'priority',
  'requester',
  'assignee',
  'group',
  'actor',
  'recipient',
  'reasons',
] as const;

const events = new Map<string, NotificationEventDefinition>();

export function registerNotificationEvent(def: NotificationEventDefinition): void {
  events.set(def.key, def);
}

export function notificationEvent(key: string): NotificationEventDefinition | undefined {
  return events.get(key);
}

export function notificationEvents(): NotificationEventDefinition[] {
  return [...events.values()];
}

export function eventVariables(def: NotificationEventDefinition): string[] {
  return [...COMMON_VARIABLES, ...def.variables];
}

const FOOTER = '\n\n{{link}}\nYou are told because {{reasons}}.';

/** Templates whose mail repeats the in-app text with the record's link and the reasons. */
function simple(subject: string, body: string, inAppBody = body): EventTemplates {
  return {
    inApp: { subject, body: inAppBody },
    email: { subject: `[{{recordNumber}}] ${subject}`, text: body + FOOTER },
  };
}

const TRANSITIONED =
  '{{recordNumber}} "{{title}}" moved from {{fromState}} to {{toState}} ({{transition}}) by {{actor}}.{{#resolution}}\nResolution: {{resolution}}{{/resolution}}';

const SLA_SAMPLE = {
  target: 'SLA resolution',
  dueAt: '2026-03-02T17:00:00.000Z',
};

/** Escalations name why each person is told in the policy's words (group manager, …). */
const ESCALATION: EventTemplates = {
  inApp: { subject: '{{headline}}', body: '{{message}}\nYou are told as: {{reasons}}.' },
  email: {
    subject: '[{{recordNumber}}] {{headline}}',
    text: '{{message}}\nYou are told as: {{reasons}}.\n\n{{link}}',
  },
};

/** What the SLA warning and breach events have in common: the policy picks the recipients. */
const ESCALATION_EVENT = {
  variables: ['headline', 'message', 'target', 'dueAt'],
  defaultParties: null,
  emailByDefault: true,
  templates: ESCALATION,
} satisfies Partial<NotificationEventDefinition>;

export const BUILT_IN_EVENTS: NotificationEventDefinition[] = [
  {
    key: 'record.created',
    label: 'Record created',
    description: 'A record was opened (by the requester, an agent, mail or a rule).',
    variables: ['description'],
    defaultParties: ['requester', 'assignee', 'group'],
    raciActivity: 'log',
    emailByDefault: true,
    templates: simple(
      '{{recordNumber}} opened: {{title}}',
      '{{recordNumber}} "{{title}}" was opened by {{actor}} (priority {{priority}}).{{#description}}\n\n{{description}}{{/description}}',
    ),
    sample: { description: 'The printer on floor 3 shows error E-42.' },
  },
  {
    key: 'record.assigned',
    label: 'Record assigned',
    description: 'The assignee or the assigned group changed.',
    variables: [],
    defaultParties: ['assignee', 'group'],
    raciActivity: 'assign',
    emailByDefault: true,
    templates: simple(
      '{{recordNumber}} assigned to {{#assignee}}{{assignee}}{{/assignee}}{{^assignee}}{{group}}{{/assignee}}: {{title}}',
      '{{actor}} assigned {{recordNumber}} "{{title}}" to {{#assignee}}{{assignee}}{{/assignee}}{{^assignee}}nobody yet{{/assignee}}{{#group}} in {{group}}{{/group}}.',
    ),
    sample: {},
  },
  {
    key: 'record.commented',
    label: 'Public comment',
    description: 'Someone added a comment everyone on the record can read.',
    variables: ['comment'],
    defaultParties: ['requester', 'watchers', 'assignee'],
    emailByDefault: true,
    templates: simple(
      '{{actor}} commented on {{recordNumber}}: {{title}}',
      '{{actor}} wrote on {{recordNumber}}:\n\n{{comment}}',
    ),
    sample: { comment: 'I have ordered a new fuser; it arrives tomorrow.' },
  },
  {
    key: 'record.commented_internal',
    label: 'Internal note',
    description: 'Someone added an internal note; requesters never hear of it.',
    variables: ['comment'],
    defaultParties: ['watchers', 'assignee'],
    emailByDefault: false,
    internal: true,
    templates: simple(
      '{{actor}} added an internal note to {{recordNumber}}: {{title}}',
      'Internal note by {{actor}} on {{recordNumber}}:\n\n{{comment}}',
    ),
    sample: { comment: 'Vendor ticket 7731 opened; waiting for their engineer.' },
  },
  {
    key: 'record.transitioned',
    label: 'State changed',
    description:
      "The record moved through its lifecycle; the lifecycle transition's notify effects name who is told.",
    variables: ['fromState', 'toState', 'transition', 'resolution'],
    defaultParties: null,
    emailByDefault: true,
    templates: simple(
      '{{recordNumber}} is now {{toState}}: {{title}}',
      TRANSITIONED,
      `${TRANSITIONED}\nYou are told because {{reasons}}.`,
    ),
    sample: {
      fromState: 'In progress',
      toState: 'Resolved',
      transition: 'Resolve',
      resolution: 'Replaced the fuser.',
    },
  },
  {
    key: 'escalation.warning',
    label: 'SLA warning',
    description: 'A service-level target is close to being missed; the escalation policy names who is told.',
    ...ESCALATION_EVENT,
    sample: {
      ...SLA_SAMPLE,
      headline: 'INC0001001 SLA resolution warning (80%): Printer on floor 3 is on fire',
      message:
        'INC0001001 "Printer on floor 3 is on fire" (priority 2) reached 80% of its SLA resolution target.',
    },
  },
  {
    key: 'escalation.breach',
    label: 'SLA breach',
    description:
      'A service-level target was missed; the escalation policy names who is told (managers on escalation).',
    ...ESCALATION_EVENT,
    sample: {
      ...SLA_SAMPLE,
      headline: 'INC0001001 SLA resolution breach: Printer on floor 3 is on fire',
      message: 'INC0001001 "Printer on floor 3 is on fire" (priority 2) breached its SLA resolution target.',
    },
  },
  {
    key: 'approval.requested',
    label: 'Approval requested',
    description: 'A request waits for the approval of the people its policy names.',
    variables: ['level'],
    defaultParties: null,
    emailByDefault: true,
    templates: simple(
      'Your approval is asked for {{recordNumber}}: {{title}}',
      '{{requester}} asks for "{{title}}" ({{recordNumber}}). Please approve or reject it{{#level}} (level {{level}}){{/level}}.',
    ),
    sample: { level: '1' },
  },
  {
    key: 'approval.decided',
    label: 'Approval decided',
    description: 'A request was approved or rejected.',
    variables: ['decision', 'approver', 'reason'],
    defaultParties: ['requester', 'watchers'],
    emailByDefault: true,
    templates: simple(
      '{{recordNumber}} was {{decision}}: {{title}}',
      '{{approver}} {{decision}} {{recordNumber}} "{{title}}".{{#reason}}\nReason: {{reason}}{{/reason}}',
    ),
    sample: { decision: 'approved', approver: 'Ada Approver', reason: 'Budget confirmed.' },
  },
  {
    key: 'major_incident.declared',
    label: 'Major incident declared',
    description: 'An incident was declared a major incident.',
    variables: ['summary', 'coordinator'],
    defaultParties: ['requester', 'watchers', 'assignee', 'group', 'informed', 'group_manager', 'on_call'],
    raciActivity: 'resolve',
    emailByDefault: true,
    templates: simple(
      'Major incident {{recordNumber}}: {{title}}',
      '{{actor}} declared {{recordNumber}} "{{title}}" a major incident.{{#coordinator}}\nCoordinator: {{coordinator}}.{{/coordinator}}\n\n{{summary}}',
    ),
    sample: { summary: 'Mail is down for all users in the EU region.', coordinator: 'Maya Manager' },
  },
  {
    key: 'major_incident.updated',
    label: 'Major incident update',
    description: 'A communication was published on a major incident.',
    variables: ['update', 'audience'],
    defaultParties: ['watchers', 'assignee', 'group', 'informed'],
    raciActivity: 'resolve',
    emailByDefault: true,
    templates: simple(
      'Update on major incident {{recordNumber}}: {{title}}',
      '{{actor}} posted an update:\n\n{{update}}',
    ),
    sample: { update: 'Failover complete; mail flows again for most users.', audience: 'public' },
  },
  {
    key: 'problem.resolved',
    label: 'Problem resolved',
    description: 'A problem reached a resolved state.',
    variables: ['resolution'],
    defaultParties: ['requester', 'watchers', 'assignee', 'informed'],
    raciActivity: 'resolve',
    emailByDefault: true,
    templates: simple(
      'Problem {{recordNumber}} resolved: {{title}}',
      '{{actor}} resolved problem {{recordNumber}} "{{title}}".{{#resolution}}\nResolution: {{resolution}}{{/resolution}}',
    ),
    sample: { resolution: 'Firmware 4.2 fixes the memory leak.' },
  },
];

export function registerBuiltInEvents(): void {
  for (const def of BUILT_IN_EVENTS) registerNotificationEvent(def);
}
