/**
 * Which inbound mails are written by machines: auto-replies (out of office, "we got your
 * mail"), bounces (delivery status notifications), mailing-list and bulk mail, and mail that is
 * looping back to us. None of them may open a record or add a comment, and none is answered:
 * answering an auto-reply is how reply storms start.
 */

export type MailFacts = {
  /** Header names in lower case; a header seen several times keeps every value. */
  headers: ReadonlyMap<string, readonly string[]>;
  /** The sender's address, lower case (From, else the envelope sender). */
  from: string | null;
  /** The SMTP envelope sender (Return-Path); an empty one (`<>`) is a bounce's. */
  envelopeFrom?: string | null | undefined;
  /** The top-level content type, lower case, with its report-type parameter if any. */
  contentType: string;
  /** Message-IDs this mail names (its own, In-Reply-To, References), without angle brackets. */
  ownMessageId: string | null;
};

export type Automated =
  | { kind: 'bounce'; reason: string }
  | { kind: 'auto_reply'; reason: string }
  | { kind: 'bulk'; reason: string }
  | { kind: 'loop'; reason: string };

const MAILER_DAEMON =
  /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|no-?reply|do-?not-?reply)([+-][^@]*)?@/i;
const BOUNCE_SUBJECT =
  /^(undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|delivery failure|failure notice)/i;
const AUTO_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|abwesenheitsnotiz|réponse automatique)\b/i;

const first = (f: MailFacts, name: string) => f.headers.get(name)?.[0]?.trim() ?? '';

/** Our own outbound Message-IDs: `steward.{record id}.{random}@{domain}`. */
export const OWN_MESSAGE_ID =
  /^steward\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[^@]+@.+$/i;

export function isOwnMessageId(id: string | null | undefined): boolean {
  return !!id && OWN_MESSAGE_ID.test(stripAngles(id));
}

export function stripAngles(id: string): string {
  return id.trim().replace(/^<|>$/g, '').trim();
}

/**
 * Classify a mail as machine-written, or null for a person's mail. The order matters: a DSN is
 * a bounce even though it is also auto-submitted, and a loop is named as such.
 */
export function classifyAutomated(
  f: MailFacts,
  opts: { ownMessageIds?: ReadonlySet<string> } = {},
): Automated | null {
  const ct = f.contentType.toLowerCase();
  if (ct.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status/.test(ct))
    return { kind: 'bounce', reason: 'a delivery status notification (multipart/report)' };
  if (f.envelopeFrom !== undefined && f.envelopeFrom !== null && stripAngles(f.envelopeFrom) === '')
    return { kind: 'bounce', reason: 'an empty envelope sender (<>), as bounces have' };
  if (f.from && /^(mailer-daemon|postmaster)@/i.test(f.from))
    return { kind: 'bounce', reason: `sent by ${f.from}` };
  const subject = first(f, 'subject');
  if (f.from && MAILER_DAEMON.test(f.from) && BOUNCE_SUBJECT.test(subject))
    return { kind: 'bounce', reason: `a delivery failure from ${f.from}` };

  const own = f.ownMessageId ? stripAngles(f.ownMessageId) : null;
  if (own && (isOwnMessageId(own) || opts.ownMessageIds?.has(own)))
    return { kind: 'loop', reason: 'the Message-ID is one Steward sent' };
  const xLoop = f.headers.get('x-loop');
  if (xLoop?.length) return { kind: 'loop', reason: `X-Loop: ${xLoop[0]}` };

  const autoSubmitted = first(f, 'auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no')
    return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  const suppress = first(f, 'x-auto-response-suppress').toLowerCase();
  if (first(f, 'x-autoreply') || first(f, 'x-autorespond') || /\b(oof|autoreply|all)\b/.test(suppress))
    return {
      kind: 'auto_reply',
      reason: 'an auto-responder header (X-Autoreply / X-Autorespond / X-Auto-Response-Suppress)',
    };
  const precedence = first(f, 'precedence').toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return precedence === 'auto_reply'
      ? { kind: 'auto_reply', reason: 'Precedence: auto_reply' }
      : { kind: 'bulk', reason: `Precedence: ${precedence}` };
  if (f.headers.has('list-id') || f.headers.has('list-unsubscribe'))
    return { kind: 'bulk', reason: 'a mailing-list header (List-Id / List-Unsubscribe)' };
  if (f.from && MAILER_DAEMON.test(f.from)) return { kind: 'auto_reply', reason: `sent by ${f.from}` };
  if (AUTO_SUBJECT.test(subject)) return { kind: 'auto_reply', reason: `the subject "${subject}"` };
  return null;
}

export type FailedRecipient = { address: string; status: string | null; diagnostic: string | null };

/**
 * The recipients a delivery status notification reports as failed (RFC 3464: per-recipient
 * blocks with `Final-Recipient` and `Action: failed`). Delayed and delivered ones are left out.
 */
export function failedRecipients(deliveryStatus: string): FailedRecipient[] {
  const blocks = deliveryStatus.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  const out: FailedRecipient[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    // Unfold continuation lines, then read "Name: value".
    for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
      const m = line.match(/^([\w-]+):\s*(.*)$/);
      if (m) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = (fields.get('action') ?? '').toLowerCase();
    if (!recipient || action !== 'failed') continue;
    const address = recipient
      .replace(/^[^;]*;\s*/, '')
      .replace(/^<|>$/g, '')
      .trim()
      .toLowerCase();
    if (!address.includes('@')) continue;
    out.push({
      address,
      status: fields.get('status') ?? null,
      diagnostic: fields.get('diagnostic-code')?.replace(/^[^;]*;\s*/, '') ?? null,
    });
  }
  return out;
}
