/**
 * The calendar a record's nearest due instant counts in, for queue rows. Rows rendered together
 * ask together: their ids are gathered for one tick and fetched in one request (`GET /sla/due`),
 * so a queue of fifty rows costs one call, cached per record and due instant.
 */
import { useQuery } from '@tanstack/react-query';
import type { BusinessCalendar } from '../../../../src/domain/sla/calendar.ts';
import { api } from '../../api/client.ts';

export type NearestDue = { recordId: string; dueAt: string; calendar: BusinessCalendar & { id: string } };

const MAX_BATCH = 100;
let waiting = new Map<string, ((due: NearestDue | null) => void)[]>();
let scheduled = false;

async function flush(): Promise<void> {
  const batch = waiting;
  waiting = new Map();
  scheduled = false;
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX_BATCH) {
    const chunk = ids.slice(i, i + MAX_BATCH);
    let found = new Map<string, NearestDue>();
    try {
      const rows = await api.get<NearestDue[]>('/sla/due', { records: chunk.join(',') });
      found = new Map(rows.map((r) => [r.recordId, r]));
    } catch {
      // Without the calendar the row shows the due instant alone; the next render asks again.
    }
    for (const id of chunk) for (const resolve of batch.get(id) ?? []) resolve(found.get(id) ?? null);
  }
}

function load(recordId: string): Promise<NearestDue | null> {
  return new Promise((resolve) => {
    waiting.set(recordId, [...(waiting.get(recordId) ?? []), resolve]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}

/** The nearest due clock of the record, with its calendar; refetched when the due instant moves. */
export function useNearestDue(recordId: string, dueAt: string | null | undefined) {
  return useQuery({
    queryKey: ['records', recordId, 'sla', 'nearest', dueAt ?? null],
    queryFn: () => load(recordId),
    enabled: !!dueAt,
    staleTime: 5 * 60_000,
  });
}
