/**
 * Which record a reply belongs to. The message ids it answers come first: our own outbound
 * Message-IDs carry the record's id, and any other id it names may be a mail we received or
 * sent for a record. The plus-address it was sent to (`desk+INC0001234@…`) comes next, then a
 * record number in the subject. A number in the subject alone is trusted only when the sender
 * may see that record (the caller checks), so a stranger cannot comment on any record by
 * typing its number.
 */
import { OWN_MESSAGE_ID, stripAngles } from './classify.ts';

/** Every message id in In-Reply-To and References, most recent first, without angle brackets. */
export function referencedIds(
  inReplyTo: string | string[] | null | undefined,
  references: string | string[] | null | undefined,
): string[] {
  const parse = (v: string | string[] | null | undefined) =>
    (Array.isArray(v) ? v.join(' ') : (v ?? '')).match(/<[^<>\s]+>|[^<>\s,]+@[^<>\s,]+/g) ?? [];
  const refs = parse(references).map(stripAngles).reverse();
  const out: string[] = [];
  for (const id of [...parse(inReplyTo).map(stripAngles), ...refs]) if (id && !out.includes(id)) out.push(id);
  return out;
}

/** The record id in one of our own Message-IDs, if it is one. */
export function recordIdOfMessageId(id: string): string | null {
  return stripAngles(id).match(OWN_MESSAGE_ID)?.[1]?.toLowerCase() ?? null;
}

/**
 * Record numbers in a subject, in order of appearance: a prefix from the record-type list and
 * seven or more digits, optionally in brackets (`[INC0001234]`, `Re: INC0001234 …`).
 */
export function recordNumbersInSubject(subject: string, prefixes: readonly string[]): string[] {
  if (prefixes.length === 0) return [];
  const alternatives = prefixes.map((p) => p.replace(/[^A-Za-z0-9]/g, '')).join('|');
  const re = new RegExp(`(?:^|[^A-Za-z0-9])(${alternatives})(\\d{7,})(?![0-9A-Za-z])`, 'gi');
  const out: string[] = [];
  for (const m of subject.matchAll(re)) {
    const n = `${m[1]!.toUpperCase()}${m[2]}`;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** The local part's tag of a plus-address (`desk+INC0001234@x` → `INC0001234`), and its base address. */
export function splitPlusAddress(address: string): { base: string; tag: string | null } {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at < 0) return { base: a, tag: null };
  const local = a.slice(0, at);
  const plus = local.indexOf('+');
  if (plus < 0) return { base: a, tag: null };
  return { base: `${local.slice(0, plus)}${a.slice(at)}`, tag: local.slice(plus + 1) || null };
}

export type ThreadCandidate = {
  recordId: string;
  by: 'message_id' | 'plus_address' | 'subject';
};

export type ThreadLookup = {
  /** Records that the given message ids belong to (ours or mails we received), by id. */
  byMessageId: ReadonlyMap<string, string>;
  /** Records found by number (from the plus-address tag or the subject), by upper-case number. */
  byNumber: ReadonlyMap<string, string>;
  /** Which record ids named by our own Message-IDs exist. */
  existing: ReadonlySet<string>;
};

/**
 * The record a mail threads to, or null for a new conversation. Message ids are tried most
 * recent first; then the plus-address tag, then the subject's numbers in order.
 */
export function decideThread(
  mail: { referencedIds: readonly string[]; plusTags: readonly string[]; subjectNumbers: readonly string[] },
  found: ThreadLookup,
): ThreadCandidate | null {
  for (const id of mail.referencedIds) {
    const own = recordIdOfMessageId(id);
    if (own && found.existing.has(own)) return { recordId: own, by: 'message_id' };
    const known = found.byMessageId.get(id);
    if (known) return { recordId: known, by: 'message_id' };
  }
  for (const tag of mail.plusTags) {
    const r = found.byNumber.get(tag.toUpperCase());
    if (r) return { recordId: r, by: 'plus_address' };
  }
  for (const n of mail.subjectNumbers) {
    const r = found.byNumber.get(n.toUpperCase());
    if (r) return { recordId: r, by: 'subject' };
  }
  return null;
}

/** A subject without its reply and forward prefixes (`Re: AW: Fwd: [INC…] x` keeps `[INC…] x`). */
export function cleanSubject(subject: string): string {
  let s = subject.trim();
  for (;;) {
    const next = s.replace(/^(re|aw|sv|vs|antw|fw|fwd|wg|tr|rv|enc)\s*(\[\d+\])?\s*:\s*/i, '').trim();
    if (next === s) return s;
    s = next;
  }
}
