/** Words for problem management's keys. */
import type { KnownErrorStatus } from '../../../../src/contracts/problems.ts';
import type { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';

export const RCA_LABELS: Record<(typeof RCA_METHODS)[number], string> = {
  five_whys: '5 whys',
  ishikawa: 'Ishikawa (fishbone)',
  fault_tree: 'Fault tree',
  kepner_tregoe: 'Kepner-Tregoe',
  timeline: 'Timeline',
  other: 'Other',
};

export const KNOWN_ERROR_STATUS_LABELS: Record<KnownErrorStatus, string> = {
  active: 'Active',
  fixed: 'Fixed',
  retired: 'Retired',
};

export const REASON_LABELS: Record<string, string> = {
  text: 'Similar text',
  ci: 'Same CI',
  service: 'Same service',
};
