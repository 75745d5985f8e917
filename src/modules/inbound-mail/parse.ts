/**
 * Reading a raw message: mailparser decodes any charset and transfer encoding (quoted-printable,
 * base64, RFC 2047 words, RFC 2231 file names); this file turns its result into the plain facts
 * the rest of the module uses, and sanitises the HTML part for display.
 */
import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import type sanitizeHtml from 'sanitize-html';
import { failedRecipients, type MailFacts, stripAngles } from '../../domain/mail/classify.ts';
import { onFirstUse } from '../../on-first-use.ts';

export type InboundAttachment = {
  filename: string;
  contentType: string;
  data: Buffer;
  /** An image the HTML shows inline (cid:), rather than a file attached. */
  inline: boolean;
};

export type ParsedInbound = {
  messageId: string | null;
  from: { address: string; name: string } | null;
  to: string[];
  cc: string[];
  /** Recipients the transport recorded (Delivered-To, X-Original-To). */
  deliveredTo: string[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  headers: { name: string; value: string }[];
  headerMap: Map<string, string[]>;
  contentType: string;
  text: string;
  html: string | null;
  attachments: InboundAttachment[];
  /** The per-recipient part of a delivery status notification, when the mail is one. */
  deliveryStatus: string | null;
};

const addressesOf = (v: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .flatMap((o) => o.value.flatMap((a) => (a.group ? a.group : [a])))
    .map((a) => a.address?.trim().toLowerCase())
    .filter((a): a is string => !!a);

/** Decode a header line's value: the part after the name, unfolded. */
const headerValue = (line: string) =>
  line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();

export async function parseMail(raw: Buffer): Promise<ParsedInbound> {
  // Loaded on the first message: only instances that receive mail need it.
  const { simpleParser } = await import('mailparser');
  const m = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true });
  const headers = m.headerLines.map((h) => ({ name: h.key, value: headerValue(h.line) }));
  const headerMap = new Map<string, string[]>();
  for (const h of headers) headerMap.set(h.name, [...(headerMap.get(h.name) ?? []), h.value]);
  const from = m.from?.value[0];
  const refs = Array.isArray(m.references) ? m.references : m.references ? [m.references] : [];
  const statusPart = m.attachments.find((a) =>
    ['message/delivery-status', 'message/global-delivery-status'].includes(a.contentType.toLowerCase()),
  );
  const html = typeof m.html === 'string' ? m.html : null;
  return {
    messageId: m.messageId ? stripAngles(m.messageId) : null,
    from: from?.address ? { address: from.address.trim().toLowerCase(), name: from.name ?? '' } : null,
    to: addressesOf(m.to),
    cc: addressesOf(m.cc),
    deliveredTo: [...(headerMap.get('delivered-to') ?? []), ...(headerMap.get('x-original-to') ?? [])].map(
      (a) => stripAngles(a).toLowerCase(),
    ),
    subject: (m.subject ?? '').trim(),
    inReplyTo: m.inReplyTo ?? null,
    references: refs,
    headers,
    headerMap,
    contentType: headerMap.get('content-type')?.[0]?.toLowerCase() ?? 'text/plain',
    text: (m.text ?? '').replace(/\r\n?/g, '\n'),
    html,
    attachments: m.attachments
      .filter((a) => a !== statusPart && !a.contentType.toLowerCase().startsWith('message/delivery-status'))
      .map((a) => ({
        filename:
          a.filename ?? (a.contentType.toLowerCase() === 'message/rfc822' ? 'message.eml' : 'attachment'),
        contentType: a.contentType,
        data: a.content,
        inline: !!a.related || (a.contentDisposition === 'inline' && !!a.cid),
      })),
    deliveryStatus: statusPart ? statusPart.content.toString('utf8') : null,
  };
}

/** The facts the pure classification reads. */
export function mailFacts(p: ParsedInbound, envelopeFrom: string | null | undefined): MailFacts {
  return {
    headers: p.headerMap,
    from: p.from?.address ?? null,
    envelopeFrom,
    contentType: p.contentType,
    ownMessageId: p.messageId,
  };
}

export { failedRecipients };

/** A stable key for a message without a Message-ID: the digest of its source. */
export const sourceDigest = (raw: Buffer) => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

const sanitizer = onFirstUse((load) => load('sanitize-html') as typeof sanitizeHtml);

/**
 * HTML made safe to show in the admin pages: formatting kept; scripts, styles, forms, event
 * handlers and remote images dropped (remote images are trackers); inline images kept as data.
 */
export function sanitizeMailHtml(html: string): string {
  const sanitize = sanitizer();
  return sanitize(html, {
    allowedTags: [...sanitize.defaults.allowedTags, 'img', 'font', 'center'],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data', 'cid'] },
    allowProtocolRelative: false,
    transformTags: { a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  });
}
