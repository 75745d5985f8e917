/**
 * The change calendar: scheduled changes and maintenance and freeze windows in a month, a week or
 * a list, filtered by service, CI and group. The view, the day shown and the filters live in the
 * URL, so a calendar can be bookmarked and shared.
 */
import { Badge, Button, Group, Paper, SegmentedControl, Select, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { type CiRef, useCi } from '../../api/queries/cmdb.ts';
import { useGroups } from '../../api/queries/directory.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { type CalendarEvent, CalendarGrid } from '../../kit/calendar/CalendarGrid.tsx';
import {
  type DayKey,
  dayInZone,
  instantOf,
  monthWeeks,
  shiftDay,
  shiftMonth,
  weekDays,
} from '../../kit/calendar/days.ts';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { FilterBar } from '../../kit/list/filters.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { formatDateTime, useTimeZone } from '../../lib/time.tsx';
import { CiPicker } from '../cmdb/CiPicker.tsx';
import { ServiceSelect } from '../sla/pickers.tsx';
import { type CalendarEntry, useChangeCalendar } from './api.ts';
import { FeedButton } from './FeedButton.tsx';
import { ENTRY_STYLE, entryHref, entryTitle } from './labels.ts';

const SPEC = { view: 'one', day: 'one', serviceId: 'one', ciId: 'one', groupId: 'one' } as const;
const VIEWS = ['month', 'week', 'list'] as const;
type View = (typeof VIEWS)[number];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The days a view shows: a month's whole weeks, a week, or the month for the list. */
function span(view: View, day: DayKey): { first: DayKey; last: DayKey } {
  if (view === 'week') {
    const days = weekDays(day);
    return { first: days[0]!, last: days[6]! };
  }
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (view === 'list') {
    const weeks = monthWeeks(y, m)
      .flat()
      .filter((d) => d.startsWith(day.slice(0, 7)));
    return { first: weeks[0]!, last: weeks.at(-1)! };
  }
  const weeks = monthWeeks(y, m);
  return { first: weeks[0]![0]!, last: weeks.at(-1)![6]! };
}

function heading(view: View, day: DayKey): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (view === 'week') {
    const days = weekDays(day);
    return `Week of ${days[0]} to ${days[6]}`;
  }
  return `${MONTHS[m - 1]} ${y}`;
}

function CiFilter({ id, onChange }: { id: string; onChange: (id: string) => void }) {
  const ci = useCi(id || undefined);
  const value: CiRef | null = id && ci.data ? ci.data : null;
  return (
    <CiPicker
      label="Configuration item"
      placeholder="Any"
      value={value}
      onChange={(c) => onChange(c?.id ?? '')}
      className="filter-field"
    />
  );
}

