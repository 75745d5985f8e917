/**
 * The SLA column of a queue: time left until the record's earliest due instant, or how long it is
 * overdue, ticking live in the browser; "Paused" while the record waits in a paused state.
 */
import { Badge, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import type { StateCategory } from '../../api/types.ts';
import { formatFull, useTimeZone } from '../../lib/time.tsx';
import { formatDuration } from './duration.ts';
import { useNow } from './useNow.ts';

/** Under this much wall-clock time left, the due time shows as urgent. */
const SOON_MS = 60 * 60 * 1000;

export function SlaDue({
  dueAt,
  stateCategory,
}: {
  dueAt: string | null | undefined;
  stateCategory: StateCategory;
}) {
  const now = useNow();
  const tz = useTimeZone();
  if (!dueAt) {
    if (stateCategory === 'paused')
      return (
        <Badge variant="light" color="gray" leftSection={<IconPlayerPause size={12} aria-hidden />}>
          Paused
        </Badge>
      );
    return (
      <Text size="sm" c="dimmed" title="No SLA clock running">
        —
      </Text>
    );
  }
  const left = new Date(dueAt).getTime() - now;
  const label = `${formatFull(dueAt, tz)} (${tz})`;
  if (left <= 0)
    return (
      <Tooltip label={`Was due ${label}`} openDelay={300} withArrow>
        <Badge color="red.9" variant="filled" component="time" dateTime={dueAt}>
          Overdue {formatDuration(-left / 1000)}
        </Badge>
      </Tooltip>
    );
  return (
    <Tooltip label={`Due ${label}`} openDelay={300} withArrow>
      <Text
        size="sm"
        fw={left < SOON_MS ? 700 : undefined}
        c={left < SOON_MS ? 'red.9' : undefined}
        component="time"
        dateTime={dueAt}
      >
        {formatDuration(left / 1000)} left
      </Text>
    </Tooltip>
  );
}
