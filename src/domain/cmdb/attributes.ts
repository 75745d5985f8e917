/**
 * Validation and coercion of CI attribute values against a class's effective attribute definitions.
 * Accepts JSON values from the API and strings from CSV imports alike ('42' → 42 for an integer,
 * 'yes' → true for a boolean). Runs in Node and the browser: no Node-only APIs.
 * The coercion rules are documented in docs/cmdb-model.md.
 */

import { isoDate } from '../../shared/time.ts';
import type { AttributeDef } from './classes.ts';

export type AttributeValue = string | number | boolean | null;
export type FieldError = { field: string; message: string };
export type AttributeValidation = { values: Record<string, AttributeValue>; errors: FieldError[] };
export type ValidateOptions = {
  /**
   * Patch semantics: attributes absent from `values` are left out of the result and not checked for
   * being required. An explicit null (or empty string) still clears the attribute, so it is rejected
   * for a required attribute.
   */
  partial?: boolean;
};

export type Coercion = { ok: true; value: AttributeValue } | { ok: false; message: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_PATTERN = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const URL_PROTOCOLS = new Set(['http:', 'https:']);

/** A value as it should appear in a message: strings quoted (and shortened), others described. */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (Array.isArray(raw)) return 'a list';
  if (raw instanceof Date) return 'an invalid date';
  if (raw === null) return 'null';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}

/** Dotted-quad IPv4 with no leading zeros ("10.0.0.1", not "10.0.0.01"). */
export function isIPv4(s: string): boolean {
  return IPV4_PATTERN.test(s);
}

/** Group count of one side of an IPv6 "::", or null when malformed. */
function ipv6Groups(part: string, allowIPv4Tail: boolean): number | null {
  if (part === '') return 0;
  const groups = part.split(':');
  let count = 0;
  for (const [i, g] of groups.entries()) {
    if (allowIPv4Tail && i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return null;
      count += 2;
    } else if (HEX_GROUP.test(g)) count += 1;
    else return null;
  }
  return count;
}

/** IPv6 in full or "::"-compressed form, optionally ending in an IPv4 address; no zone ids. */
export function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length === 1) return ipv6Groups(s, true) === 8;
  if (halves.length !== 2) return false;
  const head = ipv6Groups(halves[0] ?? '', false);
  const tail = ipv6Groups(halves[1] ?? '', true);
  return head !== null && tail !== null && head + tail <= 7;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && NUMBER_PATTERN.test(raw.trim())) {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function coerceNumber(def: AttributeDef, raw: unknown): Coercion {
  const n = parseNumber(raw);
  const integer = def.type === 'integer';
  const kind = integer ? 'a whole number' : 'a number';
  if (n === null || (integer && !Number.isInteger(n))) {
    return { ok: false, message: `${def.key} must be ${kind}, got ${describeValue(raw)}` };
  }
  if (integer && !Number.isSafeInteger(n)) {
    return { ok: false, message: `${def.key} is too large to store exactly, got ${describeValue(raw)}` };
  }
  if (def.min !== undefined && n < def.min) {
    return { ok: false, message: `${def.key} must be at least ${def.min}, got ${n}` };
  }
  if (def.max !== undefined && n > def.max) {
    return { ok: false, message: `${def.key} must be at most ${def.max}, got ${n}` };
  }
  return { ok: true, value: n + 0 /* no -0 */ };
}

function coerceBoolean(def: AttributeDef, raw: unknown): Coercion {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const word =
    typeof raw === 'string' ? raw.trim().toLowerCase() : typeof raw === 'number' ? String(raw) : '';
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return {
    ok: false,
    message: `${def.key} must be true or false (yes/no, 1/0 and on/off also work), got ${describeValue(raw)}`,
  };
}

function coerceDate(def: AttributeDef, raw: unknown): Coercion {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    return { ok: true, value: isoDate(raw) };
  }
  const s = typeof raw === 'string' ? raw.trim() : '';
  const m = DATE_PATTERN.exec(s);
  if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { ok: true, value: s };
  return { ok: false, message: `${def.key} must be a date written YYYY-MM-DD, got ${describeValue(raw)}` };
}

