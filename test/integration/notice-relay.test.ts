/**
 * The way out of a notice to other instances: written to the outbox inside the changing
 * transaction (by the live triggers, or queueNotice), sent by NOTIFY by the relay once that
 * transaction has committed, never when it rolled back, once only even when several relays
 * (instances) share the outbox.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigCache } from '../../src/db/changes.ts';
import { queryRows } from '../../src/db/client.ts';
import { NoticeRelay, queueNotice } from '../../src/db/notice-outbox.ts';
import type { LiveEvent } from '../../src/modules/live/index.ts';
import { queueNotifications } from '../../src/modules/notify/index.ts';
import { buildIncident, setupTestEnv } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

const t = setupTestEnv({ someone: ['requester'] });
const heard: LiveEvent[] = [];

beforeAll(() => {
  t.env.ctx.live.subscribe((e) => {
    if (e !== 'resync') heard.push(e);
  });
});

const notice = (subject: string) => ({
  recipientId: t.someone.user.id,
  recordId: null,
  kind: 'test',
  subject,
  body: 'Relay',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const heardFor = () =>
  heard.filter((e) => e.kind === 'notification' && e.userId === t.someone.user.id).length;

/** How long a notice may take to be heard. */
const heardSoon = { what: 'the notice to be heard', timeoutMs: 5000, everyMs: 10 };

async function outboxSize(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.env.ctx.db,
    sql`select count(*)::int as n from notice_outbox`,
  );
  return row!.n;
}

describe('notice relay', () => {
  it('sends an announcement once its transaction commits, not before', async () => {
    const before = heardFor();
    await t.env.ctx.db.transaction(async (tx) => {
      await queueNotifications(tx, t.env.clock.now(), [notice('inside')]);
      // Longer than the relay's idle round: the uncommitted row is not seen, so not sent.
      await sleep(800);
      expect(heardFor()).toBe(before);
    });
    await pollUntil(heardFor, (n) => n === before + 1, heardSoon);
    expect(await outboxSize()).toBe(0);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const before = heardFor();
    await expect(
      t.env.ctx.db.transaction(async (tx) => {
        await queueNotifications(tx, t.env.clock.now(), [notice('rolled back')]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A committed write after it is heard; the rolled-back one never is.
    await t.env.ctx.db.transaction((tx) => queueNotifications(tx, t.env.clock.now(), [notice('after')]));
    await pollUntil(heardFor, (n) => n === before + 1, heardSoon);
    await sleep(700);
    expect(heardFor()).toBe(before + 1);
  });

  it('sends a write made outside a transaction on its idle round', async () => {
    const before = heardFor();
    await queueNotifications(t.env.ctx.db, t.env.clock.now(), [notice('single statement')]);
    await pollUntil(heardFor, (n) => n === before + 1, heardSoon);
  });

  it('sends each row once when several relays share the outbox, in batches', async () => {
    const inc = await buildIncident(t.someone, { title: 'Relay: many versions' });
    const versions = () =>
      new Set(heard.flatMap((e) => (e.kind === 'record' && e.recordId === inc.id ? [e.version] : [])));
    const others = [1, 2].map(() => new NoticeRelay(t.env.ctx.database, { batch: 7 }));
    try {
      await pollUntil(
        () => versions().size,
        (n) => n === 1,
        heardSoon,
      );
      const sent = () => heard.filter((e) => e.kind === 'record' && e.recordId === inc.id).length;
      // Forty commits, each announcing a new version (NOTIFY folds equal payloads only within one
      // transaction, so equal announcements could hide a second sending).
      for (let i = 0; i < 40; i++)
        await t.env.ctx.db.transaction((tx) =>
          tx.execute(sql`update records set version = version + 1 where id = ${inc.id}`),
        );
      await Promise.all(others.map((r) => r.flush()));
      await pollUntil(
        () => versions().size,
        (n) => n === 41,
        heardSoon,
      );
      await sleep(700);
      expect(sent()).toBe(41);
      expect(await outboxSize()).toBe(0);
    } finally {
      await Promise.all(others.map((r) => r.stop()));
    }
  });

  it('carries a configuration change to the caches on its own channel', async () => {
    const cache = t.env.ctx.configCache;
    await cache.get('relay-test:value', async () => 'cached');
    let loads = 0;
    const read = () =>
      cache.get('relay-test:value', async () => {
        loads++;
        return 'fresh';
      });
    expect(await read()).toBe('cached');
    await t.env.ctx.db.transaction((tx) => queueNotice(tx, ConfigCache.CHANNEL, 'relay-test:'));
    await expect.poll(read, { timeout: 5000 }).toBe('fresh');
    expect(loads).toBe(1);
  });
});
