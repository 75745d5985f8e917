/** Sending one stored message over SMTP with nodemailer (one pooled transport per SMTP_URL). */
import type { Transporter } from 'nodemailer';
import type { mailOutbox } from './schema.ts';

const transports = new Map<string, Transporter>();

async function transportFor(url: string): Promise<Transporter> {
  // Loaded on the first message sent: instances without SMTP never need it. Loaded before the
  // map is read, so two first messages at once still share one transport.
  const { default: nodemailer } = await import('nodemailer');
  let t = transports.get(url);
  if (!t) {
    const u = new URL(url);
    const secure = u.protocol === 'smtps:';
    t = nodemailer.createTransport({
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : secure ? 465 : 587,
      secure,
      ...(u.username
        ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
        : {}),
      // ?tls=off: a plain local relay that offers STARTTLS with a certificate nobody can check.
      ...(u.searchParams.get('tls') === 'off' ? { ignoreTLS: true } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(url, t);
  }
  return t;
}

/** Close every transport (shutdown, tests). */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

export async function sendOverSmtp(url: string, m: typeof mailOutbox.$inferSelect): Promise<void> {
  await (await transportFor(url)).sendMail({
    from: m.fromAddress,
    to: m.toAddresses,
    cc: m.ccAddresses.length ? m.ccAddresses : undefined,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    text: m.textBody,
    html: m.htmlBody ?? undefined,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo ?? undefined,
    references: m.references.length ? m.references : undefined,
    headers: m.headers,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  });
}