function coerceDatetime(def: AttributeDef, raw: unknown): Coercion {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { ok: true, value: raw.toISOString() };
  const s = typeof raw === 'string' ? raw.trim() : '';
  const m = DATETIME_PATTERN.exec(s);
  const bad = { ok: false as const, message: `${def.key} must be a date and time in ISO 8601 form ` };
  if (!m) {
    return { ...bad, message: `${bad.message}(2024-05-01T14:30:00Z), got ${describeValue(raw)}` };
  }
  const [, y, mo, d, h, mi, sec = '00', frac = '', zone] = m;
  const valid =
    isValidDate(Number(y), Number(mo), Number(d)) && Number(h) < 24 && Number(mi) < 60 && Number(sec) < 60;
  if (!valid)
    return { ...bad, message: `${bad.message}with a real date and time, got ${describeValue(raw)}` };
  if (zone === undefined) {
    return { ...bad, message: `${bad.message}with a time zone (Z or +02:00), got ${describeValue(raw)}` };
  }
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const offsetOk = offset === 'Z' || (Number(offset.slice(1, 3)) < 24 && Number(offset.slice(4)) < 60);
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}${offset}`);
  if (!offsetOk || Number.isNaN(t)) {
    return { ...bad, message: `${bad.message}with a valid time zone, got ${describeValue(raw)}` };
  }
  return { ok: true, value: new Date(t).toISOString() };
}

function coerceEnum(def: AttributeDef, raw: unknown): Coercion {
  const allowed = def.allowedValues ?? [];
  const s = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : null;
  if (s !== null) {
    if (allowed.includes(s)) return { ok: true, value: s };
    const folded = allowed.filter((v) => v.toLowerCase() === s.toLowerCase());
    if (folded.length === 1 && folded[0] !== undefined) return { ok: true, value: folded[0] };
  }
  return { ok: false, message: `${def.key} must be one of ${allowed.join(', ')}, got ${describeValue(raw)}` };
}

function checkLength(def: AttributeDef, s: string): Coercion {
  const length = [...s].length;
  if (def.maxLength !== undefined && length > def.maxLength) {
    return { ok: false, message: `${def.key} must be at most ${def.maxLength} characters, got ${length}` };
  }
  return { ok: true, value: s };
}

/** Coerces one non-empty value to the attribute's type and checks its constraints. */
export function coerceAttribute(def: AttributeDef, raw: unknown): Coercion {
  switch (def.type) {
    case 'string':
    case 'text': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return checkLength(def, String(raw));
      if (typeof raw === 'boolean') return checkLength(def, String(raw));
      if (typeof raw !== 'string')
        return { ok: false, message: `${def.key} must be text, got ${describeValue(raw)}` };
      // Single-line strings lose surrounding whitespace (CSV padding); multi-line text is kept verbatim.
      return checkLength(def, def.type === 'string' ? raw.trim() : raw);
    }
    case 'integer':
    case 'number':
      return coerceNumber(def, raw);
    case 'boolean':
      return coerceBoolean(def, raw);
    case 'date':
      return coerceDate(def, raw);
    case 'datetime':
      return coerceDatetime(def, raw);
    case 'enum':
      return coerceEnum(def, raw);
    case 'ip': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      if (isIPv4(s)) return { ok: true, value: s };
      if (isIPv6(s)) return { ok: true, value: s.toLowerCase() };
      return { ok: false, message: `${def.key} must be an IPv4 or IPv6 address, got ${describeValue(raw)}` };
    }
    case 'url': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      const url = /\s/.test(s) ? null : URL.parse(s);
      if (!url || !URL_PROTOCOLS.has(url.protocol) || url.hostname === '') {
        return {
          ok: false,
          message: `${def.key} must be a web address starting with http:// or https://, got ${describeValue(raw)}`,
        };
      }
      return checkLength(def, s);
    }
    case 'reference': {
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0)
        return { ok: true, value: String(raw) };
      if (typeof raw === 'string' && raw.trim().length <= 200) return { ok: true, value: raw.trim() };
      return {
        ok: false,
        message: `${def.key} must be the id of a configuration item, got ${describeValue(raw)}`,
      };
    }
  }
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Validates `values` against the definitions. Empty strings count as "no value" (null), so blank
 * CSV cells clear an attribute. The result holds every valid coerced value (all defined attributes,
 * null when absent, unless `partial`) and one error per bad field, keyed `attributes.<key>`.
 */
export function validateAttributes(
  defs: readonly AttributeDef[],
  values: Record<string, unknown>,
  opts: ValidateOptions = {},
): AttributeValidation {
  const out = new Map<string, AttributeValue>();
  const errors: FieldError[] = [];
  const known = new Set<string>();

  for (const def of defs) {
    known.add(def.key);
    const present = Object.hasOwn(values, def.key) && values[def.key] !== undefined;
    if (!present && opts.partial) continue;
    const raw = present ? values[def.key] : undefined;
    const field = `attributes.${def.key}`;
    if (isEmpty(raw)) {
      if (def.required) errors.push({ field, message: `${def.key} is required` });
      else out.set(def.key, null);
      continue;
    }
    const result = coerceAttribute(def, raw);
    if (result.ok) out.set(def.key, result.value);
    else errors.push({ field, message: result.message });
  }

  for (const key of Object.keys(values)) {
    if (known.has(key) || values[key] === undefined) continue;
    errors.push({ field: `attributes.${key}`, message: `${key} is not an attribute of this class` });
  }
  return { values: Object.fromEntries(out), errors };
}
