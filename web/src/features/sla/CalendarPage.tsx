/**
 * Add or edit a business calendar: name, IANA time zone, weekly working hours (several intervals a
 * day, overnight allowed), and holidays (one-off or every year). The server validates the whole
 * calendar; its field errors are shown on the rows they concern and listed in words above.
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  type Calendar,
  useCalendar,
  useDeleteCalendar,
  useSaveCalendar,
} from '../../api/queries/serviceLevels.ts';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { DeleteButton } from '../../kit/detail/DeleteItem.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { patchAt, removeAt } from '../../kit/form/listEdits.ts';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { CrumbHeader } from '../../kit/nav/CrumbHeader.tsx';
import { problemFields } from '../../lib/problemFields.ts';
import { useTimeZone } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import {
  aroundTheClock,
  type CalendarDraft,
  describeField,
  draftOf,
  officeHours,
  type SentInterval,
  timeZones,
  toInput,
  weeklyHours,
} from './calendarForm.ts';
import { FormSection } from './FormSection.tsx';
import { WEEKDAY_LABELS, WEEKDAYS } from './labels.ts';
import { useCanManageServiceLevels } from './permissions.ts';
import { itemErrors, rootErrors } from './problems.ts';

/**
 * Marks an input the server objected to. The message sits under the row; Mantine's error state
 * would also turn the typed text red, below the contrast the text needs.
 */
const invalid = (flag: boolean) =>
  flag
    ? {
        'aria-invalid': true,
        styles: { input: { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } },
      }
    : {};

/** The server's messages for one row, under it. */
function RowErrors({ messages }: { messages: string[] }) {
  return messages.map((m) => (
    <Text key={m} size="xs" c="red.8">
      {m}
    </Text>
  ));
}

/** One end of an opening interval, "HH:MM". */
function ClockTimeInput({
  label,
  placeholder,
  value,
  onChange,
  invalid: bad,
  readOnly,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  readOnly: boolean;
}) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      maxLength={5}
      w={80}
      size="xs"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...invalid(bad)}
      readOnly={readOnly}
    />
  );
}

