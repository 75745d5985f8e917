/**
 * The time worked on a record: the total (and the billable part), the signed-in person's timer
 * (start here, stop and book, or throw away), a form to log time by hand ("1h 30m", when,
 * billable, a note), and the entries, each correctable or removable by its author (managers:
 * anyone's). Internal: requesters never get it (the API refuses them, and the panel then hides).
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPlay, IconClockStop, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMinutes } from '../../../../src/domain/time/duration.ts';
import { errorMessage } from '../../api/client.ts';
import {
  type TimeEntryView,
  useCurrentTimer,
  useDeleteTimeEntry,
  useDiscardTimer,
  useLogTime,
  useRecordTime,
  useStartTimer,
  useStopTimer,
  useUpdateTimeEntry,
} from '../../api/queries/time.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { formatDateTime, useTimeZone } from '../../lib/time.tsx';
import { useNow } from '../../lib/useNow.ts';
import { recordPath } from '../../records/registry.ts';
import { RemoveButton } from '../detail/RemoveButton.tsx';
import { SubmitForm } from '../form/SubmitForm.tsx';
import { BareList } from '../list/BareList.tsx';
import { failedAs } from '../notifyFailure.ts';
import type { RecordView } from './types.ts';

export const elapsedMinutes = (startedAt: string, now = Date.now()) =>
  Math.max(0, Math.floor((now - new Date(startedAt).getTime()) / 60_000));

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The fields whose errors show beside an input of the form. */
const PLACED = ['duration', 'minutes', 'endedAt', 'startedAt', 'note'];

type Draft = { duration: string; date: string; start: string; billable: boolean; note: string };

function draftOf(entry?: TimeEntryView): Draft {
  if (!entry) return { duration: '', date: localDate(new Date()), start: '', billable: false, note: '' };
  const start = new Date(entry.startedAt);
  return {
    duration: formatMinutes(entry.minutes),
    date: localDate(start),
    start: localTime(start),
    billable: entry.billable,
    note: entry.note,
  };
}

/**
 * When the work started, from the form: the date and start time given; without a start time,
 * today's work ended now (the server's default) and another day's began at 09:00.
 */
