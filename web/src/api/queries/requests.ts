/**
 * Service requests: the live catalog and its orderable items, ordering, requests with their
 * approvals and fulfilment tasks, the approvals inbox, and catalog item maintenance.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogItemView,
  PendingApproval,
  RequestPatch,
  RequestTaskView,
  RequestView,
} from '../../../../src/contracts/requests.ts';
import type { ApprovalPolicy } from '../../../../src/domain/requests/approval.ts';
import type { FormField } from '../../../../src/domain/requests/form.ts';
import { api } from '../client.ts';
import { usePagedList } from '../paged.ts';
import { recordQueries } from '../recordQueries.ts';
import type { Incident, IncidentListQuery, Page } from '../types.ts';
import { useWriteThen } from '../writes.ts';

export type { ApprovalPolicy, FormField };

export type TaskTemplate = { title: string; description?: string; groupId: string; order: number };

/** approvalPolicy and taskTemplates are null for everyone but catalog managers. */
export type CatalogItem = CatalogItemView;

export type CatalogItemInput = {
  serviceId?: string;
  name?: string;
  description?: string;
  category?: string | null;
  active?: boolean;
  form?: FormField[];
  approvalPolicy?: ApprovalPolicy | null;
  taskTemplates?: TaskTemplate[];
};

/** A live business service as the portal shows it. */
export type CatalogEntry = { id: string; name: string; description: string; category: string | null };

/** A service of the portfolio (staff), for choosing where an item is offered. */
export type ServiceSummary = { id: string; name: string; kind: string; lifecycleStatus: string };

/** Every record shares the incident's fields (state, people, transitions, allowed actions). */
export type RecordSummary = Incident;

export type ServiceRequest = RequestView;
export type ApprovalLevelView = RequestView['approval']['levels'][number];
export type RequestTaskLine = RequestView['tasks'][number];
export type RequestTask = RequestTaskView;
export type { PendingApproval };

export type RequestListQuery = Omit<IncidentListQuery, 'priority' | 'groupId'> & { groupId?: string[] };

export type CatalogItemQuery = { q?: string; serviceId?: string; includeInactive?: boolean };

const requests = recordQueries<ServiceRequest>({
  root: 'requests',
  path: '/requests',
  alsoInvalidate: [['approvals', 'pending'], ['request-tasks']],
});

export const requestKeys = {
  items: (q: CatalogItemQuery) => ['catalog-items', 'list', q] as const,
  item: (id: string) => ['catalog-items', 'one', id] as const,
  entries: (q: string) => ['catalog', 'entries', q] as const,
  list: (q: RequestListQuery) => requests.keys.list(q),
  one: requests.keys.one,
  tasks: (q: RequestListQuery) => ['request-tasks', 'list', q] as const,
  task: (ref: string) => ['request-tasks', 'one', ref.toUpperCase()] as const,
  approvals: ['approvals', 'pending'] as const,
};

// ---- Catalog -------------------------------------------------------------------------------

/** The live business services (every signed-in person). */
export function useCatalogEntries(q: string) {
  return useQuery({
    queryKey: requestKeys.entries(q),
    queryFn: ({ signal }) =>
      api.get<Page<CatalogEntry>>('/catalog', { q: q || undefined, limit: 100 }, signal),
    placeholderData: (prev) => prev,
  });
}

export function useCatalogItems(query: CatalogItemQuery) {
  return useQuery({
    queryKey: requestKeys.items(query),
    queryFn: ({ signal }) =>
      api.get<{ items: CatalogItem[] }>(
        '/catalog/items',
        { ...query, includeInactive: query.includeInactive ? 'true' : undefined },
        signal,
      ),
    placeholderData: (prev) => prev,
  });
}

