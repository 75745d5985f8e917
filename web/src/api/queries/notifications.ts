/** Notification settings: events with rules and templates, preview, preferences, the delivery log and webhooks. */
import { useQuery } from '@tanstack/react-query';
import type {
  DeliveryView,
  NotificationChannel,
  NotificationEventView,
  PreferenceInput,
  PreferenceView,
  PreviewInput,
  PreviewView,
  RuleInput,
  TemplateInput,
  TemplateView,
} from '../../../../src/contracts/notifications.ts';
import type {
  WebhookDeliveryView,
  WebhookInput,
  WebhookView,
  WebhookWithSecret,
} from '../../../../src/contracts/webhooks.ts';
import { api } from '../client.ts';
import { usePagedList } from '../paged.ts';
import { useCachingWrite, useRefreshingWrite } from '../writes.ts';

const EVENTS = ['notification-events'] as const;

export function useNotificationEvents() {
  return useQuery({
    queryKey: EVENTS,
    queryFn: ({ signal }) =>
      api.get<{ items: NotificationEventView[] }>('/admin/notifications/events', undefined, signal),
    select: (d) => d.items,
  });
}

const eventPath = (event: string) => `/admin/notifications/events/${encodeURIComponent(event)}`;

export function useSaveTemplate(event: string, channel: NotificationChannel) {
  return useRefreshingWrite(
    ({ input, version }: { input: TemplateInput; version: number }) =>
      api.put<TemplateView>(`${eventPath(event)}/templates/${channel}`, input, version),
    EVENTS,
  );
}

export function useResetTemplate(event: string, channel: NotificationChannel) {
  return useRefreshingWrite(
    () => api.delete<TemplateView>(`${eventPath(event)}/templates/${channel}`),
    EVENTS,
  );
}

export function useSaveRule(event: string) {
  return useRefreshingWrite(
    ({ input, version }: { input: RuleInput; version: number }) =>
      api.put<NotificationEventView>(`${eventPath(event)}/rule`, input, version),
    EVENTS,
  );
}

/** The preview of a template as typed; refreshed as it changes. */
export function usePreview(event: string, input: PreviewInput, enabled: boolean) {
  return useQuery({
    queryKey: ['notification-preview', event, input],
    queryFn: () => api.post<PreviewView>(`${eventPath(event)}/preview`, input),
    enabled,
    retry: false,
    placeholderData: (prev) => prev,
  });
}

const PREFS = ['notification-preferences'] as const;

export function useMyPreferences() {
  return useQuery({
    queryKey: PREFS,
    queryFn: ({ signal }) =>
      api.get<{ preferences: PreferenceView[] }>('/notifications/preferences', undefined, signal),
    select: (d) => d.preferences,
  });
}

export function useSavePreferences() {
  return useCachingWrite(
    (preferences: PreferenceInput[]) =>
      api.put<{ preferences: PreferenceView[] }>('/notifications/preferences', { preferences }),
    PREFS,
  );
}

export function useResetPreferences() {
  return useCachingWrite(
    () => api.delete<{ preferences: PreferenceView[] }>('/notifications/preferences'),
    PREFS,
  );
}

export function useDeliveryLog(status: string | undefined) {
  return usePagedList<DeliveryView>(['notification-deliveries', status], '/admin/notifications/deliveries', {
    status,
    limit: 50,
  });
}

const HOOKS = ['webhooks'] as const;

export function useWebhooks() {
  return useQuery({
    queryKey: HOOKS,
    queryFn: ({ signal }) => api.get<{ items: WebhookView[] }>('/admin/webhooks', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateWebhook() {
  return useRefreshingWrite(
    (input: WebhookInput) => api.post<WebhookWithSecret>('/admin/webhooks', input),
    HOOKS,
  );
}

export function useUpdateWebhook() {
  return useRefreshingWrite(
    ({ id, input, version }: { id: string; input: WebhookInput; version: number }) =>
      api.put<WebhookView>(`/admin/webhooks/${id}`, input, version),
    HOOKS,
  );
}

export function useDeleteWebhook() {
  return useRefreshingWrite((id: string) => api.delete<null>(`/admin/webhooks/${id}`), HOOKS);
}

export function useRotateSecret() {
  return useRefreshingWrite(
    (id: string) => api.post<WebhookWithSecret>(`/admin/webhooks/${id}/rotate-secret`),
    HOOKS,
  );
}

export function useWebhookDeliveries(id: string | null) {
  return usePagedList<WebhookDeliveryView>(
    ['webhook-deliveries', id],
    `/admin/webhooks/${id}/deliveries`,
    { limit: 25 },
    !!id,
  );
}

export function useRedeliver(id: string) {
  return useRefreshingWrite(
    (deliveryId: string) =>
      api.post<WebhookDeliveryView>(`/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`),
    ['webhook-deliveries', id],
  );
}
