/** How the change calendar shows each kind of entry: changes, maintenance windows and freezes look different. */
import { describeRecurrence } from '../../../../src/domain/changes/recurrence-text.ts';
import type { CalendarEntry } from './api.ts';

export const ENTRY_STYLE: Record<
  CalendarEntry['kind'],
  { label: string; color: string; variant: 'light' | 'outline' | 'filled' }
> = {
  change: { label: 'Change', color: 'blue.9', variant: 'filled' },
  maintenance: { label: 'Maintenance window', color: 'teal.9', variant: 'outline' },
  freeze: { label: 'Freeze', color: 'red.9', variant: 'filled' },
};

/** An entry's title: a change's number and title, a window's name (its kind shows beside it). */
export const entryTitle = (e: CalendarEntry) => (e.kind === 'change' ? `${e.number} ${e.title}` : e.title);

/**
 * How often a window repeats: in words where words say all of its rule ("Every week on Saturday"),
 * otherwise the rule itself; null for a window that happens once.
 */
export const repeatsText = (rrule: string | null) =>
  rrule === null ? null : (describeRecurrence(rrule) ?? rrule);

/** Where an entry opens: a change's record page, a window's page. */
export const entryHref = (e: CalendarEntry) =>
  e.kind === 'change' ? `/changes/${e.number ?? e.recordId}` : `/change-windows/${e.windowId}`;
