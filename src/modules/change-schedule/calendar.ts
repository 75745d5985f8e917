/**
 * The change calendar: the scheduled changes of every registered source and the occurrences of
 * the windows over a range, filtered by service, CI and group, for the web calendar and the
 * iCalendar feed.
 */
import type { AppContext } from '../../context.ts';
import {
  CALENDAR_MAX_DAYS,
  type CalendarAnswer,
  type CalendarEntry,
} from '../../contracts/change-schedule.ts';
import { MAX_OCCURRENCES, occurrencesOf, type ScheduleWindow } from '../../domain/changes/windows.ts';
import type { Actor } from '../../domain/roles.ts';
import { invalid } from '../../errors.ts';
import { DAY_MS } from '../../shared/time.ts';
import { listScheduledItems, type ScheduleFilter } from './sources.ts';
import { assertCanReadSchedule, loadWindows } from './windows.ts';

export type CalendarRequest = {
  from: Date;
  to: Date;
  serviceIds?: string[] | undefined;
  ciIds?: string[] | undefined;
  groupId?: string | undefined;
  /** false: changes only. */
  windows?: boolean | undefined;
};

function assertRange(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime()))
    throw invalid(
      [{ field: 'query.to', message: 'must be after from' }],
      'The range must end after it starts.',
    );
  if (to.getTime() - from.getTime() > CALENDAR_MAX_DAYS * DAY_MS)
    throw invalid(
      [{ field: 'query.to', message: `at most ${CALENDAR_MAX_DAYS} days after from` }],
      `The calendar answers at most ${CALENDAR_MAX_DAYS} days at once.`,
    );
}

/** Whether a window concerns the filter: maintenance of a filtered CI or service; freezes global or of a filtered service. */
function windowMatches(w: ScheduleWindow, f: ScheduleFilter): boolean {
  const cis = f.ciIds ?? [];
  const services = f.serviceIds ?? [];
  if (cis.length === 0 && services.length === 0) return true;
  if (w.kind === 'freeze') return w.serviceId === null || services.includes(w.serviceId);
  return (
    (w.ciId !== null && cis.includes(w.ciId)) || (w.serviceId !== null && services.includes(w.serviceId))
  );
}

/** The calendar without a permission check (the feed checks its owner itself). */
export async function calendarEntries(ctx: AppContext, req: CalendarRequest): Promise<CalendarAnswer> {
  assertRange(req.from, req.to);
  const range = { from: req.from, to: req.to };
  const filter: ScheduleFilter = {
    ...(req.serviceIds?.length ? { serviceIds: req.serviceIds.map((s) => s.toLowerCase()) } : {}),
    ...(req.ciIds?.length ? { ciIds: req.ciIds.map((s) => s.toLowerCase()) } : {}),
    ...(req.groupId ? { groupId: req.groupId.toLowerCase() } : {}),
  };
  const items: CalendarEntry[] = (await listScheduledItems(ctx.db, range, filter)).map((i) => ({
    kind: 'change',
    key: `change:${i.source}:${i.recordId}`,
    title: i.title,
    start: i.start.toISOString(),
    end: i.end.toISOString(),
    recordId: i.recordId,
    number: i.number,
    state: i.state,
    changeType: i.changeType,
    windowId: null,
    ciIds: i.ciIds,
    serviceIds: i.serviceIds,
    groupId: i.groupId,
    source: i.source,
  }));
  let truncated = false;
  if (req.windows !== false) {
    const windows = (await loadWindows(ctx.db, range)).filter((w) => windowMatches(w, filter));
    let budget = MAX_OCCURRENCES;
    for (const w of windows) {
      const occ = occurrencesOf(w, req.from, req.to);
      if (occ.length >= MAX_OCCURRENCES || occ.length > budget) truncated = true;
      for (const o of occ.slice(0, Math.max(0, budget))) {
        items.push({
          kind: w.kind,
          key: `window:${w.id}:${o.start.toISOString()}`,
          title: w.name,
          start: o.start.toISOString(),
          end: o.end.toISOString(),
          recordId: null,
          number: null,
          state: null,
          changeType: null,
          windowId: w.id,
          ciIds: w.ciId ? [w.ciId] : [],
          serviceIds: w.serviceId ? [w.serviceId] : [],
          groupId: null,
          source: null,
        });
      }
      budget -= occ.length;
    }
  }
  items.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
  return { from: req.from.toISOString(), to: req.to.toISOString(), items, truncated };
}

export async function changeCalendar(
  ctx: AppContext,
  actor: Actor,
  req: CalendarRequest,
): Promise<CalendarAnswer> {
  assertCanReadSchedule(actor);
  return calendarEntries(ctx, req);
}
