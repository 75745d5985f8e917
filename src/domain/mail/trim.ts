/**
 * What of a reply people need to read: the new text, without the quoted conversation below it
 * and without the signature. Mail clients quote in their own ways: Gmail and Apple Mail write
 * "On … wrote:" above `>` lines, Thunderbird the same with a date first, Outlook an
 * "-----Original Message-----" line or a rule followed by From:/Sent: headers (in several
 * languages). Quotes interleaved with answers are kept; only the trailing quoted conversation
 * goes. Forwarded mail is kept whole: what was forwarded is the content. The original is kept
 * by the caller and stays viewable.
 */

const REPLY_HEADER_ONE_LINE = [
  /^On\b.{4,200}\bwrote:\s*$/i,
  /^Le\b.{4,200}\ba écrit\s*:\s*$/i,
  /^Am\b.{4,200}\bschrieb\b.{0,100}:\s*$/i,
  /^El\b.{4,200}\bescribió:\s*$/i,
  /^Op\b.{4,200}\bschreef\b.{0,100}:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
];
const HEADER_FROM = /^\*?(From|Von|De|Van|Från)\s*:\*?\s*\S/i;
const HEADER_NEXT =
  /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Skickat|To|An|À|Para|Aan|Subject|Betreff|Objet|Asunto)\s*:/i;
const RULE = /^_{8,}\s*$/;
const FORWARD =
  /^(-{2,}\s*(Forwarded message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}|Begin forwarded message:)\s*$/i;
const SIGNATURE_DASHES = /^--\s?$/;
const MOBILE_SIGNATURE =
  /^(Sent from my \w[\w ]{0,30}|Get Outlook for \w+|Sent from (Mail|Outlook) for \w+|Von meinem \w+ gesendet|Envoyé de mon \w+)\.?\s*$/i;

export type Trimmed = {
  /** The text to show: new words only. */
  text: string;
  /** Whether anything was cut (quote or signature). */
  trimmed: boolean;
};

/** Index of the line where the quoted conversation starts, or -1. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (FORWARD.test(line)) return -1;
    if (REPLY_HEADER_ONE_LINE.some((re) => re.test(line))) return i;
    // "On Mon, 2 Mar 2026 at 09:00, Maria Lopez <maria@example.com>\nwrote:" wrapped over two lines.
    if (
      /^(On|Le|Am)\b/i.test(line) &&
      /^(wrote|a écrit|schrieb)\b.{0,60}:\s*$/i.test(lines[i + 1]?.trim() ?? '')
    )
      return i;
    // Outlook: an optional rule, then From: followed by Sent:/To:/Subject: lines.
    const fromAt = RULE.test(line) ? i + 1 : i;
    if (HEADER_FROM.test(lines[fromAt]?.trim() ?? '') && HEADER_NEXT.test(lines[fromAt + 1]?.trim() ?? ''))
      return i;
  }
  // A trailing block of `>` lines (blank lines allowed) with nothing new after it.
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line.startsWith('>')) start = i;
    else if (line !== '') break;
  }
  return start;
}

function signatureStart(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (SIGNATURE_DASHES.test(lines[i]!)) return i;
  return -1;
}

export function trimReply(text: string): Trimmed {
  const normal = text.replace(/\r\n?/g, '\n');
  let lines = normal.split('\n');
  let cut = false;
  const q = quoteStart(lines);
  if (q >= 0) {
    lines = lines.slice(0, q);
    cut = true;
  }
  const sig = signatureStart(lines);
  if (sig >= 0) {
    lines = lines.slice(0, sig);
    cut = true;
  }
  while (lines.length && (lines.at(-1)!.trim() === '' || MOBILE_SIGNATURE.test(lines.at(-1)!.trim()))) {
    if (lines.at(-1)!.trim() !== '') cut = true;
    lines.pop();
  }
  const visible = lines.join('\n').trim();
  // A mail that is nothing but a quote (or a signature) shows whole rather than empty.
  if (visible === '') return { text: normal.trim(), trimmed: false };
  return { text: visible, trimmed: cut };
}
