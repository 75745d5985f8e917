/** What every record shares: activity stream, comments, attachments, watchers and links. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import type { ActivityItem, Attachment, Incident, LinkKind, RecordLink } from '../types.ts';
import { useWriteThen } from '../writes.ts';
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

/** A write after which the record (version), its stream and the incident lists are fetched again. */
function useRecordWrite<V, T>(rec: Incident | undefined, write: (vars: V) => Promise<T>) {
  return useWriteThen(write, (qc) => {
    if (!rec) return;
    void qc.invalidateQueries({ queryKey: ['records', rec.id] });
    void qc.invalidateQueries({ queryKey: incidentKeys.one(rec.number) });
    void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
  });
}

export function useAddComment(rec: Incident | undefined) {
  return useRecordWrite(rec, (input: { body: string; visibility: 'public' | 'internal' }) =>
    api.post<{ id: string }>(`/records/${rec?.id}/comments`, input),
  );
}

export function useUploadAttachment(rec: Incident | undefined) {
  return useRecordWrite(rec, (file: File) => api.upload<Attachment>(`/records/${rec?.id}/attachments`, file));
}

export function useDeleteAttachment(rec: Incident | undefined) {
  return useRecordWrite(rec, (attachmentId: string) => api.delete<void>(`/attachments/${attachmentId}`));
}

export function useSetWatching(rec: Incident | undefined) {
  return useRecordWrite(rec, ({ userId, watching }: { userId: string; watching: boolean }) =>
    watching
      ? api.put<string[]>(`/records/${rec?.id}/watchers/${userId}`)
      : api.delete<string[]>(`/records/${rec?.id}/watchers/${userId}`),
  );
}

export function useLinks(recordId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.links(recordId ?? ''),
    queryFn: ({ signal }) => api.get<RecordLink[]>(`/records/${recordId}/links`, undefined, signal),
    enabled: !!recordId,
  });
}

export function useAddLink(rec: Incident | undefined) {
  return useRecordWrite(rec, (input: { target: string; kind: LinkKind }) =>
    api.post<RecordLink[]>(`/records/${rec?.id}/links`, input),
  );
}

export function useRemoveLink(rec: Incident | undefined) {
  return useRecordWrite(rec, (linkId: string) =>
    api.delete<RecordLink[]>(`/records/${rec?.id}/links/${linkId}`),
  );
}
