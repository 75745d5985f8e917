/**
 * The KPIs change management and the knowledge base declare, on a small fixed data set against
 * values worked out by hand, over the week of 2 March 2026 (Monday 00:00 to the next Monday).
 *
 * Changes completed in the week (implementation ended):
 *   C1 on payroll-db, ended Tue 10:00; an incident on payroll-db Tue 20:00 (10 h later)  → caused
 *   C2 on mail-db, ended Wed 10:00; an incident on mail-db Thu 12:00 (26 h later)        → not caused
 *   C3 without CIs, ended Thu 10:00; an incident linked to it as caused by it            → caused
 *   C4 on payroll-db, ended Fri 10:00; the incident on payroll-db was before it           → not caused
 *   C5 on payroll-db, ended the next Monday 10:00 with an incident after: outside the week.
 *   → changes causing incidents: 2 of 4 = 50 %.
 *
 * Article readings: three in the week, one the next Monday → article use 3.
 * "This solved my problem": R1 Tue 09:00 then an incident Tue 15:00 (within 24 h) → not deflected;
 * R2 Wed 09:00 (R2's incident on Monday came before) → deflected; R3 Thu 09:00 then an incident
 * Fri 12:00 (27 h later) → deflected. → deflection 2 of 3 = 66.7 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeTemplateView, ChangeView } from '../../src/contracts/changes.ts';
import type { KpiDefinitionView, KpiResult } from '../../src/contracts/reports.ts';
import { as, buildIncident, type Client, createTestEnv, expectJson, type TestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

let env: TestEnv;
let agent: Client;
let changeManager: Client;
let reporter: Client;
let reviewer: Client;
let requesters: Client[];
let template: ChangeTemplateView;

const WEEK = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';
const at = (iso: string) => env.clock.set(iso);

async function kpi(key: string): Promise<KpiResult> {
  return expectJson<KpiResult>(await reporter.get(`/api/v1/reports/kpis/${key}?${WEEK}`), 200);
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

/** A standard change on `ciIds`, implemented on `day` from 09:00 and completed at 10:00. */
async function completedChange(day: string, ciIds: string[]): Promise<ChangeView> {
  at(`${day}T08:00:00Z`);
  const c = (await ok(
    agent.post('/api/v1/changes', {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: `${day}T09:00:00Z`,
      ciIds,
    }),
  )) as ChangeView;
  await ok(changeManager.post(`/api/v1/changes/${c.id}/transitions`, { to: 'scheduled' }));
  at(`${day}T09:00:00Z`);
  await ok(agent.post(`/api/v1/changes/${c.id}/transitions`, { to: 'implement' }));
  at(`${day}T10:00:00Z`);
  return (await ok(
    agent.post(`/api/v1/changes/${c.id}/transitions`, {
      to: 'review',
      resolutionCode: 'successful',
      resolutionNotes: 'Done.',
    }),
  )) as ChangeView;
}

