/** Durations as people read them: "45 min", "3 h 20 min", "2 d 4 h". */

/** A number of seconds, rounded down to whole minutes (or seconds under a minute when asked). */
export function formatDuration(seconds: number, withSeconds = false): string {
  const s = Math.floor(Math.abs(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  if (withSeconds && m < 5) return m ? `${m} min ${s % 60} s` : `${s % 60} s`;
  return `${m} min`;
}

/** Working minutes of a target as hours where that reads better: 90 → "1 h 30 min". */
export const formatMinutes = (minutes: number): string => formatDuration(minutes * 60);

/** Working hours, where "d" would wrongly suggest calendar days: 2880 min → "48 h". */
export function formatWorkingSeconds(seconds: number): string {
  const s = Math.floor(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
