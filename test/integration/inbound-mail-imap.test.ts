/**
 * IMAP polling against a real Dovecot: messages appended to two folders are stored, processed
 * and only then marked \Seen (or moved); a message the database could not take stays unseen and
 * is picked up by the next poll; nothing is processed twice.
 */
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInboundMailConfig } from '../../src/config-mail-in.ts';
import { pollImapOnce } from '../../src/modules/inbound-mail/imap.ts';
import { inboundMessages } from '../../src/modules/inbound-mail/schema.ts';
import { as, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';
import { startTestImapServer } from '../support/imap.ts';
import { fixture } from '../support/mail-in.ts';

const server = startTestImapServer();
if ('missing' in server) console.warn(`[inbound-mail-imap] ${server.missing}`);

const DESK = 'desk@steward.test';

describe.skipIf('missing' in server)('IMAP polling', () => {
  let env: TestEnv;
  let requester: Client;
  let imap: ImapFlow;
  const url = 'missing' in server ? '' : server.url;
  const settings = (extra: Record<string, string> = {}) => {
    const { config, problems } = loadInboundMailConfig({
      INBOUND_IMAP_URL: url,
      INBOUND_IMAP_MAILBOXES: 'INBOX,Service Desk',
      ...extra,
    });
    expect(problems).toEqual([]);
    return config.imap!;
  };
  /** A session of the test's own with the IMAP server, as the account the settings name. */
  const connect = async () => {
    const s = settings();
    const client = new ImapFlow({
      host: s.host,
      port: s.port,
      secure: false,
      auth: { user: s.user, pass: s.password },
      logger: false,
    });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    const admin = await as(env, ['admin']);
    requester = await as(env, ['requester']);
    await admin.post('/api/v1/admin/inbound-mail/addresses', { address: DESK, name: 'Service Desk' });
    await admin.post('/api/v1/admin/inbound-mail/addresses', {
      address: 'hr@steward.test',
      name: 'HR desk',
      imapMailbox: 'Service Desk',
    });
    imap = await connect();
    // A clean slate when CI's server is shared by several runs of this file.
    for (const box of ['INBOX', 'Service Desk', 'Processed']) {
      const lock = await imap.getMailboxLock(box);
      try {
        await imap.messageDelete('1:*').catch(() => false);
      } finally {
        lock.release();
      }
    }
  });
  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await env?.close();
    if (!('missing' in server)) server.stop();
  });

  /** Unseen and all messages of a folder, read in a session of its own (another sees others' flags late). */
  const unseen = async (box: string) => {
    const look = await connect();
    const lock = await look.getMailboxLock(box);
    try {
      const unseenUids = (await look.search({ seen: false }, { uid: true })) || [];
      const all = (await look.search({ all: true }, { uid: true })) || [];
      return { unseen: unseenUids.length, messages: all.length };
    } finally {
      lock.release();
      await look.logout();
    }
  };

  it('stores and lands messages from several folders, then marks them seen', async () => {
    const incident = await buildIncident(requester, { title: 'Printer on floor 3 jams' });
    const fill = {
      REQUESTER: requester.user.email,
      DESK,
      NUMBER: incident.number,
      OUR_ID: `steward.${incident.id}.imap1@steward.test`,
    };
    await imap.append('INBOX', fixture('thunderbird-reply.eml', fill));
    await imap.append('INBOX', fixture('out-of-office.eml', fill));
    // Sent to an address no configuration names: the folder's address takes it.
    await imap.append(
      'Service Desk',
      Buffer.from(
        fixture('forward.eml', fill).toString('latin1').replaceAll(DESK, 'someone-else@steward.test'),
        'latin1',
      ),
    );
    expect(await unseen('INBOX')).toEqual({ unseen: 2, messages: 2 });

    const result = await pollImapOnce(env.ctx, settings());
    expect(result).toEqual([
      { mailbox: 'INBOX', fetched: 2, stored: 2, failed: 0 },
      { mailbox: 'Service Desk', fetched: 1, stored: 1, failed: 0 },
    ]);
    expect(await unseen('INBOX')).toEqual({ unseen: 0, messages: 2 });
    expect(await unseen('Service Desk')).toEqual({ unseen: 0, messages: 1 });

    const rows = await env.ctx.db.select().from(inboundMessages);
    const by = (source: string, status: string) =>
      rows.filter((r) => r.source === source && r.status === status);
    expect(by('imap:INBOX', 'commented')).toHaveLength(1);
    expect(by('imap:INBOX', 'commented')[0]!.recordId).toBe(incident.id);
    expect(by('imap:INBOX', 'ignored')).toHaveLength(1);
    expect(by('imap:Service Desk', 'created')).toHaveLength(1);

    // Polling again finds nothing new and lands nothing twice.
    expect(await pollImapOnce(env.ctx, settings())).toEqual([
      { mailbox: 'INBOX', fetched: 0, stored: 0, failed: 0 },
      { mailbox: 'Service Desk', fetched: 0, stored: 0, failed: 0 },
    ]);
    expect(await env.ctx.db.select().from(inboundMessages)).toHaveLength(3);
  });

  it('leaves a message unseen while the database cannot take it, and takes it at the next poll', async () => {
    const raw = Buffer.from(
      fixture('attachments.eml', { REQUESTER: requester.user.email, DESK })
        .toString('latin1')
        .replace('attach-0001', 'attach-imap'),
      'latin1',
    );
    await imap.append('INBOX', raw);
    const broken = new Proxy(env.ctx.db, {
      get(target, prop, receiver) {
        if (prop === 'insert')
          return () => {
            throw new Error('connection terminated');
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const down = await pollImapOnce(
      { ...env.ctx, db: broken },
      settings({ INBOUND_IMAP_MAILBOXES: 'INBOX' }),
    );
    expect(down).toEqual([{ mailbox: 'INBOX', fetched: 1, stored: 0, failed: 1 }]);
    expect((await unseen('INBOX')).unseen).toBe(1);

    const up = await pollImapOnce(
      env.ctx,
      settings({ INBOUND_IMAP_MAILBOXES: 'INBOX', INBOUND_IMAP_DONE_MAILBOX: 'Processed' }),
    );
    expect(up).toEqual([{ mailbox: 'INBOX', fetched: 1, stored: 1, failed: 0 }]);
    // Moved to the done folder once committed.
    expect(await unseen('INBOX')).toEqual({ unseen: 0, messages: 2 });
    expect((await unseen('Processed')).messages).toBe(1);
    const [row] = await env.ctx.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.messageId, 'attach-imap@example.com'));
    expect(row).toMatchObject({ status: 'created', source: 'imap:INBOX' });
  });
});
