/**
 * Breach prediction over a generated history: training on part of it and measuring on held-out
 * records, the likely-to-breach queue with its factors and filters, one record's risk, who may
 * see it, bad filters, and the dashboard's KPI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS } from '../../src/demo/data.ts';
import { seedReportHistory } from '../../src/demo/history.ts';
import { refreshScores } from '../../src/modules/prediction/service.ts';
import { as, buildGroup, buildIncident, buildUser, expectJson, setupTestEnv } from '../support/app.ts';
import { buildAgreement, buildCalendar, buildService, HOUR, targets } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });
let serviceId: string;
let otherServiceId: string;

type Factor = { feature: string; label: string; shown: string; contribution: number };
type Item = {
  number: string;
  recordId: string;
  priority: number;
  service: { id: string } | null;
  clock: { probability: number; factors: Factor[]; workingSecondsLeft: number; metric: string };
};

beforeAll(async () => {
  const calendarId = (await buildCalendar(t.manager)).id;
  serviceId = (await buildService(t.manager)).id;
  otherServiceId = (await buildService(t.manager)).id;
  for (const id of [serviceId, otherServiceId])
    await buildAgreement(t.manager, { calendarId, serviceId: id, targets: targets(60, 240) });
  const groups = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const g of DEMO_GROUPS) {
    const people = [
      await buildUser(t.env, { roles: ['agent'] }),
      await buildUser(t.env, { roles: ['agent'] }),
    ];
    const group = await buildGroup(t.env, { memberIds: people.map((p) => p.id) });
    groups.set(g.key, group.id);
    members.set(
      g.key,
      people.map((p) => p.id),
    );
  }
  await seedReportHistory(t.env.ctx, {
    groups,
    groupMembers: members,
    requesters: [t.requester.user.id],
    deskAgentId: t.agent.user.id,
    records: 900,
    days: 90,
  });
}, 120_000);

describe('before any model', () => {
  it('lists nothing and says no model has been trained', async () => {
    const res = await t.agent.get('/api/v1/predictions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ model: null, threshold: 0.5, items: [] });
    expect((await t.agent.get('/api/v1/predictions/model')).json()).toMatchObject({
      model: null,
      heldOut: null,
    });
  });
});

describe('training on the history', () => {
  it('is for service level managers only', async () => {
    const res = await t.agent.post('/api/v1/predictions/model');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('fits on four fifths of the records and measures itself on the rest', async () => {
    const res = await t.manager.post('/api/v1/predictions/model');
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q.trainingSize).toBeGreaterThan(1000);
    const held = q.heldOut;
    expect(held.sampleSize).toBeGreaterThan(150);
    expect(held.bins).toHaveLength(10);
    expect(held.bins.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(held.sampleSize);
    // Calibrated within a stated bound, and flagging breaches far better than chance. Against
    // predicting the base rate for everyone, the Brier score is compared with a 5 % margin: the
    // held-out fifth is a couple of hundred clocks drawn by record id, and on this history the
    // model's edge in Brier score is of the order of that draw's noise (the prediction benchmark
    // measures it on the whole demo history).
    expect(held.brier).toBeLessThan(held.baselineBrier * 1.05);
    expect(held.calibrationError).toBeLessThan(0.1);
    expect(held.precision).toBeGreaterThan(held.baseRate);
    expect(held.recall).toBeGreaterThan(0);
    // The share of the target already used is what the demo history's outcomes depend on.
    const share = q.weights.find((w: { feature: string }) => w.feature === 'elapsed_share');
    expect(share.weight).toBeGreaterThan(0);
    expect((await t.agent.get('/api/v1/predictions/model')).json()).toEqual(q);
  });
});

describe('the likely-to-breach queue', () => {
  let late: { id: string; number: string };
  let fresh: { id: string; number: string };
  let elsewhere: { id: string; number: string };

  beforeAll(async () => {
    // Impact and urgency low: priority 5, a 20 h resolution target; the late one was raised 17 h ago.
    t.env.clock.advance(-17 * HOUR * 1000);
    late = await buildIncident(t.agent, { serviceId, impact: 3, urgency: 3 });
    await t.agent.post(`/api/v1/incidents/${late.id}/transitions`, { to: 'in_progress' });
    t.env.clock.advance(17 * HOUR * 1000 - 60_000);
    fresh = await buildIncident(t.agent, { serviceId, impact: 3, urgency: 3 });
    elsewhere = await buildIncident(t.agent, { serviceId: otherServiceId, impact: 3, urgency: 3 });
    t.env.clock.advance(60_000);
  });

  const list = async (query = '') =>
    expectJson<{ model: { id: string }; threshold: number; items: Item[] }>(
      await t.agent.get(`/api/v1/predictions?${query}`),
      200,
    );

  it('scores every open record with a running clock, riskiest first, explained by its factors', async () => {
    const { model, items } = await list('minProbability=0');
    expect(model).not.toBeNull();
    const numbers = items.map((i) => i.number);
    expect(numbers).toEqual(expect.arrayContaining([late.number, fresh.number, elsewhere.number]));
    const probs = items.map((i) => i.clock.probability);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
    const lateItem = items.find((i) => i.number === late.number)!;
    const freshItem = items.find((i) => i.number === fresh.number)!;
    expect(lateItem.clock.probability).toBeGreaterThan(freshItem.clock.probability);
    expect(lateItem.clock.metric).toBe('resolution');
    expect(lateItem.clock.factors).toHaveLength(8);
    const share = lateItem.clock.factors.find((f) => f.feature === 'elapsed_share')!;
    expect(share.contribution).toBeGreaterThan(0);
    expect(share.shown).toMatch(/% of the time to due gone$/);
    // Factors come largest effect first.
    const sizes = lateItem.clock.factors.map((f) => Math.abs(f.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(lateItem.clock.workingSecondsLeft).toBeGreaterThan(0);
  });

  it('keeps only records at least as likely as the threshold asked for', async () => {
    const all = (await list('minProbability=0')).items;
    const cut = (all[0]!.clock.probability + all.at(-1)!.clock.probability) / 2;
    const { items, threshold } = await list(`minProbability=${cut}`);
    expect(threshold).toBe(cut);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.length);
    expect(items.every((i) => i.clock.probability >= cut)).toBe(true);
  });

  it('filters by service and priority', async () => {
    const byService = (await list(`minProbability=0&serviceId=${otherServiceId}`)).items;
    expect(byService.map((i) => i.number)).toEqual([elsewhere.number]);
    const p = byService[0]!.priority;
    const other = p === 5 ? 4 : p + 1;
    expect((await list(`minProbability=0&priority=${other}`)).items.map((i) => i.number)).not.toContain(
      elsewhere.number,
    );
    expect((await list(`minProbability=0&priority=${p}`)).items.map((i) => i.number)).toContain(
      elsewhere.number,
    );
  });

  it("explains one record's risk, clock by clock", async () => {
    const res = await t.agent.get(`/api/v1/records/${late.number}/prediction`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.recordId).toBe(late.id);
    expect(body.clocks.length).toBeGreaterThan(0);
    expect(body.probability).toBe(
      Math.max(...body.clocks.map((c: { probability: number }) => c.probability)),
    );
    // The response clock was met when work started: only the resolution clock runs.
    expect(body.clocks.map((c: { metric: string }) => c.metric)).toEqual(['resolution']);
    expect(body.overdueClocks).toBe(0);
  });

  it('counts the likely breaches on the dashboard once scored', async () => {
    const scored = await refreshScores(t.env.ctx);
    expect(scored).toBeGreaterThanOrEqual(3);
    const likely = (await list()).items.length;
    const now = t.env.clock.now().getTime();
    const from = new Date(now - 7 * 86_400_000).toISOString();
    const to = new Date(now + 86_400_000).toISOString();
    const res = await t.agent.get(`/api/v1/reports/kpis/likely_breaches?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toBe(likely);
  });

  it('is for the service desk: requesters get 403, anonymous callers 401', async () => {
    for (const url of [
      '/api/v1/predictions',
      '/api/v1/predictions/model',
      `/api/v1/records/${late.id}/prediction`,
    ]) {
      const res = await t.requester.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const anon = await t.env.app.inject({ method: 'GET', url: '/api/v1/predictions' });
    expect(anon.statusCode).toBe(401);
    const auditor = await as(t.env, ['auditor']);
    expect((await auditor.get('/api/v1/predictions')).statusCode).toBe(200);
  });

  it('answers 400 problem+json to bad filters and 404 to an unknown record', async () => {
    for (const q of ['minProbability=2', 'minProbability=x', 'groupId=nope', 'priority=9', 'limit=0']) {
      const res = await t.agent.get(`/api/v1/predictions?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.agent.get('/api/v1/records/INC9999999/prediction')).statusCode).toBe(404);
  });
});
