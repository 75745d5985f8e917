/**
 * A month or week grid of events, each on the days it spans in the viewer's time zone (or the
 * one given; an event without an end on the day it starts): the change calendar and maintenance
 * windows build on it. Days outside the month are dimmed; an event with a link opens it; `variant`
 * and `color` tell kinds of events apart, and `description` shows on hover.
 */

import type { MantineColor } from '@mantine/core';
import { Anchor, Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
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
  /** A longer text shown on hover (times, kind). */
  description?: string;
};

/** Events by the days they touch in the zone. */
function byDays(events: CalendarEvent[], zone: string): Map<DayKey, CalendarEvent[]> {
  const out = new Map<DayKey, CalendarEvent[]>();
  for (const e of events)
    for (const d of e.end ? daysSpanned(e.start, e.end, zone) : [dayInZone(e.start, zone)]) {
      const list = out.get(d);
      if (list) list.push(e);
      else out.set(d, [e]);
    }
  return out;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

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
  return (
    <SimpleGrid cols={7} spacing={4} role="grid" aria-label={`${label} (${zone})`}>
      {WEEKDAYS.map((w) => (
        <Text key={w} size="xs" fw={700} c="dimmed" ta="center" role="columnheader">
          {w}
        </Text>
      ))}
      {days.map((d) => (
        <Paper key={d} withBorder p={4} mih={view === 'week' ? 160 : 90} role="gridcell" aria-label={d}>
          <Stack gap={2}>
            <Text size="xs" c={inMonth(d) ? undefined : 'dimmed'}>
              {Number(d.slice(8))}
            </Text>
            {(byDay.get(d) ?? []).map((e) => (
              <Badge
                key={e.id}
                size="sm"
                variant={e.variant ?? 'light'}
                color={e.color}
                fullWidth
                radius="sm"
                title={e.description}
              >
                {e.href ? (
                  <Anchor component={Link} to={e.href} size="xs" inherit>
                    {e.title}
                  </Anchor>
                ) : (
                  e.title
                )}
              </Badge>
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
