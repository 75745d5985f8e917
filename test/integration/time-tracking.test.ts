/**
 * Time tracking: entries on records (manual, corrected, deleted), the one timer per person, who
 * may see and change what, the time report against hand-counted totals, its CSV, and the effort
 * KPI.
 */
import { describe, expect, it } from 'vitest';
import type { RecordTime, TimeEntryView, TimeReport } from '../../src/contracts/time-tracking.ts';
import { createOrganisation } from '../../src/modules/organisations/service.ts';
import { as, buildGroup, buildIncident, type Client, expectJson, setupTestEnv } from '../support/app.ts';
import { buildService } from '../support/requests.ts';

const t = setupTestEnv({
  agent: ['agent'],
  other: ['agent'],
  manager: ['service_manager'],
  auditor: ['auditor'],
  requester: ['requester'],
});

const log = (c: Client, record: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/records/${record}/time`, body);

async function logged(c: Client, record: string, body: Record<string, unknown>): Promise<TimeEntryView> {
  return expectJson<TimeEntryView>(await log(c, record, body), 201);
}

describe('time entries', () => {
  it('are logged by hand with a duration, minutes or an end, and totalled on the record', async () => {
    const inc = await buildIncident(t.agent, { title: 'Mail is slow' });
    const a = await logged(t.agent, inc.number, {
      duration: '1h 30m',
      startedAt: '2026-03-02T07:00:00Z',
      billable: true,
      note: 'Checked the mail gateway',
    });
    expect(a).toMatchObject({
      minutes: 90,
      billable: true,
      source: 'manual',
      canEdit: true,
      startedAt: '2026-03-02T07:00:00.000Z',
      endedAt: '2026-03-02T08:30:00.000Z',
      user: { id: t.agent.user.id },
      record: { number: inc.number },
    });
    // Without a start, the work ended now (the test clock is 09:00).
    const b = await logged(t.agent, inc.id, { minutes: 20 });
    expect(b.startedAt).toBe('2026-03-02T08:40:00.000Z');
    const c = await logged(t.other, inc.id, {
      startedAt: '2026-03-01T10:00:00Z',
      endedAt: '2026-03-01T10:45:00Z',
    });
    expect(c.minutes).toBe(45);

    const list = await t.agent.get(`/api/v1/records/${inc.number}/time`);
    expect(list.statusCode).toBe(200);
    const body = list.json() as RecordTime;
    expect(body.items.map((e) => e.minutes)).toEqual([20, 90, 45]);
    expect(body.totalMinutes).toBe(155);
    expect(body.billableMinutes).toBe(90);
    expect(body.canLog).toBe(true);
    // The other agent's entry is listed but not theirs to change.
    expect(body.items.find((e) => e.id === c.id)!.canEdit).toBe(false);
  });

  it('refuses bad durations and spans with problem+json 400', async () => {
    const inc = await buildIncident(t.agent);
    for (const body of [
      { duration: 'soon' },
      { duration: '0m' },
      { duration: '25h' },
      { minutes: 0 },
      { minutes: 2000 },
      {},
      { duration: '1h', minutes: 60 },
      { startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T09:00:00Z' },
      { endedAt: '2026-03-02T09:00:00Z' },
      { duration: '1h', startedAt: '2026-03-05T09:00:00Z' },
      { duration: '1h', startedAt: 'yesterday' },
    ]) {
      const res = await log(t.agent, inc.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    const bad = await log(t.agent, inc.id, { duration: 'soon' });
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.duration' });
    expect(bad.json().errors[0].message).toContain('1h 30m');
  });

  it('are changed and deleted by their author or a manager only, with If-Match', async () => {
    const inc = await buildIncident(t.agent);
    const mine = await logged(t.agent, inc.id, { duration: '30m' });

    const edited = await t.agent.patch(
      `/api/v1/time/entries/${mine.id}`,
      { duration: '45m', billable: true, note: 'Replaced the cable' },
      { 'if-match': `"${mine.version}"` },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      minutes: 45,
      billable: true,
      note: 'Replaced the cable',
      version: 2,
    });
    // The start stays; a new end moves the length.
    const ended = await t.agent.patch(`/api/v1/time/entries/${mine.id}`, {
      endedAt: new Date(new Date(mine.startedAt).getTime() + 10 * 60_000).toISOString(),
    });
    expect(ended.json()).toMatchObject({ minutes: 10, startedAt: mine.startedAt });
    const stale = await t.agent.patch(
      `/api/v1/time/entries/${mine.id}`,
      { note: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect((await t.agent.patch(`/api/v1/time/entries/${mine.id}`, { duration: 'later' })).statusCode).toBe(
      400,
    );

    // Another agent may not touch it; the auditor may not; the requester does not see it.
    expect((await t.other.patch(`/api/v1/time/entries/${mine.id}`, { note: 'mine now' })).statusCode).toBe(
      403,
    );
    expect((await t.other.del(`/api/v1/time/entries/${mine.id}`)).statusCode).toBe(403);
    expect((await t.auditor.patch(`/api/v1/time/entries/${mine.id}`, { note: 'x' })).statusCode).toBe(403);
    expect([403, 404]).toContain((await t.requester.del(`/api/v1/time/entries/${mine.id}`)).statusCode);

    // A manager corrects anyone's, and may log for someone else.
    const fixed = await t.manager.patch(`/api/v1/time/entries/${mine.id}`, { billable: false });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ billable: false, canEdit: true });
    const forAgent = await logged(t.manager, inc.id, { duration: '15m', userId: t.agent.user.id });
    expect(forAgent.user.id).toBe(t.agent.user.id);
    expect((await log(t.other, inc.id, { duration: '15m', userId: t.agent.user.id })).statusCode).toBe(403);

    expect((await t.agent.del(`/api/v1/time/entries/${mine.id}`)).statusCode).toBe(204);
    expect((await t.agent.get(`/api/v1/time/entries/${mine.id}`)).statusCode).toBe(404);
    expect((await t.manager.del(`/api/v1/time/entries/${forAgent.id}`)).statusCode).toBe(204);
    expect((await t.agent.get(`/api/v1/records/${inc.id}/time`)).json().totalMinutes).toBe(0);
  });

  it('are never shown to requesters, even on their own records', async () => {
    const own = await buildIncident(t.requester, { title: 'My laptop' });
    await logged(t.agent, own.id, { duration: '1h' });
    const res = await t.requester.get(`/api/v1/records/${own.id}/time`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await log(t.requester, own.id, { duration: '1h' })).statusCode).toBe(403);
    expect((await t.requester.get('/api/v1/time/timer')).statusCode).toBe(403);
    expect((await t.requester.post('/api/v1/time/timer', { record: own.id })).statusCode).toBe(403);
    const from = '2026-03-01T00:00:00Z';
    expect(
      (await t.requester.get(`/api/v1/time/report?from=${from}&to=2026-03-03T00:00:00Z`)).statusCode,
    ).toBe(403);
    // Agents and auditors read it; the activity stream the requester reads is unchanged.
    expect((await t.auditor.get(`/api/v1/records/${own.id}/time`)).json().totalMinutes).toBe(60);
    expect((await t.auditor.get(`/api/v1/records/${own.id}/time`)).json().canLog).toBe(false);
    // Unknown records are 404.
    expect((await t.agent.get('/api/v1/records/INC9999999/time')).statusCode).toBe(404);
  });
});

describe('the timer', () => {
  it('runs once per person: starting another stops and books the first', async () => {
    const first = await buildIncident(t.other, { title: 'VPN drops' });
    const second = await buildIncident(t.other, { title: 'Printer jams' });
    expect((await t.other.get('/api/v1/time/timer')).json()).toEqual({ timer: null });
    const stopNothing = await t.other.post('/api/v1/time/timer/stop');
    expect(stopNothing.statusCode).toBe(409);

    const start = await t.other.post('/api/v1/time/timer', {
      record: first.number,
      billable: true,
      note: 'VPN',
    });
    expect(start.statusCode, start.body).toBe(201);
    expect(start.json()).toMatchObject({
      timer: { record: { number: first.number }, startedAt: '2026-03-02T09:00:00.000Z', billable: true },
      booked: null,
    });
    t.env.clock.advance(25 * 60_000 + 20_000);
    // Starting on the same record again keeps it running.
    const again = await t.other.post('/api/v1/time/timer', { record: first.id });
    expect(again.json().booked).toBeNull();
    expect(again.json().timer.startedAt).toBe('2026-03-02T09:00:00.000Z');

    const switched = await t.other.post('/api/v1/time/timer', { record: second.number });
    expect(switched.statusCode).toBe(201);
    const booked = switched.json().booked as TimeEntryView;
    expect(booked).toMatchObject({
      minutes: 25,
      billable: true,
      note: 'VPN',
      source: 'timer',
      record: { number: first.number },
    });
    const current = (await t.other.get('/api/v1/time/timer')).json();
    expect(current.timer.record.number).toBe(second.number);

    t.env.clock.advance(10 * 60_000);
    const stopped = await t.other.post('/api/v1/time/timer/stop', { note: 'Cleared the jam' });
    expect(stopped.statusCode).toBe(201);
    expect(stopped.json()).toMatchObject({
      minutes: 10,
      note: 'Cleared the jam',
      record: { number: second.number },
    });
    expect((await t.other.get('/api/v1/time/timer')).json()).toEqual({ timer: null });

    // Two starts at once leave one timer and book at most one entry.
    const timerEntries = async () => {
      let n = 0;
      for (const r of [first, second]) {
        const items = (await t.other.get(`/api/v1/records/${r.id}/time`)).json().items as TimeEntryView[];
        n += items.filter((e) => e.source === 'timer').length;
      }
      return n;
    };
    const before = await timerEntries();
    t.env.clock.advance(5 * 60_000);
    const both = await Promise.all([
      t.other.post('/api/v1/time/timer', { record: first.id }),
      t.other.post('/api/v1/time/timer', { record: second.id }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const timers = (await t.other.get('/api/v1/time/timer')).json();
    expect([first.number, second.number]).toContain(timers.timer.record.number);
    expect((await timerEntries()) - before).toBe(1);
    expect((await t.other.del('/api/v1/time/timer')).statusCode).toBe(204);
    expect((await t.other.get('/api/v1/time/timer')).json()).toEqual({ timer: null });

    // A timer on a record one cannot see does not start.
    expect((await t.other.post('/api/v1/time/timer', { record: 'INC9999999' })).statusCode).toBe(404);
    // The auditor reads and starts nothing.
    expect((await t.auditor.post('/api/v1/time/timer', { record: first.id })).statusCode).toBe(403);
  });
});

describe('the time report and the effort KPI', () => {
  it('totals by service, customer, group, agent and type as counted by hand, and exports CSV', async () => {
    // A fresh period no other test logs into: the first days of February.
    const org = await createOrganisation(t.env.ctx, 'system', { name: 'Acme Retail', kind: 'customer' });
    const customer = await as(t.env, ['requester'], {
      email: 'buyer@acme.time.test',
      name: 'Acme Buyer',
      organisationId: org.id,
    });
    const erp = await buildService(t.env, 'ERP');
    const mail = await buildService(t.env, 'Mail');
    const desk = await buildGroup(t.env, {
      name: 'Time desk',
      memberIds: [t.agent.user.id, t.other.user.id],
    });
    const x = await buildIncident(t.agent, {
      requesterId: customer.user.id,
      serviceId: erp,
      groupId: desk.id,
      title: 'ERP down',
    });
    const y = await buildIncident(t.agent, { serviceId: mail, title: 'Mail down' });
    const z = await buildIncident(t.agent, { title: 'No service' });
    const at = (d: string) => `2026-02-0${d}:00Z`;
    await logged(t.agent, x.id, { startedAt: at('2T09:00'), duration: '2h', billable: true });
    await logged(t.other, x.id, { startedAt: at('3T09:00'), duration: '30m' });
    await logged(t.agent, y.id, { startedAt: at('3T10:00'), duration: '1h 15m', billable: true });
    await logged(t.other, z.id, { startedAt: at('4T10:00'), duration: '45m' });
    // Outside the period: not counted.
    await logged(t.agent, x.id, { startedAt: '2026-02-10T09:00:00Z', duration: '8h' });

    const q = 'from=2026-02-01T00:00:00Z&to=2026-02-08T00:00:00Z';
    const report = async (by: string) =>
      expectJson<TimeReport>(await t.manager.get(`/api/v1/time/report?${q}&by=${by}`), 200);
    const byService = await report('service');
    expect(byService.totalMinutes).toBe(270);
    expect(byService.billableMinutes).toBe(195);
    expect(byService.entries).toBe(4);
    expect(
      byService.rows.map((r) => [r.label, r.totalMinutes, r.billableMinutes, r.entries, r.records]),
    ).toEqual([
      ['ERP', 150, 120, 2, 1],
      ['Mail', 75, 75, 1, 1],
      ['No service', 45, 0, 1, 1],
    ]);
    expect(byService.rows[0]!.share).toBe(55.6);

    const byAgent = await report('agent');
    expect(Object.fromEntries(byAgent.rows.map((r) => [r.key, r.totalMinutes]))).toEqual({
      [t.agent.user.id]: 195,
      [t.other.user.id]: 75,
    });
    const byCustomer = await report('customer');
    expect(byCustomer.rows.find((r) => r.key === org.id)).toMatchObject({
      label: 'Acme Retail',
      totalMinutes: 150,
    });
    const byGroup = await report('group');
    expect(byGroup.rows.find((r) => r.key === desk.id)).toMatchObject({
      label: 'Time desk',
      totalMinutes: 150,
    });
    const byType = await report('type');
    expect(byType.rows).toEqual([
      expect.objectContaining({ key: 'incident', label: 'Incident', totalMinutes: 270 }),
    ]);

    const csv = await t.manager.get(`/api/v1/time/report?${q}&by=service&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment; filename="time-by-service-2026-02-01');
    const lines = csv.body
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual([
      'Service',
      'Total minutes',
      'Billable minutes',
      'Non-billable minutes',
      'Total hours',
      'Billable hours',
      'Entries',
      'Records',
      'Share %',
    ]);
    expect(lines[1]).toEqual(['ERP', '150', '120', '30', '2.5', '2', '2', '1', '55.6']);
    expect(lines.at(-1)).toEqual(['Total', '270', '195', '75', '4.5', '3.25', '4', '', '100']);

    const backwards = await t.manager.get(
      '/api/v1/time/report?from=2026-02-08T00:00:00Z&to=2026-02-01T00:00:00Z',
    );
    expect(backwards.statusCode).toBe(400);
    expect((await t.manager.get(`/api/v1/time/report?${q}&by=weather`)).statusCode).toBe(400);

    // The effort KPI: the same hours, cut the same ways.
    const kpi = await t.manager.get(`/api/v1/reports/kpis/effort?${q}&by=service`);
    expect(kpi.statusCode, kpi.body).toBe(200);
    const k = kpi.json();
    expect(k.kpi).toMatchObject({ key: 'effort', unit: 'hours', aggregate: 'sum', category: 'effort' });
    expect(k.value).toBeCloseTo(4.5);
    expect(k.formatted).toBe('4.5 h');
    expect(k.count).toBe(4);
    expect(k.breakdown.find((r: { key: string }) => r.key === erp)).toMatchObject({ label: 'ERP', count: 2 });
    expect(k.breakdown.find((r: { key: string }) => r.key === erp).value).toBeCloseTo(2.5);
    const agentCut = (
      await t.manager.get(`/api/v1/reports/kpis/effort?${q}&assigneeId=${t.other.user.id}`)
    ).json();
    expect(agentCut.value).toBeCloseTo(1.25);
    const billable = (await t.manager.get(`/api/v1/reports/kpis/effort?${q}&by=band`)).json();
    expect(billable.breakdown.find((r: { key: string }) => r.key === 'billable').value).toBeCloseTo(3.25);
    const library = (await t.manager.get('/api/v1/reports/kpis')).json().items;
    expect(library.map((d: { key: string }) => d.key)).toContain('effort');
    const drill = (await t.manager.get(`/api/v1/reports/kpis/effort/records?${q}`)).json();
    expect(drill.items).toHaveLength(4);
    expect(drill.items[0].formatted).toMatch(/ h$/);
  });
});
