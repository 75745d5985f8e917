/** The change schedule's API: windows (a kit resource), the calendar over a range, conflict checks and the feed token. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarAnswer,
  ConflictView,
  FeedTokenCreated,
  FeedTokenStatus,
  WindowInput,
  WindowView,
} from '../../../../src/contracts/change-schedule.ts';
import { api } from '../../api/client.ts';
import { defineResource } from '../../api/resource.ts';

export type {
  CalendarAnswer,
  CalendarEntry,
  ConflictView,
  WindowInput,
  WindowView,
} from '../../../../src/contracts/change-schedule.ts';
export { WINDOW_KINDS, type WindowKind } from '../../../../src/domain/changes/kinds.ts';

export const windows = defineResource<WindowView, WindowInput, { kind?: string; q?: string; limit?: number }>(
  {
    key: ['change-windows'],
    path: '/change-windows',
    alsoInvalidate: [['change-calendar']],
  },
);

export type CalendarFilters = {
  from: string;
  to: string;
  serviceId?: string;
  ciId?: string;
  groupId?: string;
};

export function useChangeCalendar(q: CalendarFilters) {
  return useQuery({
    queryKey: ['change-calendar', q],
    queryFn: ({ signal }) => api.get<CalendarAnswer>('/change-calendar', q, signal),
    placeholderData: (prev) => prev,
  });
}

export function useConflictCheck() {
  return useMutation({
    mutationFn: (input: { start: string; end: string; ciIds: string[]; serviceIds: string[] }) =>
      api.post<{ conflicts: ConflictView[] }>('/change-calendar/conflicts', input),
  });
}

export function useFeedToken() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['change-calendar-feed'],
    queryFn: ({ signal }) => api.get<FeedTokenStatus>('/change-calendar/feed-token', undefined, signal),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['change-calendar-feed'] });
  const create = useMutation({
    mutationFn: () => api.post<FeedTokenCreated>('/change-calendar/feed-token', undefined),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => api.delete<void>('/change-calendar/feed-token'),
    onSuccess: () => {
      create.reset();
      refresh();
    },
  });
  return { status, create, revoke };
}
