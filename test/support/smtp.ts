/**
 * A real SMTP server in the test process (smtp-server) that keeps every message it receives,
 * parsed (mailparser) and raw. It listens on loopback, on a free port unless one is given (a test
 * that stops and restarts the peer passes the port it had).
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { type Client, createTestEnv, signInClients, type TestEnv } from './app.ts';
import { pollUntil } from './poll.ts';

export type ReceivedMail = { parsed: ParsedMail; raw: string; envelopeTo: string[] };

export type SmtpPeer = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** The messages received for `address` (one of the envelope's recipients). */
  mailTo(address: string): ReceivedMail[];
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

export async function startSmtpPeer(opts: { port?: number } = {}): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({ parsed, raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailTo: (address) => received.filter((m) => m.envelopeTo.includes(address)),
    async waitFor(count, timeoutMs = 10_000) {
      const what = `${count} messages`;
      await pollUntil(
        () => received.length,
        (n) => n >= count,
        { what, timeoutMs, everyMs: 20 },
      );
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test file's env whose mail goes to an SMTP peer in this process: both started before the file's
 * tests (the env with SMTP_URL pointing at the peer, plus `settings`) and closed after them, with one
 * signed-in client per named role list as in `setupTestEnv`. The object is filled in `beforeAll`;
 * a test that restarts the peer puts the new one in `peer`.
 */
export function setupMailTestEnv<K extends string = never>(
  settings: Record<string, string>,
  clients: Record<K, Role[]> = {} as Record<K, Role[]>,
): { env: TestEnv; peer: SmtpPeer } & Record<K, Client> {
  const t = {} as { env: TestEnv; peer: SmtpPeer } & Record<K, Client>;
  beforeAll(async () => {
    t.peer = await startSmtpPeer();
    t.env = await createTestEnv({ env: { SMTP_URL: t.peer.url, ...settings } });
    await signInClients(t, clients);
  });
  afterAll(async () => {
    await t.env?.close();
    await t.peer?.close();
  });
  return t;
}
