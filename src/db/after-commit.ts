/**
 * Work to do once the surrounding transaction has committed: dropping a cached value again, so a
 * read that ran between the change and its commit (and cached what it saw before the commit)
 * cannot outlive the commit on this instance. Every `db.transaction(…)` of a database opened by
 * `openDatabase` carries its own list; savepoints (`tx.transaction`) share their outer list.
 * Outside a transaction, or once the list has run, the work runs at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';

type Pending = { work: Array<() => void>; done: boolean };
const current = new AsyncLocalStorage<Pending>();

/** Run `fn` after the current transaction commits (never if it rolls back), or now outside one. */
export function afterCommit(fn: () => void): void {
  const pending = current.getStore();
  if (pending && !pending.done) pending.work.push(fn);
  else fn();
}

/**
 * Give `db.transaction` its after-commit list; `committed` listeners are told after every commit
 * (the notice relay wakes up on it).
 */
export function withAfterCommit(db: Db, committed?: ReadonlySet<() => void>): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (...args: Parameters<Db['transaction']>) => {
    const pending: Pending = { work: [], done: false };
    try {
      const result = await current.run(pending, () => transaction(...args));
      pending.done = true;
      for (const fn of pending.work) fn();
      if (committed) for (const fn of committed) fn();
      return result;
    } finally {
      pending.done = true;
    }
  }) as Db['transaction'];
  return db;
}
