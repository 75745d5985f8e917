/** Bulk edit and bulk transition of records: each item is checked and versioned on its own. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';

export type BulkPatch = {
  assigneeId?: string | null;
  groupId?: string | null;
  impact?: number;
  urgency?: number;
};

export type BulkInput = {
  type: 'incident' | 'problem' | 'change' | 'request' | 'request_task' | 'improvement';
  items: { id: string; version: number }[];
  patch?: BulkPatch;
  transition?: { to: string; comment?: string };
};

export type BulkResult =
  | { id: string; number: string | null; ok: true; version: number }
  | {
      id: string;
      number: string | null;
      ok: false;
      problem: { code: string; status: number; detail: string };
    };

export function useBulkRecords(cacheRoot: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<{ results: BulkResult[] }>('/records/bulk', input),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [cacheRoot] });
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
