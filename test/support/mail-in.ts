/**
 * Helpers for the email-in tests: the MIME corpus under test/fixtures/mail with its placeholders
 * filled in, and delivery over real SMTP (nodemailer) to a listener.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/mail');

export type Fill = { REQUESTER: string; DESK: string; NUMBER: string; OUR_ID: string };

/** A corpus message with {{REQUESTER}}, {{DESK}}, {{NUMBER}} and {{OUR_ID}} replaced (bytes kept as they are). */
export function fixture(name: string, fill: Partial<Fill>): Buffer {
  let text = readFileSync(path.join(FIXTURES, name)).toString('latin1');
  for (const [k, v] of Object.entries(fill)) text = text.replaceAll(`{{${k}}}`, v ?? '');
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** Deliver a raw message over SMTP; resolves with the server's answer, rejects with its error. */
export async function sendOverSmtp(
  port: number,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): Promise<{ response: string }> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { response: info.response };
  } finally {
    transport.close();
  }
}
