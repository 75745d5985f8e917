/** What every importer (CIs, relationships, assets) shares: row outcomes and the batch context. */
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import {
  IMPORT_TYPES,
  type ImportType,
  IMPORT_OUTCOMES as OUTCOMES,
  type ImportOutcome as Outcome,
} from '../../../domain/cmdb/vocabulary.ts';
import type { ClassModel } from '../model.ts';
import type { ImportRow } from './rows.ts';

export { IMPORT_TYPES, type ImportType, OUTCOMES, type Outcome };

export type RowOutcome = { row: number; outcome: Outcome; targetId: string | null; message: string | null };

export type Batch = {
  ctx: AppContext;
  tx: Db;
  model: ClassModel;
  dryRun: boolean;
  actorId: string | null;
  at: Date;
  /**
   * Identity keys of the rows before this batch in the file, with their row: a later row for the
   * same item is rejected as a duplicate, in a dry run exactly as in a real one.
   */
  seen: Map<string, number>;
};

export type Importer = {
  /** Reconcile a batch of rows with the database, writing nothing on a dry run. */
  reconcile(batch: Batch, rows: ImportRow[]): Promise<RowOutcome[]>;
  /** Record the identity keys of rows already processed (when resuming an interrupted import). */
  remember(model: ClassModel, rows: ImportRow[], seen: Map<string, number>): void;
};

export const rejected = (row: number, message: string): RowOutcome => ({
  row,
  outcome: 'rejected',
  targetId: null,
  message,
});

/**
 * Claim the row's keys in `seen`; if one was claimed by an earlier row, the message saying so.
 * Keys are claimed only when none clashes, so a rejected row does not shadow later ones.
 */
export function claimKeys(
  seen: Map<string, number>,
  row: number,
  keys: string[],
  what: string,
): string | null {
  for (const k of keys) {
    const first = seen.get(k);
    if (first !== undefined && first !== row) return `the same ${what} as row ${first} of this file`;
  }
  for (const k of keys) seen.set(k, row);
  return null;
}
