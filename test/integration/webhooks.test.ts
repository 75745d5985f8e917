/**
 * Webhooks against a real HTTP server in the test process: deliveries through the job queue,
 * signed so the receiver can verify them, retried after a 500, timed out, logged, sent again by
 * hand, and an endpoint that keeps failing switched off with a notice to administrators.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryPage, WebhookPayload, WebhookView } from '../../src/contracts/webhooks.ts';
import { verifyWebhook } from '../../src/domain/notify/signature.ts';
import { webhookDeliveries } from '../../src/modules/notify/schema.ts';
import { deliverDueWebhooks } from '../../src/modules/notify/webhooks.ts';
import {
  as,
  buildIncident,
  type Client,
  createTestEnv,
  expectJson,
  postComment,
  type TestEnv,
} from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

let env: TestEnv;
let server: Server;
let base: string;
let admin: Client;
let agent: Client;
const received: Received[] = [];
/** Status codes to answer with, per path, in turn; 200 once a path's list is empty. */
const answers = new Map<string, number[]>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (path === '/silent') return; // never answers: the sender times out
      const status = answers.get(path)?.shift() ?? (path === '/down' ? 500 : 200);
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env = await createTestEnv({
    jobs: true,
    env: {
      WEBHOOK_RETRY_BASE_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER: '3',
      WEBHOOK_TIMEOUT_MS: '2000',
    },
  });
  admin = await as(env, ['admin']);
  agent = await as(env, ['agent']);
});
afterAll(async () => {
  await env.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const at = (path: string) => received.filter((r) => r.path === path);
const deliveries = async (id: string) =>
  ((await admin.get(`/api/v1/admin/webhooks/${id}/deliveries`)).json() as WebhookDeliveryPage).items;
/** The hook's deliveries, once the latest of them is in `status`. */
const deliveriesOnceLatest = (id: string, status: string) =>
  pollUntil(
    () => deliveries(id),
    (d) => d[0]?.status === status,
  );

async function register(path: string, events: string[]) {
  const res = await admin.post('/api/v1/admin/webhooks', {
    url: `${base}${path}`,
    events,
    description: path,
  });
  return expectJson<WebhookView & { secret: string }>(res, 201);
}

describe('webhook endpoints', () => {
  it('accepts only http(s) URLs and known events, from administrators', async () => {
    expect(
      (await agent.post('/api/v1/admin/webhooks', { url: `${base}/x`, events: ['record.created'] }))
        .statusCode,
    ).toBe(403);
    for (const url of [
      'ftp://example.test/hook',
      'javascript:alert(1)',
      'not a url',
      'http://user:pw@example.test/',
    ]) {
      const res = await admin.post('/api/v1/admin/webhooks', { url, events: ['record.created'] });
      expect(res.statusCode, url).toBe(400);
    }
    const unknown = await admin.post('/api/v1/admin/webhooks', {
      url: `${base}/x`,
      events: ['record.exploded'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].message).toContain('record.exploded');
  });
});

describe('deliveries', () => {
  it('posts a signed JSON payload through the job queue that the receiver can verify', async () => {
    const hook = await register('/ok', ['record.created', 'record.commented']);
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await admin.get(`/api/v1/admin/webhooks/${hook.id}`)).json().secret).toBeUndefined();
    const inc = await buildIncident(agent);
    const [req] = await pollUntil(
      () => at('/ok'),
      (r) => r.length >= 1,
    );
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['steward-event']).toBe('record.created');
    const ts = Number(req!.headers['steward-timestamp']);
    expect(
      verifyWebhook(
        hook.secret,
        { signature: String(req!.headers['steward-signature']), timestamp: String(ts) },
        req!.body,
        ts,
      ),
    ).toBe(true);
    expect(
      verifyWebhook(
        'whsec_wrong',
        { signature: String(req!.headers['steward-signature']), timestamp: String(ts) },
        req!.body,
        ts,
      ),
    ).toBe(false);
    const payload = JSON.parse(req!.body) as WebhookPayload;
    expect(payload).toMatchObject({
      event: 'record.created',
      schemaVersion: 1,
      record: { id: inc.id, number: inc.number, type: 'incident', title: inc.title },
      actor: { id: agent.user.id, name: agent.user.name },
    });
    expect(payload.id).toBe(req!.headers['steward-event-id']);
    const log = await deliveriesOnceLatest(hook.id, 'succeeded');
    expect(log[0]).toMatchObject({ event: 'record.created', attempts: 1, lastStatusCode: 200 });
  });

  it('retries after a 500 with backoff and succeeds with the same event id', async () => {
    const hook = await register('/flaky', ['record.commented']);
    answers.set('/flaky', [500]);
    const inc = await buildIncident(agent);
    expect((await postComment(agent, inc.id, 'hello')).statusCode).toBe(201);
    const [failed] = await deliveriesOnceLatest(hook.id, 'retrying');
    expect(failed).toMatchObject({
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'The endpoint answered 500.',
    });
    // Not due before its backoff.
    await deliverDueWebhooks(env.ctx);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(at('/flaky')).toHaveLength(1);
    env.clock.advance(1000);
    // Due now: the retry job or the sweep (whichever comes first; the claim lets only one post) sends it.
    await deliverDueWebhooks(env.ctx);
    const [done] = await deliveriesOnceLatest(hook.id, 'succeeded');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    const both = at('/flaky');
    expect(both).toHaveLength(2);
    expect(both[0]!.body).toBe(both[1]!.body);
    expect(both[0]!.headers['steward-event-id']).toBe(both[1]!.headers['steward-event-id']);
    expect(JSON.parse(both[1]!.body).data).toEqual({ comment: 'hello' });
  });

  it('takes up a delivery whose sender died mid-request', async () => {
    const hook = await register('/revived', ['record.created']);
    await buildIncident(agent);
    const [d] = await deliveriesOnceLatest(hook.id, 'succeeded');
    // As if an instance had claimed it and died before recording the answer.
    await env.ctx.db
      .update(webhookDeliveries)
      .set({ status: 'delivering', nextAttemptAt: env.clock.now() })
      .where(eq(webhookDeliveries.id, d!.id));
    await deliverDueWebhooks(env.ctx);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivering', attempts: 1 });
    env.clock.advance(120_000);
    await deliverDueWebhooks(env.ctx);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(at('/revived')).toHaveLength(2);
  });

  it('gives up on an endpoint that does not answer in time, and records why', async () => {
    const hook = await register('/silent', ['record.created']);
    await buildIncident(agent);
    const [d] = await deliveriesOnceLatest(hook.id, 'retrying');
    expect(d!.lastError).toBe('The endpoint did not answer in time.');
    const off = await admin.put(
      `/api/v1/admin/webhooks/${hook.id}`,
      { url: hook.url, events: hook.events, active: false },
      { 'if-match': `"${hook.version}"` },
    );
    expect(off.statusCode).toBe(200);
  });

  it('switches off an endpoint that keeps failing and tells the administrators; redelivers by hand once it is back', async () => {
    const hook = await register('/down', ['record.created']);
    await buildIncident(agent);
    await deliveriesOnceLatest(hook.id, 'retrying');
    const current = async () => (await admin.get(`/api/v1/admin/webhooks/${hook.id}`)).json() as WebhookView;
    for (let i = 0; i < 6 && (await current()).active; i++) {
      env.clock.advance(30_000);
      await deliverDueWebhooks(env.ctx);
      await pollUntil(
        () => deliveries(hook.id),
        (d) => d[0]?.status !== 'delivering',
      );
    }
    const now = await current();
    expect(now).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(now.disabledReason).toContain('3 failed attempts in a row');
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    // A new event reaches a switched-off endpoint no more.
    const count = at('/down').length;
    await buildIncident(agent);
    await new Promise((r) => setTimeout(r, 1200));
    expect(at('/down')).toHaveLength(count);
    const notes = (await admin.get('/api/v1/notifications')).json().items as {
      kind: string;
      subject: string;
    }[];
    expect(notes.find((n) => n.kind === 'webhook.disabled')?.subject).toBe(
      `Webhook to ${base}/down was switched off`,
    );

    // Redelivering to a switched-off endpoint is refused; switched on (failures cleared), it works.
    expect(
      (await admin.post(`/api/v1/admin/webhooks/${hook.id}/deliveries/${d!.id}/redeliver`)).statusCode,
    ).toBe(409);
    const on = await admin.put(
      `/api/v1/admin/webhooks/${hook.id}`,
      { url: `${base}/ok-again`, events: ['record.created'], active: true },
      { 'if-match': `"${now.version}"` },
    );
    expect(on.json()).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null });
    const again = await admin.post(`/api/v1/admin/webhooks/${hook.id}/deliveries/${d!.id}/redeliver`);
    expect(again.statusCode).toBe(201);
    const [req] = await pollUntil(
      () => at('/ok-again'),
      (r) => r.length >= 1,
    );
    expect(req!.body).toBe(d!.body);
    expect(req!.headers['steward-event-id']).toBe(d!.eventId);
    const log = await deliveriesOnceLatest(hook.id, 'succeeded');
    expect(log).toHaveLength(2);
  });
});
