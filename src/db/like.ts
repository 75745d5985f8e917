/** Searching text columns for what a user typed, the wildcards of LIKE taken literally. */
import { type Column, ilike, or, type SQL } from 'drizzle-orm';

/** An ILIKE pattern matching `text` anywhere in a value: `50%_off` finds "50%_off", not "50 x off". */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Any of the columns contains `text`, ignoring case. */
export function anyContains(text: string, columns: (Column | SQL)[]): SQL {
  const pattern = containing(text);
  return or(...columns.map((c) => ilike(c, pattern)))!;
}
