/** Time tracking: a record's time entries, the signed-in person's timer, the time report. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CurrentTimer,
  RecordTime,
  TimeEntryCreateInput,
  TimeEntryPatchInput,
  TimeEntryView,
  TimeReport,
  TimerStarted,
} from '../../../../src/contracts/time-tracking.ts';
import { api, type Query } from '../client.ts';

export type { CurrentTimer, RecordTime, TimeEntryView, TimeReport };

export const timeKeys = {
  record: (recordId: string) => ['time', 'record', recordId] as const,
  timer: ['time', 'timer'] as const,
  report: (q: Query) => ['time', 'report', q] as const,
};

export function useRecordTime(recordId: string) {
  return useQuery({
    queryKey: timeKeys.record(recordId),
    queryFn: ({ signal }) => api.get<RecordTime>(`/records/${recordId}/time`, undefined, signal),
  });
}

/** The running timer; polled now and then so a timer started in another tab shows here too. */
export function useCurrentTimer(enabled = true) {
  return useQuery({
    queryKey: timeKeys.timer,
    queryFn: ({ signal }) => api.get<CurrentTimer>('/time/timer', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

/** After any change of time: the record lists and the timer reload. */
function useRefreshTime() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['time'] });
  };
}

export function useLogTime(recordId: string) {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (input: TimeEntryCreateInput) => api.post<TimeEntryView>(`/records/${recordId}/time`, input),
    onSuccess: refresh,
  });
}

export function useUpdateTimeEntry() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: ({ entry, patch }: { entry: TimeEntryView; patch: TimeEntryPatchInput }) =>
      api.patch<TimeEntryView>(`/time/entries/${entry.id}`, patch, entry.version),
    onSuccess: refresh,
  });
}

export function useDeleteTimeEntry() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (entry: TimeEntryView) => api.delete<void>(`/time/entries/${entry.id}`),
    onSuccess: refresh,
  });
}

export function useStartTimer() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (input: { record: string; billable?: boolean; note?: string }) =>
      api.post<TimerStarted>('/time/timer', input),
    onSuccess: refresh,
  });
}

export function useStopTimer() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: () => api.post<TimeEntryView>('/time/timer/stop'),
    onSuccess: refresh,
  });
}

export function useDiscardTimer() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: () => api.delete<void>('/time/timer'),
    onSuccess: refresh,
  });
}

export function useTimeReport(query: Query) {
  return useQuery({
    queryKey: timeKeys.report(query),
    queryFn: ({ signal }) => api.get<TimeReport>('/time/report', query, signal),
    placeholderData: (prev) => prev,
  });
}
