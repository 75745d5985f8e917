/**
 * Notifications end to end: the right people hear of records being opened, assigned and commented
 * (a requester never of internal notes), templates and their preview, preferences with digests
 * and the unsubscribe link, and mail as a real SMTP server in the test process receives it:
 * parts, threading headers, Reply-To, Auto-Submitted; 100 notifications through an SMTP outage
 * arrive exactly once.
 */
import { describe, expect, it } from 'vitest';
import type {
  DeliveryPage,
  NotificationEventView,
  PreferenceView,
} from '../../src/contracts/notifications.ts';
import { deliverDueMail } from '../../src/modules/mail/index.ts';
import { mayNotifyOnCreate } from '../../src/modules/notify/dispatch.ts';
import { sendDigests } from '../../src/modules/notify/email.ts';
import {
  as,
  buildGroup,
  buildIncident,
  buildUser,
  type Client,
  clientFor,
  errorFields,
  notificationsOf,
  postComment,
} from '../support/app.ts';
import { orderNeedingManagerApproval } from '../support/requests.ts';
import { setupMailTestEnv, startSmtpPeer } from '../support/smtp.ts';

const t = setupMailTestEnv(
  {
    MAIL_FROM: 'Service Desk <desk@steward.test>',
    PUBLIC_URL: 'https://steward.test',
  },
  { admin: ['admin'], agent: ['agent'], requester: ['requester'] },
);

/** The in-app notifications `c` has received about a record. */
const inbox = async (c: Client, recordId: string) =>
  (await notificationsOf(c, '?limit=200')).items.filter((n) => n.record?.id === recordId);
const kinds = async (c: Client, recordId: string) => (await inbox(c, recordId)).map((n) => n.kind).sort();