export function useCatalogItem(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.item(id ?? ''),
    queryFn: ({ signal }) => api.get<CatalogItem>(`/catalog/items/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Services of the portfolio an item may be offered under (staff). */
export function useServices(enabled = true) {
  return useQuery({
    queryKey: ['services', 'for-catalog'],
    queryFn: ({ signal }) =>
      api.get<Page<ServiceSummary>>('/services', { lifecycleStatus: 'pipeline,live', limit: 200 }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveCatalogItem(item: CatalogItem | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CatalogItemInput) => api.save<CatalogItem>(item, '/catalog/items', input),
    onSuccess: (saved) => {
      qc.setQueryData(requestKeys.item(saved.id), saved);
      void qc.invalidateQueries({ queryKey: ['catalog-items', 'list'] });
    },
  });
}

// ---- Requests ------------------------------------------------------------------------------

export const useOrderRequest = () =>
  requests.useCreate<{ catalogItemId: string; answers: Record<string, unknown>; requesterId?: string }>();

export function useRequestList(query: RequestListQuery, enabled = true) {
  return requests.useList<RecordSummary>(query, enabled);
}

/** One request; the live stream refreshes it when approvals or tasks move it on. */
export const useRequest = requests.useOne;

export function useRequestTransition(rec: ServiceRequest | undefined) {
  return requests.useWrite(
    (input: { to: string; comment?: string; commentVisibility?: 'public' | 'internal' }) => {
      if (!rec) throw new Error('No request loaded');
      return api.post<ServiceRequest>(`/requests/${rec.id}/transitions`, input, rec.version);
    },
  );
}

export type { RequestPatch };

export function useUpdateRequest(rec: ServiceRequest | undefined) {
  return requests.useWrite((patch: RequestPatch) => {
    if (!rec) throw new Error('No request loaded');
    return api.patch<ServiceRequest>(`/requests/${rec.id}`, patch, rec.version);
  });
}

// ---- Approvals -----------------------------------------------------------------------------

export function usePendingApprovals() {
  return useQuery({
    queryKey: requestKeys.approvals,
    queryFn: ({ signal }) => api.get<{ items: PendingApproval[] }>('/approvals', { mine: 'pending' }, signal),
  });
}

export function useDecideApproval() {
  return requests.useWrite(
    (input: { requestId: string; decision: 'approve' | 'reject'; reason?: string; level?: number }) =>
      api.post<ServiceRequest>(`/requests/${input.requestId}/approval`, {
        decision: input.decision,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.level ? { level: input.level } : {}),
      }),
  );
}

// ---- Fulfilment tasks ----------------------------------------------------------------------

export function useRequestTaskList(query: RequestListQuery, enabled = true) {
  return usePagedList<RecordSummary>(requestKeys.tasks(query), '/request-tasks', query, enabled);
}

export function useRequestTask(ref: string | undefined) {
  return useQuery({
    queryKey: requestKeys.task(ref ?? ''),
    queryFn: ({ signal }) =>
      api.get<RequestTask>(`/request-tasks/${encodeURIComponent(ref ?? '')}`, undefined, signal),
    enabled: !!ref,
  });
}

/** A write to the loaded task; after it the task and its request (state, task lines) are fetched again. */
function useTaskWrite<V>(
  task: RequestTask | undefined,
  write: (task: RequestTask, vars: V) => Promise<RecordSummary>,
) {
  return useWriteThen(
    (vars: V) => {
      if (!task) throw new Error('No task loaded');
      return write(task, vars);
    },
    (qc) => {
      if (!task) return;
      void qc.invalidateQueries({ queryKey: ['request-tasks'] });
      void qc.invalidateQueries({ queryKey: ['records', task.id] });
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  );
}

export function useTaskTransition(task: RequestTask | undefined) {
  return useTaskWrite(
    task,
    (t, input: { to: string; comment?: string; commentVisibility?: 'public' | 'internal' }) =>
      api.post<RecordSummary>(`/request-tasks/${t.id}/transitions`, input, t.version),
  );
}

export function useAssignTask(task: RequestTask | undefined) {
  return useTaskWrite(task, (t, patch: { assigneeId?: string | null; groupId?: string | null }) =>
    api.patch<RecordSummary>(`/request-tasks/${t.id}`, patch, t.version),
  );
}
