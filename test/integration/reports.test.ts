/**
 * KPIs on a small fixed data set, against values worked out by hand. The SLA counts in a Berlin
 * business calendar (Monday to Friday 09:00–17:00, i.e. 08:00–16:00 UTC in March before the
 * clocks change), so working time and calendar time differ; one record is paused overnight, one
 * is resolved late, reopened and resolved again, one is re-prioritised.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ComplianceReport,
  DashboardView,
  DrillRow,
  KpiResult,
  ServiceReview,
} from '../../src/contracts/reports.ts';
import { renderServiceReviewPdf } from '../../src/modules/reports/pdf.ts';
import {
  as,
  buildGroup,
  buildIncident,
  type Client,
  createTestEnv,
  expectJson,
  type TestEnv,
} from '../support/app.ts';
import { buildAgreement, buildCalendar, buildService } from '../support/sla.ts';

let env: TestEnv;
let manager: Client;
let agent: Client;
let requester: Client;
let serviceId: string;
let otherServiceId: string;
const ids: Record<string, string> = {};

const HOUR = 3600;
const MIN = 60;
const WEEK = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';
const at = (iso: string) => env.clock.set(iso);
const move = async (id: string, body: Record<string, unknown>) => {
  const res = await agent.post(`/api/v1/incidents/${id}/transitions`, body);
  expect(res.statusCode, res.body).toBe(200);
};
const resolve = (id: string) =>
  move(id, { to: 'resolved', resolutionCode: 'solved_permanently', resolutionNotes: 'Fixed.' });

async function kpi(key: string, query = WEEK): Promise<KpiResult> {
  return expectJson<KpiResult>(await manager.get(`/api/v1/reports/kpis/${key}?${query}`), 200);
}

beforeAll(async () => {
  env = await createTestEnv();
  manager = await as(env, ['service_manager']);
  const desk = await buildGroup(env, { name: 'Desk' });
  agent = await as(env, ['agent'], { groupIds: [desk.id] });
  requester = await as(env, ['requester']);
  const calendar = await buildCalendar(manager, {
    timeZone: 'Europe/Berlin',
    intervals: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  });
  serviceId = (await buildService(manager, { name: 'Mail' })).id;
  otherServiceId = (await buildService(manager, { name: 'Printing' })).id;
  // Response 1 h and resolution 4 h of working time at priority 3; P1: 15 min and 1 h.
  await buildAgreement(manager, {
    calendarId: calendar.id,
    name: 'Mail SLA',
    targets: [1, 2, 3, 4, 5].map((priority) => ({
      priority,
      responseMinutes: priority === 1 ? 15 : 60,
      resolutionMinutes: priority === 1 ? 60 : 240,
    })),
  });

  at('2026-03-02T09:00:00Z'); // Monday 10:00 in Berlin
  const raise = (title: string, over: Record<string, unknown> = {}) =>
    buildIncident(agent, { title, impact: 2, urgency: 2, serviceId, groupId: desk.id, ...over });
  const a = await raise('A: quick fix');
  const b = await raise('B: waits for the customer overnight');
  const c = await raise('C: resolved late and reopened');
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });

  // A: acknowledged after 30 min, resolved after 2 h.
  at('2026-03-02T09:30:00Z');
  await move(a.id, { to: 'in_progress' });
  // B: acknowledged after 20 min, on hold from 10:00 to Tuesday 08:00 UTC, resolved at 09:00.
  at('2026-03-02T09:20:00Z');
  await move(b.id, { to: 'in_progress' });
  // C: acknowledged after 10 min.
  at('2026-03-02T09:10:00Z');
  await move(c.id, { to: 'in_progress' });
  at('2026-03-02T10:00:00Z');
  await move(b.id, { to: 'on_hold', comment: 'Waiting for the customer' });
  at('2026-03-02T11:00:00Z');
  await resolve(a.id);
  // C: resolved at 15:00 (6 h: breached), reopened at 15:30, resolved again at 16:00 (Berlin 17:00).
  at('2026-03-02T15:00:00Z');
  await resolve(c.id);
  at('2026-03-02T15:30:00Z');
  await move(c.id, { to: 'in_progress', comment: 'Still broken' });
  at('2026-03-02T16:00:00Z');
  await resolve(c.id);
  at('2026-03-03T08:00:00Z');
  await move(b.id, { to: 'in_progress' });
  at('2026-03-03T09:00:00Z');
  await resolve(b.id);

  // D: on another service, raised at priority 3 and re-prioritised to P1 an hour later: its
  // response target becomes 15 min from the original start, breached; still open.
  at('2026-03-04T09:00:00Z');
  const d = await raise('D: re-prioritised', { serviceId: otherServiceId });
  ids.d = d.id;
  at('2026-03-04T10:00:00Z');
  const res = await agent.patch(`/api/v1/incidents/${d.id}`, { impact: 1, urgency: 1 });
  expect(res.json().priority).toBe(1);
  // D becomes a major incident at 10:30 and stays open: Printing is down from then on.
  at('2026-03-04T10:30:00Z');
  const major = await manager.post(`/api/v1/incidents/${d.id}/major`, {
    coordinatorId: manager.user.id,
    summary: 'Printing is down everywhere',
  });
  expect(major.statusCode, major.body).toBe(200);
  at('2026-03-09T12:00:00Z');
});
afterAll(() => env.close());

describe('KPIs against hand-computed values', () => {
  it('lists every KPI with its definition; change KPIs wait for change records', async () => {
    const res = await manager.get('/api/v1/reports/kpis');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; definition: string; available: boolean }[];
    expect(items.length).toBeGreaterThanOrEqual(25);
    for (const k of items) expect(k.definition.length).toBeGreaterThan(30);
    expect(items.find((k) => k.key === 'change_success_rate')?.available).toBe(false);
    expect(items.find((k) => k.key === 'volume')?.available).toBe(true);
  });

  it('counts volume and compares it with the previous week', async () => {
    const v = await kpi('volume');
    expect(v).toMatchObject({ value: 4, count: 4, previous: 0, changePercent: null, bucket: 'day' });
    expect(v.trend.map((p) => p.value)).toEqual([3, 0, 1, 0, 0, 0, 0]);
    expect((await kpi('volume', `${WEEK}&serviceId=${serviceId}`)).value).toBe(3);
  });

  it('measures time to acknowledge and to resolve in working and in calendar time', async () => {
    // Response: A 30 min, B 20 min, C 10 min (D's response clock is still running).
    expect((await kpi('tta_mean_working')).value).toBeCloseTo(20 * MIN);
    expect((await kpi('tta_median_calendar')).value).toBeCloseTo(20 * MIN);
    // Resolution in working time: A 2 h; B 1 h before the hold + 1 h after = 2 h; C 6 h to the first
    // resolution, the 30 min resolved not counting, + 30 min = 6.5 h.
    expect((await kpi('ttr_mean_working')).value).toBeCloseTo(((2 + 2 + 6.5) * HOUR) / 3);
    expect((await kpi('ttr_median_working')).value).toBeCloseTo(2 * HOUR);
    // In calendar time, raised to (last) resolved: A 2 h, B 24 h, C 7 h.
    expect((await kpi('ttr_mean_calendar')).value).toBeCloseTo(11 * HOUR);
    expect((await kpi('ttr_median_calendar')).value).toBeCloseTo(7 * HOUR);
  });

  it('rates reopens, first-contact resolution and SLA compliance', async () => {
    expect((await kpi('reopen_rate')).value).toBeCloseTo(100 / 3);
    expect((await kpi('first_contact_resolution')).value).toBeCloseTo(200 / 3);
    // Resolution: A and B met, C breached, D still open past its P1 due time (Wednesday 10:00 UTC).
    // Response: A, B, C met; D (P1 since 10:00, due 09:15) breached.
    const resolution = await kpi('sla_resolution_compliance');
    expect(resolution).toMatchObject({ count: 4, value: 50, rag: 'red' });
    const response = await kpi('sla_response_compliance', `${WEEK}&by=service`);
    expect(response.value).toBeCloseTo(75);
    expect(response.breakdown.map((b) => [b.label, b.count])).toEqual([
      ['Mail', 3],
      ['Printing', 1],
    ]);
    expect((await kpi('sla_breaches')).value).toBe(3);
  });

  it('keeps the backlog as a snapshot with ageing bands', async () => {
    const backlog = await kpi('backlog', `${WEEK}&by=band`);
    expect(backlog.value).toBe(1);
    expect(backlog.breakdown).toEqual([{ key: '3to7d', label: '3–7 days', value: 1, count: 1 }]);
    // At the end of each day: B (on hold) on Monday, nothing on Tuesday, D from Wednesday on.
    expect(backlog.trend.map((p) => p.value)).toEqual([1, 0, 1, 1, 1, 1, 1]);
  });

  it('drills down to the exact records behind a number', async () => {
    const res = await manager.get(`/api/v1/reports/kpis/sla_breaches/records?${WEEK}&limit=2`);
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as { items: DrillRow[]; nextCursor: string };
    expect(first.items).toHaveLength(2);
    const second = (
      await manager.get(
        `/api/v1/reports/kpis/sla_breaches/records?${WEEK}&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    const rows = [...first.items, ...second.items].map((r: DrillRow) => `${r.title} (${r.band})`);
    expect(rows.sort()).toEqual([
      'C: resolved late and reopened (resolution)',
      'D: re-prioritised (resolution)',
      'D: re-prioritised (response)',
    ]);
    expect(second.nextCursor).toBeNull();
    const missed = (
      await manager.get(`/api/v1/reports/kpis/sla_resolution_compliance/records?${WEEK}&outcome=miss`)
    ).json();
    expect(
      missed.items.map((r: DrillRow) => [r.title, r.outcome, r.href?.startsWith('/incidents/INC')]),
    ).toEqual([
      ['D: re-prioritised', 'miss', true],
      ['C: resolved late and reopened', 'miss', true],
    ]);
  });

  it('cuts the heat map by weekday and hour in a time zone', async () => {
    const heat = await kpi('volume', `${WEEK}&by=weekday_hour&tz=Europe/Berlin`);
    expect(heat.breakdown.map((b) => [b.key, b.count])).toEqual([
      ['1-10', 3],
      ['3-10', 1],
    ]);
  });

  it('exports the rows behind a KPI to CSV and XLSX that read back', async () => {
    const csv = await manager.get(`/api/v1/reports/kpis/sla_breaches/records/export?${WEEK}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('Number,Title,Type');
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain('D: re-prioritised');
    const xlsx = await manager.get(`/api/v1/reports/kpis/volume/table?${WEEK}&by=service&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'service', 'Volume', 'Formatted', 'Rows']);
    expect(ws.getRow(2).values).toEqual([undefined, 'Mail', 3, '3', 3]);
    expect(ws.getRow(3).values).toEqual([undefined, 'Printing', 1, '1', 1]);
  });

  it('refuses bad periods readably and keeps KPIs from requesters', async () => {
    const bad = await manager.get(
      '/api/v1/reports/kpis/volume?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toContain('ends before it starts');
    expect((await manager.get(`/api/v1/reports/kpis/nope?${WEEK}`)).statusCode).toBe(404);
    expect((await requester.get(`/api/v1/reports/kpis/volume?${WEEK}`)).statusCode).toBe(403);
    expect((await requester.get('/api/v1/reports/dashboards')).statusCode).toBe(403);
  });
});

describe('dashboards', () => {
  it('offers role dashboards and keeps arranged ones, shared read-only with others', async () => {
    const list = (await manager.get('/api/v1/reports/dashboards')).json();
    expect(list.roles.map((r: { role: string }) => r.role)).toEqual([
      'service_manager',
      'process_owner',
      'executive',
      'team_lead',
      'agent',
    ]);
    const created = await manager.post('/api/v1/reports/dashboards', {
      name: 'My mail view',
      role: 'service_manager',
      widgets: [
        { kpi: 'volume', chart: 'trend' },
        { kpi: 'sla_breaches', chart: 'value' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json() as DashboardView;
    const reordered = await manager.patch(
      `/api/v1/reports/dashboards/${d.id}`,
      { widgets: [d.widgets[1], d.widgets[0]], shared: true },
      { 'if-match': `"${d.version}"` },
    );
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().widgets.map((w: { kpi: string }) => w.kpi)).toEqual(['sla_breaches', 'volume']);
    const stale = await manager.patch(
      `/api/v1/reports/dashboards/${d.id}`,
      { name: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const seen = (await agent.get('/api/v1/reports/dashboards')).json().items as DashboardView[];
    expect(seen.find((x) => x.id === d.id)).toMatchObject({ shared: true, mine: false });
    expect((await agent.patch(`/api/v1/reports/dashboards/${d.id}`, { name: 'mine now' })).statusCode).toBe(
      403,
    );
    const unknownKpi = await manager.post('/api/v1/reports/dashboards', {
      name: 'Bad',
      role: 'agent',
      widgets: [{ kpi: 'nope', chart: 'value' }],
    });
    expect(unknownKpi.statusCode).toBe(422);
    const batch = await manager.get(`/api/v1/reports/kpi-values?${WEEK}&keys=volume,sla_breaches,backlog`);
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().items.map((k: KpiResult) => k.value)).toEqual([4, 3, 1]);
  });
});

/** The text of an uncompressed pdfkit PDF: its TJ arrays' hex strings, decoded, one line each. */
function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g))
    lines.push(
      [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)]
        .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
        .join(''),
    );
  // WinAnsi's dashes, where Latin-1 has control characters.
  return lines.join('\n').replaceAll('\x96', '–').replaceAll('\x97', '—');
}

