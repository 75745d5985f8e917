/**
 * Email in end to end: the MIME corpus delivered over real SMTP to the built-in listener, each
 * message asserted where it lands (a comment on the right record, a new record, ignored, bounced,
 * refused), plus the admin API, re-processing, duplicates and the 4xx answer when the database
 * cannot take a message.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InboundAddressView,
  InboundMessagePage,
  InboundMessageView,
} from '../../src/contracts/inbound-mail.ts';
import { users } from '../../src/modules/auth/schema.ts';
import { isAddressFailing } from '../../src/modules/inbound-mail/index.ts';
import { inboundMessages } from '../../src/modules/inbound-mail/schema.ts';
import { processPending, receiveMail } from '../../src/modules/inbound-mail/service.ts';
import { type SmtpListener, startSmtpListener } from '../../src/modules/inbound-mail/smtp.ts';
import { queueMail } from '../../src/modules/mail/index.ts';
import { mailOutbox } from '../../src/modules/mail/schema.ts';
import { attachments, records, recordWatchers } from '../../src/modules/records/schema.ts';
import { activityOf, buildIncident, buildUser, commentsIn, setupTestEnv } from '../support/app.ts';
import { type Fill, fixture, sendOverSmtp } from '../support/mail-in.ts';

const DESK = 'desk@steward.test';
const STRICT = 'strict@steward.test';

const t = setupTestEnv({ admin: ['admin'], agent: ['agent'], requester: ['requester'] });
let smtp: SmtpListener;
let incident: { id: string; number: string };
let fill: Fill;
let outboxId: string;

beforeAll(async () => {
  for (const body of [
    { address: DESK, name: 'Service Desk' },
    {
      address: STRICT,
      name: 'Payroll desk',
      unknownSenderPolicy: 'refuse',
      strangerReplyPolicy: 'new_record',
    },
  ]) {
    const res = await t.admin.post('/api/v1/admin/inbound-mail/addresses', body);
    expect(res.statusCode, res.body).toBe(201);
  }
  incident = await buildIncident(t.requester, { title: 'Printer on floor 3 jams' });
  fill = {
    REQUESTER: t.requester.user.email,
    DESK,
    NUMBER: incident.number,
    OUR_ID: `steward.${incident.id}.a1b2c3@steward.test`,
  };
  // A notification the outbox sent about the incident; Gmail's reply answers this one.
  const sent = await queueMail(t.env.ctx, t.env.ctx.db, {
    purpose: 'notification',
    recordId: incident.id,
    to: [t.requester.user.email],
    subject: `[${incident.number}] Printer on floor 3 jams`,
    text: 'We have received your incident.',
  });
  outboxId = sent.messageId.replace(/^<|>$/g, '');
  smtp = await startSmtpListener(t.env.ctx, { port: 0, host: '127.0.0.1', maxBytes: 5_000_000 });
});
afterAll(async () => {
  await smtp?.close();
});

/** The message stored under a Message-ID (without the angle brackets). */
async function storedMessage(messageId: string) {
  const [row] = await t.env.ctx.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.messageId, messageId));
  return row;
}

/** Sends a corpus message edited as latin1 text over SMTP to the listener. */
const sendText = (raw: string, envelope: { from: string; to: string[] }) =>
  sendOverSmtp(smtp.port, Buffer.from(raw, 'latin1'), envelope);

async function deliver(name: string, over: Partial<Fill> = {}, to = [DESK]) {
  const f = { ...fill, ...over };
  const raw = fixture(name, f);
  await sendOverSmtp(smtp.port, raw, { from: f.REQUESTER, to });
  const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('latin1'))![1]!;
  const row = await storedMessage(messageId);
  return (await t.admin.get(`/api/v1/admin/inbound-mail/messages/${row!.id}`)).json() as InboundMessageView;
}

/** The comments on a record, as the agent sees them. */
const activity = async (id: string) => commentsIn(await activityOf(t.agent, id));

type Case = {
  file: string;
  status: string;
  reason?: string;
  threadedBy?: string | null;
  /** The comment's or the new record's text must contain these, and must not contain the others. */
  has?: string[];
  hasNot?: string[];
  over?: (f: Fill) => Partial<Fill>;
};

