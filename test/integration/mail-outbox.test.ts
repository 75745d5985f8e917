/**
 * The mail outbox against a real SMTP server in the test process: headers and parts as sent,
 * an SMTP outage that delays mail without losing or doubling it, the admin log and retry.
 */
import { describe, expect, it } from 'vitest';
import { deliverDueMail, queueMail } from '../../src/modules/mail/index.ts';
import { setupMailTestEnv, startSmtpPeer } from '../support/smtp.ts';

const t = setupMailTestEnv(
  { MAIL_FROM: 'Service Desk <desk@steward.test>' },
  { admin: ['admin'], agent: ['agent'] },
);

describe('mail outbox', () => {
  it('sends HTML and plain text with threading headers and attachments', async () => {
    const { messageId } = await queueMail(t.env.ctx, t.env.ctx.db, {
      purpose: 'test',
      to: ['jo@example.test'],
      subject: 'INC0000001: printer on fire',
      text: 'Plain body',
      html: '<p>HTML body</p>',
      inReplyTo: '<earlier@steward.test>',
      references: ['<first@steward.test>', '<earlier@steward.test>'],
      replyTo: 'desk+INC0000001@steward.test',
      headers: { 'Auto-Submitted': 'auto-generated' },
      attachments: [{ filename: 'report.csv', contentType: 'text/csv', content: 'a,b\n1,2\n' }],
    });
    expect(messageId).toMatch(/^<steward\.[0-9a-f]{24}@steward\.test>$/);
    expect(await deliverDueMail(t.env.ctx)).toBe(1);
    const [m] = await t.peer.waitFor(1);
    expect(m!.parsed.messageId).toBe(messageId);
    expect(m!.parsed.inReplyTo).toBe('<earlier@steward.test>');
    expect(m!.parsed.references).toEqual(['<first@steward.test>', '<earlier@steward.test>']);
    expect(m!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(m!.parsed.replyTo?.text).toBe('desk+INC0000001@steward.test');
    expect(m!.parsed.from?.value[0]).toMatchObject({ name: 'Service Desk', address: 'desk@steward.test' });
    expect(m!.parsed.text?.trim()).toBe('Plain body');
    expect(m!.parsed.html).toContain('<p>HTML body</p>');
    expect(m!.parsed.attachments[0]?.content.toString()).toBe('a,b\n1,2\n');
    // Sent once: a second sweep finds nothing due.
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
  });

  it('keeps 100 messages through an SMTP outage and delivers each exactly once', async () => {
    const port = t.peer.port;
    const before = t.peer.received.length;
    await t.peer.close();
    const ids = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const q = await queueMail(t.env.ctx, t.env.ctx.db, {
        purpose: 'test',
        to: [`user${i}@example.test`],
        subject: `Outage message ${i}`,
        text: `n=${i}`,
      });
      ids.add(q.messageId);
    }
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
    const log = await t.admin.get('/api/v1/admin/mail?status=queued&limit=200');
    expect(log.statusCode).toBe(200);
    const queued = log.json().items as { attempts: number; lastError: string | null }[];
    expect(queued).toHaveLength(100);
    expect(queued.every((m) => m.attempts === 1 && m.lastError)).toBe(true);
    // Not due yet: the backoff holds them.
    expect(await deliverDueMail(t.env.ctx)).toBe(0);

    t.peer = await startSmtpPeer({ port });
    t.env.clock.advance(60_000);
    expect(await deliverDueMail(t.env.ctx)).toBe(100);
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
    const got = t.peer.received.map((m) => m.parsed.messageId);
    expect(got).toHaveLength(100);
    expect(new Set(got)).toEqual(ids);
    expect(before).toBe(1);
  });

  it('shows the log to administrators only, pages by cursor and retries a failed message', async () => {
    expect((await t.agent.get('/api/v1/admin/mail')).statusCode).toBe(403);
    const first = await t.admin.get('/api/v1/admin/mail?limit=40');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: { id: string; status: string }[]; nextCursor: string };
    expect(page1.items).toHaveLength(40);
    const second = await t.admin.get(`/api/v1/admin/mail?limit=40&cursor=${page1.nextCursor}`);
    const page2 = second.json() as { items: { id: string }[] };
    expect(page2.items.some((m) => page1.items.some((n) => n.id === m.id))).toBe(false);
    expect((await t.admin.get('/api/v1/admin/mail?cursor=not-a-cursor')).statusCode).toBe(422);

    const sent = page1.items[0]!;
    expect(sent.status).toBe('sent');
    const again = await t.admin.post(`/api/v1/admin/mail/${sent.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const one = await t.admin.get(`/api/v1/admin/mail/${sent.id}`);
    expect(one.json().text).toMatch(/^n=\d+$/);
  });

  it('refuses a header that would inject lines', async () => {
    await expect(
      queueMail(t.env.ctx, t.env.ctx.db, {
        purpose: 'test',
        to: ['x@example.test'],
        subject: 's',
        text: 't',
        headers: { 'X-Evil': 'a\r\nBcc: victim@example.test' },
      }),
    ).rejects.toThrow(/not a valid header/);
  });
});
