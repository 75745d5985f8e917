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
  // A weak ETag that ignores when the answer was computed: the same page recomputed stays 304.
  const etag = `W/"${createHash('sha1').update(JSON.stringify(stable)).digest('base64url')}"`;
  return { enabled: true, page, json, etag, at: Date.now() };
}

const disabled = (): CachedPage => ({ enabled: false, page: null, json: '', etag: '', at: Date.now() });

/**
 * What this instance has computed, with the token it was computed under. The token is an object
 * the config cache holds under the page's key: a change (NOTIFY) drops it and the next read
 * makes a new one, so a page computed under an old token is stale. With the listener down the
 * config cache holds nothing and every read recomputes.
 */
type Held = { page: CachedPage; token: object };
const held = new WeakMap<AppContext, Held>();
const inflight = new WeakMap<AppContext, Promise<Held>>();

function computeUnder(ctx: AppContext, token: object, isEnabled: () => Promise<boolean>): Promise<Held> {
  let p = inflight.get(ctx);
  if (!p) {
    // One computation at a time per instance: a burst of misses waits for the same one.
    p = (async () => {
      const page = (await isEnabled()) ? await recompute(ctx) : disabled();
      const h = { page, token };
      held.set(ctx, h);
      return h;
    })().finally(() => inflight.delete(ctx));
    inflight.set(ctx, p);
  }
  return p;
}

/**
 * The page as it is now. After a change, readers wait for the recomputation; when the page is
 * only old (REFRESH_MS), readers get it at once while it is recomputed in the background.
 */
export async function cachedStatusPage(
  ctx: AppContext,
  isEnabled: () => Promise<boolean>,
): Promise<CachedPage> {
  const token = await ctx.configCache.get(KEY, async () => ({}));
  const h = held.get(ctx);
  if (h?.token === token) {
    if (Date.now() - h.page.at >= REFRESH_MS && !inflight.has(ctx))
      computeUnder(ctx, token, isEnabled).catch((err) =>
        ctx.log.error({ err }, 'status page refresh failed'),
      );
    return h.page;
  }
  let fresh = await computeUnder(ctx, token, isEnabled);
  // A computation that started before this change is not enough: wait for one under the new token.
  if (fresh.token !== token) fresh = await computeUnder(ctx, token, isEnabled);
  return fresh.page;
}

/** Drop this instance's copy at once (the NOTIFY of the change drops the others'). */
export function dropStatusPage(ctx: AppContext): void {
  ctx.configCache.invalidate(STATUS_CACHE_KEY);
}