function EntryList({ items, zone }: { items: CalendarEntry[]; zone: string }) {
  if (items.length === 0)
    return (
      <EmptyState title="Nothing scheduled in this month">
        No change or window matches these filters.
      </EmptyState>
    );
  return (
    <DataTable
      verticalSpacing="sm"
      fz="sm"
      aria-label="Scheduled changes and windows"
      columns={[{ label: 'Starts', w: 170 }, { label: 'Ends', w: 170 }, { label: 'Kind', w: 190 }, 'What']}
    >
      {items.map((e) => (
        <Table.Tr key={e.key}>
          <Table.Td>{formatDateTime(e.start, zone)}</Table.Td>
          <Table.Td>{formatDateTime(e.end, zone)}</Table.Td>
          <Table.Td>
            <Badge color={ENTRY_STYLE[e.kind].color} variant={ENTRY_STYLE[e.kind].variant} autoContrast>
              {ENTRY_STYLE[e.kind].label}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text component={Link} to={entryHref(e)} size="sm" fw={600} c="blue">
              {entryTitle(e)}
            </Text>
            {e.kind === 'change' && (
              <Text size="xs" c="dimmed">
                {e.changeType} · {e.state}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Legend() {
  return (
    <Group gap="xs" aria-label="Legend" role="group">
      {Object.values(ENTRY_STYLE).map((s) => (
        <Badge key={s.label} color={s.color} variant={s.variant} autoContrast>
          {s.label}
        </Badge>
      ))}
    </Group>
  );
}

export function ChangeCalendarPage() {
  const zone = useTimeZone();
  const state = useListState(SPEC, { sort: 'start', order: 'asc' });
  const f = state.filters;
  const view: View = (VIEWS as readonly string[]).includes(f.view) ? (f.view as View) : 'month';
  const today = dayInZone(new Date().toISOString(), zone);
  const day: DayKey = /^\d{4}-\d{2}-\d{2}$/.test(f.day) ? f.day : today;
  const { first, last } = span(view, day);
  const groups = useGroups();
  const calendar = useChangeCalendar({
    from: instantOf(`${first}T00:00`, zone),
    to: instantOf(`${shiftDay(last, 1)}T00:00`, zone),
    serviceId: f.serviceId || undefined,
    ciId: f.ciId || undefined,
    groupId: f.groupId || undefined,
  });
  const move = (n: number) => state.set({ day: view === 'week' ? shiftDay(day, 7 * n) : shiftMonth(day, n) });
  const items = calendar.data?.items ?? [];
  const events: CalendarEvent[] = items.map((e) => ({
    id: e.key,
    title: entryTitle(e),
    kind: ENTRY_STYLE[e.kind].label,
    start: e.start,
    end: e.end,
    href: entryHref(e),
    color: ENTRY_STYLE[e.kind].color,
    variant: ENTRY_STYLE[e.kind].variant,
    description: `${formatDateTime(e.start, zone)} – ${formatDateTime(e.end, zone)}`,
  }));
  return (
    <>
      <PageHeader
        title="Change calendar"
        description="Scheduled changes, maintenance windows and change freezes."
        actions={
          <>
            <Button component={Link} to="/change-windows" variant="default">
              Windows
            </Button>
            <FeedButton />
          </>
        }
      />
      <FilterBar state={state}>
        <ServiceSelect
          label="Service"
          placeholder="Any"
          clearable
          value={f.serviceId || null}
          onChange={(id) => state.set({ serviceId: id ?? '' })}
          className="filter-field"
        />
        <CiFilter id={f.ciId} onChange={(id) => state.set({ ciId: id })} />
        <Select
          label="Group"
          placeholder="Any"
          clearable
          searchable
          data={namedOptions(groups.data)}
          value={f.groupId || null}
          onChange={(id) => state.set({ groupId: id ?? '' })}
          className="filter-field"
        />
      </FilterBar>
      <Group justify="space-between" my="md" wrap="wrap">
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => move(-1)}
            aria-label={view === 'week' ? 'Previous week' : 'Previous month'}
          >
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" onClick={() => state.set({ day: '' })}>
            Today
          </Button>
          <Button
            variant="default"
            onClick={() => move(1)}
            aria-label={view === 'week' ? 'Next week' : 'Next month'}
          >
            <IconChevronRight size={16} aria-hidden />
          </Button>
          <Title order={2} size="h4" ml="sm">
            {heading(view, day)}
          </Title>
        </Group>
        <Group gap="md">
          <Legend />
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(v) => state.set({ view: v === 'month' ? '' : v })}
            data={[
              { value: 'month', label: 'Month' },
              { value: 'week', label: 'Week' },
              { value: 'list', label: 'List' },
            ]}
          />
        </Group>
      </Group>
      {calendar.data?.truncated && (
        <Text size="sm" c="orange" mb="xs">
          Some occurrences of very frequent windows are left out of this range.
        </Text>
      )}
      <Paper p={view === 'list' ? 0 : 'xs'} style={{ overflow: 'hidden' }}>
        {calendar.isPending ? (
          <PageLoader label="Loading the calendar" />
        ) : calendar.isError ? (
          <ErrorState error={calendar.error} onRetry={() => calendar.refetch()} />
        ) : view === 'list' ? (
          <EntryList items={items} zone={zone} />
        ) : (
          <CalendarGrid view={view} day={day} events={events} label={heading(view, day)} />
        )}
      </Paper>
    </>
  );
}
