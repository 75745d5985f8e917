/** Map an API problem onto form fields: `body.title` and `title` both land on the "title" field. */
import { ApiError } from '../api/client.ts';

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(err instanceof ApiError)) return out;
  for (const e of err.fieldErrors) {
    const name = e.field.replace(/^(body|query|params|querystring)\./, '').split('.')[0] ?? e.field;
    if (!out[name]) out[name] = e.message.charAt(0).toUpperCase() + e.message.slice(1);
  }
  return out;
}

/** Field errors the form does not show next to a field, for a summary line. */
export function unplacedErrors(err: unknown, placed: readonly string[]): string[] {
  const all = fieldErrorsOf(err);
  return Object.entries(all)
    .filter(([k]) => !placed.includes(k))
    .map(([k, v]) => `${k}: ${v}`);
}