function WeekEditor({
  draft,
  setDraft,
  errorsAt,
  readOnly,
}: {
  draft: CalendarDraft;
  setDraft: (d: CalendarDraft) => void;
  errorsAt: (day: number, index: number) => string[];
  readOnly: boolean;
}) {
  const setDay = (day: number, hours: CalendarDraft['week'][number]) =>
    setDraft({ ...draft, week: { ...draft.week, [day]: hours } });
  return (
    <Table fz="sm" verticalSpacing="xs" aria-label="Weekly working hours">
      <Table.Tbody>
        {WEEKDAYS.map((day) => {
          const hours = draft.week[day] ?? [];
          const name = WEEKDAY_LABELS[day] ?? String(day);
          // Beside the day's hours on a wide screen, under them on a phone.
          const addHours = !readOnly && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              aria-label={`Add hours on ${name}`}
              onClick={() => {
                const last = hours.at(-1);
                setDay(day, [
                  ...hours,
                  last
                    ? { start: last.end === '24:00' ? '00:00' : last.end, end: '' }
                    : { start: '09:00', end: '17:00' },
                ]);
              }}
            >
              Add hours
            </Button>
          );
          return (
            <Table.Tr key={day}>
              <Table.Th
                w={{ base: 52, sm: 120 }}
                scope="row"
                style={{ verticalAlign: 'top', paddingTop: 14 }}
              >
                {/* A phone has room for the day's abbreviation only. */}
                <Box component="span" visibleFrom="sm">
                  {name}
                </Box>
                <Box component="abbr" hiddenFrom="sm" title={name} style={{ textDecoration: 'none' }}>
                  {name.slice(0, 3)}
                </Box>
              </Table.Th>
              <Table.Td>
                <Stack gap={6}>
                  {hours.length === 0 && (
                    <Text size="sm" c="dimmed" pt={6}>
                      Closed
                    </Text>
                  )}
                  {hours.map((h, i) => {
                    const errs = errorsAt(day, i);
                    const set = (patch: Partial<typeof h>) => setDay(day, patchAt(hours, i, patch));
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their position
                      <Stack key={i} gap={2}>
                        <Group gap={6} wrap="nowrap">
                          <ClockTimeInput
                            label={`${name} from (${i + 1})`}
                            placeholder="09:00"
                            value={h.start}
                            onChange={(v) => set({ start: v })}
                            invalid={errs.length > 0}
                            readOnly={readOnly}
                          />
                          <Text size="sm" aria-hidden>
                            –
                          </Text>
                          <ClockTimeInput
                            label={`${name} to (${i + 1})`}
                            placeholder="17:00"
                            value={h.end}
                            onChange={(v) => set({ end: v })}
                            invalid={errs.length > 0}
                            readOnly={readOnly}
                          />
                          {!readOnly && (
                            <TrashButton
                              label={`Remove ${name} ${h.start}–${h.end}`}
                              onClick={() => setDay(day, removeAt(hours, i))}
                            />
                          )}
                        </Group>
                        <RowErrors messages={errs} />
                      </Stack>
                    );
                  })}
                  {addHours && <Box hiddenFrom="sm">{addHours}</Box>}
                </Stack>
              </Table.Td>
              <Table.Td w={140} visibleFrom="sm" style={{ verticalAlign: 'top' }}>
                {addHours}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function HolidaysEditor({
  draft,
  setDraft,
  error,
  readOnly,
}: {
  draft: CalendarDraft;
  setDraft: (d: CalendarDraft) => void;
  error: unknown;
  readOnly: boolean;
}) {
  const set = (i: number, patch: Partial<CalendarDraft['holidays'][number]>) =>
    setDraft({ ...draft, holidays: patchAt(draft.holidays, i, patch) });
  return (
    <Stack gap="xs">
      {draft.holidays.length === 0 && (
        <Text size="sm" c="dimmed">
          No holidays.
        </Text>
      )}
      {draft.holidays.map((h, i) => {
        const errs = itemErrors(error, 'holidays', i);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: holidays are edited in place by position
          <Stack key={i} gap={2}>
            <Group gap="xs" wrap="nowrap" align="center">
              <TextInput
                type="date"
                aria-label={`Holiday ${i + 1} date`}
                size="xs"
                w={160}
                value={h.date}
                onChange={(e) => set(i, { date: e.currentTarget.value })}
                {...invalid(errs.length > 0)}
                readOnly={readOnly}
              />
              <TextInput
                aria-label={`Holiday ${i + 1} name`}
                placeholder="Name, e.g. New Year's Day"
                size="xs"
                maxLength={LIMITS.nameMax}
                style={{ flex: 1 }}
                value={h.name}
                onChange={(e) => set(i, { name: e.currentTarget.value })}
                readOnly={readOnly}
              />
              <Checkbox
                label="Every year"
                size="xs"
                checked={h.recurring}
                onChange={(e) => set(i, { recurring: e.currentTarget.checked })}
                disabled={readOnly}
              />
              {!readOnly && (
                <TrashButton
                  label={`Remove holiday ${h.name || i + 1}`}
                  onClick={() => setDraft({ ...draft, holidays: removeAt(draft.holidays, i) })}
                />
              )}
            </Group>
            <RowErrors messages={errs} />
          </Stack>
        );
      })}
      {!readOnly && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setDraft({ ...draft, holidays: [...draft.holidays, { date: '', name: '', recurring: false }] })
            }
          >
            Add holiday
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function DeleteCalendar({ calendar }: { calendar: Calendar }) {
  return (
    <DeleteButton
      label="Delete"
      name={calendar.name}
      remove={useDeleteCalendar()}
      vars={{ id: calendar.id }}
      backTo="/service-levels/calendars"
      confirmLabel="Delete calendar"
      cancelLabel="Cancel"
    >
      A calendar an agreement or requirement uses cannot be deleted.
    </DeleteButton>
  );
}

function CalendarEditor({ calendar, onReload }: { calendar?: Calendar; onReload: () => void }) {
  const zone = useTimeZone();
  const navigate = useNavigate();
  const canManage = useCanManageServiceLevels();
  const readOnly = !canManage;
  const save = useSaveCalendar(calendar);
  const [draft, setDraft] = useState<CalendarDraft>(() => draftOf(calendar, zone));
  const [sent, setSent] = useState<SentInterval[]>([]);
  const [touched, setTouched] = useState(false);
  const zones = useMemo(() => timeZones(), []);
  const server = rootErrors(save.error);
  const problems = problemFields(save.error);
  const stale = save.error instanceof ApiError && save.error.isStale;
  const errorsAt = (day: number, index: number) => {
    const k = sent.findIndex((s) => s.day === day && s.index === index);
    return k < 0 ? [] : itemErrors(save.error, 'intervals', k);
  };
  const hours = weeklyHours(draft.week);

  const submit = () => {
    setTouched(true);
    if (!draft.name.trim()) return;
    const { input, sent: map } = toInput(draft);
    setSent(map);
    save.mutate(input, {
      onSuccess: (c) => {
        notifications.show({ color: 'teal', message: `Calendar ${c.name} saved` });
        if (!calendar) navigate(`/service-levels/calendars/${c.id}`, { replace: true });
      },
    });
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        {save.error && (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertTriangle size={18} />}
            title={stale ? 'Someone else changed this calendar' : 'The calendar was not saved'}
          >
            <Text size="sm">{errorMessage(save.error)}</Text>
            {problems.length > 0 && (
              <List size="sm" mt={4}>
                {problems.map((p) => (
                  <List.Item key={p.field + p.message}>
                    <strong>{describeField(p.field, sent, draft)}:</strong> {p.message}
                  </List.Item>
                ))}
              </List>
            )}
            {stale && (
              <Button size="xs" mt="xs" variant="white" onClick={onReload}>
                Load the latest version
              </Button>
            )}
          </Alert>
        )}
        <FormSection id="calendar-general" title="General">
          <Group grow align="flex-start">
            <TextInput
              label="Name"
              required
              maxLength={LIMITS.nameMax}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={requiredError(touched, draft.name, 'Enter a name') ?? server.name}
              readOnly={readOnly}
            />
            <Select
              label="Time zone"
              description="Working hours are local times in this zone"
              searchable
              data={zones}
              limit={80}
              value={draft.timeZone}
              onChange={(v) => v && setDraft({ ...draft, timeZone: v })}
              allowDeselect={false}
              error={server.timeZone}
              readOnly={readOnly}
            />
          </Group>
          <Textarea
            label="Description"
            autosize
            minRows={1}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
            readOnly={readOnly}
          />
        </FormSection>
        <Paper p="md" component="section" aria-labelledby="calendar-hours">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Stack gap={0}>
              <Title order={2} size="h4" id="calendar-hours">
                Working hours
              </Title>
              <Text size="xs" c="dimmed">
                {Math.round(hours * 100) / 100} hours a week. An end before the start runs past midnight;
                24:00 ends at midnight.
              </Text>
            </Stack>
            {!readOnly && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setDraft({ ...draft, week: officeHours() })}
                >
                  Weekdays 09:00–17:00
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setDraft({ ...draft, week: aroundTheClock() })}
                >
                  Around the clock
                </Button>
              </Group>
            )}
          </Group>
          {server.intervals && !problems.some((p) => /^intervals\[/.test(p.field)) && (
            <Text size="sm" c="red.8">
              {server.intervals}
            </Text>
          )}
          <WeekEditor draft={draft} setDraft={setDraft} errorsAt={errorsAt} readOnly={readOnly} />
        </Paper>
        <Paper p="md" component="section" aria-labelledby="calendar-holidays">
          <Title order={2} size="h4" id="calendar-holidays" mb="xs">
            Holidays
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            A holiday makes the whole local day non-working. “Every year” repeats it on the same month and
            day.
          </Text>
          <HolidaysEditor draft={draft} setDraft={setDraft} error={save.error} readOnly={readOnly} />
        </Paper>
        {!readOnly && (
          <Group justify="space-between">
            <div>{calendar && <DeleteCalendar calendar={calendar} />}</div>
            <Group>
              <Button variant="default" component={Link} to="/service-levels/calendars">
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save calendar
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </SubmitForm>
  );
}

export function CalendarPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const calendar = useCalendar(isNew ? undefined : id);
  const title = isNew ? 'New business calendar' : (calendar.data?.name ?? 'Business calendar');
  useDocumentTitle(title);
  if (!isNew && calendar.isPending) return <PageLoader label="Loading calendar" />;
  if (!isNew && calendar.isError) {
    if (calendar.error instanceof ApiError && calendar.error.isNotFound)
      return (
        <RecordNotFound
          number="this calendar"
          backTo="/service-levels/calendars"
          backLabel="Back to calendars"
        />
      );
    return <ErrorState error={calendar.error} onRetry={() => calendar.refetch()} />;
  }
  return (
    <Stack gap="md">
      <CrumbHeader
        to="/service-levels/calendars"
        label="Business calendars"
        here={isNew ? 'New' : calendar.data?.name}
        title={title}
      />
      <CalendarEditor
        // A fresh editor for each loaded version, so reloading after a conflict shows the latest.
        key={calendar.data ? `${calendar.data.id}:${calendar.data.version}` : 'new'}
        calendar={isNew ? undefined : calendar.data}
        onReload={() => void calendar.refetch()}
      />
    </Stack>
  );
}
