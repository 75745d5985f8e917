/**
 * Write coalescing: an item that finds no statement of its kind in flight is sent on its own at
 * once (a lone request waits for nothing). Items that arrive while one is in flight wait for a free
 * lane and go together, as one statement for up to `maxBatch` of them; a lane beside a statement
 * in flight takes a group only once it holds `minBatchBeside` items (default 1: at once), so a
 * second statement does not cost the database a statement's overhead for a few rows that could
 * have waited. Under concurrency the database then parses, plans, fires statement triggers and
 * commits once for many rows. When a batch fails, each of its items is sent again on its own, so
 * one bad item fails alone and the others are written as if they had never been grouped.
 */
export type CoalescerOptions<I, O> = {
  /** How many statements may be in flight at once. */
  lanes: number;
  /** The most items one statement carries. */
  maxBatch: number;
  /** The fewest items a statement sent beside another in flight carries (default 1). */
  minBatchBeside?: number;
  /** Items that may go in one statement share a key (e.g. the record type). */
  key: (item: I) => string;
  /** Send one item on its own. */
  one: (item: I) => Promise<O>;
  /** Send several items (same key) as one statement; the answers in the items' order. */
  many: (items: I[]) => Promise<O[]>;
};

type Waiting<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

export type Coalescer<I, O> = {
  send(item: I): Promise<O>;
  /** Statements in flight now, and how many batches (of two or more) have been sent. */
  readonly stats: { inFlight: number; batches: number; batchedItems: number };
};

export function coalescer<I, O>(opts: CoalescerOptions<I, O>): Coalescer<I, O> {
  const waiting = new Map<string, Waiting<I, O>[]>();
  const stats = { inFlight: 0, batches: 0, batchedItems: 0 };

  const settleAlone = (w: Waiting<I, O>) => opts.one(w.item).then(w.resolve, w.reject);

  const run = async (group: Waiting<I, O>[]) => {
    stats.inFlight++;
    try {
      if (group.length === 1) {
        await settleAlone(group[0]!);
        return;
      }
      stats.batches++;
      stats.batchedItems += group.length;
      let answers: O[];
      try {
        answers = await opts.many(group.map((w) => w.item));
      } catch {
        // Nothing of the batch was written (one statement): each item again, on its own.
        await Promise.all(group.map(settleAlone));
        return;
      }
      for (const [i, w] of group.entries()) w.resolve(answers[i]!);
    } finally {
      stats.inFlight--;
      drain();
    }
  };

  /** The next group to send now, the longest-waiting key first; none if every lane should wait. */
  const nextGroup = (): Waiting<I, O>[] | undefined => {
    const least = stats.inFlight === 0 ? 1 : (opts.minBatchBeside ?? 1);
    for (const [key, queue] of waiting) {
      if (queue.length < least) continue;
      const group = queue.splice(0, opts.maxBatch);
      // Keys take turns: what is left of this one waits behind the others.
      waiting.delete(key);
      if (queue.length > 0) waiting.set(key, queue);
      return group;
    }
    return undefined;
  };

  const drain = () => {
    while (stats.inFlight < opts.lanes) {
      const group = nextGroup();
      if (!group) return;
      void run(group);
    }
  };

  return {
    stats,
    send(item) {
      return new Promise<O>((resolve, reject) => {
        const key = opts.key(item);
        const queue = waiting.get(key);
        if (queue) queue.push({ item, resolve, reject });
        else waiting.set(key, [{ item, resolve, reject }]);
        drain();
      });
    },
  };
}
