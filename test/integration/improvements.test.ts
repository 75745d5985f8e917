/**
 * The continual improvement register on a small fixed data set, against values worked out by
 * hand. Every incident is on the "Payroll" service and the KPIs are cut to it, so nothing else
 * counts. The KPI is the mean time to resolve in calendar time (target 24 h, red beyond 36 h):
 * one incident a month takes 48 h from January to March (red three months running), one in
 * April takes 24 h, two in May take 6 h and 12 h after the improvement is done.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ImprovementListItem,
  ImprovementView,
  RegisterReport,
  SuggestionList,
} from '../../src/contracts/improvements.ts';
import { buildIncident, type Client, expectJson, resolveIncident, setupTestEnv } from '../support/app.ts';
import { raiseProblem } from '../support/problems.ts';
import { buildService } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });
let serviceId: string;

const HOUR = 3600;
const KPI = 'ttr_mean_calendar';
const at = (iso: string) => t.env.clock.set(iso);

/** An incident on the service, raised at `from` and resolved at `to`. */
async function incident(from: string, to: string) {
  at(from);
  const inc = await buildIncident(t.agent, { title: `Payslip run failed ${from}`, serviceId, impact: 3 });
  at(to);
  const res = await resolveIncident(t.agent, inc.id);
  expect(res.statusCode, res.body).toBe(200);
}

async function suggestions(query: string): Promise<SuggestionList> {
  return expectJson<SuggestionList>(await t.manager.get(`/api/v1/improvements/suggestions?${query}`), 200);
}

async function move(client: Client, id: string, body: Record<string, unknown>) {
  return client.post(`/api/v1/improvements/${id}/transitions`, body);
}

async function view(id: string): Promise<ImprovementView> {
  return expectJson<ImprovementView>(await t.manager.get(`/api/v1/improvements/${id}`), 200);
}

beforeAll(async () => {
  serviceId = (await buildService(t.manager, { name: 'Payroll' })).id;
  await incident('2026-01-10T09:00:00Z', '2026-01-12T09:00:00Z'); // 48 h
  await incident('2026-02-10T09:00:00Z', '2026-02-12T09:00:00Z'); // 48 h
  await incident('2026-03-15T09:00:00Z', '2026-03-17T09:00:00Z'); // 48 h
  await incident('2026-04-01T09:00:00Z', '2026-04-02T09:00:00Z'); // 24 h
});

