/**
 * What a form sends: on create the whole body, on edit only the fields whose value differs from the
 * body of the draft the edit started from (so history records exactly what a person changed).
 */
import { problemFields } from '../../lib/problemFields.ts';

const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields of `next` that differ from `base` (arrays and objects compared by value). Fields named
 * in `merge` are maps the server merges key by key (a CI's attributes): only their changed keys go,
 * a removed key as null.
 */
export function minimalPatch<B extends object>(
  next: B,
  base: B,
  merge: readonly (keyof B)[] = [],
): Partial<B> {
  const out: Partial<B> = {};
  for (const key of Object.keys(next) as (keyof B)[]) {
    const a = next[key];
    const b = base[key];
    if (merge.includes(key) && isMap(a) && isMap(b)) {
      const changed = Object.fromEntries(
        [...new Set([...Object.keys(a), ...Object.keys(b)])]
          .filter((k) => !same(a[k] ?? null, b[k] ?? null))
          .map((k) => [k, a[k] ?? null]),
      );
      if (Object.keys(changed).length > 0) out[key] = changed as B[keyof B];
    } else if (!same(a, b)) out[key] = a;
  }
  return out;
}

export type FieldErrors = Record<string, string>;

/**
 * The per-field errors of an RFC 9457 problem: `body.attributes.hostname` lands on
 * `attributes.hostname` and, when nothing else claims it, on `attributes` too.
 */
export function problemFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const { field, message } of problemFields(err)) {
    out[field] ??= message;
    out[field.split('.')[0] ?? field] ??= message;
  }
  return out;
}

/** Text the API stores as null when blank. */
export const textOrNull = (s: string): string | null => s.trim() || null;

/** A number input's value as number | null (Mantine gives '' when cleared). */
export const numberOrNull = (v: string | number): number | null =>
  v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v);
