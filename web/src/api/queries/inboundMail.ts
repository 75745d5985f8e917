/** Email in: receiving addresses and the inbound messages with their outcome (administrators). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  InboundAddressInput,
  InboundAddressView,
  InboundMessageSummary,
  InboundMessageView,
  InboundStatus,
} from '../../../../src/contracts/inbound-mail.ts';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';

export type {
  InboundAddressInput,
  InboundAddressView,
  InboundMessageSummary,
  InboundMessageView,
  InboundStatus,
};

export const inboundAddresses = defineResource<InboundAddressView, Partial<InboundAddressInput>>({
  key: ['inbound-mail', 'addresses'],
  path: '/admin/inbound-mail/addresses',
});

export const inboundMessages = defineResource<
  InboundMessageSummary,
  never,
  { status?: InboundStatus; limit?: number }
>({
  key: ['inbound-mail', 'messages'],
  path: '/admin/inbound-mail/messages',
});

export function useReprocessMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<InboundMessageView>(`/admin/inbound-mail/messages/${id}/reprocess`),
    onSuccess: (m) => inboundMessages.remember(qc, m),
  });
}
