/**
 * Live updates in the browser: one EventSource per tab on `/api/v1/live`. A change to a record (or
 * a new comment on it) refreshes every query that shows that record and the lists of its type; a
 * new notification refreshes the bell; a `resync` (the server may have missed announcements)
 * refreshes everything shown. Refreshes are gathered for a moment, so a burst costs one refetch.
 */
import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RECORD_LISTS } from '../kit/list/records.tsx';

export type LiveRecordMessage = { recordId: string; type: string; number: string };

/** The query-key roots of each record type's lists and of what follows its records. */
const LIST_ROOTS: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.values(RECORD_LISTS).map((k) => [k.type, [k.cacheRoot]])),
  request: [RECORD_LISTS.request.cacheRoot, 'approvals'],
};

/** Whether a cached query shows the record of `m` (by id or number) or lists records of its type. */
export function showsRecord(key: QueryKey, m: LiveRecordMessage): boolean {
  const number = m.number.toUpperCase();
  if (key.some((p) => p === m.recordId || (typeof p === 'string' && p.toUpperCase() === number))) return true;
  const roots = LIST_ROOTS[m.type] ?? [];
  return roots.includes(String(key[0])) && key[1] !== 'one' && key[1] !== 'options';
}

const GATHER_MS = 250;

function gatherer(qc: QueryClient) {
  let pending: LiveRecordMessage[] = [];
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (everything) void qc.invalidateQueries();
    else {
      const batch = pending;
      void qc.invalidateQueries({ predicate: (q) => batch.some((m) => showsRecord(q.queryKey, m)) });
    }
    pending = [];
    everything = false;
  };
  return {
    add(m: LiveRecordMessage | 'all') {
      if (m === 'all') everything = true;
      else pending.push(m);
      timer ??= setTimeout(flush, GATHER_MS);
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Follow the live stream while the signed-in shell is shown. */
export function useLiveUpdates(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const gather = gatherer(qc);
    const source = new EventSource('/api/v1/live');
    const onRecord = (ev: MessageEvent<string>) => {
      try {
        gather.add(JSON.parse(ev.data) as LiveRecordMessage);
      } catch {
        // a malformed event is ignored; the next one refreshes as usual
      }
    };
    source.addEventListener('record', onRecord);
    source.addEventListener('comment', onRecord);
    source.addEventListener('notification', () => {
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    });
    source.addEventListener('resync', () => gather.add('all'));
    return () => {
      gather.stop();
      source.close();
    };
  }, [qc]);
}
