/**
 * A record's SLA, OLA and underpinning-contract clocks: state, due instant and working time left
 * (counted down live to the due instant in the clock's business calendar, as the queue does), and the
 * SLA timeline explaining every start, pause, resume, target change, warning and breach.
 */
import { Badge, Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTimeline } from '@tabler/icons-react';
import { workingSecondsLeft } from '../../../../src/domain/sla/time-left.ts';
import {
  type Calendar,
  type RecordClock,
  useCalendarMap,
  useRecordSla,
} from '../../api/queries/serviceLevels.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { Time } from '../../lib/time.tsx';
import { useNow } from '../../lib/useNow.ts';
import { formatWorkingSeconds } from './duration.ts';
import { CLOCK_STATE_LABELS, KIND_SHORT, STOP_REASONS } from './labels.ts';
import { SlaTimelineModal } from './SlaTimeline.tsx';
import { SupplierEngagements } from './SupplierEngagements.tsx';

const METRIC_LABELS = { response: 'Response', resolution: 'Resolution' } as const;

/**
 * Working seconds left at `at`, by the one definition the queue uses too
 * (src/domain/sla/time-left.ts): for a running clock, the calendar's working time until its due
 * instant. Paused, met and stopped clocks stand still at what the server measured.
 */
export function remainingAt(clock: RecordClock, calendar: Calendar | undefined, at: Date): number {
  if (clock.state !== 'running' || !calendar || !clock.dueAt) return clock.remainingSeconds;
  try {
    return workingSecondsLeft(new Date(clock.dueAt), at, calendar);
  } catch {
    return clock.remainingSeconds;
  }
}

function stateBadge(c: RecordClock) {
  const color = { running: 'blue', paused: 'gray', met: 'teal', stopped: 'gray' }[c.state];
  return (
    <Badge variant="light" color={color} size="sm">
      {CLOCK_STATE_LABELS[c.state]}
    </Badge>
  );
}

function ClockRow({ clock, remaining }: { clock: RecordClock; remaining: number }) {
  const used =
    clock.targetSeconds > 0 ? ((clock.targetSeconds - remaining) / clock.targetSeconds) * 100 : 100;
  const breached = clock.breached || (clock.state === 'running' && remaining <= 0);
  const name = `${KIND_SHORT[clock.kind]} ${clock.metric} clock`;
  const color = breached ? 'red.8' : used >= 90 ? 'orange.7' : used >= 75 ? 'yellow.6' : 'blue';
  return (
    <Stack gap={4} component="li" aria-label={name} style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge variant="outline" color="dark" size="sm">
            {KIND_SHORT[clock.kind]}
          </Badge>
          <Text size="sm" fw={600}>
            {METRIC_LABELS[clock.metric]}
          </Text>
          <Text size="xs" c="dimmed" truncate title={clock.agreement.name}>
            {clock.agreement.name} v{clock.agreement.versionNumber}
            {clock.party ? ` · ${clock.party.name}` : ''}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {stateBadge(clock)}
          {breached && (
            <Badge color="red.9" variant="filled" size="sm">
              Breached
            </Badge>
          )}
        </Group>
      </Group>
      <Progress
        value={Math.max(0, Math.min(100, used))}
        color={color}
        size="sm"
        aria-label={`${name}: ${Math.max(0, Math.round(used))} % of the target used`}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          Target {formatWorkingSeconds(clock.targetSeconds)} (P{clock.priority}, {clock.calendar.name})
        </Text>
        <ClockStatus clock={clock} remaining={remaining} />
      </Group>
    </Stack>
  );
}

function ClockStatus({ clock, remaining }: { clock: RecordClock; remaining: number }) {
  if (clock.state === 'met' || clock.state === 'stopped') {
    const reason = clock.stopReason ? (STOP_REASONS[clock.stopReason] ?? clock.stopReason) : null;
    return (
      <Text size="xs">
        {clock.state === 'met' ? 'Met' : 'Stopped'} <Time iso={clock.stoppedAt} mode="absolute" size="xs" />
        {reason ? ` (${reason})` : ''}
      </Text>
    );
  }
  const left =
    remaining > 0
      ? `${formatWorkingSeconds(remaining)} left`
      : `overdue by ${formatWorkingSeconds(remaining)}`;
  return (
    <Text size="xs" fw={600} c={remaining <= 0 ? 'red.9' : undefined}>
      {clock.state === 'paused' ? (
        <>Paused · {left} in working time</>
      ) : (
        <>
          Due <Time iso={clock.dueAt} mode="absolute" size="xs" fw={600} /> · {left} in working time
        </>
      )}
    </Text>
  );
}

export function RecordSlaPanel({ recordId }: { recordId: string }) {
  const sla = useRecordSla(recordId);
  const me = useMe();
  const mayEngage = userCan(me, 'supplier.engage');
  const now = useNow();
  const [timelineOpen, timeline] = useDisclosure();
  const clocks = sla.data?.clocks ?? [];
  const calendars = useCalendarMap(clocks.filter((c) => c.state === 'running').map((c) => c.calendar.id));
  // The server's instant now: its measurement time plus the time since the answer arrived.
  const measuredAt = sla.data ? new Date(sla.data.now) : new Date(now);
  const serverNow = new Date(measuredAt.getTime() + Math.max(0, now - sla.dataUpdatedAt));
  const shown = [...clocks].sort((a, b) => rank(a) - rank(b));
  return (
    <RecordPanel
      id="sla-title"
      title="Service levels"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconTimeline size={14} />}
          onClick={timeline.open}
          disabled={!sla.data}
        >
          SLA timeline
        </Button>
      }
    >
      {sla.isError && <ErrorAlert error={sla.error} title="The SLA clocks could not be loaded" />}
      {sla.isPending && (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
      {sla.data && clocks.length === 0 && (
        <Text size="sm" c="dimmed">
          No agreement measures this incident: no SLA or OLA in force matches its service, customer, priority
          or group.
        </Text>
      )}
      {clocks.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0}>
          {shown.map((c) => (
            <ClockRow
              key={c.id}
              clock={c}
              remaining={remainingAt(c, calendars.get(c.calendar.id), serverNow)}
            />
          ))}
        </Stack>
      )}
      {sla.data && clocks.some((c) => c.state === 'running') && (
        <Tooltip label="Counted in each agreement's business hours; refreshed from the server every minute">
          <Text size="xs" c="dimmed" mt="xs">
            Times left count working time only.
          </Text>
        </Tooltip>
      )}
      <SupplierEngagements recordId={recordId} canManage={mayEngage} />
      {timelineOpen && <SlaTimelineModal recordId={recordId} onClose={timeline.close} />}
    </RecordPanel>
  );
}

/** Clocks that still run first, then paused, then finished ones. */
const rank = (c: RecordClock) => ({ running: 0, paused: 1, met: 2, stopped: 3 })[c.state];
