/** Email in: receiving addresses and the inbound messages with their outcome (administrators). */
import type {
  InboundAddressInput,
  InboundAddressView,
  InboundMessageSummary,
  InboundMessageView,
  InboundStatus,
} from '../../../../src/contracts/inbound-mail.ts';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';
import { useWriteThen } from '../writes.ts';

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
  return useWriteThen(
    (id: string) => api.post<InboundMessageView>(`/admin/inbound-mail/messages/${id}/reprocess`),
    inboundMessages.remember,
  );
}
