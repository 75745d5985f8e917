/** How the change calendar shows each kind of entry: changes, maintenance windows and freezes look different. */
import type { CalendarEntry } from './api.ts';

export const ENTRY_STYLE: Record<
  CalendarEntry['kind'],
  { label: string; color: string; variant: 'light' | 'outline' | 'filled' }
> = {
  change: { label: 'Change', color: 'blue.9', variant: 'filled' },
  maintenance: { label: 'Maintenance window', color: 'teal.9', variant: 'outline' },
  freeze: { label: 'Freeze', color: 'red.9', variant: 'filled' },
};

export const entryTitle = (e: CalendarEntry) =>
  e.kind === 'change' ? `${e.number} ${e.title}` : `${ENTRY_STYLE[e.kind].label}: ${e.title}`;

/** Where an entry opens: a change's record page, a window's page. */
export const entryHref = (e: CalendarEntry) =>
  e.kind === 'change' ? `/changes/${e.number ?? e.recordId}` : `/change-windows/${e.windowId}`;
