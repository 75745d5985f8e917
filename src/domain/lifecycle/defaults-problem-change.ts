/** ITIL-aligned default lifecycles for problem and change management; admins change them as data. */
import type { Role } from '../roles.ts';
import type { Lifecycle } from './engine.ts';
import { transition } from './transition.ts';

const PROBLEM_ACCOUNTABLE: Role[] = ['admin', 'service_manager', 'process_owner'];

/**
 * Problem management: analysis finds the root cause, a known error records the workaround, a
 * fix (a completed change, or a reason given at closing) resolves it. The problems module adds
 * its own checks on the states of this default: `root_cause_known` needs a recorded cause,
 * `known_error` a published known error, and closing a completed linked change or a reason.
 */
export const DEFAULT_PROBLEM_LIFECYCLE: Lifecycle = {
  initial: 'new',
  states: [
    { key: 'new', label: 'New', category: 'open' },
    { key: 'analysis', label: 'Analysis', category: 'open' },
    { key: 'root_cause_known', label: 'Root cause known', category: 'open' },
    { key: 'known_error', label: 'Known error', category: 'open' },
    { key: 'resolved', label: 'Resolved', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'canceled', label: 'Canceled', category: 'closed' },
  ],
  transitions: [
    transition({ key: 'analyse', label: 'Start analysis', from: ['new'], to: 'analysis' }),
    transition({ key: 'root_cause', label: 'Root cause found', from: ['analysis'], to: 'root_cause_known' }),
    transition({
      key: 'known_error',
      label: 'Record known error',
      from: ['analysis', 'root_cause_known'],
      to: 'known_error',
    }),
    transition({
      key: 'resolve',
      label: 'Resolve',
      from: ['analysis', 'root_cause_known', 'known_error'],
      to: 'resolved',
      requires: ['resolutionCode', 'resolutionNotes'],
      effects: { notify: ['watchers'] },
    }),
    transition({
      key: 'close',
      label: 'Close after review',
      from: ['resolved'],
      to: 'closed',
      roles: PROBLEM_ACCOUNTABLE,
      activity: 'close',
    }),
    transition({ key: 'reopen', label: 'Reopen', from: ['resolved'], to: 'analysis', requires: ['comment'] }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['new', 'analysis', 'root_cause_known'],
      to: 'canceled',
      roles: PROBLEM_ACCOUNTABLE,
      requires: ['comment'],
    }),
  ],
};

/** How a problem ended; `fixed_by_change` is the usual one. */
export const PROBLEM_RESOLUTION_CODES = [
  'fixed_by_change',
  'permanent_workaround',
  'no_fix_possible',
  'duplicate',
  'not_reproducible',
] as const;

/** Root-cause analysis methods a problem records. */
export const RCA_METHODS = [
  'five_whys',
  'ishikawa',
  'fault_tree',
  'kepner_tregoe',
  'timeline',
  'other',
] as const;

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
