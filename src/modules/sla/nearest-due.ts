/**
 * The nearest due instant of records' running clocks with the business calendar it counts in, for
 * queues: a queue shows the same working time left as the record page (src/domain/sla/time-left.ts)
 * only if it knows the calendar of the clock that is due first. Staff see any record's; other
 * people only the records they raised.
 */
import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Actor, can } from '../../domain/roles.ts';
import type { BusinessCalendar } from '../../domain/sla/calendar.ts';
import { records } from '../records/index.ts';
import { loadCalendars } from './calendars.ts';
import { slaClocks } from './clock-schema.ts';

export type NearestDue = {
  recordId: string;
  dueAt: string;
  calendar: BusinessCalendar & { id: string };
};

export async function nearestDue(ctx: AppContext, actor: Actor, recordIds: string[]): Promise<NearestDue[]> {
  if (recordIds.length === 0) return [];
  const conds: SQL[] = [
    inArray(slaClocks.recordId, recordIds),
    eq(slaClocks.state, 'running'),
    isNotNull(slaClocks.dueAt),
  ];
  if (!can(actor, 'sla.read_internal')) conds.push(eq(records.requesterId, actor.userId));
  const rows = await ctx.db
    .select({ recordId: slaClocks.recordId, dueAt: slaClocks.dueAt, calendarId: slaClocks.calendarId })
    .from(slaClocks)
    .innerJoin(records, eq(records.id, slaClocks.recordId))
    .where(and(...conds))
    .orderBy(asc(slaClocks.recordId), asc(slaClocks.dueAt));
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!first.has(r.recordId)) first.set(r.recordId, r);
  const calendars = await loadCalendars(
    ctx.db,
    [...first.values()].map((r) => r.calendarId),
  );
  return [...first.values()].flatMap((r) => {
    const cal = calendars.get(r.calendarId);
    return cal && r.dueAt
      ? [{ recordId: r.recordId, dueAt: r.dueAt.toISOString(), calendar: { id: r.calendarId, ...cal } }]
      : [];
  });
}
