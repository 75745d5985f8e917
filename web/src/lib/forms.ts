/** Map an API problem onto form fields: `body.title` and `title` both land on the "title" field. */
import { problemFields } from './problemFields.ts';

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const { field, message } of problemFields(err)) {
    const name = field.split('.')[0] ?? field;
    if (!out[name]) out[name] = message;
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
