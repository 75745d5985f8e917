/** Reporting: the KPI library, KPI values and drill-downs, dashboards. */
import { useQuery } from '@tanstack/react-query';
import type {
  DashboardView,
  DrillRow,
  KpiDefinitionView,
  KpiResult,
  RoleDashboard,
} from '../../../../src/contracts/reports.ts';
import { api, type Query, request, toQueryString } from '../client.ts';
import { usePagedList } from '../paged.ts';

export type { DashboardView, DrillRow, KpiDefinitionView, KpiResult, RoleDashboard };
export type DashboardWidget = DashboardView['widgets'][number];
export type DashboardInput = Pick<DashboardView, 'name' | 'role' | 'shared' | 'widgets'>;

const keys = {
  kpis: ['reports', 'kpis'] as const,
  value: (key: string, q: Query) => ['reports', 'value', key, q] as const,
  values: (keys: readonly string[], q: Query) => ['reports', 'values', keys, q] as const,
  drill: (key: string, q: Query) => ['reports', 'drill', key, q] as const,
  dashboards: ['reports', 'dashboards'] as const,
};

export function useKpiDefinitions() {
  return useQuery({
    queryKey: keys.kpis,
    queryFn: ({ signal }) => api.get<{ items: KpiDefinitionView[] }>('/reports/kpis', undefined, signal),
    staleTime: 60_000,
  });
}

export function useKpi(key: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: keys.value(key, query),
    queryFn: ({ signal }) => api.get<KpiResult>(`/reports/kpis/${encodeURIComponent(key)}`, query, signal),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useKpiValues(kpis: readonly string[], query: Query) {
  return useQuery({
    queryKey: keys.values(kpis, query),
    queryFn: ({ signal }) =>
      api.get<{ items: KpiResult[] }>('/reports/kpi-values', { ...query, keys: kpis }, signal),
    enabled: kpis.length > 0,
    placeholderData: (prev) => prev,
  });
}

export function useKpiRecords(key: string, query: Query) {
  return usePagedList<DrillRow>(
    keys.drill(key, query),
    `/reports/kpis/${encodeURIComponent(key)}/records`,
    query,
  );
}

/** Where a KPI export downloads from. */
export const kpiExportHref = (key: string, what: 'records' | 'table', query: Query) =>
  `/api/v1/reports/kpis/${encodeURIComponent(key)}/${what === 'records' ? 'records/export' : 'table'}${toQueryString(query)}`;

export function useDashboards() {
  return useQuery({
    queryKey: keys.dashboards,
    queryFn: ({ signal }) =>
      api.get<{ roles: RoleDashboard[]; items: DashboardView[] }>('/reports/dashboards', undefined, signal),
  });
}

export function useSaveDashboard() {
  return useRefreshingWrite(
    (v: { id?: string; version?: number; input: DashboardInput }) =>
      v.id
        ? request<DashboardView>(`/reports/dashboards/${v.id}`, {
            method: 'PATCH',
            body: v.input,
            version: v.version,
          })
        : api.post<DashboardView>('/reports/dashboards', v.input),
    keys.dashboards,
  );
}

export function useDeleteDashboard() {
  return useRefreshingWrite(
    (id: string) => request<void>(`/reports/dashboards/${id}`, { method: 'DELETE' }),
    keys.dashboards,
  );
}

export type { ComplianceReport, ServiceReview } from '../../../../src/contracts/reports.ts';

import type { ComplianceReport, ServiceReview } from '../../../../src/contracts/reports.ts';

export function useComplianceReport(query: Query) {
  return useQuery({
    queryKey: ['reports', 'compliance', query],
    queryFn: ({ signal }) => api.get<ComplianceReport>('/reports/sla-compliance', query, signal),
    placeholderData: (prev) => prev,
  });
}

export function useServiceReview(serviceId: string, query: Query) {
  return useQuery({
    queryKey: ['reports', 'review', serviceId, query],
    queryFn: ({ signal }) => api.get<ServiceReview>(`/reports/services/${serviceId}/review`, query, signal),
    enabled: !!serviceId,
    placeholderData: (prev) => prev,
  });
}

export const reportHref = (path: string, query: Query) => `/api/v1${path}${toQueryString(query)}`;

export type { DeliveryView, ScheduleView } from '../../../../src/contracts/reports.ts';

import type { DeliveryView, ScheduleView } from '../../../../src/contracts/reports.ts';
import { useRefreshingWrite } from '../writes.ts';
export type ScheduleInput = Omit<ScheduleView, 'id' | 'owner' | 'version' | 'nextRunAt'>;

export function useSchedules() {
  return useQuery({
    queryKey: ['reports', 'schedules'],
    queryFn: ({ signal }) => api.get<{ items: ScheduleView[] }>('/reports/schedules', undefined, signal),
  });
}

export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: ['reports', 'schedules', id, 'deliveries'],
    queryFn: ({ signal }) =>
      api.get<{ items: DeliveryView[] }>(`/reports/schedules/${id}/deliveries`, undefined, signal),
    enabled: !!id,
  });
}

export function useScheduleActions() {
  const key = ['reports', 'schedules'];
  return {
    create: useRefreshingWrite(
      (input: ScheduleInput) => api.post<ScheduleView>('/reports/schedules', input),
      key,
    ),
    remove: useRefreshingWrite(
      (id: string) => request<void>(`/reports/schedules/${id}`, { method: 'DELETE' }),
      key,
    ),
    send: useRefreshingWrite(
      (id: string) => api.post<{ items: DeliveryView[] }>(`/reports/schedules/${id}/send`),
      key,
    ),
  };
}
