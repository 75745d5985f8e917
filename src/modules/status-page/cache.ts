/**
 * The public page's answer, computed once and served from memory: the JSON text with its ETag.
 * Every instance drops it when a change is published (LISTEN/NOTIFY through the config cache:
 * status updates, overrides, published services, settings, major incidents, incident changes,
 * status sources) and recomputes it at most every REFRESH_MS anyway, so time-driven changes
 * (maintenance starting) and CMDB edits show within that bound.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { PublicStatus } from '../../contracts/status-page.ts';
import { computeStatusPage, type StatusChange } from './compute.ts';
import { STATUS_CACHE_KEY } from './sources.ts';

export const REFRESH_MS = 30_000;
const KEY = `${STATUS_CACHE_KEY}public`;

export type CachedPage = {
  enabled: boolean;
  page: PublicStatus | null;
  json: string;
  etag: string;
  at: number;
};

/** Called with the status changes a recomputation recorded (subscriber mail). */
let onChanges: (ctx: AppContext, changes: StatusChange[]) => Promise<void> = async () => undefined;
export function onStatusChanges(fn: typeof onChanges): void {
  onChanges = fn;
}

export async function recompute(ctx: AppContext): Promise<CachedPage> {
  const { page, changes } = await computeStatusPage(ctx);
  if (changes.length)
    await onChanges(ctx, changes).catch((err) => ctx.log.error({ err }, 'status change mail failed'));
  const { generatedAt: _, ...stable } = page;
  const json = JSON.stringify(page);
  // The ETag ignores when the answer was computed: the same page recomputed stays 304.
  const etag = `"${createHash('sha1').update(JSON.stringify(stable)).digest('base64url')}"`;
  return { enabled: true, page, json, etag, at: Date.now() };
}

const disabled = (): CachedPage => ({ enabled: false, page: null, json: '', etag: '', at: Date.now() });

const inflight = new WeakMap<AppContext, Promise<CachedPage>>();

/** The page as it is now, from the cache when fresh. */
export async function cachedStatusPage(
  ctx: AppContext,
  isEnabled: () => Promise<boolean>,
): Promise<CachedPage> {
  // One computation at a time per instance: a burst of misses waits for the same one.
  const load = () => {
    let p = inflight.get(ctx);
    if (!p) {
      p = (async () => ((await isEnabled()) ? recompute(ctx) : disabled()))().finally(() =>
        inflight.delete(ctx),
      );
      inflight.set(ctx, p);
    }
    return p;
  };
  const hit = await ctx.configCache.get(KEY, load);
  if (Date.now() - hit.at < REFRESH_MS) return hit;
  ctx.configCache.invalidate(KEY);
  return ctx.configCache.get(KEY, load);
}

/** Drop this instance's copy at once (the NOTIFY of the change drops the others'). */
export function dropStatusPage(ctx: AppContext): void {
  ctx.configCache.invalidate(STATUS_CACHE_KEY);
}
