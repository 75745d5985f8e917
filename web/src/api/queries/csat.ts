/** Satisfaction surveys: a record's surveys, my pending ones, answering signed in or by the mailed link. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { CsatAnswerInput, CsatSurveyView, PublicSurveyView } from '../../../../src/contracts/csat.ts';
import { api } from '../client.ts';
import { useCachingWrite, useRefreshingWrite } from '../writes.ts';

export type { CsatAnswerInput, CsatSurveyView, PublicSurveyView };

const csatKeys = {
  all: ['csat'] as const,
  record: (id: string) => ['csat', 'record', id] as const,
  pending: ['csat', 'pending'] as const,
  link: (token: string) => ['csat', 'link', token] as const,
};

/** A record's surveys; the record's version in the key reads them again after each change (a resolution). */
export function useRecordSurveys(recordId: string | undefined, version?: number) {
  return useQuery({
    queryKey: [...csatKeys.record(recordId ?? ''), version ?? 0],
    queryFn: ({ signal }) =>
      api.get<{ items: CsatSurveyView[] }>(`/records/${recordId}/csat`, undefined, signal),
    select: (d) => d.items,
    enabled: !!recordId,
  });
}

export function usePendingSurveys() {
  return useQuery({
    queryKey: csatKeys.pending,
    queryFn: ({ signal }) => api.get<{ items: CsatSurveyView[] }>('/csat/pending', undefined, signal),
    select: (d) => d.items,
  });
}

export function useAnswerSurvey() {
  return useRefreshingWrite(
    ({ id, answer }: { id: string; answer: CsatAnswerInput }) =>
      api.post<{ survey: CsatSurveyView }>(`/csat/surveys/${encodeURIComponent(id)}/answer`, answer),
    csatKeys.all,
  );
}

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: csatKeys.link(token),
    queryFn: ({ signal }) =>
      api.get<PublicSurveyView>(`/public/surveys/${encodeURIComponent(token)}`, undefined, signal),
    enabled: token.length > 0,
    retry: false,
  });
}

export function useAnswerPublicSurvey(token: string) {
  return useMutation({
    mutationFn: (answer: CsatAnswerInput) =>
      api.post<{ status: 'answered' }>(`/public/surveys/${encodeURIComponent(token)}/answer`, answer),
  });
}

export type CsatSettings = { lowScoreThreshold: number; expiryDays: number; version: number };

export function useCsatSettings() {
  return useQuery({
    queryKey: ['csat', 'settings'],
    queryFn: ({ signal }) => api.get<CsatSettings>('/csat/settings', undefined, signal),
  });
}

export function useSaveCsatSettings() {
  return useCachingWrite(
    ({ version, ...input }: CsatSettings) => api.put<CsatSettings>('/csat/settings', input, version),
    ['csat', 'settings'],
  );
}
