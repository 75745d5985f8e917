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

/** How an importer reads a row: parsed (or its outcome when it cannot be) and the keys of its item. */
export type RowReader<P extends { row: number }> = {
  parse(model: ClassModel, r: ImportRow): P | RowOutcome;
  keys(p: P): string[];
  /** A repeated item, in words: `${verb} the same ${what} as row …` ("Identifies", "CI"). */
  what: string;
  verb: string;
};

const isOutcome = (p: object): p is RowOutcome => 'outcome' in p;

/**
 * The rows of a batch that parse and name no item an earlier row of the file named; the
 * outcomes of the others (unreadable, or repeated) go to `out`.
 */
function readRows<P extends { row: number }>(
  batch: Batch,
  rows: ImportRow[],
  reader: RowReader<P>,
  out: Map<number, RowOutcome>,
): P[] {
  const read: P[] = [];
  for (const r of rows) {
    const p = reader.parse(batch.model, r);
    if (isOutcome(p)) out.set(r.row, p);
    else {
      const dupe = claimKeys(batch.seen, p.row, reader.keys(p), reader.what);
      if (dupe) out.set(p.row, rejected(p.row, `${reader.verb} ${dupe}.`));
      else read.push(p);
    }
  }
  return read;
}

/**
 * An importer from how it reads a row and how it reconciles the rows that read well: rows that
 * cannot be read or repeat an earlier item get their outcome before `reconcile` sees the rest.
 */
export function importerOf<P extends { row: number }>(
  reader: RowReader<P>,
  reconcile: (batch: Batch, read: P[], out: Map<number, RowOutcome>) => Promise<void>,
): Importer {
  return {
    async reconcile(batch, rows) {
      const out = new Map<number, RowOutcome>();
      await reconcile(batch, readRows(batch, rows, reader, out), out);
      return rows.map((r) => out.get(r.row)!);
    },
    remember(model, rows, seen) {
      for (const r of rows) {
        const p = reader.parse(model, r);
        if (!isOutcome(p)) claimKeys(seen, p.row, reader.keys(p), reader.what);
      }
    },
  };
}