describe('improvement register', () => {
  let proposal: ImprovementView;

  it('suggests a KPI red for the last three whole months, and not for four', async () => {
    at('2026-04-10T12:00:00Z');
    const three = await suggestions(`serviceId=${serviceId}&periods=3`);
    const ttr = three.items.find((s) => s.kpi.key === KPI);
    expect(ttr, JSON.stringify(three.items.map((s) => s.kpi.key))).toBeDefined();
    expect(ttr!.periods.map((p) => [p.from.slice(0, 10), p.value])).toEqual([
      ['2026-01-01', 48 * HOUR],
      ['2026-02-01', 48 * HOUR],
      ['2026-03-01', 48 * HOUR],
    ]);
    expect(ttr!.kpi.goodWhen).toBe('down');
    // Nothing in December: four months running is not a streak.
    const four = await suggestions(`serviceId=${serviceId}&periods=4`);
    expect(four.items.map((s) => s.kpi.key)).not.toContain(KPI);
    // The setting's default is three; a saved setting changes it.
    expect((await suggestions(`serviceId=${serviceId}`)).periods).toBe(3);
    const saved = await t.manager.put('/api/v1/improvements/settings', { suggestionPeriods: 4 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await suggestions(`serviceId=${serviceId}`)).items.map((s) => s.kpi.key)).not.toContain(KPI);
    const agentSaves = await t.agent.put('/api/v1/improvements/settings', { suggestionPeriods: 2 });
    expect(agentSaves.statusCode).toBe(403);
    await t.manager.put('/api/v1/improvements/settings', { suggestionPeriods: 3 }, { 'if-match': '"1"' });
    expect((await suggestions(`serviceId=${serviceId}`)).periods).toBe(3);
  });

  it('dismisses a suggestion until a further red month', async () => {
    at('2026-04-10T12:00:00Z');
    const median = 'ttr_median_calendar';
    expect((await suggestions(`serviceId=${serviceId}`)).items.map((s) => s.kpi.key)).toContain(median);
    const res = await t.manager.post('/api/v1/improvements/suggestions/dismissals', {
      kpiKey: median,
      serviceId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await suggestions(`serviceId=${serviceId}`)).items.map((s) => s.kpi.key)).not.toContain(median);
  });

  it('raises a proposal from the KPI with the baseline taken by the engine', async () => {
    at('2026-04-10T12:00:00Z');
    const res = await t.manager.post('/api/v1/improvements', {
      title: 'Automate the payslip run checks',
      expectedBenefit: 'Payroll incidents resolved within a working day',
      sourceKind: 'kpi',
      sourceRef: KPI,
      kpiFilter: { serviceId },
      assigneeId: t.manager.user.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    proposal = res.json() as ImprovementView;
    expect(proposal.number).toMatch(/^CSI\d{7}$/);
    expect(proposal.state).toBe('proposed');
    expect(proposal.serviceIds).toEqual([serviceId]);
    expect(proposal.serviceId).toBe(serviceId);
    expect(proposal.kpiKeys).toEqual([KPI]);
    // Window 11 March – 10 April: the March incident (48 h) and the April one (24 h): 36 h.
    expect(proposal.baseline[KPI]).toMatchObject({ value: 36 * HOUR, count: 2 });
    expect(proposal.outcomes[0]).toMatchObject({
      kpi: { key: KPI, goodWhen: 'down' },
      beforeFormatted: '1 d 12 h',
      after: null,
      verdict: null,
    });
    // An open proposal from the KPI takes it off the suggestions.
    expect((await suggestions(`serviceId=${serviceId}`)).items.map((s) => s.kpi.key)).not.toContain(KPI);
  });

  it('moves through approved → in progress → done, retaking the baseline at approval, and measures after', async () => {
    at('2026-04-20T12:00:00Z');
    expect((await move(t.agent, proposal.id, { to: 'approve' })).statusCode).toBe(403);
    const approved = await move(t.manager, proposal.id, { to: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    let p = await view(proposal.id);
    expect(p.state).toBe('approved');
    // Window 21 March – 20 April: only the April incident, 24 h.
    expect(p.baseline[KPI]).toMatchObject({ value: 24 * HOUR, count: 1 });
    expect(p.baselineAt).toBe('2026-04-20T12:00:00.000Z');

    expect((await move(t.agent, proposal.id, { to: 'start' })).statusCode).toBe(200);
    at('2026-05-01T00:00:00Z');
    expect((await move(t.agent, proposal.id, { to: 'complete' })).statusCode).toBe(200);
    await incident('2026-05-05T09:00:00Z', '2026-05-05T15:00:00Z'); // 6 h
    await incident('2026-05-10T09:00:00Z', '2026-05-10T21:00:00Z'); // 12 h

    at('2026-05-08T00:00:00Z');
    p = await view(proposal.id);
    expect(p.state).toBe('done');
    expect(p.outcomes[0]!.after).toMatchObject({ value: 6 * HOUR, count: 1, complete: false });

    at('2026-06-15T00:00:00Z');
    p = await view(proposal.id);
    expect(p.outcomes[0]!.after).toMatchObject({
      value: 9 * HOUR,
      count: 2,
      complete: true,
      from: '2026-05-01T00:00:00.000Z',
      to: '2026-05-31T00:00:00.000Z',
    });
    expect(p.outcomes[0]!.verdict).toBe('improved');
    expect(p.outcomes[0]!.afterFormatted).toBe('9 h');
  });

  it('rejects with a comment, and raises from a problem', async () => {
    const prb = await raiseProblem(t.agent, { title: 'Payslip job times out', serviceId });
    const res = await t.agent.post('/api/v1/improvements', {
      title: 'Split the payslip job',
      expectedBenefit: 'No more time-outs',
      sourceKind: 'problem',
      sourceRef: prb.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ImprovementView;
    expect(p.sourceRef).toBe(prb.number);
    expect(p.serviceIds).toEqual([serviceId]);
    expect((await move(t.manager, p.id, { to: 'reject' })).statusCode).toBe(422);
    const rejected = await move(t.manager, p.id, {
      to: 'reject',
      comment: 'Superseded by the new payroll system.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((rejected.json() as ImprovementListItem).state).toBe('rejected');
  });

  it('edits a proposal: new KPIs take the baseline again at the instant it was taken', async () => {
    at('2026-06-20T00:00:00Z');
    const res = await t.manager.post('/api/v1/improvements', {
      title: 'Faster payroll fixes',
      expectedBenefit: 'Quicker resolution',
      sourceKind: 'person',
      kpiFilter: { serviceId },
    });
    const p = res.json() as ImprovementView;
    expect(p.kpiKeys).toEqual([]);
    const patched = await t.manager.patch(
      `/api/v1/improvements/${p.id}`,
      { kpiKeys: [KPI], outcomeDays: 60 },
      { 'if-match': `"${p.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await view(p.id);
    // 21 April – 20 June: the May incidents, 6 h and 12 h.
    expect(after.baseline[KPI]).toMatchObject({ value: 9 * HOUR, count: 2 });
    const unknown = await t.manager.patch(`/api/v1/improvements/${p.id}`, { kpiKeys: ['no_such_kpi'] });
    expect(unknown.statusCode).toBe(422);
  });

  it('answers bad input with problem+json', async () => {
    // An otherwise complete proposal from the given source.
    const proposeFrom = (source: { sourceKind: string; sourceRef?: string }) =>
      t.manager.post('/api/v1/improvements', { title: 'x', expectedBenefit: 'y', ...source });
    const badKind = await proposeFrom({ sourceKind: 'rumour' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.headers['content-type']).toContain('application/problem+json');
    const noBenefit = await t.manager.post('/api/v1/improvements', { title: 'x', sourceKind: 'person' });
    expect(noBenefit.statusCode).toBe(400);
    const noKpi = await proposeFrom({ sourceKind: 'kpi', sourceRef: 'no_such_kpi' });
    expect(noKpi.statusCode).toBe(422);
    expect(noKpi.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(noKpi.json())).toContain('sourceRef');
    const badPeriods = await t.manager.get('/api/v1/improvements/suggestions?periods=0');
    expect(badPeriods.statusCode).toBe(400);
    const badProblem = await proposeFrom({ sourceKind: 'problem', sourceRef: 'PRB9999999' });
    expect(badProblem.statusCode).toBe(422);
  });

  it('reports the register by status, owner and service, with outcomes, as JSON and CSV', async () => {
    at('2026-06-20T00:00:00Z');
    const res = await t.manager.get(`/api/v1/improvements/register?serviceId=${serviceId}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as RegisterReport;
    expect(report.items).toHaveLength(3);
    expect(report.byStatus.map((c) => [c.key, c.count])).toEqual([
      ['proposed', 1],
      ['done', 1],
      ['rejected', 1],
    ]);
    expect(report.byService).toEqual([{ key: 'Payroll', label: 'Payroll', count: 3 }]);
    expect(report.byOwner).toContainEqual(expect.objectContaining({ label: t.manager.user.name, count: 1 }));
    const done = report.items.find((r) => r.number === proposal.number)!;
    expect(done.outcomes[0]).toMatchObject({
      beforeFormatted: '1 d',
      afterFormatted: '9 h',
      verdict: 'improved',
    });
    const csv = await t.manager.get(`/api/v1/improvements/register?serviceId=${serviceId}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`${proposal.number},Automate the payslip run checks,Done`);
    expect(csv.body).toContain('Mean time to resolve (calendar),lower,1 d,9 h,improved');
  });

  it("lists the service's improvement actions and its open problems in the service review", async () => {
    const now = t.env.clock.now().getTime();
    const period = `from=${new Date(now - 90 * 86_400_000).toISOString()}&to=${new Date(now + 86_400_000).toISOString()}`;
    const res = await t.manager.get(`/api/v1/reports/services/${serviceId}/review?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json() as {
      improvements: { number: string; state: string }[];
      problems: { number: string }[];
    };
    expect(review.improvements.map((i) => i.number)).toContain(proposal.number);
    expect(review.problems.length).toBeGreaterThan(0);
  });

  it('keeps the register from requesters', async () => {
    expect((await t.requester.get('/api/v1/improvements/register')).statusCode).toBe(403);
    expect((await t.requester.get('/api/v1/improvements/suggestions')).statusCode).toBe(403);
    expect((await t.requester.get(`/api/v1/improvements/${proposal.number}`)).statusCode).toBe(404);
    const list = await t.requester.get('/api/v1/improvements');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: unknown[] }).items).toEqual([]);
    const raise = await t.requester.post('/api/v1/improvements', {
      title: 'x',
      expectedBenefit: 'y',
      sourceKind: 'person',
    });
    expect(raise.statusCode).toBe(403);
    // Staff see the whole register in the list.
    const staff = await t.agent.get('/api/v1/improvements?limit=50');
    expect((staff.json() as { items: ImprovementListItem[] }).items.length).toBeGreaterThanOrEqual(3);
  });
});
