/** Field history in words: "State: New → In progress", "Assignee: — → Sam Okafor". */
import type { ActivityItem } from '../../api/types.ts';
import {
  CHANNEL_LABELS,
  humanize,
  LEVEL_LABELS,
  LINK_KIND_LABELS,
  PRIORITY_LABELS,
} from '../../lib/labels.ts';

export type ChangeItem = Extract<ActivityItem, { kind: 'change' }>;

export type Resolvers = {
  stateLabel: (key: string) => string | undefined;
  userName: (id: string) => string | undefined;
  groupName: (id: string) => string | undefined;
};

export type DescribedChange =
  | { type: 'created'; text: string }
  | { type: 'field'; label: string; from: string; to: string; long?: boolean }
  | { type: 'event'; text: string };

/** Labels of the fields every record type shares; automation rules name the same fields. */
export const RECORD_FIELD_LABELS = {
  title: 'Title',
  description: 'Description',
  state: 'State',
  impact: 'Impact',
  urgency: 'Urgency',
  priority: 'Priority',
  category: 'Category',
  subcategory: 'Subcategory',
  channel: 'Channel',
  assigneeId: 'Assignee',
  groupId: 'Assignment group',
  serviceId: 'Service',
} as const;

const FIELD_LABELS: Record<string, string> = {
  ...RECORD_FIELD_LABELS,
  resolutionCode: 'Resolution code',
  resolutionNotes: 'Resolution notes',
  'csat.comment': 'Satisfaction comment',
};

const EMPTY = '—';

function valueText(field: string, v: string | null, r: Resolvers): string {
  if (v === null || v === '') return EMPTY;
  switch (field) {
    case 'state':
      return r.stateLabel(v) ?? humanize(v);
    case 'impact':
    case 'urgency':
      return LEVEL_LABELS[Number(v)] ?? v;
    case 'priority':
      return `P${v} ${PRIORITY_LABELS[Number(v)] ?? ''}`.trim();
    case 'assigneeId':
      return r.userName(v) ?? 'someone';
    case 'groupId':
      return r.groupName(v) ?? 'a group';
    case 'resolutionCode':
      return humanize(v);
    case 'channel':
      return CHANNEL_LABELS[v] ?? humanize(v);
    default:
      return v;
  }
}

export function describeChange(c: ChangeItem, r: Resolvers): DescribedChange {
  if (c.field === 'created') return { type: 'created', text: `created ${c.newValue ?? 'the record'}` };
  if (c.field === 'csat.sent') return { type: 'event', text: 'sent the requester a satisfaction survey' };
  if (c.field === 'csat')
    return {
      type: 'event',
      text: `rated how this was handled ${c.newValue ?? '?'}/5 in the satisfaction survey`,
    };
  // What the escalation of an SLA warning or breach did, in the worker's words (never a field).
  if (c.field === 'escalation') return { type: 'event', text: `Escalated: ${c.newValue ?? ''}`.trim() };
  if (c.field === 'attachment_removed')
    return { type: 'event', text: `removed the attachment ${c.oldValue ?? ''}` };
  if (c.field.startsWith('link.')) {
    const kind = c.field.slice(5);
    const label = LINK_KIND_LABELS[kind]?.outgoing ?? humanize(kind);
    return c.newValue
      ? { type: 'event', text: `added a link: ${label.toLowerCase()} ${c.newValue}` }
      : { type: 'event', text: `removed a link: ${label.toLowerCase()} ${c.oldValue ?? ''}` };
  }
  const label = FIELD_LABELS[c.field] ?? humanize(c.field);
  const long = c.field === 'description' || c.field === 'resolutionNotes' || c.field === 'csat.comment';
  return {
    type: 'field',
    label,
    from: valueText(c.field, c.oldValue, r),
    to: valueText(c.field, c.newValue, r),
    long,
  };
}

/** Ids of people and groups the history mentions, to look their names up. */
export function referencedIds(items: ActivityItem[]): { users: string[]; groups: string[] } {
  const users = new Set<string>();
  const groups = new Set<string>();
  for (const i of items) {
    if (i.kind !== 'change') continue;
    const set = i.field === 'assigneeId' ? users : i.field === 'groupId' ? groups : null;
    if (!set) continue;
    if (i.oldValue) set.add(i.oldValue);
    if (i.newValue) set.add(i.newValue);
  }
  return { users: [...users], groups: [...groups] };
}
