/**
 * Per-field errors of an RFC 9457 problem, for forms with lists: `intervals[3].start`,
 * `targets[0].responseMinutes`, `customerIds[1]` are kept whole and can be looked up by their
 * root (`intervals`) or their index (`intervals[3]`).
 */
import { problemFields } from '../../lib/problemFields.ts';

/** The first message per root field: `customerIds[1]` and `customerIds` both land on "customerIds". */
export function rootErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problemFields(err)) {
    const root = e.field.split(/[.[]/)[0] ?? e.field;
    if (!out[root]) out[root] = e.message;
  }
  return out;
}

/** Messages for one list element and its parts (`intervals[3]`, `intervals[3].start`). */
export function itemErrors(err: unknown, list: string, index: number): string[] {
  const at = `${list}[${index}]`;
  return problemFields(err)
    .filter((e) => e.field === at || e.field.startsWith(`${at}.`))
    .map((e) => e.message);
}

/** Messages for fields the form does not place anywhere, with a readable name for each. */
export function otherErrors(
  err: unknown,
  placed: readonly string[],
  names: Record<string, string> = {},
): string[] {
  return problemFields(err)
    .filter((e) => !placed.includes(e.field.split(/[.[]/)[0] ?? e.field))
    .map((e) => `${names[e.field] ?? e.field}: ${e.message}`);
}
