/** Between instants and the value of a `datetime-local` input, which is read and written in the browser's zone. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The input value for an instant (a Date or an ISO string); empty for none. */
export function toLocalInput(at: Date | string | null | undefined): string {
  if (!at) return '';
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant of an input value; null when the input is empty. */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
