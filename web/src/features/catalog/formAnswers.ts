/**
 * Answers of a dynamic request form in the browser: which fields show, what is sent, and the
 * same checks the server makes (the shared pure rules), so mistakes show before the order is sent.
 */
import {
  type Answers,
  coerceAnswer,
  type FormField,
  isBlank,
  validateAnswers,
  visibleFields,
} from '../../../../src/domain/requests/form.ts';
import { ApiError } from '../../api/client.ts';

/** What the inputs hold: strings, numbers, lists, or nothing yet. */
export type Draft = Record<string, unknown>;

/** The answers to send: blank and hidden fields left out. */
export function answersToSend(fields: readonly FormField[], draft: Draft): Record<string, unknown> {
  const shown = shownFields(fields, draft);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = draft[f.key];
    if (shown.has(f.key) && !isBlank(v)) out[f.key] = v;
  }
  return out;
}

/** Which fields show for the current draft (conditions evaluated on the valid answers so far). */
export function shownFields(fields: readonly FormField[], draft: Draft): Set<string> {
  const coerced: Answers = {};
  for (const f of fields) {
    const v = draft[f.key];
    if (isBlank(v)) continue;
    const c = coerceAnswer(f, v);
    if (c.ok) coerced[f.key] = c.value;
  }
  return visibleFields(fields, coerced);
}

/** A readable sentence for a field problem: "Quantity must be at most 3". */
export function sentence(label: string, message: string): string {
  return `${label} ${message}`;
}

/** Problems with the draft, keyed by field key, worded for people. */
export function checkDraft(fields: readonly FormField[], draft: Draft): Record<string, string> {
  const result = validateAnswers(fields, answersToSend(fields, draft));
  if (result.ok) return {};
  return problemsByField(fields, result.errors);
}

function problemsByField(
  fields: readonly FormField[],
  errors: readonly { field: string; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (!e.field.startsWith('answers.')) continue;
    const key = e.field.slice('answers.'.length);
    const label = fields.find((f) => f.key === key)?.label ?? key;
    out[key] ??= sentence(label, e.message);
  }
  return out;
}

/** The server's answers.<field> problems by field key, and everything else as sentences. */
export function serverProblems(
  fields: readonly FormField[],
  err: unknown,
): { byField: Record<string, string>; other: string[] } {
  if (!(err instanceof ApiError)) return { byField: {}, other: [] };
  const byField = problemsByField(fields, err.fieldErrors);
  const other = err.fieldErrors
    .filter((e) => !e.field.startsWith('answers.'))
    .map((e) => (e.field === 'catalogItemId' ? e.message : `${e.field}: ${e.message}`));
  return { byField, other };
}
