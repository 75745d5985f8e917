/**
 * Record lists as a whole: bulk edit and bulk transition (each record on its own), CSV export of
 * exactly what a list shows, and the SLA state filter of the lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv.ts';
import { as, buildGroup, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';
import { buildCatalogItem, buildService as buildCatalogService, order } from '../support/requests.ts';
import { buildAgreement, buildCalendar, buildService, MINUTE } from '../support/sla.ts';

let env: TestEnv;
let agent: Client;
let outsider: Client; // an agent outside the fulfilment group
let requester: Client;
let other: Client;
let groupId: string;

type Result = {
  id: string;
  number: string | null;
  ok: boolean;
  version?: number;
  problem?: { code: string; status: number; detail: string };
};
const bulk = async (c: Client, body: unknown) => c.post('/api/v1/records/bulk', body);
const results = async (c: Client, body: unknown) => {
  const res = await bulk(c, body);
  expect(res.statusCode).toBe(200);
  return (res.json() as { results: Result[] }).results;
};

beforeAll(async () => {
  env = await createTestEnv();
  groupId = (await buildGroup(env, { name: 'Service desk' })).id;
  agent = await as(env, ['agent'], { groupIds: [groupId] });
  outsider = await as(env, ['agent']);
  requester = await as(env, ['requester']);
  other = await as(env, ['requester']);
});
afterAll(() => env.close());

describe('bulk edit and transition', () => {
  it('assigns several incidents at once and reports each new version', async () => {
    const a = await buildIncident(agent, { title: 'Bulk A' });
    const b = await buildIncident(agent, { title: 'Bulk B' });
    const out = await results(agent, {
      type: 'incident',
      items: [a, b].map((r) => ({ id: r.id, version: r.version })),
      patch: { groupId, assigneeId: agent.user.id, impact: 1 },
    });
    expect(out).toEqual([
      { id: a.id, number: a.number, ok: true, version: a.version + 1 },
      { id: b.id, number: b.number, ok: true, version: b.version + 1 },
    ]);
    const after = (await agent.get(`/api/v1/incidents/${a.id}`)).json();
    expect(after).toMatchObject({ group: { id: groupId }, assignee: { id: agent.user.id }, impact: 1 });
  });

  it('moves the fresh records through a transition and reports the stale one as changed by someone else', async () => {
    const fresh = await buildIncident(agent, { title: 'Fresh' });
    const stale = await buildIncident(agent, { title: 'Stale' });
    await agent.patch(`/api/v1/incidents/${stale.id}`, { urgency: 1 });
    const out = await results(agent, {
      type: 'incident',
      items: [fresh, stale].map((r) => ({ id: r.id, version: r.version })),
      transition: { to: 'in_progress' },
    });
    expect(out[0]).toMatchObject({ id: fresh.id, ok: true, version: fresh.version + 1 });
    expect(out[1]).toMatchObject({
      id: stale.id,
      number: stale.number,
      ok: false,
      problem: { code: 'record.stale_version', status: 412 },
    });
    expect(out[1]?.problem?.detail).toContain(`${stale.number} was changed by someone else`);
    expect((await agent.get(`/api/v1/incidents/${fresh.id}`)).json()).toMatchObject({ state: 'in_progress' });
    expect((await agent.get(`/api/v1/incidents/${stale.id}`)).json()).toMatchObject({ state: 'new' });
  });

  it('answers an invisible record as not found, without its number', async () => {
    const theirs = await buildIncident(other, { title: 'Private' });
    const out = await results(requester, {
      type: 'incident',
      items: [{ id: theirs.id, version: theirs.version }],
      transition: { to: 'canceled' },
    });
    expect(out).toEqual([
      {
        id: theirs.id,
        number: null,
        ok: false,
        problem: expect.objectContaining({ code: 'resource.not_found', status: 404 }),
      },
    ]);
  });

  it('keeps each type’s own rules: a task is worked by its group only', async () => {
    const manager = await as(env, ['service_manager']);
    const serviceId = await buildCatalogService(env);
    const item = await buildCatalogItem(manager, serviceId, {
      taskTemplates: [{ title: 'Deliver', groupId, order: 1 }],
    });
    const req = await order(requester, item.id);
    const task = req.tasks[0]!;
    const view = (await agent.get(`/api/v1/request-tasks/${task.id}`)).json() as { version: number };
    const refused = await results(outsider, {
      type: 'request_task',
      items: [{ id: task.id!, version: view.version }],
      transition: { to: 'in_progress' },
    });
    expect(refused[0]).toMatchObject({ ok: false, problem: { status: 403 } });
    const done = await results(agent, {
      type: 'request_task',
      items: [{ id: task.id!, version: view.version }],
      transition: { to: 'in_progress' },
    });
    expect(done[0]).toMatchObject({ ok: true, number: task.number });
  });

  it('refuses a body that is not one patch or one transition, and fields a type does not have', async () => {
    const rec = await buildIncident(agent);
    const items = [{ id: rec.id, version: rec.version }];
    expect((await bulk(agent, { type: 'incident', items })).statusCode).toBe(400);
    expect(
      (await bulk(agent, { type: 'incident', items, patch: { impact: 1 }, transition: { to: 'x' } }))
        .statusCode,
    ).toBe(400);
    const wrong = await bulk(agent, { type: 'request_task', items, patch: { impact: 1 } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { field: 'patch.impact', message: 'cannot be set on a request task' },
    ]);
    expect((await bulk(agent, { type: 'incident', items: [] })).statusCode).toBe(400);
  });
});

describe('CSV export', () => {
  const csv = async (c: Client, query: string) => {
    const res = await c.get(`/api/v1/records/export.csv?${query}`);
    return { res, table: res.statusCode === 200 ? parseCsv(res.body) : null };
  };

  it('writes the chosen columns of every page, in the list’s order, with the list’s filters', async () => {
    for (let i = 0; i < 205; i++)
      await buildIncident(agent, { title: `Export ${String(i).padStart(3, '0')}` });
    const { res, table } = await csv(
      agent,
      'type=incident&q=Export&sort=number&order=asc&columns=number,title,state',
    );
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="incidents-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(table!.header).toEqual(['Number', 'Title', 'State']);
    expect(table!.rows).toHaveLength(205);
    expect(table!.rows[0]!.cells.slice(1)).toEqual(['Export 000', 'New']);
    expect(table!.rows[204]!.cells[1]).toBe('Export 204');
    const list = (await agent.get('/api/v1/incidents?q=Export&sort=number&order=asc&limit=5')).json();
    expect(table!.rows.slice(0, 5).map((r) => r.cells[0])).toEqual(
      (list.items as { number: string }[]).map((r) => r.number),
    );
  });

  it('defuses titles that a spreadsheet would run as formulas', async () => {
    const rec = await buildIncident(agent, { title: '=HYPERLINK("http://evil.example","click")' });
    const { res, table } = await csv(agent, `type=incident&q=${rec.number}&columns=title`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(table!.rows[0]!.cells).toEqual([`'=HYPERLINK("http://evil.example","click")`]);
  });

  it('gives a requester only their own records', async () => {
    const mine = await buildIncident(requester, { title: 'Requester export mine' });
    await buildIncident(other, { title: 'Requester export theirs' });
    const { table } = await csv(requester, 'type=incident&columns=number,title');
    expect(table!.rows.map((r) => r.cells[0])).toEqual([mine.number]);
  });

  it('answers bad filters and columns with problem details, before any CSV', async () => {
    const bad = await csv(agent, 'type=incident&columns=number,password');
    expect(bad.res.statusCode).toBe(400);
    expect(bad.res.headers['content-type']).toContain('application/problem+json');
    expect((await csv(agent, 'type=release')).res.statusCode).toBe(400);
    expect((await csv(agent, 'type=incident&slaState=late')).res.statusCode).toBe(400);
  });
});

describe('the SLA state filter of record lists', () => {
  it('finds the records at risk (within the first warning threshold) and the breached ones', async () => {
    const manager = await as(env, ['service_manager']);
    const calendarId = (await buildCalendar(manager)).id;
    const serviceId = (await buildService(manager)).id;
    // P3: response due after 180 minutes; the default warnings are at 75 % and 90 %.
    await buildAgreement(manager, { calendarId, serviceId, name: 'Desk SLA' });
    const first = await buildIncident(agent, { title: 'SLA first', impact: 2, urgency: 2, serviceId });
    env.clock.advance(100 * MINUTE);
    const second = await buildIncident(agent, { title: 'SLA second', impact: 2, urgency: 2, serviceId });
    const numbers = async (slaState: string) =>
      (
        (await agent.get(`/api/v1/incidents?q=SLA&slaState=${slaState}`)).json().items as { number: string }[]
      ).map((r) => r.number);
    expect(await numbers('at_risk')).toEqual([]);
    env.clock.advance(50 * MINUTE); // first: 30 minutes left of 180 (83 %)
    expect(await numbers('at_risk')).toEqual([first.number]);
    expect(await numbers('breached')).toEqual([]);
    env.clock.advance(40 * MINUTE); // first: 10 minutes overdue; second: 90 minutes left
    expect(await numbers('at_risk')).toEqual([]);
    expect(await numbers('breached')).toEqual([first.number]);
    env.clock.advance(60 * MINUTE); // second: 30 minutes left
    expect(await numbers('at_risk')).toEqual([second.number]);
  });
});
