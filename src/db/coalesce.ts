/**
 * Write coalescing: while fewer than `lanes` statements of a kind are in flight, each item is sent
 * on its own at once (a lone request waits for nothing); items that arrive while every lane is
 * busy wait for the next free lane and go together, as one statement for up to `maxBatch` of
 * them. Under concurrency the database then parses, plans, fires statement triggers and commits
 * once for many rows. When a batch fails, each of its items is sent again on its own, so one bad
 * item fails alone and the others are written as if they had never been grouped.
 */
export type CoalescerOptions<I, O> = {
  /** How many statements may be in flight at once. */
  lanes: number;
  /** The most items one statement carries. */
  maxBatch: number;
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

  const drain = () => {
    while (stats.inFlight < opts.lanes && waiting.size > 0) {
      const [key, queue] = waiting.entries().next().value as [string, Waiting<I, O>[]];
      const group = queue.splice(0, opts.maxBatch);
      // Keys take turns: what is left of this one waits behind the others.
      waiting.delete(key);
      if (queue.length > 0) waiting.set(key, queue);
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
