/**
 * What changes tell people: a change scheduled (authorised by its board, or a standard change
 * planned), and scheduling conflicts: the change manager's override (with the conflicts and the
 * reason), or new conflicts a change on the schedule gained when its CIs, service or dates changed. Both reach the change's requester, watchers, assignee and
 * group by default, and an administrator can change that like any other notification rule.
 */

import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { notifyEvent, registerNotificationEvent } from '../notify/index.ts';
import type { RecordRow } from '../records/index.ts';

export const CHANGE_SCHEDULED = 'change.scheduled';
export const CHANGE_CONFLICTING = 'change.conflicting';

export function registerChangeNotifications(): void {
  registerNotificationEvent({
    key: CHANGE_SCHEDULED,
    label: 'Change scheduled',
    description: 'A change was scheduled: authorised by its board, or a standard change planned.',
    variables: ['plannedStart', 'plannedEnd'],
    defaultParties: ['requester', 'watchers', 'assignee', 'group'],
    emailByDefault: true,
    templates: {
      inApp: {
        subject: 'Change {{recordNumber}} scheduled',
        body: '{{title}} is scheduled from {{plannedStart}} to {{plannedEnd}}.',
      },
      email: {
        subject: 'Change {{recordNumber}} scheduled: {{title}}',
        text: '{{actor}} scheduled change {{recordNumber}} "{{title}}" from {{plannedStart}} to {{plannedEnd}}.\n\n{{link}}',
      },
    },
    sample: { plannedStart: '2027-01-12 22:00 UTC', plannedEnd: '2027-01-13 00:00 UTC' },
  });
  registerNotificationEvent({
    key: CHANGE_CONFLICTING,
    label: 'Change has scheduling conflicts',
    description:
      'The change manager accepted a change’s scheduling conflicts with a reason, or a change on the schedule gained new conflicts when its CIs, service or dates changed.',
    variables: ['conflicts', 'reason'],
    defaultParties: ['requester', 'watchers', 'assignee', 'group'],
    emailByDefault: true,
    templates: {
      inApp: {
        subject: 'Scheduling conflicts on change {{recordNumber}}',
        body: 'Conflicts: {{conflicts}}\nReason: {{reason}}',
      },
      email: {
        subject: 'Scheduling conflicts on change {{recordNumber}}: {{title}}',
        text: 'Change {{recordNumber}} "{{title}}" has scheduling conflicts ({{actor}}).\n\nConflicts: {{conflicts}}\nReason: {{reason}}\n\n{{link}}',
      },
    },
    sample: {
      conflicts: 'CHG0001042 works on payroll-db at the same time.',
      reason: 'The payroll run cannot wait; both teams agreed.',
    },
  });
}

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'not set');

export async function notifyChangeScheduled(
  ctx: AppContext,
  tx: Db,
  record: RecordRow,
  plan: { plannedStart: Date | null; plannedEnd: Date | null },
  actorId: string | null,
  at: Date,
): Promise<void> {
  await notifyEvent(ctx, tx, {
    event: CHANGE_SCHEDULED,
    record,
    actorId,
    at,
    vars: { plannedStart: when(plan.plannedStart), plannedEnd: when(plan.plannedEnd) },
  });
}

export async function notifyChangeConflicting(
  ctx: AppContext,
  tx: Db,
  record: RecordRow,
  conflicts: readonly { reason: string }[],
  reason: string,
  actorId: string | null,
  at: Date,
): Promise<void> {
  await notifyEvent(ctx, tx, {
    event: CHANGE_CONFLICTING,
    record,
    actorId,
    at,
    vars: { conflicts: conflicts.map((c) => c.reason).join(' '), reason },
  });
}
