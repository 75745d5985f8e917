/**
 * Customer-satisfaction surveys end to end: a resolution creates a survey and mails its link to
 * the requester through a real SMTP peer; the link answers once without signing in (409 on a
 * second answer, 410 once expired, 404 for an unknown token); the portal answers signed in; a
 * low score tells the group's manager (or its members when it has none); a reopen withdraws the
 * survey and the next resolution sends a new one; and the CSAT KPIs match a hand computation.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CsatSurveyView } from '../../src/contracts/csat.ts';
import { groups } from '../../src/modules/auth/index.ts';
import { csatSurveys } from '../../src/modules/csat/schema.ts';
import { deliverDueMail } from '../../src/modules/mail/index.ts';
import {
  activityOf,
  as,
  buildGroup,
  buildIncident,
  type Client,
  fieldChanges,
  notificationsOf,
  resolveIncident,
} from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';
import { buildCatalogItem, buildService, order } from '../support/requests.ts';
import { setupMailTestEnv } from '../support/smtp.ts';

const t = setupMailTestEnv(
  {
    MAIL_FROM: 'Service Desk <desk@steward.test>',
    PUBLIC_URL: 'https://steward.test',
  },
  {
    admin: ['admin'],
    agent: ['agent'],
    lead: ['agent'],
    memberA: ['agent'],
    memberB: ['agent'],
    requester: ['requester'],
    other: ['requester'],
  },
);
let ledGroup: { id: string };
let openGroup: { id: string };

beforeAll(async () => {
  ledGroup = await buildGroup(t.env, { memberIds: [t.agent.user.id, t.lead.user.id] });
  await t.env.ctx.db.update(groups).set({ managerId: t.lead.user.id }).where(eq(groups.id, ledGroup.id));
  openGroup = await buildGroup(t.env, { memberIds: [t.memberA.user.id, t.memberB.user.id] });
});

const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.env.app.inject({ method, url, ...(payload ? { payload } : {}) });
const surveysOf = async (c: Client, id: string) =>
  ((await c.get(`/api/v1/records/${id}/csat`)).json() as { items: CsatSurveyView[] }).items;

/** An incident of the requester's (in `groupId` when given), resolved by the agent; and the answer to that. */
async function resolveForRequester(groupId: string | undefined, title: string) {
  const inc = await buildIncident(t.agent, {
    requesterId: t.requester.user.id,
    title,
    ...(groupId ? { groupId } : {}),
  });
  return { inc, resolved: await resolveIncident(t.agent, inc.id) };
}

/** Resolve an incident of the requester's as the agent and read the survey link from the mail sent. */
async function resolveAndReadLink(groupId: string | undefined, title: string) {
  const { inc, resolved } = await resolveForRequester(groupId, title);
  expect(resolved.statusCode).toBe(200);
  await deliverDueMail(t.env.ctx);
  const find = () =>
    t.peer
      .mailTo(t.requester.user.email)
      .find((m) => m.parsed.subject?.includes(inc.number) && m.parsed.subject?.includes('How did we do'));
  const mail = await pollUntil(find, Boolean, { what: 'the survey mail', timeoutMs: 5000 });
  expect(mail, 'the survey mail').toBeDefined();
  expect(mail!.parsed.subject).toBe(`[${inc.number}] How did we do?`);
  const link = mail!.parsed.text!.match(/https:\/\/steward\.test\/survey\/([A-Za-z0-9_-]+)/);
  expect(link, mail!.parsed.text).not.toBeNull();
  return { inc, token: link![1]! };
}

const scores: { group: string | null; score: number }[] = [];
/** Surveys sent by the tests besides the ones counted in the KPI test's comment. */
let sent = 0;