function startedAtOf(d: Draft): string | undefined {
  if (!d.date) return undefined;
  if (!d.start)
    return d.date === localDate(new Date()) ? undefined : new Date(`${d.date}T09:00`).toISOString();
  const at = new Date(`${d.date}T${d.start}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function EntryForm({
  recordId,
  entry,
  onDone,
}: {
  recordId: string;
  entry?: TimeEntryView;
  onDone: () => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(entry));
  const log = useLogTime(recordId);
  const update = useUpdateTimeEntry();
  const mutation = entry ? update : log;
  const errors = fieldErrorsOf(mutation.error);
  /** A refusal not about one of the form's fields (e.g. the record was closed meanwhile). */
  const general = mutation.error && !PLACED.some((k) => errors[k]) ? errorMessage(mutation.error) : null;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const submit = () => {
    const startedAt = startedAtOf(d);
    const body = {
      duration: d.duration,
      billable: d.billable,
      note: d.note,
      ...(startedAt ? { startedAt } : {}),
    };
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'green', message: entry ? 'Time entry saved.' : 'Time logged.' });
        onDone();
      },
    };
    if (entry) update.mutate({ entry, patch: body }, done);
    else log.mutate(body, done);
  };
  const id = entry ? `time-${entry.id}` : 'time-new';
  return (
    <SubmitForm onSubmit={submit} aria-label={entry ? 'Edit time entry' : 'Log time'}>
      <Stack gap="xs">
        <Group grow align="flex-start" gap="xs">
          <TextInput
            id={`${id}-duration`}
            label="Duration"
            placeholder="1h 30m"
            description="e.g. 45m, 1h 30m, 1.5h"
            required
            value={d.duration}
            onChange={(e) => set('duration', e.currentTarget.value)}
            error={errors.duration ?? errors.minutes ?? errors.endedAt}
            data-autofocus
          />
          <TextInput
            id={`${id}-date`}
            label="Date"
            type="date"
            value={d.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            error={errors.startedAt}
          />
          <TextInput
            id={`${id}-start`}
            label="Start"
            type="time"
            description="optional"
            value={d.start}
            onChange={(e) => set('start', e.currentTarget.value)}
          />
        </Group>
        <Textarea
          id={`${id}-note`}
          label="Note"
          autosize
          minRows={1}
          maxLength={2000}
          value={d.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={errors.note}
        />
        <Checkbox
          id={`${id}-billable`}
          label="Billable"
          checked={d.billable}
          onChange={(e) => set('billable', e.currentTarget.checked)}
        />
        {general && (
          <Text size="sm" c="red.8" role="alert">
            {general}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {entry ? 'Save' : 'Log time'}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

/** Stops the running timer and says what it booked; `onError` says why it could not. */
export function stopAndBook(stop: ReturnType<typeof useStopTimer>, onError: (e: Error) => void) {
  stop.mutate(undefined, {
    onSuccess: (e) =>
      notifications.show({
        color: 'green',
        message: `Booked ${formatMinutes(e.minutes)} on ${e.record.number}.`,
      }),
    onError,
  });
}

function TimerControls({ rec }: { rec: RecordView }) {
  const timer = useCurrentTimer();
  const start = useStartTimer();
  const stop = useStopTimer();
  const discard = useDiscardTimer();
  const now = useNow();
  const running = timer.data?.timer ?? null;
  const here = running?.record.id === rec.id;
  const fail = failedAs('Timer');
  if (here && running) {
    return (
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" role="status" component="div">
          <Badge color="green" variant="light" mr={6}>
            Timer running
          </Badge>
          {formatMinutes(elapsedMinutes(running.startedAt, now))} so far
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            color="red"
            leftSection={<IconClockStop size={14} aria-hidden />}
            loading={stop.isPending}
            onClick={() => stopAndBook(stop, fail)}
          >
            Stop timer
          </Button>
          <Tooltip label="Throw the timer away without booking">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Discard timer"
              loading={discard.isPending}
              onClick={() => discard.mutate(undefined, { onError: fail })}
            >
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconClockPlay size={14} aria-hidden />}
        loading={start.isPending}
        onClick={() =>
          start.mutate(
            { record: rec.id },
            {
              onSuccess: (r) =>
                r.booked &&
                notifications.show({
                  color: 'green',
                  message: `Your timer on ${r.booked.record.number} stopped: booked ${formatMinutes(r.booked.minutes)}.`,
                }),
              onError: fail,
            },
          )
        }
      >
        Start timer
      </Button>
      {running && (
        <Text size="xs" c="dimmed">
          Your timer runs on{' '}
          <Link to={recordPath(running.record.type, running.record.number)}>{running.record.number}</Link>
          {'; starting here stops and books it.'}
        </Text>
      )}
    </Group>
  );
}

function EntryRow({ entry, recordId }: { entry: TimeEntryView; recordId: string }) {
  const tz = useTimeZone();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteTimeEntry();
  if (editing) return <EntryForm recordId={recordId} entry={entry} onDone={() => setEditing(false)} />;
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start" component="li">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {formatMinutes(entry.minutes)}
          </Text>
          <Text size="sm">{entry.user.name}</Text>
          {entry.billable && (
            <Badge size="xs" variant="light" color="teal">
              Billable
            </Badge>
          )}
          {entry.source === 'timer' && (
            <Badge size="xs" variant="light" color="gray">
              Timer
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(entry.startedAt, tz)}
        </Text>
        {entry.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.note}
          </Text>
        )}
      </Stack>
      {entry.canEdit && (
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${formatMinutes(entry.minutes)} of ${entry.user.name}`}
            onClick={() => setEditing(true)}
          >
            <IconPencil size={16} />
          </ActionIcon>
          <RemoveButton
            label={`Delete ${formatMinutes(entry.minutes)} of ${entry.user.name}`}
            mutation={remove}
            vars={entry}
          />
        </Group>
      )}
    </Group>
  );
}

/** The record's time, for the roles that may see time entries (`time.read`); nothing for others. */
export function TimePanel({ rec }: { rec: RecordView }) {
  const allowed = userCan(useMe(), 'time.read');
  const time = useRecordTime(rec.id, allowed);
  const [adding, setAdding] = useState(false);
  if (!allowed) return null;
  if (time.isError) {
    return (
      <Paper p="md" component="section" aria-labelledby="time-title">
        <Title order={2} size="h5" id="time-title">
          Time
        </Title>
        <Text size="sm" c="red.8">
          {errorMessage(time.error)}
        </Text>
      </Paper>
    );
  }
  const data = time.data;
  const items = data?.items ?? [];
  return (
    <Paper p="md" component="section" aria-labelledby="time-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id="time-title">
          Time <span data-testid="time-total">{formatMinutes(data?.totalMinutes ?? 0)}</span>
        </Title>
        {data && data.billableMinutes > 0 && (
          <Text size="xs" c="dimmed">
            {formatMinutes(data.billableMinutes)} billable
          </Text>
        )}
      </Group>
      <Stack gap="sm">
        {data?.canLog && (
          <>
            <TimerControls rec={rec} />
            {adding ? (
              <EntryForm recordId={rec.id} onDone={() => setAdding(false)} />
            ) : (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setAdding(true)}
                style={{ alignSelf: 'flex-start' }}
              >
                Log time
              </Button>
            )}
          </>
        )}
        {time.isPending ? (
          <Text size="sm" c="dimmed">
            Loading time…
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No time logged yet.
          </Text>
        ) : (
          <BareList gap="xs" aria-label="Time entries">
            {items.map((e) => (
              <EntryRow key={e.id} entry={e} recordId={rec.id} />
            ))}
          </BareList>
        )}
      </Stack>
    </Paper>
  );
}
