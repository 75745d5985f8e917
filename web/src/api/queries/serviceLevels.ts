/**
 * Service level management: the service portfolio, business calendars, service level
 * requirements, agreements (SLA, OLA, underpinning contract) and the SLA clocks on a record.
 */
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessCalendar } from '../../../../src/domain/sla/calendar.ts';
import { api } from '../client.ts';
import type { Incident, Page } from '../types.ts';

export type Ref = { id: string; name: string };

// ---- services ----

export const SERVICE_KINDS = ['business', 'technical'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const LIFECYCLE_STATUSES = ['pipeline', 'live', 'retired'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
export const CRITICALITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export type ServiceLink = Ref & { kind: ServiceKind; lifecycleStatus: LifecycleStatus };

export type Service = {
  id: string;
  kind: ServiceKind;
  name: string;
  description: string;
  category: string | null;
  criticality: Criticality | null;
  lifecycleStatus: LifecycleStatus;
  lifecycleChangedAt: string;
  owner: { id: string; name: string; email: string } | null;
  supportGroup: Ref | null;
  customers: Ref[];
  dependsOn: ServiceLink[];
  supports: ServiceLink[];
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ('update' | 'manage_service_levels')[];
};

export type ServiceDetail = Service & {
  serviceLevels: {
    requirements: Requirement[];
    slas: Agreement[];
    olas: Agreement[];
    ucs: Agreement[];
  };
};

export type ServiceInput = {
  kind?: ServiceKind;
  name?: string;
  description?: string;
  category?: string | null;
  criticality?: Criticality;
  lifecycleStatus?: LifecycleStatus;
  ownerId?: string | null;
  supportGroupId?: string | null;
  customerIds?: string[];
  dependsOn?: string[];
};

export type ServiceListQuery = {
  kind?: ServiceKind;
  lifecycleStatus?: LifecycleStatus[];
  customerId?: string;
  q?: string;
  limit?: number;
};

export const serviceLevelKeys = {
  services: ['services'] as const,
  serviceList: (q: ServiceListQuery) => ['services', 'list', q] as const,
  service: (id: string) => ['services', 'one', id] as const,
  calendars: ['calendars'] as const,
  calendar: (id: string) => ['calendars', 'one', id] as const,
  requirement: (id: string) => ['requirements', id] as const,
  agreements: ['agreements'] as const,
  agreementList: (q: AgreementListQuery) => ['agreements', 'list', q] as const,
  agreement: (id: string) => ['agreements', 'one', id] as const,
  recordSla: (recordId: string) => ['records', recordId, 'sla'] as const,
  recordSlaTimeline: (recordId: string) => ['records', recordId, 'sla', 'timeline'] as const,
};

export function useServiceList(query: ServiceListQuery) {
  return useInfiniteQuery({
    queryKey: serviceLevelKeys.serviceList(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Service>>('/services', { limit: 100, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Up to 200 services of a kind, for pickers (dependencies, agreement scope). */
export function useServiceChoices(kind?: ServiceKind) {
  return useQuery({
    queryKey: ['services', 'choices', kind ?? 'all'],
    queryFn: ({ signal }) => api.get<Page<Service>>('/services', { kind, limit: 200 }, signal),
    staleTime: 60_000,
  });
}

export function useService(id: string | undefined) {
  return useQuery({
    queryKey: serviceLevelKeys.service(id ?? ''),
    queryFn: ({ signal }) => api.get<ServiceDetail>(`/services/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceInput) => api.post<Service>('/services', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: serviceLevelKeys.services }),
  });
}

export function useUpdateService(service: Service | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ServiceInput) => {
      if (!service) throw new Error('No service loaded');
      return api.patch<Service>(`/services/${service.id}`, patch, service.version);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: serviceLevelKeys.services }),
  });
}

/** Raise an incident against a service (its SLA clocks start on creation). */
export function useRaiseIncidentForService(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; description?: string; impact: number; urgency: number }) =>
      api.post<Incident>('/incidents', { ...input, serviceId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incidents', 'list'] }),
  });
}

// ---- organisations ----

export type Organisation = { id: string; name: string; kind: 'customer' | 'supplier' | 'internal' };

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: ({ signal }) => api.get<Organisation[]>('/organisations', undefined, signal),
    staleTime: 60_000,
  });
}

// ---- calendars ----

export type Calendar = BusinessCalendar & {
  id: string;
  name: string;
  description: string;
  weeklyHours: number;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type CalendarInput = BusinessCalendar & { name: string; description?: string };

export function useCalendars() {
  return useQuery({
    queryKey: serviceLevelKeys.calendars,
    queryFn: ({ signal }) => api.get<Calendar[]>('/calendars', undefined, signal),
    staleTime: 30_000,
  });
}

export function useCalendar(id: string | undefined) {
  return useQuery({
    queryKey: serviceLevelKeys.calendar(id ?? ''),
    queryFn: ({ signal }) => api.get<Calendar>(`/calendars/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Several calendars at once (the clocks of a record), keyed by id as they arrive. */
export function useCalendarMap(ids: readonly string[]): Map<string, Calendar> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: serviceLevelKeys.calendar(id),
      queryFn: () => api.get<Calendar>(`/calendars/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const out = new Map<string, Calendar>();
  for (const r of results) if (r.data) out.set(r.data.id, r.data);
  return out;
}

export function useSaveCalendar(calendar: Calendar | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarInput) =>
      calendar
        ? api.patch<Calendar>(`/calendars/${calendar.id}`, input, calendar.version)
        : api.post<Calendar>('/calendars', input),
    onSuccess: (c) => {
      qc.setQueryData(serviceLevelKeys.calendar(c.id), c);
      void qc.invalidateQueries({ queryKey: serviceLevelKeys.calendars, exact: true });
    },
  });
}

export function useDeleteCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/calendars/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: serviceLevelKeys.calendars }),
  });
}

// ---- targets, requirements ----

export type Target = { priority: number; responseMinutes: number; resolutionMinutes: number };

export const REQUIREMENT_STATUSES = ['draft', 'in_review', 'agreed'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export type Requirement = {
  id: string;
  service: Ref;
  customer: Ref | null;
  name: string;
  status: RequirementStatus;
  calendar: Ref;
  availabilityTarget: number | null;
  targets: Target[];
  obligations: string;
  agreements: { id: string; versionNumber: number; status: string }[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type RequirementInput = {
  name: string;
  customerId: string | null;
  calendarId: string;
  availabilityTarget: number | null;
  targets: Target[];
  obligations: string;
};

export type SlaFromRequirementInput = {
  name?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  warningThresholds?: number[];
  recordTypes?: string[] | null;
  priorities?: number[] | null;
};

function useServiceRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: serviceLevelKeys.services });
    void qc.invalidateQueries({ queryKey: serviceLevelKeys.agreements });
  };
}

export function useSaveRequirement(serviceId: string, requirement: Requirement | undefined) {
  const refresh = useServiceRefresh();
  return useMutation({
    mutationFn: (input: RequirementInput) =>
      requirement
        ? api.patch<Requirement>(`/requirements/${requirement.id}`, input, requirement.version)
        : api.post<Requirement>(`/services/${serviceId}/requirements`, input),
    onSuccess: refresh,
  });
}

export function useMoveRequirement() {
  const refresh = useServiceRefresh();
  return useMutation({
    mutationFn: ({ requirement, status }: { requirement: Requirement; status: RequirementStatus }) =>
      api.post<Requirement>(`/requirements/${requirement.id}/status`, { status }, requirement.version),
    onSuccess: refresh,
  });
}

export function useSlaFromRequirement() {
  const refresh = useServiceRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SlaFromRequirementInput }) =>
      api.post<Agreement>(`/requirements/${id}/sla`, input),
    onSuccess: refresh,
  });
}

// ---- agreements ----

export const AGREEMENT_KINDS = ['sla', 'ola', 'uc'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export type Agreement = {
  id: string;
  lineageId: string;
  versionNumber: number;
  kind: AgreementKind;
  name: string;
  description: string;
  status: 'draft' | 'agreed';
  inForce: boolean;
  service: Ref | null;
  customer: Ref | null;
  group: Ref | null;
  supplier: Ref | null;
  requirementId: string | null;
  calendar: Ref;
  targets: Target[];
  warningThresholds: number[];
  recordTypes: string[] | null;
  priorities: number[] | null;
  availabilityTarget: number | null;
  obligations: string;
  onReassign: 'restart' | 'continue';
  effectiveFrom: string;
  effectiveTo: string | null;
  agreedBy: Ref | null;
  agreedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type AgreementInput = {
  kind?: AgreementKind;
  name: string;
  description: string;
  serviceId: string | null;
  customerId: string | null;
  groupId: string | null;
  supplierId: string | null;
  calendarId: string;
  targets: Target[];
  warningThresholds: number[];
  recordTypes: string[] | null;
  priorities: number[] | null;
  availabilityTarget: number | null;
  obligations: string;
  onReassign?: 'restart' | 'continue';
  effectiveFrom: string;
  effectiveTo: string | null;
};

export type AgreementListQuery = {
  kind?: AgreementKind;
  status?: 'draft' | 'agreed';
  serviceId?: string;
  q?: string;
  limit?: number;
};

export function useAgreementList(query: AgreementListQuery) {
  return useInfiniteQuery({
    queryKey: serviceLevelKeys.agreementList(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Agreement>>('/agreements', { limit: 100, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: serviceLevelKeys.agreement(id ?? ''),
    queryFn: ({ signal }) => api.get<Agreement>(`/agreements/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useAgreementRefresh() {
  const qc = useQueryClient();
  return (a: Agreement) => {
    qc.setQueryData(serviceLevelKeys.agreement(a.id), a);
    void qc.invalidateQueries({ queryKey: serviceLevelKeys.agreements });
    void qc.invalidateQueries({ queryKey: serviceLevelKeys.services });
  };
}

export function useSaveAgreement(agreement: Agreement | undefined) {
  const refresh = useAgreementRefresh();
  return useMutation({
    mutationFn: (input: AgreementInput) => {
      if (!agreement) return api.post<Agreement>('/agreements', input);
      const { kind: _kind, ...patch } = input;
      return api.patch<Agreement>(`/agreements/${agreement.id}`, patch, agreement.version);
    },
    onSuccess: refresh,
  });
}

export function useAgreementAction(agreement: Agreement | undefined) {
  const refresh = useAgreementRefresh();
  return useMutation({
    mutationFn: (
      action:
        | { type: 'agree' }
        | { type: 'version'; effectiveFrom?: string }
        | { type: 'end'; effectiveTo?: string },
    ) => {
      if (!agreement) throw new Error('No agreement loaded');
      const base = `/agreements/${agreement.id}`;
      if (action.type === 'agree') return api.post<Agreement>(`${base}/agree`, {}, agreement.version);
      if (action.type === 'version')
        return api.post<Agreement>(
          `${base}/versions`,
          action.effectiveFrom ? { effectiveFrom: action.effectiveFrom } : {},
        );
      return api.post<Agreement>(
        `${base}/end`,
        action.effectiveTo ? { effectiveTo: action.effectiveTo } : {},
        agreement.version,
      );
    },
    onSuccess: refresh,
  });
}

// ---- clocks on records ----

export type ClockState = 'running' | 'paused' | 'met' | 'stopped';

export type RecordClock = {
  id: string;
  kind: AgreementKind;
  metric: 'response' | 'resolution';
  state: ClockState;
  stopReason: string | null;
  agreement: { id: string; name: string; versionNumber: number };
  party: (Ref & { type: 'customer' | 'group' | 'supplier' }) | null;
  calendar: Ref;
  priority: number;
  targetSeconds: number;
  targetVersion: number;
  startedAt: string;
  stoppedAt: string | null;
  dueAt: string | null;
  elapsedSeconds: number;
  remainingSeconds: number;
  breached: boolean;
  thresholds: { percent: number; firedAt: string | null }[];
};

export type RecordSla = {
  recordId: string;
  number: string;
  slaDueAt: string | null;
  now: string;
  clocks: RecordClock[];
};

export type SlaTimelineEntry = {
  id: number;
  at: string;
  kind: string;
  clock: { id: string; kind: string; metric: string; agreement: string } | null;
  actor: Ref | null;
  cause: string;
  summary: string;
  details: Record<string, unknown>;
};

/** What the record views carry about SLA beyond the shared record fields. */
export type WithSlaDue = { slaDueAt?: string | null };

export function useRecordSla(recordId: string | undefined) {
  return useQuery({
    queryKey: serviceLevelKeys.recordSla(recordId ?? ''),
    queryFn: ({ signal }) => api.get<RecordSla>(`/records/${recordId}/sla`, undefined, signal),
    enabled: !!recordId,
    // Warnings and breaches are fired by the server's sweep; look again now and then.
    refetchInterval: 60_000,
  });
}

export function useRecordSlaTimeline(recordId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: serviceLevelKeys.recordSlaTimeline(recordId ?? ''),
    queryFn: ({ signal }) =>
      api.get<SlaTimelineEntry[]>(`/records/${recordId}/sla/timeline`, undefined, signal),
    enabled: !!recordId && enabled,
  });
}
