/** The demo's email in: the desk's address and a mailed incident with its reply as a comment. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { inboundMessages } from '../../src/modules/inbound-mail/schema.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});
beforeAll(async () => {
  await seedDemo(t.env.ctx, { incidents: 10 });
}, 240_000);

describe('demo email in', () => {
  it('has the desk address and three messages: a new incident, its reply as a comment, an ignored auto-reply', async () => {
    const rows = await t.env.ctx.db.select().from(inboundMessages).orderBy(inboundMessages.messageId);
    expect(rows.map((r) => [r.messageId, r.status])).toEqual([
      ['demo-mail-0001@example.com', 'created'],
      ['demo-mail-0002@example.com', 'commented'],
      ['demo-mail-0003@example.com', 'ignored'],
    ]);
    expect(rows[1]!.recordId).toBe(rows[0]!.recordId);
    expect(rows[1]!.threadedBy).toBe('message_id');
  });
});