beforeAll(async () => {
  env = await createTestEnv();
  agent = await as(env, ['agent']);
  changeManager = await as(env, ['agent', 'change_manager']);
  reporter = await as(env, ['service_manager']);
  reviewer = await as(env, ['agent']);
  requesters = [await as(env, ['requester']), await as(env, ['requester']), await as(env, ['requester'])];
  template = (await ok(
    changeManager.post('/api/v1/change-templates', {
      name: 'Patch a database',
      implementationPlan: 'Apply the patch.',
      backoutPlan: 'Restore the snapshot.',
      durationMinutes: 60,
    }),
  )) as ChangeTemplateView;

  // Changes.
  const payroll = await buildCi(agent, 'database', { name: 'payroll-db' });
  const mail = await buildCi(agent, 'database', { name: 'mail-db' });
  const early = await buildIncident(agent, { title: 'Payroll slow before anything changed' });
  await completedChange('2026-03-03', [payroll.id]);
  at('2026-03-03T20:00:00Z');
  await buildIncident(agent, { title: 'Payroll errors', ciIds: [payroll.id] });
  await completedChange('2026-03-04', [mail.id]);
  at('2026-03-05T12:00:00Z');
  await buildIncident(agent, { title: 'Mail bounces', ciIds: [mail.id] });
  const c3 = await completedChange('2026-03-05', []);
  await ok(agent.put(`/api/v1/changes/${c3.id}/review`, { incidentIds: [early.number] }));
  await completedChange('2026-03-06', [payroll.id]);
  await completedChange('2026-03-09', [payroll.id]);
  at('2026-03-09T11:00:00Z');
  await buildIncident(agent, { title: 'Payroll down again', ciIds: [payroll.id] });

  // Knowledge.
  at('2026-03-02T08:00:00Z');
  const category = (await ok(
    reporter.post('/api/v1/knowledge/categories', { name: 'Self-help', reviewerIds: [reviewer.user.id] }),
  )) as { id: string };
  const articles: { id: string }[] = [];
  for (const title of ['Reset your password', 'Map a network drive']) {
    const a = (await ok(
      agent.post('/api/v1/knowledge/articles', {
        title,
        body: 'Follow the steps.',
        categoryId: category.id,
        audience: 'requesters',
      }),
    )) as { id: string };
    await ok(agent.post(`/api/v1/knowledge/articles/${a.id}/steps`, { step: 'submit', comment: '' }));
    await ok(reviewer.post(`/api/v1/knowledge/articles/${a.id}/steps`, { step: 'publish', comment: '' }));
    articles.push(a);
  }
  const [r1, r2, r3] = requesters as [Client, Client, Client];
  const [a1, a2] = articles as [{ id: string }, { id: string }];
  const read = async (c: Client, a: { id: string }, when: string) => {
    at(when);
    await ok(c.post(`/api/v1/knowledge/articles/${a.id}/views`));
  };
  await read(r1, a1, '2026-03-02T10:00:00Z');
  await read(r2, a1, '2026-03-03T10:00:00Z');
  await read(agent, a2, '2026-03-04T10:00:00Z');
  await read(r1, a2, '2026-03-09T10:00:00Z');
  const solved = async (c: Client, a: { id: string }, when: string) => {
    at(when);
    await ok(c.post(`/api/v1/knowledge/articles/${a.id}/deflections`, { query: 'help' }));
  };
  at('2026-03-02T12:00:00Z');
  await buildIncident(r2, { title: 'Drive missing' });
  await solved(r1, a1, '2026-03-03T09:00:00Z');
  at('2026-03-03T15:00:00Z');
  await buildIncident(r1, { title: 'Still cannot sign in' });
  await solved(r2, a2, '2026-03-04T09:00:00Z');
  await solved(r3, a1, '2026-03-05T09:00:00Z');
  at('2026-03-06T12:00:00Z');
  await buildIncident(r3, { title: 'Another problem' });
  at('2026-03-10T12:00:00Z');
});
afterAll(() => env.close());

describe('change and knowledge KPIs', () => {
  it('counts the changes completed in the period that caused an incident', async () => {
    const r = await kpi('changes_causing_incidents');
    expect(r.count).toBe(4);
    expect(r.value).toBeCloseTo(50, 5);
  });

  it('counts the article readings in the period', async () => {
    const r = await kpi('knowledge_article_use');
    expect(r.value).toBe(3);
    expect(r.count).toBe(3);
  });

  it('counts the "solved my problem" answers not followed by an incident', async () => {
    const r = await kpi('knowledge_deflection');
    expect(r.count).toBe(3);
    expect(r.value).toBeCloseTo(200 / 3, 5);
    // The rows behind it are the articles, by number and title, linked to their pages.
    const res = await reporter.get(`/api/v1/reports/kpis/knowledge_deflection/records?${WEEK}&outcome=miss`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { items: { number: string; title: string; href: string | null }[] }).items;
    expect(rows).toEqual([
      expect.objectContaining({
        number: expect.stringMatching(/^KB/),
        title: 'Reset your password',
        href: expect.stringMatching(/^\/knowledge\/KB/),
      }),
    ]);
  });

  it('are in the KPI library with their definitions', async () => {
    const res = await reporter.get('/api/v1/reports/kpis');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as KpiDefinitionView[] | { items: KpiDefinitionView[] };
    const defs = Array.isArray(body) ? body : body.items;
    const byKey = new Map(defs.map((d) => [d.key, d]));
    expect(byKey.get('changes_causing_incidents')).toMatchObject({
      category: 'changes',
      unit: 'percent',
      available: true,
      definition: expect.stringContaining('within 24 hours after its implementation ended'),
    });
    expect(byKey.get('knowledge_article_use')).toMatchObject({ category: 'knowledge', unit: 'count' });
    expect(byKey.get('knowledge_deflection')).toMatchObject({
      category: 'knowledge',
      definition: expect.stringContaining('did not raise an incident within 24 hours'),
    });
  });
});
