/**
 * The SLA column of a queue: working time left until the record's nearest due instant, or how long
 * it is overdue, counted in the business calendar of the clock that is due first and ticking live
 * in the browser — the same definition as the record page (src/domain/sla/time-left.ts). "Paused"
 * while the record waits in a paused state.
 */
import { Badge, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { Fragment } from 'react';
import { workingSecondsLeft } from '../../../../src/domain/sla/time-left.ts';
import type { StateCategory } from '../../api/types.ts';
import { formatFull, useTimeZone } from '../../lib/time.tsx';
import { useNow } from '../../lib/useNow.ts';
import { formatWorkingSeconds } from './duration.ts';
import { useNearestDue } from './useNearestDue.ts';

/**
 * A number stays on the line of its unit ("1 h", "19 min") when the column wraps; the text keeps
 * plain spaces, so it reads and copies as it shows.
 */
const keepUnits = (amount: string) =>
  amount.split(/(?<=[a-z]) (?=\d)/).map((part, i) => (
    <Fragment key={part}>
      {i > 0 && ' '}
      <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
    </Fragment>
  ));

/** Under this much working time left, the due time shows as urgent. */
const SOON_SECONDS = 60 * 60;

export function SlaDue({
  recordId,
  dueAt,
  stateCategory,
  inColumn = false,
}: {
  recordId: string;
  dueAt: string | null | undefined;
  stateCategory: StateCategory;
  /** In a list's narrow column an overdue time is text that wraps; elsewhere a badge. */
  inColumn?: boolean;
}) {
  const now = useNow();
  const tz = useTimeZone();
  const nearest = useNearestDue(recordId, dueAt);
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
  const label = `${formatFull(dueAt, tz)} (${tz})`;
  const calendar = nearest.data?.dueAt === dueAt ? nearest.data.calendar : null;
  if (!calendar)
    return (
      <Text size="sm" c="dimmed" component="time" dateTime={dueAt}>
        Due {formatFull(dueAt, tz)}
      </Text>
    );
  const left = workingSecondsLeft(new Date(dueAt), new Date(now), calendar);
  if (left <= 0)
    return (
      <Tooltip label={`Was due ${label}; counted in working time`} openDelay={300} withArrow>
        {inColumn ? (
          <Text size="sm" fw={700} c="red.9" component="time" dateTime={dueAt}>
            Overdue {keepUnits(formatWorkingSeconds(left))}
          </Text>
        ) : (
          <Badge color="red.9" variant="filled" component="time" dateTime={dueAt}>
            Overdue {formatWorkingSeconds(left)}
          </Badge>
        )}
      </Tooltip>
    );
  return (
    <Tooltip label={`Due ${label}; counted in working time`} openDelay={300} withArrow>
      <Text
        size="sm"
        fw={left < SOON_SECONDS ? 700 : undefined}
        c={left < SOON_SECONDS ? 'red.9' : undefined}
        component="time"
        dateTime={dueAt}
      >
        {keepUnits(formatWorkingSeconds(left))} left
      </Text>
    </Tooltip>
  );
}
