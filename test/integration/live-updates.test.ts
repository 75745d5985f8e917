/**
 * Live updates over server-sent events: what each viewer hears (staff everything, a requester only
 * their own records and never internal notes), and, on a PostgreSQL server, a change made through
 * one instance heard by a browser connected to another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNotifications } from '../../src/modules/notify/index.ts';
import { buildIncident, type Client, postComment, setupTestEnv, withSecondInstance } from '../support/app.ts';
import { type LiveStream, openLiveStream } from '../support/live.ts';

const t = setupTestEnv({ agent: ['agent'], requester: ['requester'], other: ['requester'] });
let baseUrl: string;
const streams: LiveStream[] = [];

beforeAll(async () => {
  baseUrl = await t.env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => {
  for (const s of streams) s.close();
});

async function stream(client: Client, url = baseUrl): Promise<LiveStream> {
  const s = await openLiveStream(url, client.token);
  streams.push(s);
  return s;
}

describe('live updates', () => {
  it('tells staff and the requester about a record and its comments, and keeps internal notes from requesters', async () => {
    const agentStream = await stream(t.agent);
    const requesterStream = await stream(t.requester);
    const otherStream = await stream(t.other);

    const inc = await buildIncident(t.requester, { title: 'Live: VPN drops' });
    await agentStream.waitFor((e) => e.event === 'record' && e.data.recordId === inc.id);
    await requesterStream.waitFor((e) => e.event === 'record' && e.data.recordId === inc.id);

    expect((await postComment(t.agent, inc.id, 'Checking the concentrator', 'internal')).statusCode).toBe(
      201,
    );
    expect((await postComment(t.agent, inc.id, 'On it')).statusCode).toBe(201);

    const comments = (s: LiveStream) =>
      s.events.filter((e) => e.event === 'comment' && e.data.recordId === inc.id);
    await requesterStream.waitFor((e) => e.event === 'comment' && e.data.recordId === inc.id);
    await agentStream.waitFor(() => comments(agentStream).length === 2);
    // The public comment came after the internal one: had the internal one reached the
    // requester, it would be there by now.
    expect(comments(requesterStream)).toHaveLength(1);
    expect(comments(requesterStream)[0]!.data).toMatchObject({ number: inc.number, type: 'incident' });

    // Someone else's requester hears nothing of it.
    const theirs = await buildIncident(t.other, { title: 'Live: their own' });
    await otherStream.waitFor((e) => e.data.recordId === theirs.id);
    expect(otherStream.events.some((e) => e.data.recordId === inc.id)).toBe(false);
  });

  it('announces each of several records created at once, and an edit of one', async () => {
    const agentStream = await stream(t.agent);
    // Created together, they go to the database in one statement where the database allows it.
    const made = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => buildIncident(t.requester, { title: `Live: together ${i}` })),
    );
    const heard = (id: string) =>
      agentStream.events.filter((e) => e.event === 'record' && e.data.recordId === id);
    await agentStream.waitFor(() => made.every((m) => heard(m.id).length > 0));
    for (const m of made) {
      expect(heard(m.id)).toHaveLength(1);
      expect(heard(m.id)[0]!.data).toMatchObject({ number: m.number, type: 'incident', version: 1 });
    }
    expect((await t.agent.patch(`/api/v1/incidents/${made[0]!.id}`, { urgency: 1 })).statusCode).toBe(200);
    await agentStream.waitFor((e) => e.data.recordId === made[0]!.id && e.data.version === 2);
  });

  it('tells only its recipient about a new notification', async () => {
    const mine = await stream(t.requester);
    const theirs = await stream(t.other);
    await queueNotifications(t.env.ctx.db, t.env.clock.now(), [
      { recipientId: t.requester.user.id, recordId: null, kind: 'test', subject: 'Hello', body: 'Live' },
    ]);
    await mine.waitFor((e) => e.event === 'notification');
    // A record event after it shows the other stream is flowing, yet heard no notification.
    const marker = await buildIncident(t.other, { title: 'Live: marker' });
    await theirs.waitFor((e) => e.data.recordId === marker.id);
    expect(theirs.events.some((e) => e.event === 'notification')).toBe(false);
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${baseUrl}/api/v1/live`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'fans a change on one instance out to a stream on another through LISTEN/NOTIFY',
    async () => {
      await withSecondInstance(t.env, async (app2) => {
        const url2 = await app2.listen({ port: 0, host: '127.0.0.1' });
        const onSecond = await stream(t.agent, url2);
        const inc = await buildIncident(t.requester, { title: 'Live: across instances' });
        await postComment(t.agent, inc.id, 'Seen from afar');
        await onSecond.waitFor((e) => e.event === 'record' && e.data.recordId === inc.id);
        await onSecond.waitFor((e) => e.event === 'comment' && e.data.recordId === inc.id);
      });
    },
  );
});
