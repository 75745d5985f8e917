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
const CHANGE_MANAGERS: Role[] = ['admin', 'change_manager'];

/**
 * Change management, one lifecycle for the three change types. A transition whose key starts
 * with `standard_`, `normal_` or `emergency_` is taken by changes of that type only (see
 * `src/domain/changes/lifecycle.ts`): standard changes go straight to scheduling, normal ones are
 * assessed and authorised by the CAB, emergency ones by the emergency CAB. Authorisation and
 * rejection by a board are system transitions, taken when the board's vote is decided. Completing
 * records the outcome (successful, failed, backed out) as the resolution code.
 */
export const DEFAULT_CHANGE_LIFECYCLE: Lifecycle = {
  initial: 'new',
  states: [
    { key: 'new', label: 'New', category: 'open' },
    { key: 'assess', label: 'Assess', category: 'open' },
    { key: 'authorise', label: 'Authorise', category: 'open' },
    { key: 'scheduled', label: 'Scheduled', category: 'open' },
    { key: 'implement', label: 'Implement', category: 'open' },
    { key: 'review', label: 'Review', category: 'resolved' },
    { key: 'closed', label: 'Closed', category: 'closed' },
    { key: 'rejected', label: 'Rejected', category: 'closed' },
    { key: 'cancelled', label: 'Cancelled', category: 'closed' },
  ],
  transitions: [
    transition({
      key: 'standard_schedule',
      label: 'Schedule (pre-approved)',
      from: ['new'],
      to: 'scheduled',
      roles: CHANGE_OWNERS,
    }),
    transition({
      key: 'normal_submit',
      label: 'Submit for assessment',
      from: ['new'],
      to: 'assess',
      roles: CHANGE_OWNERS,
    }),
    transition({
      key: 'normal_request_authorisation',
      label: 'Send to the CAB',
      from: ['assess'],
      to: 'authorise',
      roles: CHANGE_MANAGERS,
    }),
    transition({
      key: 'emergency_request_authorisation',
      label: 'Send to the emergency CAB',
      from: ['new'],
      to: 'authorise',
      roles: CHANGE_OWNERS,
    }),
    transition({
      key: 'authorise',
      label: 'Authorised by the board',
      from: ['authorise'],
      to: 'scheduled',
      system: true,
      activity: 'approve',
    }),
    transition({
      key: 'cab_reject',
      label: 'Rejected by the board',
      from: ['authorise'],
      to: 'rejected',
      system: true,
    }),
    transition({
      key: 'reject',
      label: 'Reject',
      from: ['assess'],
      to: 'rejected',
      roles: CHANGE_MANAGERS,
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
      effects: { notify: ['watchers'] },
    }),
    transition({
      key: 'close',
      label: 'Close after review',
      from: ['review'],
      to: 'closed',
      roles: CHANGE_MANAGERS,
      activity: 'close',
    }),
    transition({
      key: 'cancel',
      label: 'Cancel',
      from: ['new', 'assess', 'authorise', 'scheduled'],
      to: 'cancelled',
      roles: CHANGE_OWNERS,
      requires: ['comment'],
    }),
  ],
};

/** How a change ended: its implementation outcome. */
export const CHANGE_RESOLUTION_CODES = ['successful', 'failed', 'backed_out'] as const;