const CASES: Case[] = [
  {
    file: 'outlook-reply.eml',
    status: 'commented',
    reason: 'reply',
    threadedBy: 'message_id',
    has: ['tray 2 this time', 'E-204'],
    hasNot: ['We have received', 'From: Service Desk'],
  },
  {
    file: 'gmail-reply.eml',
    status: 'commented',
    threadedBy: 'message_id',
    has: ['Thanks — the technician came by'],
    hasNot: ['wrote:', 'We have received'],
    over: () => ({ OUR_ID: outboxId }),
  },
  {
    file: 'apple-mail-reply.eml',
    status: 'commented',
    threadedBy: 'message_id',
    has: ['next to the kitchen'],
    hasNot: ['Sent from my iPhone', 'wrote:'],
  },
  {
    file: 'thunderbird-reply.eml',
    status: 'commented',
    threadedBy: 'message_id',
    has: ['HP LaserJet M607'],
    hasNot: ['Facilities, 3rd floor', 'We have received'],
  },
  {
    file: 'stripped-subject-reply.eml',
    status: 'commented',
    threadedBy: 'message_id',
    has: ['Still jamming after the visit'],
    hasNot: ['wrote:'],
  },
  {
    file: 'subject-number-reply.eml',
    status: 'commented',
    threadedBy: 'subject',
    has: ['toner was replaced'],
  },
  { file: 'auto-reply.eml', status: 'ignored', reason: 'auto_reply' },
  { file: 'out-of-office.eml', status: 'ignored', reason: 'auto_reply' },
  { file: 'mailing-list.eml', status: 'ignored', reason: 'bulk' },
  { file: 'x-loop.eml', status: 'ignored', reason: 'loop' },
  { file: 'own-message-id.eml', status: 'ignored', reason: 'loop' },
  { file: 'dsn-bounce.eml', status: 'bounced', reason: 'bounce' },
  {
    file: 'forward.eml',
    status: 'created',
    reason: 'new_mail',
    threadedBy: 'new',
    has: ['Can you renew this before Friday', 'expires on 6 March 2026'],
  },
  { file: 'attachments.eml', status: 'created', has: ['invalid file'] },
  { file: 'inline-image.eml', status: 'created', has: ['monitor shows this error'] },
  { file: 'latin1-qp.eml', status: 'created', has: ['Können Sie bitte', 'Viele Grüße'] },
  { file: 'koi8r-base64.eml', status: 'created', has: ['Не работает доступ к общему диску'] },
  {
    file: 'stranger-reply.eml',
    status: 'commented',
    reason: 'stranger_added_as_watcher',
    threadedBy: 'message_id',
    has: ['same printer also prints blank pages'],
    hasNot: ['wrote:'],
  },
  { file: 'new-from-unknown.eml', status: 'created', reason: 'new_mail', has: ['guest Wi-Fi password'] },
];

