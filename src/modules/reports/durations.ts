/**
 * The working time each met SLA clock measured, kept in `report_clock_durations` so KPIs over a
 * quarter aggregate stored numbers instead of walking calendars. Exact by construction: a
 * record's rows are recomputed from its clocks, pauses and calendars inside the transaction that
 * changes the record (after the SLA module moved its clocks) and written only where they changed;
 * that transaction holds the record's row lock, so two changes of one record never interleave; a
 * reopened record's clocks run again and lose their rows until they are met again.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Holiday, WeeklyInterval } from '../../domain/sla/calendar.ts';
import { compileCalendar, elapsedWorkingTime, type Pause } from '../../domain/sla/clock.ts';
import { clockPauses } from '../../domain/sla/clock-state.ts';
import { reportClockDurations } from './schema.ts';

type ClockRow = {
  id: string;
  record_id: string;
  started_at: Date | string;
  stopped_at: Date | string;
  target_seconds: number;
  target_version: number;
  calendar_id: string;
  kind: string;
  metric: string;
  type: string;
  service_id: string | null;
};

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const uuidList = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** Recompute the durations of the met clocks of these records (any number; done in chunks). */
export async function refreshClockDurations(tx: Db, recordIds: readonly string[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < recordIds.length; i += 2000) {
    const ids = recordIds.slice(i, i + 2000);
    const clocks = await queryRows<ClockRow>(
      tx,
      sql`select c.id, c.record_id, c.started_at, c.stopped_at, c.target_seconds, c.target_version, c.calendar_id,
          c.kind, c.metric, r.type, r.service_id
        from sla_clocks c join records r on r.id = c.record_id
        where c.record_id = any(${uuidList(ids)}) and c.state = 'met' and c.stopped_at is not null`,
    );
    // Rows of clocks no longer met go; the others are written only where they changed, so an
    // update of a record that moved no clock leaves the rows (and the rollups) alone.
    await tx.execute(
      sql`delete from report_clock_durations where record_id = any(${uuidList(ids)})
        and clock_id <> all(${clocks.length ? uuidList(clocks.map((c) => c.id)) : sql`array[]::uuid[]`})`,
    );
    if (clocks.length === 0) continue;
    const calendarIds = [...new Set(clocks.map((c) => c.calendar_id))];
    const calendars = new Map(
      (
        await queryRows<{ id: string; time_zone: string; intervals: WeeklyInterval[]; holidays: Holiday[] }>(
          tx,
          sql`select id, time_zone, intervals, holidays from business_calendars where id = any(${uuidList(calendarIds)})`,
        )
      ).map((c) => [
        c.id,
        compileCalendar({ timeZone: c.time_zone, intervals: c.intervals, holidays: c.holidays }),
      ]),
    );
    const pauses = new Map<string, Pause[]>();
    for (const p of await queryRows<{
      record_id: string;
      started_at: Date | string;
      ended_at: Date | string | null;
    }>(
      tx,
      sql`select record_id, started_at, ended_at from sla_pauses where record_id = any(${uuidList(ids)}) order by started_at`,
    )) {
      const list = pauses.get(p.record_id) ?? [];
      list.push({ start: asDate(p.started_at), end: p.ended_at === null ? null : asDate(p.ended_at) });
      pauses.set(p.record_id, list);
    }
    const values = clocks.map((c) => {
      const facts = {
        state: 'met' as const,
        startedAt: asDate(c.started_at),
        stoppedAt: asDate(c.stopped_at),
        targetSeconds: c.target_seconds,
        targetVersion: c.target_version,
      };
      const own = clockPauses(facts, pauses.get(c.record_id) ?? []);
      return {
        clockId: c.id,
        recordId: c.record_id,
        workingSeconds: elapsedWorkingTime(
          facts.startedAt,
          facts.stoppedAt,
          calendars.get(c.calendar_id)!,
          own,
        ),
        calendarSeconds: (facts.stoppedAt.getTime() - facts.startedAt.getTime()) / 1000,
        kind: c.kind,
        metric: c.metric,
        stoppedAt: facts.stoppedAt,
        type: c.type,
        serviceId: c.service_id,
      };
    });
    for (let j = 0; j < values.length; j += 1000)
      await tx
        .insert(reportClockDurations)
        .values(values.slice(j, j + 1000))
        .onConflictDoUpdate({
          target: reportClockDurations.clockId,
          set: {
            recordId: sql`excluded.record_id`,
            workingSeconds: sql`excluded.working_seconds`,
            calendarSeconds: sql`excluded.calendar_seconds`,
            kind: sql`excluded.kind`,
            metric: sql`excluded.metric`,
            stoppedAt: sql`excluded.stopped_at`,
            type: sql`excluded.type`,
            serviceId: sql`excluded.service_id`,
          },
          setWhere: sql`(report_clock_durations.record_id, report_clock_durations.working_seconds,
            report_clock_durations.calendar_seconds, report_clock_durations.kind, report_clock_durations.metric,
            report_clock_durations.stopped_at, report_clock_durations.type, report_clock_durations.service_id)
            is distinct from (excluded.record_id, excluded.working_seconds, excluded.calendar_seconds, excluded.kind,
            excluded.metric, excluded.stopped_at, excluded.type, excluded.service_id)`,
        });
    written += values.length;
  }
  return written;
}
