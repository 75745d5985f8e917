/**
 * Optimistic concurrency: every versioned row carries `version`, bumped on each write. A writer
 * that names the version it read (from If-Match) and finds another is refused with 412.
 */
import { AppError } from '../errors.ts';

/** `number` names the row in the message (a record number, a name, "Setting x"). */
export function assertVersion(row: { version: number; number?: string }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new AppError(
      'record.stale_version',
      `${row.number ?? 'This item'} was changed by someone else since you loaded it (now version ${row.version}, you had ${expected}). Reload to see the changes, then try again.`,
      [],
      { currentVersion: row.version },
    );
  }
}
