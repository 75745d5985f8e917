/** Time tracking: a record's time entries, the signed-in person's timer, the time report. */
import { useQuery } from '@tanstack/react-query';
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
import { useRefreshingWrite } from '../writes.ts';

export type { CurrentTimer, RecordTime, TimeEntryView, TimeReport };

export const timeKeys = {
  record: (recordId: string) => ['time', 'record', recordId] as const,
  timer: ['time', 'timer'] as const,
  report: (q: Query) => ['time', 'report', q] as const,
};

export function useRecordTime(recordId: string, enabled = true) {
  return useQuery({
    enabled,
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

/** Every time query: after any change of time the record lists, the timer and the report reload. */
const TIME = ['time'] as const;

export const useLogTime = (recordId: string) =>
  useRefreshingWrite(
    (input: TimeEntryCreateInput) => api.post<TimeEntryView>(`/records/${recordId}/time`, input),
    TIME,
  );

export const useUpdateTimeEntry = () =>
  useRefreshingWrite(
    ({ entry, patch }: { entry: TimeEntryView; patch: TimeEntryPatchInput }) =>
      api.patch<TimeEntryView>(`/time/entries/${entry.id}`, patch, entry.version),
    TIME,
  );

export const useDeleteTimeEntry = () =>
  useRefreshingWrite((entry: TimeEntryView) => api.delete<void>(`/time/entries/${entry.id}`), TIME);

export const useStartTimer = () =>
  useRefreshingWrite(
    (input: { record: string; billable?: boolean; note?: string }) =>
      api.post<TimerStarted>('/time/timer', input),
    TIME,
  );

export const useStopTimer = () => useRefreshingWrite(() => api.post<TimeEntryView>('/time/timer/stop'), TIME);

export const useDiscardTimer = () => useRefreshingWrite(() => api.delete<void>('/time/timer'), TIME);

export function useTimeReport(query: Query) {
  return useQuery({
    queryKey: timeKeys.report(query),
    queryFn: ({ signal }) => api.get<TimeReport>('/time/report', query, signal),
    placeholderData: (prev) => prev,
  });
}
