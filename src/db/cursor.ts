/**
 * Opaque keyset cursors: the sort value and id of the last row of a page, base64url JSON.
 * A cursor comes back from the client, so it is checked like any input: the list says what
 * kind of value each position holds, and a forged or replayed cursor (one from another sort)
 * answers 400 instead of reaching the database.
 */
import { AppError } from '../errors.ts';
import { isUuid } from './rows.ts';

export type CursorValue = string | number | null;

/** What one position of a cursor holds. */
export type CursorKind = 'text' | 'int' | 'timestamp' | 'uuid';

/** What a keyset-paged list is asked for: where to go on from (none: the start) and how many. */
export type PageRequest = { cursor?: string | undefined; limit: number };

/** ISO 8601 instants as toISOString writes them, within the years PostgreSQL and JS share. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function fits(v: CursorValue, kind: CursorKind): boolean {
  switch (kind) {
    case 'text':
      return (
        v === null || (typeof v === 'string' && v.length <= 500 && !v.includes('\u0000') && v.isWellFormed())
      );
    case 'int':
      return v === null || (typeof v === 'number' && Number.isSafeInteger(v));
    case 'timestamp':
      return (
        v === null ||
        v === 'infinity' ||
        (typeof v === 'string' &&
          INSTANT.test(v) &&
          Number.isFinite(Date.parse(v)) &&
          Number(v.slice(0, 4)) >= 1)
      );
    case 'uuid':
      return typeof v === 'string' && isUuid(v);
  }
}

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Kinds checked when a caller gives only the arity: any value, then the row id. */
function looseKinds(arity: number): (CursorKind | 'any')[] {
  return Array.from({ length: arity }, (_, i) => (arity >= 2 && i === arity - 1 ? 'uuid' : 'any'));
}

function valueFits(x: unknown, kind: CursorKind | 'any'): boolean {
  if (kind !== 'any') return fits(x as CursorValue, kind);
  if (typeof x === 'string') return fits(x, 'text');
  return x === null || (typeof x === 'number' && Number.isFinite(x));
}

/**
 * The values of a cursor. `shape` is either the kinds of its positions or, for the usual
 * "sort value, then row id" cursors, just their number (the last position is then a UUID).
 */
export function decodeCursor(cursor: string, shape: number | readonly CursorKind[]): CursorValue[] {
  const kinds = typeof shape === 'number' ? looseKinds(shape) : shape;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === kinds.length && v.every((x, i) => valueFits(x, kinds[i]!))) {
      return v as CursorValue[];
    }
  } catch {
    // fall through to the readable error below
  }
  throw new AppError(
    'request.invalid',
    'The cursor is not valid; use the nextCursor value from the previous page.',
    [{ field: 'query.cursor', message: 'not a cursor returned by this list' }],
  );
}

/**
 * One page of a keyset list read with `limit + 1` rows: the first `limit` rows, and the cursor
 * after the last of them (its values from `cursorOf`) when there were more, else null.
 */
export function keysetPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => CursorValue[],
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