describe('who is told', () => {
  it('tells the requester, the assignee, the group and watchers, never the actor, and keeps internal notes from the requester', async () => {
    const member = await as(t.env, ['agent']);
    const assignee = await as(t.env, ['agent']);
    const watcher = await as(t.env, ['agent']);
    const group = await buildGroup(t.env, { memberIds: [member.user.id, assignee.user.id] });
    const inc = await buildIncident(t.agent, { requesterId: t.requester.user.id });
    expect(await kinds(t.requester, inc.id)).toEqual(['record.created']);
    expect(await kinds(t.agent, inc.id)).toEqual([]);

    const moved = await t.agent.patch(`/api/v1/incidents/${inc.id}`, {
      groupId: group.id,
      assigneeId: assignee.user.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(await kinds(assignee, inc.id)).toEqual(['record.assigned']);
    expect(await kinds(member, inc.id)).toEqual(['record.assigned']);
    expect((await inbox(assignee, inc.id))[0]!.subject).toBe(
      `${inc.number} assigned to ${assignee.user.name}: ${inc.title}`,
    );

    expect((await t.agent.put(`/api/v1/records/${inc.id}/watchers/${watcher.user.id}`)).statusCode).toBe(200);
    // The requester watches too: still only the public comment reaches them.
    expect(
      (await t.requester.put(`/api/v1/records/${inc.id}/watchers/${t.requester.user.id}`)).statusCode,
    ).toBe(200);
    expect(
      (await postComment(t.agent, inc.id, 'Vendor says <b>firmware</b> bug.', 'internal')).statusCode,
    ).toBe(201);
    expect((await postComment(t.agent, inc.id, 'We are on it.')).statusCode).toBe(201);

    expect(await kinds(t.requester, inc.id)).toEqual(['record.commented', 'record.created']);
    expect(await kinds(watcher, inc.id)).toEqual(['record.commented', 'record.commented_internal']);
    expect(await kinds(assignee, inc.id)).toEqual([
      'record.assigned',
      'record.commented',
      'record.commented_internal',
    ]);
    const internal = (await inbox(watcher, inc.id)).find((n) => n.kind === 'record.commented_internal')!;
    expect(internal.body).toContain('Vendor says <b>firmware</b> bug.');

    // Mail follows the same audience: the requester's mail never carries the internal note.
    await deliverDueMail(t.env.ctx);
    const toRequester = t.peer.mailTo(t.requester.user.email);
    expect(toRequester.length).toBe(2);
    expect(toRequester.some((m) => m.raw.includes('firmware'))).toBe(false);
  });

  it('follows an administrator rule: an event switched off tells nobody, extra parties are told', async () => {
    const events = (await t.admin.get('/api/v1/admin/notifications/events')).json()
      .items as NotificationEventView[];
    const created = events.find((e) => e.key === 'record.created')!;
    expect(created.rule).toMatchObject({ enabled: true, version: 0 });
    const manager = await buildUser(t.env, { roles: ['service_manager'] });
    const managed = await buildGroup(t.env, { memberIds: [] });
    // A group names its manager through the directory: set it the way administrators do.
    const g = await t.admin.patch(`/api/v1/groups/${managed.id}`, { managerId: manager.id });
    expect(g.statusCode).toBe(200);
    const managerClient = await clientFor(t.env, manager);

    expect(
      (await t.agent.put('/api/v1/admin/notifications/events/record.created/rule', { enabled: false }))
        .statusCode,
    ).toBe(403);
    const off = await t.admin.put(
      '/api/v1/admin/notifications/events/record.created/rule',
      { enabled: false },
      { 'if-match': '"0"' },
    );
    expect(off.statusCode).toBe(200);
    const quiet = await buildIncident(t.agent, { requesterId: t.requester.user.id });
    expect(await kinds(t.requester, quiet.id)).toEqual([]);

    const on = await t.admin.put(
      '/api/v1/admin/notifications/events/record.created/rule',
      { enabled: true, parties: ['requester', 'group_manager'] },
      { 'if-match': '"1"' },
    );
    expect(on.statusCode).toBe(200);
    expect(on.json().rule).toMatchObject({
      enabled: true,
      parties: ['requester', 'group_manager'],
      version: 2,
    });
    const loud = await buildIncident(t.agent, { requesterId: t.requester.user.id, groupId: managed.id });
    expect(await kinds(managerClient, loud.id)).toEqual(['record.created']);
    expect(await kinds(t.requester, loud.id)).toEqual(['record.created']);
    // Stale version: 412.
    expect(
      (
        await t.admin.put(
          '/api/v1/admin/notifications/events/record.created/rule',
          { enabled: true },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(412);
  });
});

describe('a record opened with nobody to tell', () => {
  it('needs no notification work only when the rule, the webhooks and the record name nobody but the actor', async () => {
    const ctx = t.env.ctx;
    const me = t.agent.user.id;
    const other = t.requester.user.id;
    const group = await buildGroup(t.env, { memberIds: [] });
    const check = (rec: Parameters<typeof mayNotifyOnCreate>[2]) =>
      mayNotifyOnCreate(ctx, 'record.created', rec);
    // The rule names the requester and a party of the group (by default, or as the test above saved it).
    expect(await check({ requesterId: me, createdBy: me })).toBe(false);
    expect(await check({ requesterId: other, createdBy: me })).toBe(true);
    expect(await check({ requesterId: me, createdBy: null })).toBe(true);
    // A group's people are known only to the database.
    expect(await check({ requesterId: me, groupId: group.id, createdBy: me })).toBe(true);
    // A webhook subscribed to the event always needs the work.
    const hook = await t.admin.post('/api/v1/admin/webhooks', {
      url: 'https://hooks.example.com/opened',
      description: 'opened',
      events: ['record.created'],
    });
    expect(hook.statusCode).toBe(201);
    expect(await check({ requesterId: me, createdBy: me })).toBe(true);
    expect((await t.admin.del(`/api/v1/admin/webhooks/${hook.json().id}`)).statusCode).toBe(204);
    expect(await check({ requesterId: me, createdBy: me })).toBe(false);
  });
});

describe('approvals and major incidents', () => {
  it('asks the approvers and tells the requester of the decision', async () => {
    const { boss, employee, req } = await orderNeedingManagerApproval(t.env);
    const asked = (await inbox(boss, req.id)).filter((n) => n.kind === 'approval.requested');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.subject).toBe(`Your approval is asked for ${req.number}: ${req.title}`);
    const res = await boss.post(`/api/v1/requests/${req.id}/approval`, {
      decision: 'reject',
      reason: 'No budget',
    });
    expect(res.statusCode).toBe(200);
    const decided = (await inbox(employee, req.id)).filter((n) => n.kind === 'approval.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]!.body).toBe(
      `${boss.user.name} rejected ${req.number} "${req.title}".\nReason: No budget`,
    );
  });

  it('tells the coordinator and the requester of a declared major incident; internal updates never reach the requester', async () => {
    const manager = await as(t.env, ['service_manager']);
    const coordinator = await as(t.env, ['agent']);
    const inc = await buildIncident(t.agent, { requesterId: t.requester.user.id });
    const declared = await manager.post(`/api/v1/incidents/${inc.id}/major`, {
      coordinatorId: coordinator.user.id,
      summary: 'Mail is down for everyone',
    });
    expect(declared.statusCode).toBe(200);
    expect(await kinds(coordinator, inc.id)).toEqual(['major_incident.declared']);
    expect(
      (await inbox(t.requester, inc.id)).find((n) => n.kind === 'major_incident.declared')?.body,
    ).toContain('Mail is down for everyone');
    await t.agent.put(`/api/v1/records/${inc.id}/watchers/${t.requester.user.id}`);
    await t.agent.put(`/api/v1/records/${inc.id}/watchers/${coordinator.user.id}`);
    const say = (audience: string, message: string) =>
      manager.post(`/api/v1/incidents/${inc.id}/major/communications`, { audience, message });
    expect((await say('internal', 'Vendor escalation opened')).statusCode).toBe(200);
    expect((await say('public', 'We are working on it')).statusCode).toBe(200);
    const updates = (c: Client) =>
      inbox(c, inc.id).then((ns) => ns.filter((n) => n.kind === 'major_incident.updated').map((n) => n.body));
    expect(await updates(t.requester)).toEqual([
      `${manager.user.name} posted an update:\n\nWe are working on it`,
    ]);
    expect((await updates(coordinator)).sort()).toEqual([
      `${manager.user.name} posted an update:\n\nVendor escalation opened`,
      `${manager.user.name} posted an update:\n\nWe are working on it`,
    ]);
  });
});

describe('on call', () => {
  it("names a member of a group as on call, refuses a stranger, and tells them of a major incident on the group's work", async () => {
    const manager = await as(t.env, ['service_manager']);
    const onCall = await as(t.env, ['agent']);
    const stranger = await as(t.env, ['agent']);
    const group = await buildGroup(t.env, { memberIds: [onCall.user.id, t.agent.user.id] });
    expect(
      (await t.agent.put(`/api/v1/admin/notifications/on-call/${group.id}`, { userId: onCall.user.id }))
        .statusCode,
    ).toBe(403);
    const refused = await t.admin.put(`/api/v1/admin/notifications/on-call/${group.id}`, {
      userId: stranger.user.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: 'userId', message: 'must be a member of the group' }]);
    const named = await t.admin.put(`/api/v1/admin/notifications/on-call/${group.id}`, {
      userId: onCall.user.id,
    });
    expect(named.statusCode, named.body).toBe(200);
    const list = (await t.admin.get('/api/v1/admin/notifications/on-call')).json().items;
    expect(list).toContainEqual({ groupId: group.id, userId: onCall.user.id });

    const inc = await buildIncident(t.agent, { groupId: group.id });
    const declared = await manager.post(`/api/v1/incidents/${inc.id}/major`, {
      coordinatorId: t.agent.user.id,
      summary: 'Payments are failing',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(await kinds(onCall, inc.id)).toContain('major_incident.declared');
    expect(await kinds(stranger, inc.id)).toEqual([]);

    expect(
      (await t.admin.put(`/api/v1/admin/notifications/on-call/${group.id}`, { userId: null })).statusCode,
    ).toBe(200);
    expect((await t.admin.get('/api/v1/admin/notifications/on-call')).json().items).not.toContainEqual(
      expect.objectContaining({ groupId: group.id }),
    );
  });
});

describe('templates', () => {
  it('previews a template on a sample record with values escaped in HTML, saves an override and uses it', async () => {
    const preview = await t.admin.post('/api/v1/admin/notifications/events/record.commented/preview', {
      channel: 'email',
      subject: 'New on {{recordNumber}}',
      body: '{{actor}} wrote: {{comment}}',
      html: '<h1>{{title}}</h1><p>{{comment}}</p>',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      subject: 'New on INC0001001',
      body: 'Alex Agent wrote: I have ordered a new fuser; it arrives tomorrow.',
      html: '<h1>Printer on floor 3 is on fire</h1><p>I have ordered a new fuser; it arrives tomorrow.</p>',
    });
    const bad = await t.admin.post('/api/v1/admin/notifications/events/record.commented/preview', {
      channel: 'in_app',
      subject: '{{#title}}unclosed',
      body: '{{nope}}',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorFields(bad).sort()).toEqual(['body', 'subject']);

    const saved = await t.admin.put(
      '/api/v1/admin/notifications/events/record.commented/templates/email',
      {
        subject: 'Re: {{title}} [{{recordNumber}}]',
        body: '{{comment}}\n-- {{actor}}',
        html: '<p>{{comment}}</p><a href="{{link}}">open</a>',
      },
      { 'if-match': '"0"' },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ overridden: true, version: 1 });
    expect(
      (await t.agent.put('/api/v1/admin/notifications/events/record.commented/templates/email', saved.json()))
        .statusCode,
    ).toBe(403);

    const inc = await buildIncident(t.agent, { requesterId: t.requester.user.id, title: 'Scanner <jams>' });
    await postComment(t.agent, inc.id, 'Try <script>alert(1)</script> now & again');
    const before = t.peer.received.length;
    await deliverDueMail(t.env.ctx);
    await t.peer.waitFor(before + 2);
    const m = t.peer.mailTo(t.requester.user.email).find((x) => x.parsed.subject?.startsWith('Re:'))!;
    expect(m.parsed.subject).toBe(`Re: Scanner <jams> [${inc.number}]`);
    expect(m.parsed.text?.trim()).toBe(`Try <script>alert(1)</script> now & again\n-- ${t.agent.user.name}`);
    expect(m.parsed.html).toContain('<p>Try &lt;script&gt;alert(1)&lt;/script&gt; now &amp; again</p>');
    // A requester's link opens the portal.
    expect(m.parsed.html).toContain(`href="https://steward.test/portal/incidents/${inc.number}"`);

    const reset = await t.admin.del('/api/v1/admin/notifications/events/record.commented/templates/email');
    expect(reset.json()).toMatchObject({ overridden: false, version: 0 });
  });
});

describe('mail', () => {
  it('sends HTML and text parts with a record Message-ID, threading, a plus-addressed Reply-To and Auto-Submitted', async () => {
    const inc = await buildIncident(t.agent, { requesterId: t.requester.user.id });
    await postComment(t.agent, inc.id, 'First update');
    await postComment(t.agent, inc.id, 'Second update');
    await deliverDueMail(t.env.ctx);
    const mine = t.peer.mailTo(t.requester.user.email).filter((m) => m.parsed.subject?.includes(inc.number));
    expect(mine).toHaveLength(3);
    const created = mine.find((m) => m.parsed.subject?.includes('opened'));
    const first = mine.find((m) => m.parsed.text?.includes('First update'));
    const second = mine.find((m) => m.parsed.text?.includes('Second update'));
    const idPattern = new RegExp(`^<steward\\.${inc.id}\\.[0-9a-f]{16}@steward\\.test>$`);
    for (const m of [created!, first!, second!]) {
      expect(m.parsed.messageId).toMatch(idPattern);
      expect(m.parsed.headers.get('auto-submitted')).toBe('auto-generated');
      expect(m.parsed.replyTo?.text).toBe(`desk+${inc.number}@steward.test`);
      expect(m.parsed.html).toBeTruthy();
      expect(m.parsed.text).toBeTruthy();
    }
    expect(created!.parsed.inReplyTo).toBeUndefined();
    expect(first!.parsed.inReplyTo).toBe(created!.parsed.messageId);
    expect(second!.parsed.inReplyTo).toBe(first!.parsed.messageId);
    expect(second!.parsed.references).toEqual([created!.parsed.messageId, first!.parsed.messageId]);
    expect(first!.parsed.text).toContain(`https://steward.test/portal/incidents/${inc.number}`);
    expect(first!.parsed.text).toContain('You are told because you raised it.');

    // The delivery log shows each mail as sent, with its Message-ID, to administrators only.
    expect((await t.agent.get('/api/v1/admin/notifications/deliveries')).statusCode).toBe(403);
    const log = (
      await t.admin.get(`/api/v1/admin/notifications/deliveries?recordId=${inc.id}`)
    ).json() as DeliveryPage;
    expect(log.items).toHaveLength(3);
    expect(log.items.every((d) => d.status === 'sent' && d.attempts === 1 && d.channel === 'email')).toBe(
      true,
    );
    expect(log.items.map((d) => d.messageId).sort()).toEqual(
      [created!, first!, second!].map((m) => m.parsed.messageId).sort(),
    );
  });

  it('keeps 100 notifications through an SMTP outage and delivers each exactly once', async () => {
    const person = await as(t.env, ['requester']);
    const inc = await buildIncident(t.agent, { requesterId: person.user.id });
    await deliverDueMail(t.env.ctx);
    const port = t.peer.port;
    await t.peer.close();
    for (let i = 0; i < 100; i++)
      expect((await postComment(t.agent, inc.id, `Update ${i}`)).statusCode).toBe(201);
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
    const waiting = (
      await t.admin.get(`/api/v1/admin/notifications/deliveries?recordId=${inc.id}&limit=200`)
    ).json() as DeliveryPage;
    const updates = waiting.items.filter((d) => d.event === 'record.commented');
    expect(updates).toHaveLength(100);
    expect(updates.every((d) => d.status === 'queued' && d.attempts === 1 && d.error)).toBe(true);

    t.peer = await startSmtpPeer({ port });
    t.env.clock.advance(60_000);
    expect(await deliverDueMail(t.env.ctx)).toBe(100);
    expect(await deliverDueMail(t.env.ctx)).toBe(0);
    const got = t.peer.mailTo(person.user.email);
    expect(got).toHaveLength(100);
    expect(new Set(got.map((m) => m.parsed.text?.match(/Update \d+/)?.[0])).size).toBe(100);
    expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(100);
    const sent = (
      await t.admin.get(`/api/v1/admin/notifications/deliveries?recordId=${inc.id}&status=sent&limit=200`)
    ).json() as DeliveryPage;
    expect(sent.items.filter((d) => d.event === 'record.commented')).toHaveLength(100);
  }, 240_000);
});

describe('preferences', () => {
  it('lists defaults, keeps choices, sends digests with a working List-Unsubscribe', async () => {
    const person = await as(t.env, ['requester']);
    const prefs = (await person.get('/api/v1/notifications/preferences')).json()
      .preferences as PreferenceView[];
    expect(prefs.find((p) => p.event === 'record.commented')).toMatchObject({
      inApp: true,
      email: true,
      mode: 'immediate',
      isDefault: true,
    });
    const saved = await person.put('/api/v1/notifications/preferences', {
      preferences: [
        { event: 'record.commented', inApp: true, email: true, mode: 'digest' },
        { event: 'record.created', inApp: false, email: false, mode: 'immediate' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (
        await person.put('/api/v1/notifications/preferences', {
          preferences: [{ event: 'nope', inApp: true, email: true, mode: 'digest' }],
        })
      ).statusCode,
    ).toBe(422);

    const inc = await buildIncident(t.agent, { requesterId: person.user.id });
    await postComment(t.agent, inc.id, 'Digest one');
    await postComment(t.agent, inc.id, 'Digest two');
    await deliverDueMail(t.env.ctx);
    // No mail yet, no in-app item for the created event.
    expect(t.peer.mailTo(person.user.email)).toHaveLength(0);
    expect(await kinds(person, inc.id)).toEqual(['record.commented', 'record.commented']);

    expect(await sendDigests(t.env.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sendDigests(t.env.ctx)).toBe(0);
    await deliverDueMail(t.env.ctx);
    const [digest, ...more] = t.peer.mailTo(person.user.email);
    expect(more).toHaveLength(0);
    expect(digest!.parsed.subject).toBe('Your Steward digest: 2 updates');
    expect(digest!.parsed.text).toContain('Digest one');
    expect(digest!.parsed.text).toContain('Digest two');
    const url = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(digest!.raw)?.[1] ?? '';
    expect(url).toMatch(/^https:\/\/steward\.test\/api\/v1\/notifications\/unsubscribe\?token=/);
    expect(digest!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(digest!.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const path = url.replace('https://steward.test', '');
    const res = await t.env.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You are unsubscribed');
    const after = (await person.get('/api/v1/notifications/preferences')).json()
      .preferences as PreferenceView[];
    expect(after.find((p) => p.event === 'record.commented')).toMatchObject({
      email: false,
      mode: 'immediate',
    });
    expect(
      (
        await t.env.app.inject({
          method: 'GET',
          url: '/api/v1/notifications/unsubscribe?token=not-a-real-token',
        })
      ).statusCode,
    ).toBe(404);
  });
});
