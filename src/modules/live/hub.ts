/**
 * Live updates: every change to a record or a new comment is announced on the `steward_live`
 * channel: database triggers write it to an outbox (so every writer is covered, and nothing is
 * announced before its transaction commits), the notice relay (src/db/notice-outbox.ts) sends it
 * by NOTIFY, and each instance's hub passes what it hears to the browsers connected to it. The hub
 * follows the same listening connection as the caches: when that connection drops or comes back,
 * every browser is told to refetch (`resync`), because announcements may have been missed in
 * between.
 */
import type { InvalidatedCache } from '../../db/changes.ts';

export const LIVE_CHANNEL = 'steward_live';

export type LiveEvent =
  | RecordLiveEvent
  /** A new in-app notification for one person (their bell refreshes). */
  | { kind: 'notification'; userId: string };

export type RecordLiveEvent = {
  kind: 'record' | 'comment';
  recordId: string;
  type: string;
  number: string;
  version: number | null;
  requesterId: string | null;
  internal: boolean;
};

export type LiveListener = (event: LiveEvent | 'resync') => void;

/** The payload the triggers send (short keys: NOTIFY payloads are capped at 8,000 bytes). */
export function parseLivePayload(payload: string): LiveEvent | undefined {
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    if (p.k === 'notification')
      return typeof p.u === 'string' ? { kind: 'notification', userId: p.u } : undefined;
    if ((p.k !== 'record' && p.k !== 'comment') || typeof p.r !== 'string' || typeof p.n !== 'string') return;
    return {
      kind: p.k,
      recordId: p.r,
      type: typeof p.t === 'string' ? p.t : '',
      number: p.n,
      version: typeof p.v === 'number' ? p.v : null,
      requesterId: typeof p.q === 'string' ? p.q : null,
      internal: p.i === true,
    };
  } catch {
    return undefined;
  }
}

export class LiveHub implements InvalidatedCache {
  enabled = false;
  private readonly listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  invalidate(payload: string): void {
    const event = parseLivePayload(payload);
    if (event) for (const l of this.listeners) l(event);
  }

  clear(): void {
    for (const l of this.listeners) l('resync');
  }
}
