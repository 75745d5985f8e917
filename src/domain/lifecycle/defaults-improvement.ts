/**
 * The default lifecycle of continual improvement: a proposal is approved (or rejected) by those
 * accountable for service management, worked on, and done; its measured outcome compares the
 * linked KPIs before approval with the period after it was done. Admins change it as data.
 */
import type { Role } from '../roles.ts';
import type { Lifecycle } from './engine.ts';
import { transition } from './transition.ts';

const APPROVERS: Role[] = ['admin', 'service_manager', 'process_owner'];

export const DEFAULT_IMPROVEMENT_LIFECYCLE: Lifecycle = {
  initial: 'proposed',
  states: [
    { key: 'proposed', label: 'Proposed', category: 'open' },
    { key: 'approved', label: 'Approved', category: 'open' },
    { key: 'in_progress', label: 'In progress', category: 'open' },
    { key: 'done', label: 'Done', category: 'closed' },
    { key: 'rejected', label: 'Rejected', category: 'closed' },
  ],
  transitions: [
    transition({
      key: 'approve',
      label: 'Approve',
      from: ['proposed'],
      to: 'approved',
      roles: APPROVERS,
      effects: { notify: ['assignee', 'watchers'] },
    }),
    transition({
      key: 'reject',
      label: 'Reject',
      from: ['proposed', 'approved'],
      to: 'rejected',
      roles: APPROVERS,
      requires: ['comment'],
      effects: { notify: ['assignee', 'watchers'] },
    }),
    transition({ key: 'start', label: 'Start work', from: ['approved'], to: 'in_progress' }),
    transition({
      key: 'complete',
      label: 'Mark done',
      from: ['in_progress'],
      to: 'done',
      effects: { notify: ['watchers'] },
    }),
  ],
};

/** Improvements end done or rejected; their lifecycle records no resolution codes. */
export const IMPROVEMENT_RESOLUTION_CODES = [] as const;
