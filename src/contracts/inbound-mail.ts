/**
 * Wire shapes of email in: the addresses Steward receives mail at (admin CRUD), the stored
 * inbound messages with their outcome, and re-processing.
 */
import { z } from 'zod';
import { STRANGER_REPLY_POLICIES, UNKNOWN_SENDER_POLICIES } from '../domain/mail/decide.ts';
import { LIMITS } from '../shared/limits.ts';
import { PageQuery, PersonRef, page, RecordNumberRef, Timestamps, Uuid } from './common.ts';
import { MailAttachment } from './mail.ts';

/** Record types a mail can open: those whose records a requester raises with a title and a description. */
export const MAIL_RECORD_TYPES = ['incident', 'problem'] as const;

export const INBOUND_STATUSES = [
  'received',
  'created',
  'commented',
  'ignored',
  'bounced',
  'refused',
  'failed',
] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

const Address = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'must be an email address such as servicedesk@example.com' }))
  .refine((a) => !a.split('@')[0]!.includes('+'), {
    message: 'must be the base address, without a +tag (tagged variants reach it on their own)',
  });

export const InboundAddressInput = z.object({
  address: Address,
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  recordType: z.enum(MAIL_RECORD_TYPES).default('incident'),
  serviceId: Uuid.nullish(),
  unknownSenderPolicy: z
    .enum(UNKNOWN_SENDER_POLICIES)
    .default('create_requester')
    .describe('create_requester: make the sender a requester; refuse: answer with a polite refusal'),
  strangerReplyPolicy: z
    .enum(STRANGER_REPLY_POLICIES)
    .default('add_watcher')
    .describe('A reply from someone not on the record: add_watcher (and comment) or new_record (linked)'),
  imapMailbox: z.string().trim().min(1).max(200).nullish(),
  active: z.boolean().default(true),
});
export type InboundAddressInput = z.input<typeof InboundAddressInput>;

export const InboundAddressPatch = InboundAddressInput.partial().extend({
  address: Address.optional(),
  name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  recordType: z.enum(MAIL_RECORD_TYPES).optional(),
  unknownSenderPolicy: z.enum(UNKNOWN_SENDER_POLICIES).optional(),
  strangerReplyPolicy: z.enum(STRANGER_REPLY_POLICIES).optional(),
  active: z.boolean().optional(),
});

export const InboundAddressView = z
  .object({
    id: Uuid,
    address: z.string(),
    name: z.string(),
    recordType: z.enum(MAIL_RECORD_TYPES),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    unknownSenderPolicy: z.enum(UNKNOWN_SENDER_POLICIES),
    strangerReplyPolicy: z.enum(STRANGER_REPLY_POLICIES),
    imapMailbox: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    ...Timestamps.shape,
  })
  .meta({ id: 'InboundAddress' });
export type InboundAddressView = z.infer<typeof InboundAddressView>;

export const InboundMessageSummary = z
  .object({
    id: Uuid,
    source: z.string(),
    messageId: z.string(),
    from: z.string().nullable(),
    fromName: z.string().nullable(),
    to: z.array(z.string()),
    subject: z.string(),
    size: z.number().int(),
    receivedAt: z.string(),
    status: z.enum(INBOUND_STATUSES),
    reason: z.string().nullable(),
    detail: z.string().nullable(),
    record: RecordNumberRef.nullable(),
    threadedBy: z.string().nullable(),
    attempts: z.number().int(),
    processedAt: z.string().nullable(),
  })
  .meta({ id: 'InboundMessageSummary' });
export type InboundMessageSummary = z.infer<typeof InboundMessageSummary>;

export const InboundMessageView = InboundMessageSummary.extend({
  address: z.object({ id: z.string(), address: z.string() }).nullable(),
  sender: PersonRef.nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** The whole text as sent (decoded). */
  text: z.string(),
  /** What the record shows: the text without the quoted conversation and signature. */
  trimmedText: z.string(),
  /** The HTML part, sanitised: no scripts, styles, event handlers or remote content. */
  html: z.string().nullable(),
  attachments: z.array(MailAttachment.extend({ inline: z.boolean() })),
}).meta({ id: 'InboundMessage' });
export type InboundMessageView = z.infer<typeof InboundMessageView>;

export const InboundMessageQuery = z.object({
  status: z.enum(INBOUND_STATUSES).optional(),
  recordId: Uuid.optional(),
  ...PageQuery.shape,
});

export const InboundMessagePage = page(InboundMessageSummary);
export type InboundMessagePage = z.infer<typeof InboundMessagePage>;
