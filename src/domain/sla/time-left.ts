/**
 * SLA time left, by one definition everywhere (the queue's SLA column, the record's clocks): the
 * working time of the clock's business calendar between now and its due instant; negative, by
 * the working time since, once overdue. For a running clock this equals its target less the
 * working time it has used, since its due instant is where that reaches the target. Pure; the
 * web app imports it as a value (it needs only the calendar arithmetic).
 */
import { elapsedWorkingTime } from './clock.ts';
import type { CalendarLike } from './compile.ts';

export function workingSecondsLeft(dueAt: Date, now: Date, calendar: CalendarLike): number {
  return now.getTime() <= dueAt.getTime()
    ? elapsedWorkingTime(now, dueAt, calendar)
    : -elapsedWorkingTime(dueAt, now, calendar);
}
