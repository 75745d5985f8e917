/**
 * Working time left as people read it: hours and minutes, where "d" would wrongly suggest
 * calendar days (2880 min → "48 h"). Targets read in working days of their calendar instead
 * (src/domain/sla/working-duration.ts).
 */
export function formatWorkingSeconds(seconds: number): string {
  const s = Math.floor(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  // Seconds are not shown, but some are left (or late): "0 min left" would read as none.
  if (h === 0 && m === 0 && s > 0) return '< 1 min';
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
