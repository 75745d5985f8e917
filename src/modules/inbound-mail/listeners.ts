/**
 * Starts what receives mail on a job-running instance: the SMTP listener when INBOUND_SMTP_PORT
 * is set and IMAP polling when INBOUND_IMAP_URL is set. They stop with the context.
 */
import type { AppContext } from '../../context.ts';
import { startImapPolling } from './imap.ts';
import { type SmtpListener, startSmtpListener } from './smtp.ts';

export const SWEEP_QUEUE = 'inbound-mail.sweep';

export async function startInboundListeners(ctx: AppContext): Promise<{ smtp: SmtpListener | null }> {
  const { smtp, imap } = ctx.config.inboundMail;
  const listener = smtp ? await startSmtpListener(ctx, smtp) : null;
  const polling = imap ? startImapPolling(ctx, imap) : null;
  if (listener || polling) {
    const before = ctx.stopListeners;
    ctx.stopListeners = async () => {
      await listener?.close();
      await polling?.stop();
      await before();
    };
  }
  return { smtp: listener };
}
