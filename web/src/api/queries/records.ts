/** What every record shares: activity stream, comments, attachments, watchers and links. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import type { ActivityItem, Attachment, Incident, LinkKind, RecordLink } from '../types.ts';
import { incidentKeys } from './incidents.ts';

export const recordKeys = {
  activity: (id: string) => ['records', id, 'activity'] as const,
  links: (id: string) => ['records', id, 'links'] as const,
};

export function useActivity(recordId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.activity(recordId ?? ''),
    queryFn: ({ signal }) => api.get<ActivityItem[]>(`/records/${recordId}/activity`, undefined, signal),
    enabled: !!recordId,
  });
}

/** After anything that changes a record's activity, refetch the record (version) and its stream. */
function useRefreshRecord(rec: Incident | undefined) {
  const qc = useQueryClient();
  return () => {
    if (!rec) return;
    void qc.invalidateQueries({ queryKey: ['records', rec.id] });
    void qc.invalidateQueries({ queryKey: incidentKeys.one(rec.number) });
    void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
  };
}

export function useAddComment(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: (input: { body: string; visibility: 'public' | 'internal' }) =>
      api.post<{ id: string }>(`/records/${rec?.id}/comments`, input),
    onSuccess: refresh,
  });
}

export function useUploadAttachment(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: (file: File) => api.upload<Attachment>(`/records/${rec?.id}/attachments`, file),
    onSuccess: refresh,
  });
}

export function useDeleteAttachment(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete<void>(`/attachments/${attachmentId}`),
    onSuccess: refresh,
  });
}

export function useSetWatching(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: ({ userId, watching }: { userId: string; watching: boolean }) =>
      watching
        ? api.put<string[]>(`/records/${rec?.id}/watchers/${userId}`)
        : api.delete<string[]>(`/records/${rec?.id}/watchers/${userId}`),
    onSuccess: refresh,
  });
}

export function useLinks(recordId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.links(recordId ?? ''),
    queryFn: ({ signal }) => api.get<RecordLink[]>(`/records/${recordId}/links`, undefined, signal),
    enabled: !!recordId,
  });
}

export function useAddLink(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: (input: { target: string; kind: LinkKind }) =>
      api.post<RecordLink[]>(`/records/${rec?.id}/links`, input),
    onSuccess: refresh,
  });
}

export function useRemoveLink(rec: Incident | undefined) {
  const refresh = useRefreshRecord(rec);
  return useMutation({
    mutationFn: (linkId: string) => api.delete<RecordLink[]>(`/records/${rec?.id}/links/${linkId}`),
    onSuccess: refresh,
  });
}
