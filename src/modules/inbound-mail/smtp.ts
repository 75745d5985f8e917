/**
 * The built-in SMTP listener (off unless INBOUND_SMTP_PORT is set; on loopback unless
 * INBOUND_SMTP_HOST says otherwise): it accepts mail for the configured addresses and their
 * plus-addressed variants, stores each message and processes it before answering. When the
 * database cannot take the message it answers 451, a temporary failure, so the sending server
 * keeps the message and tries again later: nothing is lost.
 */
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { SMTPServerDataStream } from 'smtp-server';
import type { AppContext } from '../../context.ts';
import { splitPlusAddress } from '../../domain/mail/threading.ts';
import { inboundMailAddresses } from './schema.ts';
import { deliverMail } from './service.ts';

export type SmtpListener = { port: number; host: string; close(): Promise<void> };

const smtpError = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

async function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startSmtpListener(
  ctx: AppContext,
  opts: { port: number; host: string; maxBytes: number },
): Promise<SmtpListener> {
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: 'steward',
    banner: 'Steward mail in',
    size: opts.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const { base } = splitPlusAddress(address.address);
      ctx.db
        .select({ id: inboundMailAddresses.id })
        .from(inboundMailAddresses)
        .where(and(eq(inboundMailAddresses.address, base), eq(inboundMailAddresses.active, true)))
        .then(
          (rows) =>
            callback(rows.length ? null : smtpError(`5.1.1 <${address.address}>: no such mailbox here`, 550)),
          (err: unknown) => {
            ctx.log.warn({ err }, 'inbound SMTP: database unavailable, deferring');
            callback(smtpError('4.3.0 Temporarily unable to accept mail, try again later', 451));
          },
        );
    },
    onData(stream, session, callback) {
      readStream(stream)
        .then(async (raw) => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(smtpError(`5.3.4 Message larger than ${opts.maxBytes} bytes`, 552));
          const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          };
          try {
            await deliverMail(ctx, raw, 'smtp', envelope);
          } catch (err) {
            ctx.log.warn({ err }, 'inbound SMTP: could not store the message, deferring');
            return callback(smtpError('4.3.0 Temporarily unable to store the message, try again later', 451));
          }
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  server.on('error', (err) => ctx.log.warn({ err }, 'inbound SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = (server.server.address() as AddressInfo | null) ?? { port: opts.port };
  ctx.log.info({ port: addr.port, host: opts.host }, 'inbound SMTP listener started');
  return {
    port: addr.port,
    host: opts.host,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
