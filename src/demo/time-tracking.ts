/**
 * Time logged on the demo's records, so the time report and the effort KPI show something on
 * first start: on about six in ten of the records someone works (an assignee), one to three
 * entries by that agent soon after the record was raised, of typical lengths, about a quarter of
 * them billable, some booked with the timer. Deterministic (from the record numbers) and written
 * in one statement.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { queryRows } from '../db/client.ts';

const NOTES = [
  'Diagnosed the fault with the requester',
  'Checked the logs and the monitoring',
  'Applied the fix and tested it',
  'Called the requester back',
  'Escalated to the supplier and followed up',
  'Reconfigured the account',
  'Remote session to the workstation',
  'Documented the workaround',
];
const LENGTHS = [10, 15, 20, 30, 30, 45, 60, 90, 120, 25];

export async function seedTimeDemo(ctx: AppContext): Promise<{ entries: number }> {
  const now = ctx.clock.now();
  const notes = sql`array[${sql.join(
    NOTES.map((n) => sql`${n}`),
    sql`, `,
  )}]::text[]`;
  const lengths = sql`array[${sql.join(
    LENGTHS.map((n) => sql`${n}`),
    sql`, `,
  )}]::int[]`;
  const rows = await queryRows<{ n: number }>(
    ctx.db,
    sql`with worked as (
        select r.id, r.assignee_id, r.created_at, (hashtext(r.number) & 2147483647) as h
        from records r
        where r.assignee_id is not null
      ), entries as (
        select w.id, w.assignee_id, k,
          w.created_at + ((((w.h / 7 + k * 13) % 180) + 10 + k * 240) * interval '1 minute') as started_at,
          (${lengths})[1 + ((w.h / 11 + k) % ${LENGTHS.length})::int] as minutes,
          (w.h / 3 + k) % 4 = 0 as billable,
          (${notes})[1 + ((w.h / 5 + k * 3) % ${NOTES.length})::int] as note,
          case when (w.h + k) % 3 = 0 then 'timer' else 'manual' end as source
        from worked w
        cross join generate_series(0, 2) k
        where w.h % 10 < 6 and k <= (w.h / 17) % 3
      ), inserted as (
        insert into time_entries (record_id, user_id, started_at, minutes, billable, note, source,
          created_by, created_at, updated_at)
        select e.id, e.assignee_id, e.started_at, e.minutes, e.billable, e.note, e.source,
          e.assignee_id, e.started_at + e.minutes * interval '1 minute', e.started_at + e.minutes * interval '1 minute'
        from entries e
        where e.started_at + e.minutes * interval '1 minute' <= ${now}::timestamptz
        returning 1
      )
      select count(*)::int as n from inserted`,
  );
  return { entries: Number(rows[0]?.n ?? 0) };
}
