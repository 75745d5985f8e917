/** Queries of the status page: the public page (no sign-in) and its administration. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicStatus,
  PublishedServiceView,
  PublishService,
  StatusOverride,
  StatusPageSettings,
  StatusUpdateCreate,
  StatusUpdateView,
  SubscriptionOverview,
} from '../../../../src/contracts/status-page.ts';
import { api } from '../../api/client.ts';

export type { PublicStatus, PublishedServiceView, StatusUpdateView, SubscriptionOverview };
export type StatusSettingsView = StatusPageSettings & { version: number };

const KEY = ['status-page'] as const;

/** The public page; refreshed every 30 s while open (the server answers 304 when nothing changed). */
export function usePublicStatus() {
  return useQuery({
    queryKey: [...KEY, 'public'],
    queryFn: ({ signal }) => api.get<PublicStatus>('/public/status', undefined, signal),
    refetchInterval: 30_000,
    retry: false,
  });
}

export const useStatusSettings = () =>
  useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: () => api.get<StatusSettingsView>('/status-page/settings'),
  });

export const usePublishedServices = () =>
  useQuery({
    queryKey: [...KEY, 'services'],
    queryFn: () => api.get<{ items: PublishedServiceView[] }>('/status-page/services'),
  });

export const useStatusUpdates = () =>
  useQuery({
    queryKey: [...KEY, 'updates'],
    queryFn: () => api.get<{ items: StatusUpdateView[] }>('/status-page/updates', { limit: 30 }),
  });

export const useSubscriptionOverview = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'subscriptions'],
    queryFn: () => api.get<SubscriptionOverview>('/status-page/subscriptions'),
    enabled,
  });

/** A write to the status page: everything of it is refreshed afterwards. */
function useStatusWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveStatusSettings = () =>
  useStatusWrite((v: { value: StatusPageSettings; version: number }) =>
    api.put<StatusSettingsView>('/status-page/settings', v.value, v.version),
  );
export const usePublishService = () =>
  useStatusWrite((v: { serviceId: string; body: Partial<PublishService>; version?: number }) =>
    api.put<PublishedServiceView>(`/status-page/services/${v.serviceId}`, v.body, v.version),
  );
export const useUnpublishService = () =>
  useStatusWrite((serviceId: string) => api.delete<void>(`/status-page/services/${serviceId}`));
export const useSetOverride = () =>
  useStatusWrite((v: { serviceId: string; body: Partial<StatusOverride>; version: number }) =>
    api.put<PublishedServiceView>(`/status-page/services/${v.serviceId}/override`, v.body, v.version),
  );
export const useCreateStatusUpdate = () =>
  useStatusWrite((body: Partial<StatusUpdateCreate>) =>
    api.post<StatusUpdateView>('/status-page/updates', body),
  );

export const subscribe = (email: string, serviceId: string | null) =>
  api.post<{ message: string }>('/public/status/subscriptions', { email, serviceId });
export const confirmOrUnsubscribe = (what: 'confirm' | 'unsubscribe', token: string) =>
  api.post<{ email: string }>(`/public/status/subscriptions/${what}`, { token });
