/**
 * Service level management: the service portfolio, business calendars, service level
 * requirements, agreements (SLA, OLA, underpinning contract) and the SLA clocks on a record.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { BusinessCalendar } from '../../../../src/domain/sla/calendar.ts';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';
import type { Incident } from '../types.ts';

export type { ServiceLink, ServiceView as Service } from '../../../../src/contracts/services.ts';

import type { ServiceView as Service } from '../../../../src/contracts/services.ts';
import type {
  Criticality,
  LifecycleStatus,
  RequirementStatus,
  ServiceKind,
} from '../../../../src/domain/portfolio.ts';
export type Ref = { id: string; name: string };

// ---- services ----

export type { Criticality, LifecycleStatus, ServiceKind };

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
  recordSla: (recordId: string) => ['records', recordId, 'sla'] as const,
  recordSlaTimeline: (recordId: string) => ['records', recordId, 'sla', 'timeline'] as const,
};

/** The portfolio: a write answers the service without its agreements, so its page refetches. */
export const services = defineResource<Service, ServiceInput, ServiceListQuery>({
  key: ['services'],
  path: '/services',
  writesAnswerSummary: true,
  staleTime: 60_000,
});
export const useServiceList = (query: ServiceListQuery) => services.useList({ limit: 100, ...query });
/** Up to 200 services of a kind, for pickers (dependencies, agreement scope). */
export const useServiceChoices = (kind?: ServiceKind) => services.useSearch({ kind, limit: 200 });
export const useService = (id: string | undefined) => services.useOne<ServiceDetail>(id);

/** Raise an incident against a service (its SLA clocks start on creation). */
export function useRaiseIncidentForService(serviceId: string) {
  return useRefreshingWrite(
    (input: { title: string; description?: string; impact: number; urgency: number }) =>
      api.post<Incident>('/incidents', { ...input, serviceId }),
    ['incidents', 'list'],
  );
}

// ---- organisations ----

export type Organisation = { id: string; name: string; kind: 'customer' | 'supplier' | 'internal' };

export const organisations = defineResource<Organisation, never>({
  key: ['organisations'],
  path: '/organisations',
  staleTime: 60_000,
});
export const useOrganisations = () => organisations.useAll();

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

export const calendars = defineResource<Calendar, CalendarInput>({
  key: ['calendars'],
  path: '/calendars',
  staleTime: 30_000,
});
export const useCalendars = () => calendars.useAll();
export const useCalendar = calendars.useOne;

/** Several calendars at once (the clocks of a record), keyed by id as they arrive. */
export function useCalendarMap(ids: readonly string[]): Map<string, Calendar> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: calendars.keys.one(id),
      queryFn: () => api.get<Calendar>(calendars.path(id)),
      staleTime: 5 * 60_000,
    })),
  });
  const out = new Map<string, Calendar>();
  for (const r of results) if (r.data) out.set(r.data.id, r.data);
  return out;
}

export const useSaveCalendar = calendars.useSave;
export const useDeleteCalendar = calendars.useDelete;

// ---- targets, requirements ----

export type Target = { priority: number; responseMinutes: number; resolutionMinutes: number };

export type { RequirementView as Requirement } from '../../../../src/contracts/service-levels.ts';
export { REQUIREMENT_STATUSES, type RequirementStatus } from '../../../../src/domain/portfolio.ts';

import type {
  AgreementView as Agreement,
  RequirementView as Requirement,
} from '../../../../src/contracts/service-levels.ts';

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

/** A requirement write, after which services and agreements (which show requirements) are fetched again. */
function useRequirementWrite<V, T>(write: (vars: V) => Promise<T>) {
  return useWriteThen(write, (qc) => {
    void qc.invalidateQueries({ queryKey: services.keys.all });
    void qc.invalidateQueries({ queryKey: agreements.keys.all });
  });
}

export function useSaveRequirement(serviceId: string, requirement: Requirement | undefined) {
  return useRequirementWrite((input: RequirementInput) =>
    api.save<Requirement>(requirement, '/requirements', input, `/services/${serviceId}/requirements`),
  );
}

export function useMoveRequirement() {
  return useRequirementWrite(
    ({ requirement, status }: { requirement: Requirement; status: RequirementStatus }) =>
      api.post<Requirement>(`/requirements/${requirement.id}/status`, { status }, requirement.version),
  );
}

export function useSlaFromRequirement() {
  return useRequirementWrite(({ id, input }: { id: string; input: SlaFromRequirementInput }) =>
    api.post<Agreement>(`/requirements/${id}/sla`, input),
  );
}

// ---- agreements ----

export const AGREEMENT_KINDS = ['sla', 'ola', 'uc'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export type { AgreementView as Agreement } from '../../../../src/contracts/service-levels.ts';

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

/** Agreements: a write changes the service pages that list them. */
export const agreements = defineResource<Agreement, AgreementInput, AgreementListQuery>({
  key: ['agreements'],
  path: '/agreements',
  alsoInvalidate: [services.keys.all],
});
export const useAgreementList = (query: AgreementListQuery) => agreements.useList({ limit: 100, ...query });
export const useAgreement = agreements.useOne;
export const useSaveAgreement = agreements.useSave;

export function useAgreementAction(agreement: Agreement | undefined) {
  return useWriteThen(
    (
      action:
        | { type: 'agree' }
        | { type: 'version'; effectiveFrom?: string }
        | { type: 'end'; effectiveTo?: string },
    ) => {
      if (!agreement) throw new Error('No agreement loaded');
      const base = agreements.path(agreement.id);
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
    agreements.remember,
  );
}

// ---- clocks on records ----

export type {
  RecordClockView as RecordClock,
  RecordSlaView as RecordSla,
  TimelineEntry as SlaTimelineEntry,
} from '../../../../src/contracts/service-levels.ts';

import type {
  RecordSlaView as RecordSla,
  TimelineEntry as SlaTimelineEntry,
} from '../../../../src/contracts/service-levels.ts';
import { useRefreshingWrite, useWriteThen } from '../writes.ts';
export type ClockState = RecordSla['clocks'][number]['state'];

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
