/**
 * A month or week grid of events (a table: a row a week, a cell a day, each named by its date), each on the days it spans in the viewer's time zone (or the
 * one given; an event without an end on the day it starts): the change calendar and maintenance
 * windows build on it. Days outside the month are dimmed; an event with a link opens it; `variant`
 * and `color` tell kinds of events apart (a legend beside the grid names them; `kind` is read out
 * before the title and shown on hover), and `description` shows on hover. A title wraps within its
 * day, up to three lines; a longer one shows whole on hover. An event of several days shows its
 * title on its first day and on the first day of each further week it reaches; its other days
 * carry a slim bar of its colour (read out as the title, continued), not the title again.
 */

import type { MantineColor } from '@mantine/core';
import { Anchor, Badge, Box, Stack, Table, Text, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTimeZone } from '../../lib/time.tsx';
import { type DayKey, dayInZone, daysSpanned, monthWeeks, weekDays } from './days.ts';

export type CalendarEvent = {
  id: string;
  title: string;
  start: string;
  end?: string;
  href?: string;
  color?: MantineColor;
  variant?: 'light' | 'outline' | 'filled' | 'dot';
  /** What kind of event it is ("Freeze"): read out before the title, not shown in the cell. */
  kind?: string;
  /** A longer text shown on hover (times). */
  description?: string;
};

/** An event on one of its days; `first` on the day it starts. */
type OnDay = { event: CalendarEvent; first: boolean };

/** Events by the days they touch in the zone. */
function byDays(events: CalendarEvent[], zone: string): Map<DayKey, OnDay[]> {
  const out = new Map<DayKey, OnDay[]>();
  for (const event of events) {
    const days = event.end ? daysSpanned(event.start, event.end, zone) : [dayInZone(event.start, zone)];
    days.forEach((d, i) => {
      const list = out.get(d);
      const on = { event, first: i === 0 };
      if (list) list.push(on);
      else out.set(d, [on]);
    });
  }
  return out;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** An event's chip: as tall as its title needs, up to three lines, not one line cut short. */
const EVENT_STYLES = {
  root: { height: 'auto', paddingBlock: 2, justifyContent: 'flex-start' },
  label: {
    whiteSpace: 'normal',
    textAlign: 'left',
    lineHeight: 1.3,
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 3,
    overflowWrap: 'anywhere',
  },
} as const;

/** The hover text: the kind, the whole title and the description. */
const hoverText = (e: CalendarEvent) =>
  [e.kind ? `${e.kind}: ${e.title}` : e.title, e.description].filter(Boolean).join('\n');

/** A further day of an event whose title shows on an earlier day of the week: a slim bar. */
function Continued({ event: e }: { event: CalendarEvent }) {
  // The colours its chip would have, as Mantine's badges resolve them.
  const theme = useMantineTheme();
  const look = theme.variantColorResolver({ color: e.color ?? 'blue', variant: e.variant ?? 'light', theme });
  return (
    <Box
      h={8}
      title={hoverText(e)}
      style={{ borderRadius: 'var(--mantine-radius-sm)', background: look.background, border: look.border }}
    >
      <VisuallyHidden>{`${e.kind ? `${e.kind}: ` : ''}${e.title} (continued)`}</VisuallyHidden>
    </Box>
  );
}

export function CalendarGrid({
  view,
  day,
  events,
  timeZone,
  label,
}: {
  view: 'month' | 'week';
  /** A day in the month or week to show. */
  day: DayKey;
  events: CalendarEvent[];
  timeZone?: string;
  label: string;
}) {
  const viewerZone = useTimeZone();
  const zone = timeZone ?? viewerZone;
  const [year, month] = day.split('-').map(Number) as [number, number];
  const days = view === 'week' ? weekDays(day) : monthWeeks(year, month).flat();
  const byDay = byDays(events, zone);
  const inMonth = (d: DayKey) => view === 'week' || d.startsWith(day.slice(0, 7));
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  return (
    <Table layout="fixed" withTableBorder withColumnBorders aria-label={`${label} (${zone})`}>
      <Table.Thead>
        <Table.Tr>
          {WEEKDAYS.map((w) => (
            <Table.Th key={w} ta="center" fz="xs" c="gray.7">
              {w}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((d) => (
              <Table.Td key={d} p={4} h={view === 'week' ? 160 : 90} style={{ verticalAlign: 'top' }}>
                <Stack gap={2}>
                  <Text size="xs" c={inMonth(d) ? undefined : 'gray.7'} fw={inMonth(d) ? 600 : undefined}>
                    <span aria-hidden>{Number(d.slice(8))}</span>
                    <VisuallyHidden>{d}</VisuallyHidden>
                  </Text>
                  {(byDay.get(d) ?? []).map(({ event: e, first }) =>
                    !first && d !== week[0] ? (
                      <Continued key={e.id} event={e} />
                    ) : (
                      <Badge
                        key={e.id}
                        size="sm"
                        variant={e.variant ?? 'light'}
                        color={e.color}
                        fullWidth
                        radius="sm"
                        styles={EVENT_STYLES}
                        title={hoverText(e)}
                      >
                        {e.kind && <VisuallyHidden>{`${e.kind}: `}</VisuallyHidden>}
                        {e.href ? (
                          <Anchor component={Link} to={e.href} size="xs" inherit c="inherit">
                            {e.title}
                          </Anchor>
                        ) : (
                          e.title
                        )}
                      </Badge>
                    ),
                  )}
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
