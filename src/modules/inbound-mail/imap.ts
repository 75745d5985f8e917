/**
 * IMAP polling: every INBOUND_IMAP_POLL_SECONDS the job-running instance reads the unseen
 * messages of each configured folder, stores and processes each, and only after the message is
 * committed marks it \Seen (or moves it to INBOUND_IMAP_DONE_MAILBOX). A message the database
 * could not take stays unseen and is fetched again at the next poll; one stored twice is
 * recognised by its Message-ID.
 */
import type { InboundMailConfig } from '../../config-mail-in.ts';
import type { AppContext } from '../../context.ts';
import { deliverMail } from './service.ts';

type ImapSettings = NonNullable<InboundMailConfig['imap']>;

export type PollResult = { mailbox: string; fetched: number; stored: number; failed: number }[];

export async function pollImapOnce(ctx: AppContext, imap: ImapSettings): Promise<PollResult> {
  // Loaded on the first poll: only instances reading a mailbox need it.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    // A throwaway test server has a self-signed certificate; production servers are verified.
    tls: { rejectUnauthorized: !/^(127\.|::1$|localhost$)/.test(imap.host) },
  });
  client.on('error', (err: unknown) => ctx.log.warn({ err }, 'inbound IMAP connection error'));
  await client.connect();
  const result: PollResult = [];
  try {
    for (const mailbox of imap.mailboxes) {
      const lock = await client.getMailboxLock(mailbox);
      const tally = { mailbox, fetched: 0, stored: 0, failed: 0 };
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          tally.fetched++;
          const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (msg === false || !msg.source) continue;
          try {
            await deliverMail(ctx, msg.source, `imap:${mailbox}`, { mailbox });
          } catch (err) {
            // Not committed: leave it unseen for the next poll.
            tally.failed++;
            ctx.log.warn(
              { err, mailbox, uid },
              'inbound IMAP: could not store a message; left for the next poll',
            );
            continue;
          }
          tally.stored++;
          if (imap.doneMailbox) await client.messageMove(String(uid), imap.doneMailbox, { uid: true });
          else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      } finally {
        lock.release();
      }
      result.push(tally);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

/** Poll on an interval until stopped; one poll at a time, errors logged and retried next time. */
export function startImapPolling(ctx: AppContext, imap: ImapSettings): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = pollImapOnce(ctx, imap)
      .catch((err: unknown) => ctx.log.warn({ err }, 'inbound IMAP poll failed; trying again later'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, imap.pollSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
