/** The SLA timeline of a record: every clock event with what caused it and who, oldest first. */
import { Badge, Group, Modal, Text, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconFlag,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconTargetArrow,
  IconTruckDelivery,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type SlaTimelineEntry, useRecordSlaTimeline } from '../../api/queries/serviceLevels.ts';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { Time } from '../../lib/time.tsx';

const ICONS: Record<string, ReactNode> = {
  started: <IconPlayerPlay size={12} />,
  paused: <IconPlayerPause size={12} />,
  resumed: <IconPlayerPlay size={12} />,
  reopened: <IconRefresh size={12} />,
  target_changed: <IconTargetArrow size={12} />,
  met: <IconCheck size={12} />,
  stopped: <IconPlayerStop size={12} />,
  warning: <IconAlertTriangle size={12} />,
  breach: <IconFlag size={12} />,
};

const COLORS: Record<string, string> = { warning: 'orange.8', breach: 'red.9', met: 'teal.8' };
const BADGE_COLORS: Record<string, string> = { warning: 'orange', breach: 'red', met: 'teal' };

const KIND_LABELS: Record<string, string> = {
  started: 'Started',
  paused: 'Paused',
  resumed: 'Resumed',
  reopened: 'Reopened',
  target_changed: 'Target changed',
  met: 'Met',
  stopped: 'Stopped',
  warning: 'Warning',
  breach: 'Breach',
  supplier_engaged: 'Supplier engaged',
  supplier_acknowledged: 'Supplier acknowledged',
  supplier_released: 'Supplier released',
};

function Entry({ e }: { e: SlaTimelineEntry }) {
  return (
    <>
      <Group gap={6} mb={2}>
        <Badge size="xs" variant="light" color={BADGE_COLORS[e.kind] ?? 'blue'}>
          {KIND_LABELS[e.kind] ?? e.kind}
        </Badge>
        <Time iso={e.at} mode="absolute" size="xs" c="dimmed" />
      </Group>
      <Text size="sm">{e.summary}</Text>
      <Text size="xs" c="dimmed">
        Cause: {e.cause}
        {' · '}
        {e.actor ? `by ${e.actor.name}` : 'by Steward (automatic)'}
      </Text>
    </>
  );
}

export function SlaTimelineModal({ recordId, onClose }: { recordId: string; onClose: () => void }) {
  const timeline = useRecordSlaTimeline(recordId);
  return (
    <Modal opened onClose={onClose} title="SLA timeline" size="lg">
      <LoadedRows
        query={timeline}
        label="Loading the SLA timeline"
        empty={
          <Text size="sm" c="dimmed">
            No SLA events yet.
          </Text>
        }
        errorAlert="Something went wrong"
      >
        {(items) => (
          <Timeline bulletSize={22} lineWidth={2} active={items.length - 1} aria-label="SLA events">
            {items.map((e) => (
              <Timeline.Item
                key={e.id}
                bullet={e.kind.startsWith('supplier') ? <IconTruckDelivery size={12} /> : ICONS[e.kind]}
                color={COLORS[e.kind] ?? 'blue'}
              >
                <Entry e={e} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </LoadedRows>
    </Modal>
  );
}
