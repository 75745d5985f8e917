/**
 * Dynamic request forms: the field types a catalog item may ask for, whether a form definition is
 * usable, and validation of a requester's answers against it. Pure: references to users and CIs
 * are checked for shape here and returned so the service can check they exist.
 */

import { isoDate } from '../../shared/time.ts';
import { isUuid } from '../../shared/uuid.ts';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'choice',
  'multi_choice',
  'user',
  'ci',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type Scalar = string | number | boolean;

/** Show a field only when an earlier field equals a value, or is one of several values. */
export type VisibleIf = { field: string; equals?: Scalar | undefined; in?: Scalar[] | undefined };

export type ChoiceOption = { value: string; label: string };

export type FormField = {
  key: string;
  label: string;
  type: FieldType;
  help?: string | undefined;
  required?: boolean | undefined;
  visibleIf?: VisibleIf | undefined;
  /** text, textarea */
  maxLength?: number | undefined;
  /** text: a regular expression the whole answer must match */
  pattern?: string | undefined;
  /** number: bounds; date: ISO dates (YYYY-MM-DD) */
  min?: number | string | undefined;
  max?: number | string | undefined;
  /** choice, multi_choice */
  options?: ChoiceOption[] | undefined;
  /** ci: restrict to one CI class */
  classKey?: string | undefined;
};

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;
export type FieldProblem = { field: string; message: string };
export type Reference = { field: string; kind: 'user' | 'ci'; id: string; classKey?: string | undefined };

export type AnswerCheck =
  | { ok: true; values: Answers; references: Reference[] }
  | { ok: false; errors: FieldProblem[] };

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDate(d) === s;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Problems that make a form definition unusable, keyed `form.<index>.<property>`. */
export function validateFormDefinition(fields: readonly FormField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, FormField>();
  fields.forEach((f, i) => {
    const at = (prop: string, message: string) => problems.push({ field: `form.${i}.${prop}`, message });
    if (!KEY.test(f.key)) at('key', 'must be lower-case letters, digits and _, starting with a letter');
    else if (seen.has(f.key)) at('key', `"${f.key}" is used by an earlier field`);
    const choices = f.type === 'choice' || f.type === 'multi_choice';
    if (choices) {
      const values = (f.options ?? []).map((o) => o.value);
      if (values.length === 0) at('options', 'a choice field needs at least one option');
      if (new Set(values).size !== values.length) at('options', 'option values must be unique');
    } else if (f.options !== undefined) at('options', `a ${f.type} field has no options`);
    if (f.pattern !== undefined && (f.type !== 'text' || !compiles(f.pattern)))
      at(
        'pattern',
        f.type === 'text' ? 'is not a valid regular expression' : 'only text fields take a pattern',
      );
    if (f.maxLength !== undefined && f.type !== 'text' && f.type !== 'textarea')
      at('maxLength', 'only text and textarea fields take a maximum length');
    checkBounds(f, at);
    if (f.visibleIf) {
      const ctl = seen.get(f.visibleIf.field);
      if (!ctl) at('visibleIf.field', `"${f.visibleIf.field}" must be an earlier field of this form`);
      else if ((f.visibleIf.equals === undefined) === (f.visibleIf.in === undefined))
        at('visibleIf', 'give exactly one of equals or in');
      else if (ctl.options) {
        const known = new Set(ctl.options.map((o) => o.value));
        const wanted = f.visibleIf.in ?? [f.visibleIf.equals];
        const bad = wanted.filter((v) => !known.has(String(v)));
        if (bad.length) at('visibleIf', `${bad.join(', ')} is not an option of "${ctl.key}"`);
      }
    }
    if (KEY.test(f.key) && !seen.has(f.key)) seen.set(f.key, f);
  });
  return problems;
}

function checkBounds(f: FormField, at: (prop: string, message: string) => void): void {
  const { min, max } = f;
  if (min === undefined && max === undefined) return;
  if (f.type === 'number') {
    if (min !== undefined && typeof min !== 'number') at('min', 'must be a number');
    if (max !== undefined && typeof max !== 'number') at('max', 'must be a number');
  } else if (f.type === 'date') {
    if (min !== undefined && !(typeof min === 'string' && isIsoDate(min)))
      at('min', 'must be a date YYYY-MM-DD');
    if (max !== undefined && !(typeof max === 'string' && isIsoDate(max)))
      at('max', 'must be a date YYYY-MM-DD');
  } else {
    at(min !== undefined ? 'min' : 'max', 'only number and date fields take bounds');
    return;
  }
  if (min !== undefined && max !== undefined && typeof min === typeof max && min > max)
    at('max', 'must not be less than min');
}

/** No answer: absent, empty text, or an empty list. */
export const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

function matchesCondition(value: AnswerValue | undefined, cond: VisibleIf): boolean {
  if (value === undefined) return false;
  const wanted = (cond.in ?? [cond.equals]).map(String);
  // A multi-choice controller matches when any of its chosen values is wanted.
  const have = Array.isArray(value) ? value : [String(value)];
  return have.some((v) => wanted.includes(v));
}

/**
 * Which fields are visible for these (already coerced) values. A field hidden because its
 * controller is hidden stays hidden, so chains of conditions collapse from the top.
 */
export function visibleFields(fields: readonly FormField[], values: Answers): Set<string> {
  const visible = new Set<string>();
  for (const f of fields) {
    const cond = f.visibleIf;
    if (!cond || (visible.has(cond.field) && matchesCondition(values[cond.field], cond))) visible.add(f.key);
  }
  return visible;
}