describe('the inbound corpus over SMTP', () => {
  const landed = new Map<string, InboundMessageView>();

  it.each(CASES)('$file lands as $status', async (c) => {
    const before = (await activity(incident.id)).length;
    const view = await deliver(c.file, c.over?.(fill) ?? {});
    landed.set(c.file, view);
    expect(view.status, view.detail ?? '').toBe(c.status);
    if (c.reason) expect(view.reason).toBe(c.reason);
    if (c.threadedBy !== undefined) expect(view.threadedBy).toBe(c.threadedBy);
    const comments = await activity(incident.id);
    if (c.status === 'commented') {
      expect(view.record?.id).toBe(incident.id);
      expect(comments).toHaveLength(before + 1);
      const body = comments.at(-1)!.kind === 'comment' ? (comments.at(-1) as { body: string }).body : '';
      for (const s of c.has ?? []) expect(body).toContain(s);
      for (const s of c.hasNot ?? []) expect(body).not.toContain(s);
      // The original stays whole and viewable.
      for (const s of c.hasNot ?? [])
        if (!s.includes('Sent from')) expect(view.text).toContain(s.split(':')[0]);
    } else {
      expect(comments).toHaveLength(before);
    }
    if (c.status === 'created') {
      expect(view.record).not.toBeNull();
      expect(view.record!.id).not.toBe(incident.id);
      const rec = (await t.agent.get(`/api/v1/incidents/${view.record!.id}`)).json() as {
        description: string;
        channel: string;
      };
      expect(rec.channel).toBe('email');
      for (const s of c.has ?? []) expect(rec.description).toContain(s);
    }
    if (['ignored', 'bounced'].includes(c.status)) expect(view.record).toBeNull();
  });

  it('decodes charsets and encoded words into the title', async () => {
    const titleOf = async (file: string) =>
      ((await t.agent.get(`/api/v1/incidents/${landed.get(file)!.record!.id}`)).json() as { title: string })
        .title;
    expect(await titleOf('latin1-qp.eml')).toBe('Drucker im Flur druckt nur graue Seiten – bitte prüfen');
    expect(await titleOf('koi8r-base64.eml')).toBe('Нет доступа к общему диску');
    expect(await titleOf('forward.eml')).toBe('VPN certificate expires on Friday');
  });

  it('keeps attachments and inline images on the record', async () => {
    const files = async (file: string) =>
      (
        await t.env.ctx.db
          .select({
            filename: attachments.filename,
            contentType: attachments.contentType,
            size: attachments.size,
          })
          .from(attachments)
          .where(eq(attachments.recordId, landed.get(file)!.record!.id))
      ).sort((a, b) => a.filename.localeCompare(b.filename));
    expect(await files('attachments.eml')).toEqual([
      { filename: 'Ausgaben März.csv', contentType: 'text/csv', size: expect.any(Number) },
      { filename: 'receipt-2026-03.pdf', contentType: 'application/pdf', size: 125 },
    ]);
    expect(await files('inline-image.eml')).toEqual([
      { filename: 'error.png', contentType: 'image/png', size: 70 },
    ]);
    expect(landed.get('inline-image.eml')!.attachments[0]!.inline).toBe(true);
  });

  it('sanitises HTML for display: no scripts, handlers or remote images', () => {
    const html = landed.get('outlook-reply.eml')!.html!;
    expect(html).toContain('It jammed again this morning');
    expect(html).not.toMatch(/<script|onerror|tracker\.example\.com|<style/i);
  });

  it('marks the bounced address as failing, not the delayed one', async () => {
    expect(await isAddressFailing(t.env.ctx.db, 'Gone.Person@example.net')).toBe(true);
    expect(await isAddressFailing(t.env.ctx.db, 'slow.person@example.net')).toBe(false);
    expect(landed.get('dsn-bounce.eml')!.detail).toContain('gone.person@example.net');
  });

  it('adds a stranger who replies as a watcher, created as a requester', async () => {
    const [sam] = await t.env.ctx.db
      .select()
      .from(users)
      .where(eq(users.email, 'sam.stranger@partner.example'));
    expect(sam?.name).toBe('Sam Stranger');
    const watchers = await t.env.ctx.db
      .select()
      .from(recordWatchers)
      .where(eq(recordWatchers.recordId, incident.id));
    expect(watchers.map((w) => w.userId)).toContain(sam!.id);
    const comments = await activity(incident.id);
    expect(comments.some((c) => c.actor?.id === sam!.id)).toBe(true);
  });

  it('answered nothing machine-written: the outbox holds only notifications', async () => {
    const out = await t.env.ctx.db.select({ purpose: mailOutbox.purpose }).from(mailOutbox);
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter((o) => !o.purpose.startsWith('notification'))).toEqual([]);
    // A reply by mail is a comment like any other: the people on the record are told of it.
    expect(out.some((o) => o.purpose === 'notification:record.commented')).toBe(true);
  });
});

