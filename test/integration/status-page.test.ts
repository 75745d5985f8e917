/**
 * The public status page: statuses derived from major incidents (on a service and on what it
 * depends on) and from a status source, overrides, updates, 90-day history and uptime, the cache
 * and its invalidation, ETag / 304, the feed, turning the page off, and e-mail subscriptions with
 * double opt-in delivered to a real SMTP server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublicStatus } from '../../src/contracts/status-page.ts';
import { ConfigCache } from '../../src/db/changes.ts';
import { queueNotice } from '../../src/db/notice-outbox.ts';
import { deliverDueMail } from '../../src/modules/mail/index.ts';
import { registerStatusSource, unregisterStatusSource } from '../../src/modules/status-page/index.ts';
import { statusUpdates } from '../../src/modules/status-page/schema.ts';
import { buildIncident, publicStatus, resolveIncident, withSecondInstance } from '../support/app.ts';
import { buildService } from '../support/requests.ts';
import { setupMailTestEnv } from '../support/smtp.ts';

const t = setupMailTestEnv(
  {
    MAIL_FROM: 'Status <status@steward.test>',
    PUBLIC_URL: 'https://status.steward.test',
  },
  { manager: ['service_manager'], agent: ['agent'], requester: ['requester'] },
);
let email: string;
let backend: string;

const publicGet = (url: string, headers: Record<string, string> = {}) =>
  t.env.app.inject({ method: 'GET', url, headers });
/** A subscription step of the public page: subscribe, confirm or unsubscribe. */
const publicPost = (url: string, payload: object) => t.env.app.inject({ method: 'POST', url, payload });
const statusPage = () => publicStatus(t.env);
const statusOf = (p: PublicStatus, id: string) => p.services.find((s) => s.id === id)?.status;

beforeAll(async () => {
  backend = await buildService(t.env, 'Mail backend', { kind: 'technical', criticality: 'high' });
  email = await buildService(t.env, 'Email', { criticality: 'high', dependsOn: [backend] });
  for (const [id, position] of [
    [email, 1],
    [backend, 2],
  ] as const)
    expect((await t.manager.put(`/api/v1/status-page/services/${id}`, { position })).statusCode).toBe(200);
});

