/** A service's lifecycle stage and criticality as badges, the same in the portfolio and on the service's page. */
import { Badge, type MantineSize } from '@mantine/core';
import type { Criticality, LifecycleStatus } from '../../../../src/domain/portfolio.ts';
import { CRITICALITY_COLORS, CRITICALITY_LABELS, LIFECYCLE_COLORS, LIFECYCLE_LABELS } from '../sla/labels.ts';

export function LifecycleBadge({ status, size }: { status: LifecycleStatus; size?: MantineSize }) {
  return (
    <Badge color={LIFECYCLE_COLORS[status]} variant="light" size={size}>
      {LIFECYCLE_LABELS[status]}
    </Badge>
  );
}

/** "High", or "High criticality" with `suffix` where the badge stands without a column heading. */
export function CriticalityBadge({
  criticality,
  suffix = '',
}: {
  criticality: Criticality;
  suffix?: string;
}) {
  return (
    <Badge color={CRITICALITY_COLORS[criticality]} variant="filled" autoContrast>
      {CRITICALITY_LABELS[criticality]}
      {suffix}
    </Badge>
  );
}
