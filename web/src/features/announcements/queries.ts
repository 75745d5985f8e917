/** Announcements: those meant for me now, and the management list. */
import { useQuery } from '@tanstack/react-query';
import type {
  AnnouncementCreate,
  AnnouncementPatch,
  AnnouncementView,
} from '../../../../src/contracts/announcements.ts';
import { api } from '../../api/client.ts';
import { defineResource } from '../../api/resource.ts';
import { useRefreshingWrite } from '../../api/writes.ts';

export type { AnnouncementView };

export const announcements = defineResource<
  AnnouncementView,
  AnnouncementCreate | AnnouncementPatch,
  { when?: string }
>({
  key: ['announcements'],
  path: '/announcements',
});

export function useCurrentAnnouncements() {
  return useQuery({
    queryKey: ['announcements', 'current'],
    queryFn: ({ signal }) =>
      api.get<{ items: AnnouncementView[] }>('/announcements/current', undefined, signal),
    staleTime: 60_000,
  });
}

export function useDismissAnnouncement() {
  return useRefreshingWrite(
    (id: string) => api.post<void>(`/announcements/${id}/dismiss`),
    ['announcements', 'current'],
  );
}
