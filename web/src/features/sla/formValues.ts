/** Converting between form inputs and API values: local date-times, threshold lists. */

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` input value for an instant, in the browser's zone. */
export function localInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant of a `datetime-local` input value (read in the browser's zone). */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

/** "75, 90" → [75, 90]; null when something is not a number between 1 and 99. */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const nums = parts.map(Number);
  return nums.every((n) => Number.isFinite(n) && n > 0 && n < 100) ? nums : null;
}
