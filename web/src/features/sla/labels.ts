/** Human labels and colours for service level codes: agreement kinds, statuses, clock states. */
import type { MantineColor } from '@mantine/core';
import { processKeysWhere, RECORD_TYPE_DATA } from '../../../../src/contracts/record-types.ts';
import { AGREEMENT_KIND_LABELS } from '../../../../src/domain/sla/agreement.ts';
import type {
  AgreementKind,
  ClockState,
  Criticality,
  LifecycleStatus,
  RequirementStatus,
  ServiceKind,
} from '../../api/queries/serviceLevels.ts';

export const KIND_SHORT: Record<AgreementKind, string> = { sla: 'SLA', ola: 'OLA', uc: 'UC' };
export const KIND_LABELS = AGREEMENT_KIND_LABELS;
export const KIND_PARTY: Record<AgreementKind, string> = {
  sla: 'Customer',
  ola: 'Support group',
  uc: 'Supplier',
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  business: 'Business service',
  technical: 'Technical service',
};

export const LIFECYCLE_LABELS: Record<LifecycleStatus, string> = {
  pipeline: 'Pipeline',
  live: 'Live',
  retired: 'Retired',
};
export const LIFECYCLE_COLORS: Record<LifecycleStatus, MantineColor> = {
  pipeline: 'blue',
  live: 'teal',
  retired: 'gray',
};

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
export const CRITICALITY_COLORS: Record<Criticality, MantineColor> = {
  critical: 'red.9',
  high: 'orange.4',
  medium: 'yellow.4',
  low: 'gray.3',
};

export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  agreed: 'Agreed',
};
export const REQUIREMENT_STATUS_COLORS: Record<RequirementStatus, MantineColor> = {
  draft: 'gray',
  in_review: 'orange',
  agreed: 'teal',
};

export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  running: 'Running',
  paused: 'Paused',
  met: 'Met',
  stopped: 'Stopped',
};

export const STOP_REASONS: Record<string, string> = {
  responded: 'first worked on',
  resolved: 'resolved',
  assigned: 'taken by someone in the group',
  acknowledged: 'supplier acknowledged',
  released: 'supplier released',
  reassigned: 'moved to another group',
  replaced: 'another agreement applies',
  no_agreement: 'no agreement applies any more',
  closed: 'closed without resolution',
};

/** The record types service level targets may apply to, from the one list of record types. */
export const RECORD_TYPES = processKeysWhere('slaTarget');
export const RECORD_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  RECORD_TYPE_DATA.map((t) => [t.key, t.plural]),
);

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};
