/**
 * The running timer in the workspace header: which record it runs on (a link) and for how long,
 * with a button to stop it and book the time. Nothing shows while no timer runs.
 */
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClock, IconPlayerStopFilled } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { formatMinutes } from '../../../../src/domain/time/duration.ts';
import { errorMessage } from '../../api/client.ts';
import { useCurrentTimer, useStopTimer } from '../../api/queries/time.ts';
import { elapsedMinutes, stopAndBook } from '../../kit/record/TimePanel.tsx';
import { useNow } from '../../lib/useNow.ts';
import { recordPath } from '../../records/registry.ts';

export function TimerIndicator() {
  const timer = useCurrentTimer();
  const stop = useStopTimer();
  const now = useNow();
  const running = timer.data?.timer;
  if (!running) return null;
  const elapsed = formatMinutes(elapsedMinutes(running.startedAt, now));
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-label="Running timer">
      <Tooltip label={`Timer on ${running.record.number} ${running.record.title}`}>
        <Button
          component={Link}
          to={recordPath(running.record.type, running.record.number)}
          size="compact-sm"
          variant="light"
          color="green"
          leftSection={<IconClock size={14} aria-hidden />}
          visibleFrom="xs"
        >
          {running.record.number} · {elapsed}
        </Button>
      </Tooltip>
      <Tooltip label="Stop the timer and book the time">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Stop the timer on ${running.record.number}`}
          loading={stop.isPending}
          onClick={() =>
            stopAndBook(stop, (e) => notifications.show({ color: 'red', message: errorMessage(e) }))
          }
        >
          <IconPlayerStopFilled size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
