/** Incidents: the queue, one incident, create, edit, lifecycle transitions and form choices. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import type {
  Incident,
  IncidentInput,
  IncidentListQuery,
  IncidentOptions,
  Page,
  TransitionInput,
} from '../types.ts';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (q: IncidentListQuery) => ['incidents', 'list', q] as const,
  one: (ref: string) => ['incidents', 'one', ref.toUpperCase()] as const,
  options: ['incidents', 'options'] as const,
};

export function useIncidentList(query: IncidentListQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Incident>>('/incidents', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useIncident(ref: string | undefined) {
  return useQuery({
    queryKey: incidentKeys.one(ref ?? ''),
    queryFn: ({ signal }) =>
      api.get<Incident>(`/incidents/${encodeURIComponent(ref ?? '')}`, undefined, signal),
    enabled: !!ref,
  });
}

export function useIncidentOptions() {
  return useQuery({
    queryKey: incidentKeys.options,
    queryFn: () => api.get<IncidentOptions>('/incidents/meta/options'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Put a fresh copy of an incident in the cache under its number and id. */
function remember(qc: ReturnType<typeof useQueryClient>, rec: Incident) {
  qc.setQueryData(incidentKeys.one(rec.number), rec);
  qc.setQueryData(incidentKeys.one(rec.id), rec);
  void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
  void qc.invalidateQueries({ queryKey: ['records', rec.id] });
}

export function useCreateIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: IncidentInput) => api.post<Incident>('/incidents', input),
    onSuccess: (rec) => remember(qc, rec),
  });
}

/** Edit an incident; `version` is the one the edits were based on, sent as If-Match. */
export function useUpdateIncident(recordId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: IncidentInput; version: number }) =>
      api.patch<Incident>(`/incidents/${recordId}`, patch, version),
    onSuccess: (r) => remember(qc, r),
  });
}

export function useTransition(rec: Incident | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => {
      if (!rec) throw new Error('No incident loaded');
      return api.post<Incident>(`/incidents/${rec.id}/transitions`, input, rec.version);
    },
    onSuccess: (r) => remember(qc, r),
  });
}