type Coerced = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** Answers are capped even without a maxLength, so a pattern never runs over huge input. */
export const ANSWER_TEXT_MAX = 20_000;

function coerceText(f: FormField, raw: unknown): Coerced {
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, message: 'must be text' };
  const value = String(raw).trim();
  const max = Math.min(f.maxLength ?? ANSWER_TEXT_MAX, ANSWER_TEXT_MAX);
  if (value.length > max) return { ok: false, message: `must be at most ${max} characters` };
  if (f.pattern !== undefined && !new RegExp(`^(?:${f.pattern})$`, 'u').test(value))
    return { ok: false, message: 'does not have the expected format' };
  return { ok: true, value };
}

function coerceNumber(f: FormField, raw: unknown): Coerced {
  // Strings must be plain decimals: Number() would also take hex, exponents and "Infinity".
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && DECIMAL.test(raw.trim())
        ? Number(raw)
        : Number.NaN;
  if (!Number.isFinite(n)) return { ok: false, message: 'must be a number' };
  if (typeof f.min === 'number' && n < f.min) return { ok: false, message: `must be at least ${f.min}` };
  if (typeof f.max === 'number' && n > f.max) return { ok: false, message: `must be at most ${f.max}` };
  return { ok: true, value: n };
}

function coerceDate(f: FormField, raw: unknown): Coerced {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (!isIsoDate(s)) return { ok: false, message: 'must be a date YYYY-MM-DD' };
  if (typeof f.min === 'string' && s < f.min) return { ok: false, message: `must be on or after ${f.min}` };
  if (typeof f.max === 'string' && s > f.max) return { ok: false, message: `must be on or before ${f.max}` };
  return { ok: true, value: s };
}

function coerceChoice(f: FormField, raw: unknown): Coerced {
  const values = new Set((f.options ?? []).map((o) => o.value));
  if (f.type === 'choice') {
    const s = typeof raw === 'number' ? String(raw) : raw;
    if (typeof s !== 'string' || !values.has(s))
      return { ok: false, message: `must be one of ${[...values].join(', ')}` };
    return { ok: true, value: s };
  }
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string'))
    return { ok: false, message: 'must be a list of options' };
  const unknown = (list as string[]).filter((v) => !values.has(v));
  if (unknown.length) return { ok: false, message: `${unknown.join(', ')} is not an option` };
  // Keep the form's option order and drop repeats, so equal choices store equally.
  return { ok: true, value: [...values].filter((v) => (list as string[]).includes(v)) };
}

function coerceReference(raw: unknown): Coerced {
  if (typeof raw !== 'string' || !isUuid(raw.trim())) return { ok: false, message: 'must be an id (UUID)' };
  return { ok: true, value: raw.trim().toLowerCase() };
}

export function coerceAnswer(f: FormField, raw: unknown): Coerced {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return coerceText(f, raw);
    case 'number':
      return coerceNumber(f, raw);
    case 'date':
      return coerceDate(f, raw);
    case 'choice':
    case 'multi_choice':
      return coerceChoice(f, raw);
    case 'user':
    case 'ci':
      return coerceReference(raw);
  }
}

/**
 * Check a requester's answers: unknown keys are refused, each given answer is coerced to its
 * type, hidden fields are dropped (neither required nor stored), and visible required fields
 * must be answered. Errors are keyed `answers.<field>`.
 */
export function validateAnswers(fields: readonly FormField[], raw: Record<string, unknown>): AnswerCheck {
  const errors: FieldProblem[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(raw))
    if (!byKey.has(key)) errors.push({ field: `answers.${key}`, message: 'is not a field of this form' });
  const coerced: Answers = {};
  const invalid = new Map<string, string>();
  for (const f of fields) {
    const v = raw[f.key];
    if (isBlank(v)) continue;
    const c = coerceAnswer(f, v);
    if (c.ok) coerced[f.key] = c.value;
    else invalid.set(f.key, c.message);
  }
  const visible = visibleFields(fields, coerced);
  const values: Answers = {};
  const references: Reference[] = [];
  for (const f of fields) {
    if (!visible.has(f.key)) continue;
    const message = invalid.get(f.key);
    if (message) errors.push({ field: `answers.${f.key}`, message });
    else if (coerced[f.key] !== undefined) {
      values[f.key] = coerced[f.key]!;
      if (f.type === 'user' || f.type === 'ci')
        references.push({ field: f.key, kind: f.type, id: String(coerced[f.key]), classKey: f.classKey });
    } else if (f.required) errors.push({ field: `answers.${f.key}`, message: 'is required' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, values, references };
}

/** An answer as people read it: option labels instead of values, lists joined by commas. */
export function displayAnswer(f: FormField, v: AnswerValue): string {
  const labelOf = (x: string) => f.options?.find((o) => o.value === x)?.label ?? x;
  return Array.isArray(v) ? v.map(labelOf).join(', ') : f.options ? labelOf(String(v)) : String(v);
}

/** Answers as label/value lines, for the request's description and for approvers. */
export function describeAnswers(fields: readonly FormField[], values: Answers): string {
  return fields
    .filter((f) => values[f.key] !== undefined)
    .map((f) => `${f.label}: ${displayAnswer(f, values[f.key]!)}`)
    .join('\n');
}
