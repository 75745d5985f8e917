/** Wire shapes of the mail outbox (`/api/v1/admin/mail`): what Steward sent, is sending or gave up on. */
import { z } from 'zod';
import { limitUpTo, page } from './common.ts';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export const MailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatus>;

export const MailListQuery = z.object({
  status: MailStatus.optional(),
  recordId: z.uuid().optional(),
  limit: limitUpTo(200, 50),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
});
export type MailListQuery = z.infer<typeof MailListQuery>;

export const MailSummary = z.object({
  id: z.string(),
  purpose: z.string(),
  recordId: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  messageId: z.string(),
  status: MailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('When a queued message is tried next'),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MailSummary = z.infer<typeof MailSummary>;

/** A file a mail carries, as the outbox and the inbox list it. */
export const MailAttachment = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

export const MailMessage = MailSummary.extend({
  from: z.string(),
  cc: z.array(z.string()),
  replyTo: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  headers: z.record(z.string(), z.string()),
  text: z.string(),
  html: z.string().nullable(),
  attachments: z.array(MailAttachment),
});
export type MailMessage = z.infer<typeof MailMessage>;

export const MailPage = page(MailSummary);
export type MailPage = z.infer<typeof MailPage>;