describe('a resolution asks the requester', () => {
  it('creates one survey, mails its link and keeps only the hash of the token', async () => {
    const { inc, token } = await resolveAndReadLink(ledGroup.id, 'Laptop will not boot');
    const list = await surveysOf(t.agent, inc.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'pending', score: null, canAnswer: false });
    const [row] = await t.env.ctx.db.select().from(csatSurveys).where(eq(csatSurveys.recordId, inc.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    // The in-app notice carries no link with the token.
    const inbox = await notificationsOf(t.requester, '?limit=50');
    const note = inbox.items.find((n) => n.kind === 'survey.requested');
    expect(note).toBeDefined();
    expect(note!.body).not.toContain(token);

    // The link shows the question without signing in, takes one answer, and refuses a second.
    const shown = await anonymous('GET', `/api/v1/public/surveys/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ status: 'pending', record: { number: inc.number } });
    const answered = await anonymous('POST', `/api/v1/public/surveys/${token}/answer`, {
      score: 5,
      comment: 'Back up in ten minutes, thanks!',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    scores.push({ group: ledGroup.id, score: 5 });
    const again = await anonymous('POST', `/api/v1/public/surveys/${token}/answer`, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe('resource.conflict');

    const [seen] = await surveysOf(t.agent, inc.id);
    expect(seen).toMatchObject({
      status: 'answered',
      score: 5,
      comment: 'Back up in ten minutes, thanks!',
      answeredVia: 'link',
    });
    const changes = fieldChanges(await activityOf(t.agent, inc.id));
    expect(changes.some((a) => a.field === 'csat' && a.newValue === '5')).toBe(true);
    expect(changes.some((a) => a.field === 'csat.sent')).toBe(true);
    // A score of 5 tells nobody.
    const leadInbox = await notificationsOf(t.lead, '?limit=50');
    expect(leadInbox.items.some((n) => n.kind === 'survey.low_score')).toBe(false);
  });

  it('answers 404 to an unknown token and 400 to a score out of range', async () => {
    const unknown = await anonymous('GET', `/api/v1/public/surveys/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(
      (await anonymous('POST', `/api/v1/public/surveys/${'x'.repeat(43)}/answer`, { score: 3 })).statusCode,
    ).toBe(404);
    const { token } = await resolveAndReadLink(undefined, 'Score range');
    const bad = await anonymous('POST', `/api/v1/public/surveys/${token}/answer`, { score: 6 });
    expect(bad.statusCode).toBe(400);
    expect((await anonymous('POST', `/api/v1/public/surveys/${token}/answer`, { score: 0 })).statusCode).toBe(
      400,
    );
  });
});

describe('service requests', () => {
  it('asks the requester when a request is fulfilled', async () => {
    const serviceManager = await as(t.env, ['service_manager']);
    const item = await buildCatalogItem(serviceManager, await buildService(t.env), { name: 'Headset' });
    // Nothing to approve and no tasks: the request is fulfilled as it is ordered.
    const req = await order(t.requester, item.id);
    expect(req.state).toBe('fulfilled');
    const [survey] = await surveysOf(t.requester, req.id);
    expect(survey).toMatchObject({ status: 'pending', canAnswer: true, record: { type: 'request' } });
    sent++;
  });
});

describe('answering from the portal and low scores', () => {
  it('lets only the requester answer signed in; a low score tells the group manager by app and mail', async () => {
    const { inc } = await resolveForRequester(ledGroup.id, 'VPN drops');
    const pending = ((await t.requester.get('/api/v1/csat/pending')).json() as { items: CsatSurveyView[] })
      .items;
    const survey = pending.find((s) => s.record.id === inc.id)!;
    expect(survey).toMatchObject({ canAnswer: true, status: 'pending', record: { number: inc.number } });
    expect((await t.other.post(`/api/v1/csat/surveys/${survey.id}/answer`, { score: 5 })).statusCode).toBe(
      404,
    );
    expect((await t.other.get(`/api/v1/records/${inc.id}/csat`)).statusCode).toBe(404);

    const answered = await t.requester.post(`/api/v1/csat/surveys/${survey.id}/answer`, {
      score: 2,
      comment: 'Took three days and nobody called back.',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().survey).toMatchObject({ status: 'answered', score: 2, answeredVia: 'portal' });
    scores.push({ group: ledGroup.id, score: 2 });
    expect(
      (await t.requester.post(`/api/v1/csat/surveys/${survey.id}/answer`, { score: 4 })).statusCode,
    ).toBe(409);

    const leadNotes = await notificationsOf(t.lead, '?limit=50');
    const low = leadNotes.items.find((n) => n.kind === 'survey.low_score');
    expect(low?.subject).toBe(`Low satisfaction score on ${inc.number}: 2/5`);
    expect(low?.body).toContain('Took three days and nobody called back.');
    // Only the manager: the group's other member and the requester hear nothing of it.
    for (const c of [t.agent, t.requester])
      expect((await notificationsOf(c, '?limit=50')).items.some((n) => n.kind === 'survey.low_score')).toBe(
        false,
      );
    await deliverDueMail(t.env.ctx);
    await pollUntil(
      () => t.peer.mailTo(t.lead.user.email).some((m) => m.parsed.subject?.includes('Low satisfaction')),
      Boolean,
      { what: 'the low score mail', timeoutMs: 5000 },
    );
    const mail = t.peer.mailTo(t.lead.user.email).find((m) => m.parsed.subject?.includes('Low satisfaction'));
    expect(mail?.parsed.subject).toBe(`[${inc.number}] Low satisfaction score: 2/5`);
  });

  it('tells the group members when the group has no manager', async () => {
    const { inc } = await resolveForRequester(openGroup.id, 'Printer offline');
    const [survey] = await surveysOf(t.requester, inc.id);
    expect(
      (await t.requester.post(`/api/v1/csat/surveys/${survey!.id}/answer`, { score: 1 })).statusCode,
    ).toBe(201);
    scores.push({ group: openGroup.id, score: 1 });
    for (const c of [t.memberA, t.memberB]) {
      const notes = await notificationsOf(c, '?limit=50');
      expect(notes.items.find((n) => n.kind === 'survey.low_score')?.subject).toBe(
        `Low satisfaction score on ${inc.number}: 1/5`,
      );
    }
  });

  it('takes the low-score threshold from the settings', async () => {
    expect(
      (await t.agent.put('/api/v1/csat/settings', { lowScoreThreshold: 3, expiryDays: 14 })).statusCode,
    ).toBe(403);
    expect((await t.requester.get('/api/v1/csat/settings')).statusCode).toBe(403);
    expect((await t.agent.get('/api/v1/csat/settings')).json()).toMatchObject({
      lowScoreThreshold: 2,
      version: 0,
    });
    const saved = await t.admin.put('/api/v1/csat/settings', { lowScoreThreshold: 3, expiryDays: 14 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ lowScoreThreshold: 3, expiryDays: 14, version: 1 });
    const { inc } = await resolveForRequester(openGroup.id, 'Slow share');
    const [survey] = await surveysOf(t.requester, inc.id);
    await t.requester.post(`/api/v1/csat/surveys/${survey!.id}/answer`, { score: 3 });
    scores.push({ group: openGroup.id, score: 3 });
    const notes = await notificationsOf(t.memberA, '?limit=50');
    expect(notes.items.some((n) => n.subject === `Low satisfaction score on ${inc.number}: 3/5`)).toBe(true);
    await t.admin.put(
      '/api/v1/csat/settings',
      { lowScoreThreshold: 2, expiryDays: 14 },
      { 'if-match': '"1"' },
    );
  });
});

describe('reopening and expiry', () => {
  it('withdraws the survey on a reopen and sends a new one on the next resolution', async () => {
    const { inc } = await resolveForRequester(undefined, 'Mail bounces');
    const reopened = await t.requester.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'in_progress',
      comment: 'Still bouncing.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const [withdrawn] = await surveysOf(t.requester, inc.id);
    expect(withdrawn!.status).toBe('expired');
    expect(
      (await t.requester.post(`/api/v1/csat/surveys/${withdrawn!.id}/answer`, { score: 4 })).statusCode,
    ).toBe(410);
    await resolveIncident(t.agent, inc.id);
    const list = await surveysOf(t.requester, inc.id);
    expect(list.map((s) => s.status)).toEqual(['pending', 'expired']);
    expect(
      (await t.requester.post(`/api/v1/csat/surveys/${list[0]!.id}/answer`, { score: 4 })).statusCode,
    ).toBe(201);
    scores.push({ group: null, score: 4 });
  });

  it('answers 410 once a survey has expired', async () => {
    const { token } = await resolveAndReadLink(undefined, 'Expiring');
    const start = t.env.clock.now();
    t.env.clock.advance(14 * 86_400_000 + 1000);
    try {
      const late = await anonymous('POST', `/api/v1/public/surveys/${token}/answer`, { score: 4 });
      expect(late.statusCode).toBe(410);
      expect(late.headers['content-type']).toContain('application/problem+json');
      expect(late.json().code).toBe('resource.gone');
      expect((await anonymous('GET', `/api/v1/public/surveys/${token}`)).statusCode).toBe(410);
    } finally {
      t.env.clock.set(start);
    }
  });
});

describe('CSAT KPIs', () => {
  const period = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';

  it('computes the mean score and the response rate by hand', async () => {
    const manager = await as(t.env, ['service_manager']);
    // Answers given above: 5, 2, 1, 3, 4.
    expect(scores.map((s) => s.score)).toEqual([5, 2, 1, 3, 4]);
    const csat = await manager.get(`/api/v1/reports/kpis/csat?${period}&by=group`);
    expect(csat.statusCode, csat.body).toBe(200);
    const r = csat.json();
    expect(r.count).toBe(5);
    expect(r.value).toBeCloseTo(15 / 5, 6);
    expect(r.formatted).toBe('3.00 / 5');
    const byGroup = new Map(
      (r.breakdown as { key: string | null; value: number; count: number }[]).map((b) => [b.key, b]),
    );
    expect(byGroup.get(ledGroup.id)).toMatchObject({ value: 3.5, count: 2 });
    expect(byGroup.get(openGroup.id)).toMatchObject({ value: 2, count: 2 });

    // Surveys sent: 1 (answered), score-range (no), VPN, printer, slow share (answered),
    // mail bounces twice (withdrawn, then answered), expiring (no): 8 sent, 5 answered.
    const rate = (await manager.get(`/api/v1/reports/kpis/csat_response_rate?${period}`)).json();
    expect(rate.count).toBe(8 + sent);
    expect(rate.value).toBeCloseTo((5 / (8 + sent)) * 100, 6);

    const library = (await manager.get('/api/v1/reports/kpis')).json() as {
      items: { key: string; unit: string }[];
    };
    expect(library.items.find((k) => k.key === 'csat')).toMatchObject({ unit: 'score' });
    expect(library.items.some((k) => k.key === 'csat_response_rate')).toBe(true);
    const drill = (await manager.get(`/api/v1/reports/kpis/csat/records?${period}`)).json() as {
      items: { formatted: string }[];
    };
    expect(drill.items.map((i) => i.formatted).sort()).toEqual([
      '1.00 / 5',
      '2.00 / 5',
      '3.00 / 5',
      '4.00 / 5',
      '5.00 / 5',
    ]);
  });

  it('is usable as a dashboard widget', async () => {
    const manager = await as(t.env, ['service_manager']);
    const made = await manager.post('/api/v1/reports/dashboards', {
      name: 'Satisfaction',
      role: 'team_lead',
      widgets: [
        { kpi: 'csat', chart: 'trend' },
        { kpi: 'csat_response_rate', chart: 'value' },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const roles = (await manager.get('/api/v1/reports/dashboards')).json().roles as {
      role: string;
      widgets: { kpi: string }[];
    }[];
    expect(roles.find((d) => d.role === 'service_manager')!.widgets.some((w) => w.kpi === 'csat')).toBe(true);
  });
});
