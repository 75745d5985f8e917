/**
 * Status sources: other modules (changes, the change schedule) report work that affects services
 * — a change in progress, planned maintenance — without this module knowing them. A source lists
 * its items for a window; the status page asks every source on each recomputation.
 */
import type { AppContext } from '../../context.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceStatus } from '../../domain/status/derive.ts';

export type StatusSourceItem = {
  /** Unique within the source, e.g. a change number. */
  id: string;
  /** What the public reads: keep internal detail out. */
  title: string;
  /** Services the work is on; what depends on them is reached through the CMDB graph. */
  serviceIds?: readonly string[];
  /** Configuration items the work is on; the services they support are found through the graph. */
  ciIds?: readonly string[];
  start: Date;
  /** Null: open-ended. */
  end: Date | null;
  /** What the work does to the services while it runs (default: under maintenance). */
  impact?: Exclude<ServiceStatus, 'operational'>;
};

export type StatusSource = {
  /** A short unique key, e.g. `changes`. */
  key: string;
  /** The items that overlap [from, to): running now or planned within the window. */
  items(ctx: AppContext, window: { from: Date; to: Date }): Promise<StatusSourceItem[]>;
};

const sources = new Map<string, StatusSource>();

/** Register a source (registering the same key again replaces it). */
export function registerStatusSource(source: StatusSource): void {
  sources.set(source.key, source);
}

export function unregisterStatusSource(key: string): void {
  sources.delete(key);
}

export function statusSources(): StatusSource[] {
  return [...sources.values()];
}

/** Cache key prefix of everything the status page caches. */
export const STATUS_CACHE_KEY = 'status-page:';

/**
 * Tell every instance that what a source reports has changed: call it inside the transaction
 * that changes it. This instance drops its page at once, so the writer's next read is current
 * without waiting for the notice; every instance, this one too, drops it again when the change
 * commits, so a page recomputed in between is not kept.
 */
export async function statusSourceChanged(ctx: AppContext, tx: Db): Promise<void> {
  await configChanged(tx, ctx.configCache, STATUS_CACHE_KEY);
}