describe('policies', () => {
  it('refuses an unknown sender politely where the address says so, and re-processes once they exist', async () => {
    const view = await deliver('new-from-unknown.eml', {}, [STRICT]).catch(() => null);
    // Same Message-ID as the earlier delivery to the desk: stored once, not landed twice.
    expect(view?.status).toBe('created');

    const raw = fixture('new-from-unknown.eml', fill)
      .toString('latin1')
      .replace('unknown-0001@visitor.example', 'unknown-0002@visitor.example')
      .replace('una.known@visitor.example', 'vera.visitor@visitor.example')
      .replaceAll(DESK, STRICT);
    await sendText(raw, { from: 'vera.visitor@visitor.example', to: [STRICT] });
    const row = await storedMessage('unknown-0002@visitor.example');
    expect(row).toMatchObject({ status: 'refused', reason: 'unknown_sender', recordId: null });
    const refusals = await t.env.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.purpose, 'inbound-refusal'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({
      toAddresses: ['vera.visitor@visitor.example'],
      inReplyTo: '<unknown-0002@visitor.example>',
    });
    expect(refusals[0]!.headers['Auto-Submitted']).toBe('auto-replied');

    // An admin adds Vera; processing the message again opens her record.
    await buildUser(t.env, { email: 'vera.visitor@visitor.example', name: 'Vera Visitor' });
    const again = await t.admin.post(`/api/v1/admin/inbound-mail/messages/${row!.id}/reprocess`);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as InboundMessageView).status).toBe('created');
    const twice = await t.admin.post(`/api/v1/admin/inbound-mail/messages/${row!.id}/reprocess`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already landed \(created on INC\d+\)/);
  });

  it('opens a linked follow-up for a reply to a closed record', async () => {
    const old = await buildIncident(t.requester, { title: 'Old closed issue' });
    await t.env.ctx.db
      .update(records)
      .set({ closedAt: t.env.clock.now(), state: 'closed' })
      .where(eq(records.id, old.id));
    const raw = fixture('gmail-reply.eml', {
      ...fill,
      NUMBER: old.number,
      OUR_ID: `steward.${old.id}.zz@steward.test`,
    })
      .toString('latin1')
      .replace('gmail-reply-7f3a9c', 'gmail-reply-closed');
    await sendText(raw, { from: t.requester.user.email, to: [DESK] });
    const row = await storedMessage('CAJx8Hq3=gmail-reply-closed@mail.gmail.com');
    expect(row).toMatchObject({ status: 'created', reason: 'closed_record' });
    const links = (await t.agent.get(`/api/v1/records/${row!.recordId}/links`)).json() as {
      record: { id: string };
    }[];
    expect(links.map((l) => l.record.id)).toEqual([old.id]);
  });

  it('opens a new record for a stranger where the address says new_record', async () => {
    // Nina has an account (the strict address refuses unknown senders) but is not on the incident.
    await buildUser(t.env, { email: 'nina.neighbour@steward.test', name: 'Nina Neighbour' });
    const raw = fixture('stranger-reply.eml', { ...fill, DESK: STRICT })
      .toString('latin1')
      .replaceAll('sam.stranger@partner.example', 'nina.neighbour@steward.test')
      .replace('stranger-0001', 'stranger-0002');
    await sendText(raw, { from: 'nina.neighbour@steward.test', to: [STRICT] });
    const row = await storedMessage('stranger-0002@partner.example');
    expect(row).toMatchObject({ status: 'created', reason: 'stranger_reply' });
    expect(row!.recordId).not.toBe(incident.id);
  });

  it('does not trust a record number in the subject from someone who cannot see the record', async () => {
    const other = await buildUser(t.env, { email: 'olli.other@steward.test' });
    const raw = fixture('subject-number-reply.eml', { ...fill, REQUESTER: other.email })
      .toString('latin1')
      .replace('subject-0001', 'subject-0002');
    await sendText(raw, { from: other.email, to: [DESK] });
    const row = await storedMessage('subject-0002@example.com');
    expect(row).toMatchObject({ status: 'created', threadedBy: 'new' });
  });

  it('threads on the plus-address of the reply-to', async () => {
    const raw = fixture('new-from-unknown.eml', fill)
      .toString('latin1')
      .replace('una.known@visitor.example', t.requester.user.email)
      .replace('unknown-0001', 'plus-0001')
      .replace(`To: ${DESK}`, `To: desk+${incident.number.toLowerCase()}@steward.test`);
    await sendText(raw, {
      from: t.requester.user.email,
      to: [`desk+${incident.number.toLowerCase()}@steward.test`],
    });
    const row = await storedMessage('plus-0001@visitor.example');
    expect(row).toMatchObject({ status: 'commented', threadedBy: 'plus_address', recordId: incident.id });
  });
});

