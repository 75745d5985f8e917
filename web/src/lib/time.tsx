/**
 * Times in the signed-in user's time zone: relative or formatted with the zone's name, the exact
 * instant (and the zone) on hover.
 */
import { Text, type TextProps, Tooltip } from '@mantine/core';
import { createContext, useContext } from 'react';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
export const TimeZoneContext = createContext<string>(browserZone);

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

function safeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return browserZone;
  }
}

/** Day and time with the zone's short name ("2 Dec 2026, 14:05 CET"), so a reader knows whose clock. */
export function formatDateTime(iso: string, tz: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: safeZone(tz),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatFull(iso: string, tz: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: safeZone(tz),
    dateStyle: 'full',
    timeStyle: 'long',
  }).format(new Date(iso));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), 'minute');
}

type TimeProps = Omit<TextProps, 'children'> & {
  iso: string | null | undefined;
  /** relative ("3 hours ago") for recent times, or always the formatted date. */
  mode?: 'relative' | 'absolute';
  fallback?: string;
};

/** A `<time>` element showing the instant relatively or formatted, with the full instant in a tooltip. */
export function Time({ iso, mode = 'relative', fallback = '—', ...rest }: TimeProps) {
  const tz = useTimeZone();
  if (!iso)
    return (
      <Text span {...rest}>
        {fallback}
      </Text>
    );
  const recent = Math.abs(Date.now() - new Date(iso).getTime()) < 7 * 24 * 3600 * 1000;
  const shown = mode === 'relative' && recent ? formatRelative(iso) : formatDateTime(iso, tz);
  const full = `${formatFull(iso, tz)} (${tz})`;
  return (
    <Tooltip label={full} openDelay={300} withArrow>
      <Text span component="time" dateTime={iso} {...rest}>
        {shown}
      </Text>
    </Tooltip>
  );
}
