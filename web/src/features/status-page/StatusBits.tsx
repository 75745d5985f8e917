/** Shared pieces of the status pages: a status badge and colours, the 90-day bars, an update timeline. */
import { Badge, Box, Group, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import { SERVICE_STATUSES, type ServiceStatus, STATUS_LABELS } from '../../../../src/domain/status/derive.ts';
import type { PublicStatus } from './queries.ts';

export const STATUS_COLOURS: Record<ServiceStatus, string> = {
  operational: 'green',
  under_maintenance: 'blue',
  degraded: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
};

export type { ServiceStatus };
export { SERVICE_STATUSES, STATUS_LABELS };

export function StatusBadge({ status, size = 'md' }: { status: ServiceStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" size={size}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

type Day = PublicStatus['services'][number]['days'][number];

/** One bar per day, coloured by the day's worst status; grey where nothing was recorded. */
export function DayBars({ days, label }: { days: Day[]; label: string }) {
  return (
    <Box role="img" aria-label={label} style={{ display: 'flex', gap: 1, height: 28, alignItems: 'stretch' }}>
      {days.map((d) => (
        <Tooltip
          key={d.day}
          label={`${d.day}: ${d.worst ? STATUS_LABELS[d.worst] : 'no data'}${d.uptime !== null ? `, ${d.uptime}% up` : ''}`}
          openDelay={150}
        >
          <Box
            style={{
              flex: 1,
              minWidth: 1,
              borderRadius: 1,
              background: d.worst
                ? `var(--mantine-color-${STATUS_COLOURS[d.worst]}-6)`
                : 'var(--mantine-color-gray-3)',
            }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}

type Update = PublicStatus['active'][number]['updates'][number];

const PHASE_LABELS: Record<Update['phase'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  maintenance: 'Maintenance',
  notice: 'Notice',
};

export function UpdateTimeline({ updates, fmt }: { updates: Update[]; fmt: (iso: string) => string }) {
  if (updates.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No updates yet.
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} active={updates.length}>
      {updates.map((u) => (
        <Timeline.Item key={u.id} title={PHASE_LABELS[u.phase]}>
          <Stack gap={2}>
            <Text size="sm">{u.message}</Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {fmt(u.at)}
              </Text>
            </Group>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