describe('delivery', () => {
  it('rejects recipients it does not serve with 550', async () => {
    await expect(
      sendOverSmtp(smtp.port, fixture('forward.eml', fill), {
        from: fill.REQUESTER,
        to: ['nobody@steward.test'],
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('answers 451 when the database cannot take the message, so the sender retries', async () => {
    const broken = new Proxy(t.env.ctx.db, {
      get(target, prop, receiver) {
        if (prop === 'insert' || prop === 'select')
          return () => {
            throw new Error('connection terminated');
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const down = await startSmtpListener(
      { ...t.env.ctx, db: broken },
      { port: 0, host: '127.0.0.1', maxBytes: 1_000_000 },
    );
    try {
      await expect(
        sendOverSmtp(down.port, fixture('forward.eml', fill), { from: fill.REQUESTER, to: [DESK] }),
      ).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      await down.close();
    }
  });

  it('stores a message delivered twice once', async () => {
    const before = (await activity(incident.id)).length;
    const raw = fixture('outlook-reply.eml', fill);
    await sendOverSmtp(smtp.port, raw, { from: fill.REQUESTER, to: [DESK] });
    expect(await activity(incident.id)).toHaveLength(before);
  });

  it('processes what was stored but not processed', async () => {
    const raw = Buffer.from(
      fixture('forward.eml', fill).toString('latin1').replace('forward-1a2b3c', 'forward-pending'),
      'latin1',
    );
    const { id } = await receiveMail(t.env.ctx, raw, 'smtp', { rcptTo: [DESK] });
    expect(await processPending(t.env.ctx)).toBeGreaterThanOrEqual(1);
    const [row] = await t.env.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
    expect(row!.status).toBe('created');
  });
});

describe('the admin API', () => {
  it('lists, reads and changes addresses with If-Match; validates input', async () => {
    const list = (await t.admin.get('/api/v1/admin/inbound-mail/addresses')).json() as InboundAddressView[];
    expect(list.map((a) => a.address)).toEqual([DESK, STRICT]);
    const desk = list[0]!;
    const stale = await t.admin.patch(
      `/api/v1/admin/inbound-mail/addresses/${desk.id}`,
      { name: 'x' },
      { 'if-match': '"99"' },
    );
    expect(stale.statusCode).toBe(412);
    const ok = await t.admin.patch(
      `/api/v1/admin/inbound-mail/addresses/${desk.id}`,
      { name: 'IT Service Desk' },
      { 'if-match': `"${desk.version}"` },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe(`"${desk.version + 1}"`);
    const bad = await t.admin.post('/api/v1/admin/inbound-mail/addresses', {
      address: 'desk+x@steward.test',
      name: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('without a +tag');
    const dupe = await t.admin.post('/api/v1/admin/inbound-mail/addresses', {
      address: 'DESK@steward.test',
      name: 'x',
    });
    expect(dupe.statusCode).toBe(409);
    const noService = await t.admin.post('/api/v1/admin/inbound-mail/addresses', {
      address: 'x@steward.test',
      name: 'x',
      serviceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noService.statusCode).toBe(422);
    expect(noService.body).toContain('no service with this id');
    const made = (
      await t.admin.post('/api/v1/admin/inbound-mail/addresses', {
        address: 'gone@steward.test',
        name: 'Gone',
      })
    ).json() as InboundAddressView;
    expect((await t.admin.del(`/api/v1/admin/inbound-mail/addresses/${made.id}`)).statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/admin/inbound-mail/addresses/${made.id}`)).statusCode).toBe(404);
  });

  it('keeps inbound mail from agents and requesters', async () => {
    expect((await t.agent.get('/api/v1/admin/inbound-mail/messages')).statusCode).toBe(403);
    expect((await t.requester.get('/api/v1/admin/inbound-mail/addresses')).statusCode).toBe(403);
    expect(
      (
        await t.agent.post('/api/v1/admin/inbound-mail/addresses', {
          address: 'agent@steward.test',
          name: 'a',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('pages messages newest first, filters by status and serves the raw source', async () => {
    const first = (
      await t.admin.get('/api/v1/admin/inbound-mail/messages?limit=5')
    ).json() as InboundMessagePage;
    expect(first.items).toHaveLength(5);
    const second = (
      await t.admin.get(`/api/v1/admin/inbound-mail/messages?limit=5&cursor=${first.nextCursor}`)
    ).json() as InboundMessagePage;
    expect(second.items[0]!.receivedAt <= first.items[4]!.receivedAt).toBe(true);
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(10);
    const ignored = (
      await t.admin.get('/api/v1/admin/inbound-mail/messages?status=ignored')
    ).json() as InboundMessagePage;
    expect(ignored.items.length).toBe(5);
    expect(ignored.items.every((m) => m.status === 'ignored')).toBe(true);
    const raw = await t.admin.get(`/api/v1/admin/inbound-mail/messages/${ignored.items[0]!.id}/raw`);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    expect(raw.body).toContain('Message-ID:');
    expect((await t.admin.get('/api/v1/admin/inbound-mail/messages?cursor=nonsense')).statusCode).toBe(400);
  });
});
