/** ITIL-aligned default lifecycles for problem and change management; admins change them as data. */
import type { Role } from '../roles.ts';
import type { Lifecycle } from './engine.ts';
import { transition } from './transition.ts';

const PROBLEM_ACCOUNTABLE: Role[] = ['admin', 'service_manager', 'process_owner'];

export const DEFAULT_PROBLEM_LIFECYCLE: Lifecycle = {
  initial: 'new',
  states: [
    { key: 'new', label: 'New', category: 'open' },
    { key: 'investigation', label: 'Root cause analysis', category: 'open' },
    { key: 'known_error', label: 'Known error', category: 'open' },
    { key: 'resolved', label: 'Resolved', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({ key: 'investigate', label: 'Start investigation', from: ['new'], to: 'investigation' }),
    transition({
      key: 'known_error',
      label: 'Record known error',
      from: ['investigation'],
      to: 'known_error',
      requires: ['comment'],
    }),
    transition({
      key: 'resolve',
      label: 'Resolve',
      from: ['investigation', 'known_error'],
      to: 'resolved',
      requires: ['resolutionCode', 'resolutionNotes'],
    }),
    transition({
      key: 'close',
      label: 'Close after review',
      from: ['resolved'],
      to: 'closed',
      roles: PROBLEM_ACCOUNTABLE,
      activity: 'close',
    }),
    transition({
      key: 'reopen',
      label: 'Reopen',
      from: ['resolved'],
      to: 'investigation',
      requires: ['comment'],
    }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['new', 'investigation'],
      to: 'canceled',
      roles: PROBLEM_ACCOUNTABLE,
      requires: ['comment'],
    }),
  ],
};

const CHANGE_OWNERS: Role[] = ['admin', 'change_manager', 'agent'];
const CHANGE_AUTHORITY: Role[] = ['admin', 'change_manager', 'cab_member'];

export const DEFAULT_CHANGE_LIFECYCLE: Lifecycle = {
  initial: 'draft',
  states: [
    { key: 'draft', label: 'Draft', category: 'open' },
    { key: 'assess', label: 'Assess', category: 'open' },
    { key: 'authorize', label: 'Authorize', category: 'open' },
    { key: 'scheduled', label: 'Scheduled', category: 'open' },
    { key: 'implement', label: 'Implement', category: 'open' },
    { key: 'review', label: 'Review', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'rejected', label: 'Rejected', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({
      key: 'submit',
      label: 'Submit for assessment',
      from: ['draft'],
      to: 'assess',
      roles: CHANGE_OWNERS,
    }),
    transition({
      key: 'request_authorization',
      label: 'Request authorization',
      from: ['assess'],
      to: 'authorize',
      roles: ['admin', 'change_manager'],
    }),
    transition({
      key: 'authorize',
      label: 'Authorize',
      from: ['authorize'],
      to: 'scheduled',
      roles: CHANGE_AUTHORITY,
      requires: ['comment'],
      activity: 'approve',
    }),
    transition({
      key: 'reject',
      label: 'Reject',
      from: ['assess', 'authorize'],
      to: 'rejected',
      roles: CHANGE_AUTHORITY,
      requires: ['comment'],
    }),
    transition({
      key: 'implement',
      label: 'Start implementation',
      from: ['scheduled'],
      to: 'implement',
      roles: CHANGE_OWNERS,
    }),
    transition({
      key: 'complete',
      label: 'Complete',
      from: ['implement'],
      to: 'review',
      roles: CHANGE_OWNERS,
      requires: ['resolutionCode', 'resolutionNotes'],
    }),
    transition({
      key: 'close',
      label: 'Close after review',
      from: ['review'],
      to: 'closed',
      roles: ['admin', 'change_manager'],
      activity: 'close',
    }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['draft', 'assess', 'authorize', 'scheduled'],
      to: 'canceled',
      roles: CHANGE_OWNERS,
      requires: ['comment'],
    }),
  ],
};
