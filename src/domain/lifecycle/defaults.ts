/** ITIL-aligned default lifecycles shipped with Steward; admins change them as data. */
import type { Lifecycle } from './engine.ts';
import { transition } from './transition.ts';

export const DEFAULT_INCIDENT_LIFECYCLE: Lifecycle = {
  initial: 'new',
  states: [
    { key: 'new', label: 'New', category: 'open' },
    { key: 'in_progress', label: 'In progress', category: 'open' },
    { key: 'on_hold', label: 'On hold', category: 'paused' },
    { key: 'resolved', label: 'Resolved', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({ key: 'start', label: 'Start work', from: ['new'], to: 'in_progress' }),
    transition({
      key: 'hold',
      label: 'Put on hold',
      from: ['new', 'in_progress'],
      to: 'on_hold',
      requires: ['comment'],
    }),
    transition({ key: 'resume', label: 'Resume', from: ['on_hold'], to: 'in_progress' }),
    transition({
      key: 'resolve',
      label: 'Resolve',
      from: ['new', 'in_progress', 'on_hold'],
      to: 'resolved',
      requires: ['resolutionCode', 'resolutionNotes'],
      activity: 'resolve',
      effects: { notify: ['requester', 'informed'] },
    }),
    transition({
      key: 'close',
      label: 'Close',
      from: ['resolved'],
      to: 'closed',
      requester: true,
      activity: 'close',
    }),
    transition({
      key: 'reopen',
      label: 'Reopen',
      from: ['resolved'],
      to: 'in_progress',
      requester: true,
      requires: ['comment'],
      effects: { notify: ['assignee'] },
    }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['new'],
      to: 'canceled',
      requester: true,
      requires: ['comment'],
    }),
  ],
};

export const INCIDENT_RESOLUTION_CODES = [
  'solved_permanently',
  'solved_workaround',
  'not_reproducible',
  'duplicate',
  'user_error',
  'resolved_by_change',
] as const;

/**
 * Service request fulfilment (ITIL "service request management"): the request waits for its
 * approvals, then for its fulfilment tasks, and moves on its own as they complete. The waiting
 * for approval is a paused state so fulfilment targets do not run while nobody may act.
 */
export const DEFAULT_REQUEST_LIFECYCLE: Lifecycle = {
  initial: 'submitted',
  states: [
    { key: 'submitted', label: 'Submitted', category: 'open' },
    { key: 'awaiting_approval', label: 'Awaiting approval', category: 'paused' },
    { key: 'in_fulfilment', label: 'In fulfilment', category: 'open' },
    { key: 'fulfilled', label: 'Fulfilled', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'rejected', label: 'Rejected', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({
      key: 'request_approval',
      label: 'Request approval',
      from: ['submitted'],
      to: 'awaiting_approval',
      roles: [],
      system: true,
    }),
    transition({
      key: 'approve',
      label: 'Approved',
      from: ['awaiting_approval'],
      to: 'in_fulfilment',
      roles: [],
      system: true,
      effects: { notify: ['requester'] },
    }),
    transition({
      key: 'reject',
      label: 'Rejected',
      from: ['awaiting_approval'],
      to: 'rejected',
      roles: [],
      system: true,
      effects: { notify: ['requester'] },
    }),
    transition({
      key: 'start_fulfilment',
      label: 'Start fulfilment',
      from: ['submitted'],
      to: 'in_fulfilment',
      roles: [],
      system: true,
    }),
    transition({
      key: 'fulfil',
      label: 'Fulfilled',
      from: ['in_fulfilment'],
      to: 'fulfilled',
      roles: [],
      system: true,
      effects: { notify: ['requester'] },
    }),
    transition({ key: 'close', label: 'Close', from: ['fulfilled'], to: 'closed', requester: true }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['submitted', 'awaiting_approval', 'in_fulfilment'],
      to: 'canceled',
      requester: true,
      requires: ['comment'],
    }),
  ],
};

/** A fulfilment task of a request, worked by the members of its assignment group. */
export const DEFAULT_REQUEST_TASK_LIFECYCLE: Lifecycle = {
  initial: 'open',
  states: [
    { key: 'open', label: 'Open', category: 'open' },
    { key: 'in_progress', label: 'In progress', category: 'open' },
    { key: 'done', label: 'Done', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({ key: 'start', label: 'Start work', from: ['open'], to: 'in_progress' }),
    transition({ key: 'complete', label: 'Complete', from: ['open', 'in_progress'], to: 'done' }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['open', 'in_progress'],
      to: 'canceled',
      requires: ['comment'],
    }),
  ],
};