describe('reports', () => {
  it('reports SLA compliance per agreement with every breach explained from the timeline', async () => {
    const res = await manager.get(`/api/v1/reports/sla-compliance?${WEEK}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ComplianceReport;
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      name: 'Mail SLA',
      kind: 'sla',
      response: { due: 4, met: 3, breached: 1, compliance: 75 },
      resolution: { due: 4, met: 2, breached: 2, compliance: 50 },
    });
    const c = r.breaches.find((b) => b.title.startsWith('C:'))!;
    expect(c.explanation[0]).toBe(
      'Raised 2026-03-02 09:00 UTC; the resolution target of 4 h working time at P3 fell due 2026-03-02 13:00 UTC; met 2026-03-02 16:00 UTC, 3 h late.',
    );
    expect(c.explanation.join('\n')).toContain('running again: the record was reopened');
    const d = r.breaches.find((b) => b.title.startsWith('D:') && b.metric === 'response')!;
    expect(d.explanation.join('\n')).toContain('target changed from 1 h (P3) to 15 min (P1)');
    const xlsx = await manager.get(`/api/v1/reports/sla-compliance?${WEEK}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SLA compliance', 'Breaches']);
    expect(wb.worksheets[1]!.rowCount).toBe(4);
    const csv = await manager.get(`/api/v1/reports/sla-compliance?${WEEK}&format=csv`);
    expect(csv.body).toContain('Mail SLA,SLA,');
  });

  it('reviews a service: availability from major incidents, figures, and a PDF that reads as a document', async () => {
    const printing = (
      await manager.get(`/api/v1/reports/services/${otherServiceId}/review?${WEEK}`)
    ).json() as ServiceReview;
    // Down from Wednesday 10:30 to the end of the week: 109.5 h of 168 h.
    expect(printing.availability.outageSeconds).toBe(109.5 * HOUR);
    expect(printing.availability.percent).toBeCloseTo(100 * (1 - 109.5 / 168), 6);
    expect(printing.availability.outages.map((o) => o.title)).toEqual(['D: re-prioritised']);
    const res = await manager.get(`/api/v1/reports/services/${serviceId}/review?${WEEK}`);
    expect(res.statusCode, res.body).toBe(200);
    const mail = res.json() as ServiceReview;
    expect(mail.availability.percent).toBe(100);
    const incidents = mail.sections.find((s) => s.key === 'incidents')!;
    expect(incidents.figures.find((f) => f.key === 'volume')).toMatchObject({ value: 3, formatted: '3' });
    expect(incidents.figures.find((f) => f.key === 'ttr_mean_working')?.formatted).toBe('3 h 30 min');
    expect(mail.sections.map((s) => s.key)).not.toContain('changes');
    // Customer satisfaction comes with the CSAT module's KPIs: the resolutions sent surveys, and
    // none was answered here.
    const satisfaction = mail.sections.find((s) => s.key === 'satisfaction')!;
    expect(satisfaction.figures.map((f) => [f.key, f.value])).toEqual([
      ['csat', null],
      ['csat_response_rate', 0],
    ]);
    expect(mail.breaches.map((b) => b.number)).toHaveLength(1);

    const text = pdfText(await renderServiceReviewPdf(mail, { compress: false }));
    for (const expected of [
      'Service review',
      'Mail',
      '2 March 2026 – 8 March 2026',
      'Availability',
      '100.000 %',
      'Incidents raised',
      'Mean time to resolve (working time)',
      '3 h 30 min',
      'Mail SLA (SLA)',
      'Customer satisfaction',
      'Mean satisfaction score (1–5)',
      'Improvement actions',
      'C: resolved late and reopened',
      'State In progress -> Resolved',
      'page 1 of 2',
    ])
      expect(text).toContain(expected);
    const pdf = await manager.get(`/api/v1/reports/services/${serviceId}/review?${WEEK}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await manager.get(`/api/v1/reports/services/${manager.user.id}/review?${WEEK}`)).statusCode).toBe(
      404,
    );
  });
});
