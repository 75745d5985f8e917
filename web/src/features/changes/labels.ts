/** Words and colours for change management's keys. */
import type { MantineColor } from '@mantine/core';
import type { ChangeType } from '../../../../src/domain/changes/lifecycle.ts';
import type { User } from '../../api/types.ts';
import { userCan } from '../../auth/can.ts';

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  standard: 'Standard',
  normal: 'Normal',
  emergency: 'Emergency',
};

export const CHANGE_TYPE_HELP: Record<string, string> = {
  standard: 'Pre-approved from a template: no assessment, no CAB, straight to scheduling.',
  normal: 'Assessed, then authorised by the CAB.',
  emergency: 'Authorised at once by the emergency CAB, reviewed afterwards.',
};

export const OUTCOME_LABELS: Record<string, string> = {
  successful: 'Successful',
  failed: 'Failed',
  backed_out: 'Backed out',
};

export const RISK_COLORS: Record<string, MantineColor> = { low: 'teal', medium: 'yellow', high: 'red' };

export const CONFLICT_LABELS: Record<string, string> = {
  overlap_same_ci: 'Same CI',
  overlap_dependent_ci: 'Dependent CI',
  overlap_shared_service: 'Shared service',
  freeze: 'Freeze',
  outside_maintenance: 'Outside maintenance window',
};

export const RULE_LABELS: Record<string, string> = {
  all: 'All members',
  any: 'Any member',
  quorum: 'Quorum',
};

/** Whether `me` may do the change manager's part (the API's own rule, `change.manage`). */
export const isChangeManager = (me: Pick<User, 'id' | 'roles'>) => userCan(me, 'change.manage');