describe('status page', () => {
  it('is public, operational at first, and answers 304 to a matching ETag', async () => {
    const res = await publicGet('/api/v1/public/status');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=5');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const page = res.json() as PublicStatus;
    expect(page.status).toBe('operational');
    expect(page.services.map((s) => s.name)).toEqual(['Email', 'Mail backend']);
    expect(page.services[0]!.days).toHaveLength(90);
    const again = await publicGet('/api/v1/public/status', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('derives a major outage from a major incident on the service and a partial one on its dependants', async () => {
    const before = (await publicGet('/api/v1/public/status')).headers.etag;
    const inc = await buildIncident(t.agent, { title: 'Backend cluster down', serviceId: backend });
    expect(
      (
        await t.manager.post(`/api/v1/incidents/${inc.id}/major`, {
          coordinatorId: t.agent.user.id,
          summary: 'Backend down',
        })
      ).statusCode,
    ).toBe(200);
    // The declaration invalidated the cache: the next read sees it.
    let page = await statusPage();
    expect(statusOf(page, backend)).toBe('major_outage');
    expect(statusOf(page, email)).toBe('partial_outage');
    expect(page.status).toBe('major_outage');
    expect((await publicGet('/api/v1/public/status', { 'if-none-match': before as string })).statusCode).toBe(
      200,
    );

    const update = await t.agent.post('/api/v1/status-page/updates', {
      recordId: inc.id,
      title: 'Email delays',
      phase: 'investigating',
      message: 'We are looking into delayed mail.',
    });
    expect(update.statusCode).toBe(201);
    expect(update.json().serviceIds.sort()).toEqual([backend, email].sort());
    page = await statusPage();
    const event = page.active.find((e) => e.kind === 'incident')!;
    expect(event).toMatchObject({ key: inc.number, title: 'Email delays', status: 'major_outage' });
    expect(event.updates.map((u) => u.message)).toEqual(['We are looking into delayed mail.']);
    // Requesters may not write updates.
    expect(
      (await t.requester.post('/api/v1/status-page/updates', { title: 'x', phase: 'notice', message: 'y' }))
        .statusCode,
    ).toBe(403);

    t.env.clock.advance(2 * 3_600_000);
    expect((await resolveIncident(t.agent, inc.id)).statusCode).toBe(200);
    page = await statusPage();
    expect(statusOf(page, backend)).toBe('operational');
    expect(statusOf(page, email)).toBe('operational');
    expect(page.active.filter((e) => e.kind === 'incident')).toEqual([]);
    const past = page.history.filter((h) => h.serviceName === 'Mail backend');
    expect(past).toHaveLength(1);
    expect(past[0]).toMatchObject({ status: 'major_outage', cause: 'Email delays' });
    expect(past[0]!.updates).toHaveLength(1);
    // Two hours of major outage out of two recorded hours and more: uptime below 100.
    t.env.clock.advance(2 * 3_600_000);
    await t.manager.put(`/api/v1/status-page/services/${email}/override`, {
      status: 'degraded',
      note: 'tick',
    });
    await t.manager.put(`/api/v1/status-page/services/${email}/override`, { status: null });
    page = await statusPage();
    expect(page.services.find((s) => s.id === backend)!.uptime90).toBeCloseTo(50, 0);
  });

  it('takes changes in progress and planned maintenance from a status source', async () => {
    const now = t.env.clock.now().getTime();
    registerStatusSource({
      key: 'test-changes',
      items: async () => [
        {
          id: 'CHG1',
          title: 'Mail server patching',
          serviceIds: [backend],
          start: new Date(now - 60_000),
          end: new Date(now + 3_600_000),
        },
        {
          id: 'CHG2',
          title: 'Storage upgrade',
          ciIds: [email],
          start: new Date(now + 86_400_000),
          end: new Date(now + 90_000_000),
        },
      ],
    });
    try {
      t.env.ctx.configCache.invalidate('status-page:');
      const page = await statusPage();
      expect(statusOf(page, backend)).toBe('under_maintenance');
      expect(statusOf(page, email)).toBe('under_maintenance');
      expect(page.active.find((e) => e.kind === 'maintenance')?.title).toBe('Mail server patching');
      expect(page.planned.map((p) => p.title)).toEqual(['Storage upgrade']);
    } finally {
      unregisterStatusSource('test-changes');
      t.env.ctx.configCache.invalidate('status-page:');
    }
    expect(statusOf(await statusPage(), backend)).toBe('operational');
  });

  it('lets the service desk override a status, above what is derived', async () => {
    const list = (await t.agent.get('/api/v1/status-page/services')).json().items as {
      serviceId: string;
      version: number;
    }[];
    const entry = list.find((s) => s.serviceId === email)!;
    const res = await t.agent.put(
      `/api/v1/status-page/services/${email}/override`,
      { status: 'degraded', note: 'Slow delivery to external domains' },
      { 'if-match': `"${entry.version}"` },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      derived: 'operational',
      override: { status: 'degraded' },
    });
    const stale = await t.agent.put(
      `/api/v1/status-page/services/${email}/override`,
      { status: null },
      { 'if-match': `"${entry.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    let page = await statusPage();
    expect(page.services.find((s) => s.id === email)).toMatchObject({
      status: 'degraded',
      note: 'Slow delivery to external domains',
    });
    expect(
      (await t.agent.put(`/api/v1/status-page/services/${email}/override`, { status: null })).json().status,
    ).toBe('operational');
    page = await statusPage();
    expect(statusOf(page, email)).toBe('operational');
    expect(
      (await t.requester.put(`/api/v1/status-page/services/${email}/override`, { status: 'major_outage' }))
        .statusCode,
    ).toBe(403);
  });

  it('serves Atom and RSS feeds of the updates', async () => {
    const atom = await publicGet('/api/v1/public/status/feed.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed');
    expect(atom.body).toContain('We are looking into delayed mail.');
    const rss = await publicGet('/api/v1/public/status/feed.rss');
    expect(rss.body).toContain('<rss');
    expect(rss.body).toContain('Email delays — investigating');
    expect(
      (await publicGet('/api/v1/public/status/feed.atom', { 'if-none-match': atom.headers.etag as string }))
        .statusCode,
    ).toBe(304);
  });

  it('subscribes with double opt-in, mails updates to confirmed subscribers only, and unsubscribes', async () => {
    /** An update about one service, posted by the agent. */
    const postUpdate = (serviceId: string, phase: string, title: string, message: string) =>
      t.agent.post('/api/v1/status-page/updates', { serviceIds: [serviceId], title, phase, message });
    // Send what earlier tests queued (notifications of their incidents) first: from here on the
    // t.peer receives only this test's mail.
    // (A message counts as sent once the t.peer has accepted it, so it has arrived by then.)
    await deliverDueMail(t.env.ctx);
    const base = t.peer.received.length;
    const sub = await publicPost('/api/v1/public/status/subscriptions', {
      email: 'Fan@Example.test',
      serviceId: email,
    });
    expect(sub.statusCode).toBe(202);
    const bad = await publicPost('/api/v1/public/status/subscriptions', { email: 'nope' });
    expect(bad.statusCode).toBe(400);
    await deliverDueMail(t.env.ctx);
    const [confirmation] = (await t.peer.waitFor(base + 1)).slice(base);
    expect(confirmation!.envelopeTo).toEqual(['fan@example.test']);
    const confirmUrl = /https:\/\/status\.steward\.test\/status\/confirm\?token=([\w-]+)/.exec(
      confirmation!.parsed.text ?? '',
    );
    expect(confirmUrl).not.toBeNull();

    // Not confirmed yet: an update reaches nobody.
    await postUpdate(email, 'investigating', 'Webmail slow', 'Looking.');
    expect(await deliverDueMail(t.env.ctx)).toBe(0);

    const confirmed = await publicPost('/api/v1/public/status/subscriptions/confirm', {
      token: confirmUrl![1],
    });
    expect(confirmed.statusCode).toBe(200);
    expect(
      (await publicPost('/api/v1/public/status/subscriptions/confirm', { token: 'x'.repeat(32) })).statusCode,
    ).toBe(404);
    expect((await t.manager.get('/api/v1/status-page/subscriptions')).json()).toMatchObject({
      confirmed: 1,
      pending: 0,
    });

    await postUpdate(email, 'resolved', 'Webmail slow', 'Back to normal.');
    // An update about another service does not reach a subscriber of Email only.
    await postUpdate(backend, 'notice', 'Backend notice', 'FYI.');
    expect(await deliverDueMail(t.env.ctx)).toBe(1);
    const [update] = (await t.peer.waitFor(base + 2)).slice(base + 1);
    expect(update!.parsed.subject).toBe('[Resolved] Webmail slow');
    expect(update!.parsed.text).toContain('Back to normal.');
    const unsubscribeUrl = /\/status\/unsubscribe\?token=([\w-]+)/.exec(update!.parsed.text ?? '');
    expect(update!.raw).toMatch(
      /^List-Unsubscribe:\s+<https:\/\/status\.steward\.test\/status\/unsubscribe\?token=/m,
    );

    const gone = await publicPost('/api/v1/public/status/subscriptions/unsubscribe', {
      token: unsubscribeUrl![1],
    });
    expect(gone.json()).toEqual({ email: 'fan@example.test' });
    await postUpdate(email, 'notice', 'Another', 'Nobody hears this.');
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
  });

  it('serves the page from its cache until a change is published, on every instance', async () => {
    const titles = async (app = t.env.app) =>
      ((await app.inject({ method: 'GET', url: '/api/v1/public/status' })).json() as PublicStatus).active.map(
        (e) => e.title,
      );
    // Let the notifications of earlier changes arrive (a server delivers them asynchronously).
    await new Promise((r) => setTimeout(r, 500));
    await statusPage();
    // Written behind the module's back, without a NOTIFY: the cached page does not see it.
    await t.env.ctx.db
      .insert(statusUpdates)
      .values({ title: 'Quiet notice', phase: 'notice', message: 'm', at: t.env.clock.now() });
    expect(await titles()).not.toContain('Quiet notice');
    // A notice, as another instance's change sends it, drops the cache once delivered.
    await queueNotice(t.env.ctx.db, ConfigCache.CHANNEL, 'status-page:');
    await expect.poll(titles, { timeout: 5000 }).toContain('Quiet notice');

    if (!t.env.databaseUrl) return;
    // A second instance on the same PostgreSQL database sees a change made through the first.
    await withSecondInstance(t.env, async (app2) => {
      expect(await titles(app2)).toContain('Quiet notice');
      await t.agent.post('/api/v1/status-page/updates', {
        title: 'Seen everywhere',
        phase: 'notice',
        message: 'x',
      });
      await expect.poll(() => titles(app2), { timeout: 5000 }).toContain('Seen everywhere');
    });
  });

  it('answers 404 everywhere public when turned off, and comes back when turned on', async () => {
    const settings = await t.manager.get('/api/v1/status-page/settings');
    expect(settings.json()).toMatchObject({ enabled: true });
    expect(
      (await t.agent.put('/api/v1/status-page/settings', { enabled: false, title: 'x' })).statusCode,
    ).toBe(403);
    const off = await t.manager.put(
      '/api/v1/status-page/settings',
      { enabled: false, title: 'IT status' },
      { 'if-match': settings.headers.etag as string },
    );
    expect(off.statusCode).toBe(200);
    for (const url of ['/api/v1/public/status', '/api/v1/public/status/feed.atom'])
      expect((await publicGet(url)).statusCode).toBe(404);
    expect(
      (await publicPost('/api/v1/public/status/subscriptions', { email: 'a@example.test' })).statusCode,
    ).toBe(404);
    await t.manager.put('/api/v1/status-page/settings', { enabled: true, title: 'IT status' });
    expect(await statusPage()).toMatchObject({ title: 'IT status' });
  });
});
