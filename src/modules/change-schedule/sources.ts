/**
 * Schedule sources: the modules that put changes on the calendar register here, so the schedule
 * never imports them (change management registers itself from its hooks). A source lists its
 * scheduled items overlapping a range, filtered by service, CI or group.
 */
import type { Db } from '../../db/client.ts';
import type { ScheduledItem } from '../../domain/changes/conflicts.ts';

export type ScheduleRange = { from: Date; to: Date };
export type ScheduleFilter = { serviceIds?: string[]; ciIds?: string[]; groupId?: string };

export type ScheduleSource = {
  /** Unique; registering a source with the same key again replaces it. */
  key: string;
  listScheduled(db: Db, range: ScheduleRange, filter: ScheduleFilter): Promise<ScheduledItem[]>;
};

const sources = new Map<string, ScheduleSource>();

export function registerScheduleSource(source: ScheduleSource): void {
  sources.set(source.key, source);
}

export function unregisterScheduleSource(key: string): void {
  sources.delete(key);
}

/** Every source's items overlapping the range, each with the key of its source. */
export async function listScheduledItems(
  db: Db,
  range: ScheduleRange,
  filter: ScheduleFilter,
): Promise<(ScheduledItem & { source: string })[]> {
  const out: (ScheduledItem & { source: string })[] = [];
  for (const s of sources.values()) {
    const items = await s.listScheduled(db, range, filter);
    for (const item of items)
      if (item.start.getTime() < range.to.getTime() && item.end.getTime() > range.from.getTime())
        out.push({ ...item, source: s.key });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.number.localeCompare(b.number));
}
