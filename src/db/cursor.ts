/** Opaque keyset cursors: the sort value and id of the last row of a page, base64url JSON. */
import { AppError } from '../errors.ts';

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === arity &&
      v.every((x) => x === null || ['string', 'number'].includes(typeof x))
    ) {
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
