/**
 * Named, reusable business calendars: weekly working hours in an IANA time zone, and holidays.
 * Agreements count their targets against one; 24×7 is a calendar like any other.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { CalendarInput as CalendarInputSchema } from '../../contracts/service-levels.ts';
import { configChanged } from '../../db/changes.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { rowById, takenIgnoringCase } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import type { BusinessCalendar, Holiday, WeeklyInterval } from '../../domain/sla/calendar.ts';
import { validateCalendar } from '../../domain/sla/calendar.ts';
import { compileCalendar } from '../../domain/sla/compile.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { assertMayManageServiceLevels } from './access.ts';
import { slaClocks } from './clock-schema.ts';
import { businessCalendars } from './schema.ts';

type CalendarRow = typeof businessCalendars.$inferSelect;

export type CalendarInput = z.output<typeof CalendarInputSchema>;

export const toBusinessCalendar = (
  r: Pick<CalendarRow, 'timeZone' | 'intervals' | 'holidays'>,
): BusinessCalendar => ({
  timeZone: r.timeZone,
  intervals: r.intervals,
  holidays: r.holidays,
});

export function presentCalendar(r: CalendarRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    timeZone: r.timeZone,
    intervals: r.intervals,
    holidays: r.holidays,
    weeklyHours: compileCalendar(toBusinessCalendar(r)).weeklyMinutes / 60,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type CalendarView = ReturnType<typeof presentCalendar>;

/** The domain validator's issues as a 422 with one error per field. */
function assertValidCalendar(c: {
  timeZone: string;
  intervals: CalendarInput['intervals'];
  holidays: Holiday[];
}): BusinessCalendar {
  const issues = validateCalendar(c);
  if (issues.length)
    throw invalid(
      issues.map((i) => ({ field: i.field || 'calendar', message: i.message })),
      `The calendar is not valid: ${issues.map((i) => i.message).join(' ')}`,
    );
  return { timeZone: c.timeZone, intervals: c.intervals as WeeklyInterval[], holidays: c.holidays };
}

async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  if (await takenIgnoringCase(db, businessCalendars, businessCalendars.name, name, exceptId))
    throw conflict(`A calendar named "${name}" already exists.`);
}

export async function createCalendar(ctx: AppContext, actor: Actor | 'system', input: CalendarInput) {
  assertMayManageServiceLevels(actor, 'add calendars');
  const calendar = assertValidCalendar({
    timeZone: input.timeZone,
    intervals: input.intervals,
    holidays: input.holidays ?? [],
  });
  await assertNameFree(ctx.db, input.name);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(businessCalendars)
    .values({
      name: input.name,
      description: input.description ?? '',
      ...calendar,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return presentCalendar(row!);
}

export async function listCalendars(ctx: AppContext, actor: Actor) {
  if (!can(actor, 'service_level.read')) throw forbidden('You may not browse business calendars.');
  const rows = await ctx.db.select().from(businessCalendars).orderBy(asc(businessCalendars.name));
  return rows.map(presentCalendar);
}

export async function getCalendar(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'service_level.read')) throw notFound('Calendar', id);
  const row = await rowById(ctx.db, businessCalendars, id, 'Calendar');
  return presentCalendar(row);
}

export async function updateCalendar(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<CalendarInput>,
  expectedVersion: number | undefined,
) {
  assertMayManageServiceLevels(actor, 'change calendars');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, businessCalendars, id, 'Calendar', expectedVersion, (r) => r.name);
    const next = assertValidCalendar({
      timeZone: patch.timeZone ?? cur.timeZone,
      intervals: patch.intervals ?? cur.intervals,
      holidays: patch.holidays ?? cur.holidays,
    });
    if (patch.name && patch.name.toLowerCase() !== cur.name.toLowerCase())
      await assertNameFree(tx, patch.name, id);
    const updated = await writeNextVersion(
      tx,
      businessCalendars,
      cur,
      {
        ...next,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      },
      now,
    );
    // Different hours or holidays move due instants: new clocks read the calendar afresh, and the
    // sweep recomputes every running clock. A new name or description changes neither.
    if (JSON.stringify(toBusinessCalendar(cur)) !== JSON.stringify(next)) {
      await configChanged(tx, ctx.configCache, CALENDARS_CACHE_KEY);
      await tx
        .update(slaClocks)
        .set({ nextCheckAt: now })
        .where(and(eq(slaClocks.calendarId, id), eq(slaClocks.state, 'running')));
    }
    return updated;
  });
  return presentCalendar(row);
}

export async function deleteCalendar(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertMayManageServiceLevels(actor, 'remove calendars');
  const cur = await rowById(ctx.db, businessCalendars, id, 'Calendar');
  const [used] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select (select count(*) from agreements where calendar_id = ${id})
      + (select count(*) from service_level_requirements where calendar_id = ${id})
      + (select count(*) from sla_clocks where calendar_id = ${id}) as n`,
  );
  if (Number(used?.n ?? 0) > 0)
    throw conflict(
      `Calendar "${cur.name}" is used by agreements, requirements or clocks and cannot be removed.`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx.delete(businessCalendars).where(eq(businessCalendars.id, id));
    await configChanged(tx, ctx.configCache, CALENDARS_CACHE_KEY);
  });
}

/** Cache key prefix of the calendars the clocks read; every change of one drops them on every instance. */
export const CALENDARS_CACHE_KEY = 'sla:calendars:';

/** Calendars by id as the clock arithmetic needs them, from the cache (a miss reads through `db`). */
export async function cachedCalendars(
  ctx: Pick<AppContext, 'configCache'>,
  db: Db,
  ids: string[],
): Promise<Map<string, BusinessCalendar>> {
  const out = new Map<string, BusinessCalendar>();
  for (const id of new Set(ids)) {
    const cal = await ctx.configCache.get(
      `${CALENDARS_CACHE_KEY}${id}`,
      async () => (await loadCalendars(db, [id])).get(id) ?? null,
    );
    if (cal) out.set(id, cal);
  }
  return out;
}

/** Calendars by id, as the clock arithmetic needs them. */
export async function loadCalendars(db: Db, ids: string[]): Promise<Map<string, BusinessCalendar>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: businessCalendars.id,
      timeZone: businessCalendars.timeZone,
      intervals: businessCalendars.intervals,
      holidays: businessCalendars.holidays,
    })
    .from(businessCalendars)
    .where(inArray(businessCalendars.id, unique));
  return new Map(rows.map((r) => [r.id, toBusinessCalendar(r)]));
}

export async function calendarExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: businessCalendars.id })
    .from(businessCalendars)
    .where(eq(businessCalendars.id, id));
  return !!row;
}
