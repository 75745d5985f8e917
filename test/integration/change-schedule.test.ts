/**
 * The change schedule through the API and its public face: windows, the calendar with a test
 * schedule source, conflict checks against a real CMDB graph, and the personal iCalendar feed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarAnswer } from '../../src/contracts/change-schedule.ts';
import type { ScheduledItem } from '../../src/domain/changes/conflicts.ts';
import { userRoles } from '../../src/modules/auth/schema.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { createFeedToken } from '../../src/modules/change-schedule/feed.ts';
import {
  checkConflicts,
  registerScheduleSource,
  unregisterScheduleSource,
} from '../../src/modules/change-schedule/index.ts';
import { buildUser, errorFields, setupTestEnv } from '../support/app.ts';
import { buildGraph, type CiJson } from '../support/cmdb.ts';

const t = setupTestEnv({ manager: ['change_manager'], agent: ['agent'], requester: ['requester'] });
const ci: Record<string, CiJson> = {};
const scheduled: ScheduledItem[] = [];

const MARCH = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
/** The entries of the change calendar the agent is shown for a query. */
async function calendar(query: string) {
  const res = await t.agent.get(`/api/v1/change-calendar?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CalendarAnswer).items;
}

const item = (
  n: number,
  ciIds: string[],
  start: string,
  end: string,
  over: Partial<ScheduledItem> = {},
): ScheduledItem => ({
  recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  number: `CHG${String(1000 + n).padStart(7, '0')}`,
  title: `Change ${n}`,
  state: 'scheduled',
  changeType: 'normal',
  start: new Date(start),
  end: new Date(end),
  ciIds,
  serviceIds: [],
  groupId: null,
  ...over,
});

beforeAll(async () => {
  await buildGraph(
    t.agent,
    {
      bs: ['business_service', 'Payroll service'],
      app: ['application', 'Payroll app'],
      app3: ['application', 'Payslips'],
      db: ['database', 'payroll-db'],
      vm1: ['virtual_server', 'vm1'],
      vm2: ['virtual_server', 'vm2'],
      lonely: ['application', 'Lonely app'],
    },
    [
      ['bs', 'depends_on', 'app'],
      ['bs', 'depends_on', 'app3'],
      ['app', 'depends_on', 'db'],
      ['app', 'runs_on', 'vm1'],
      ['db', 'runs_on', 'vm2'],
    ],
    ci,
  );
  registerScheduleSource({
    key: 'test',
    async listScheduled(_db, range, filter) {
      return scheduled.filter(
        (s) =>
          s.start < range.to &&
          s.end > range.from &&
          (!filter.ciIds || s.ciIds.some((id) => filter.ciIds!.includes(id))) &&
          (!filter.groupId || s.groupId === filter.groupId),
      );
    },
  });
});
afterAll(() => unregisterScheduleSource('test'));

describe('windows', () => {
  it('are created, read, changed with If-Match and removed by a change manager', async () => {
    const created = await t.manager.post('/api/v1/change-windows', {
      kind: 'maintenance',
      name: 'Saturday night',
      ciId: ci.db!.id,
      timeZone: 'Europe/Paris',
      start: '2026-03-07T01:00:00Z',
      end: '2026-03-07T05:00:00Z',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
    });
    expect(created.statusCode).toBe(201);
    const w = created.json();
    expect(w).toMatchObject({
      kind: 'maintenance',
      ci: { id: ci.db!.id, name: 'payroll-db' },
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      activeUntil: null,
    });
    const got = await t.agent.get(`/api/v1/change-windows/${w.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    const stale = await t.manager.patch(
      `/api/v1/change-windows/${w.id}`,
      { name: 'x' },
      { 'if-match': '"7"' },
    );
    expect(stale.statusCode).toBe(412);
    const renamed = await t.manager.patch(
      `/api/v1/change-windows/${w.id}`,
      { name: 'Sat 02-06 Paris' },
      { 'if-match': '"1"' },
    );
    expect(renamed.json()).toMatchObject({ name: 'Sat 02-06 Paris', version: 2 });
    const list = await t.agent.get('/api/v1/change-windows?kind=maintenance');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(w.id);
    const tmp = await t.manager.post('/api/v1/change-windows', {
      kind: 'freeze',
      name: 'Temporary',
      timeZone: 'UTC',
      start: '2026-05-01T00:00:00Z',
      end: '2026-05-02T00:00:00Z',
    });
    expect((await t.manager.del(`/api/v1/change-windows/${tmp.json().id}`)).statusCode).toBe(204);
    expect((await t.agent.get(`/api/v1/change-windows/${tmp.json().id}`)).statusCode).toBe(404);
  });

  it('refuse a bad definition with the reason per field, and people who may not manage them', async () => {
    const bad = await t.manager.post('/api/v1/change-windows', {
      kind: 'maintenance',
      name: 'Broken',
      timeZone: 'Mars/Olympus',
      start: '2026-03-07T05:00:00Z',
      end: '2026-03-07T01:00:00Z',
      rrule: 'FREQ=MINUTELY',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorFields(bad).sort()).toEqual(['ciId', 'end', 'rrule', 'timeZone']);
    const byAgent = await t.agent.post('/api/v1/change-windows', {
      kind: 'freeze',
      name: 'No',
      timeZone: 'UTC',
      start: '2026-05-01T00:00:00Z',
      end: '2026-05-02T00:00:00Z',
    });
    expect(byAgent.statusCode).toBe(403);
    expect((await t.requester.get('/api/v1/change-windows')).statusCode).toBe(403);
    expect((await t.requester.get(`/api/v1/change-calendar?${MARCH}`)).statusCode).toBe(403);
  });
});

describe('the change calendar', () => {
  beforeAll(async () => {
    scheduled.push(
      item(1, [ci.app!.id], '2026-03-10T22:00:00Z', '2026-03-11T01:00:00Z', { groupId: t.agent.user.id }),
    );
    scheduled.push(item(2, [ci.lonely!.id], '2026-03-20T22:00:00Z', '2026-03-21T01:00:00Z'));
    await t.manager.post('/api/v1/change-windows', {
      kind: 'freeze',
      name: 'Quarter close',
      timeZone: 'UTC',
      start: '2026-03-30T00:00:00Z',
      end: '2026-04-02T00:00:00Z',
    });
  });

  it('lists the sources’ changes and the windows’ occurrences of a range, expanded in their zone', async () => {
    const items = await calendar(MARCH);
    expect(items.filter((i) => i.kind === 'change').map((i) => i.number)).toEqual([
      'CHG0001001',
      'CHG0001002',
    ]);
    expect(items.some((i) => i.kind === 'freeze' && i.title === 'Quarter close')).toBe(true);
    // 02:00 Paris: 01:00 UTC in winter, 00:00 UTC after the clocks go forward on 29 March.
    const sat = items.filter((i) => i.kind === 'maintenance').map((i) => i.start);
    expect(sat).toEqual([
      '2026-03-07T01:00:00.000Z',
      '2026-03-14T01:00:00.000Z',
      '2026-03-21T01:00:00.000Z',
      '2026-03-28T01:00:00.000Z',
    ]);
    const april = await calendar('from=2026-04-01T00:00:00Z&to=2026-04-12T00:00:00Z&windows=true');
    const aprilSat = april.filter((i) => i.kind === 'maintenance');
    expect(aprilSat.map((i) => i.start)).toEqual(['2026-04-04T00:00:00.000Z', '2026-04-11T00:00:00.000Z']);
  });

  it('filters by CI and group, keeping global freezes', async () => {
    const byCi = await calendar(`${MARCH}&ciId=${ci.lonely!.id}`);
    expect(byCi.map((i) => i.number ?? i.kind)).toEqual(['CHG0001002', 'freeze']);
    const byGroup = await calendar(`${MARCH}&groupId=${t.agent.user.id}&windows=false`);
    expect(byGroup.map((i) => i.number)).toEqual(['CHG0001001']);
  });

  it('refuses a range that ends before it starts or is longer than 400 days', async () => {
    const backwards = await t.agent.get(
      '/api/v1/change-calendar?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    );
    expect(backwards.statusCode).toBe(422);
    const long = await t.agent.get(
      '/api/v1/change-calendar?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z',
    );
    expect(long.statusCode).toBe(422);
    expect(
      (await t.agent.get('/api/v1/change-calendar?from=yesterday&to=2026-03-01T00:00:00Z')).statusCode,
    ).toBe(400);
  });
});

describe('conflicts against the CMDB graph', () => {
  const at = { start: new Date('2026-06-10T22:00:00Z'), end: new Date('2026-06-10T23:00:00Z') };
  beforeAll(() => {
    scheduled.push(item(10, [ci.db!.id], '2026-06-10T21:00:00Z', '2026-06-10T22:30:00Z'));
    scheduled.push(item(11, [ci.app3!.id], '2026-06-10T22:15:00Z', '2026-06-11T00:00:00Z'));
    scheduled.push(item(12, [ci.lonely!.id], '2026-06-10T22:00:00Z', '2026-06-10T23:00:00Z'));
    scheduled.push(item(13, [ci.db!.id], '2026-06-11T22:00:00Z', '2026-06-11T23:00:00Z'));
  });

  it('finds the same CI, a dependency, a transitive one and a shared service, each with its reason', async () => {
    const onDb = await checkConflicts(t.env.ctx, { ...at, ciIds: [ci.db!.id], serviceIds: [] });
    expect(onDb.map((c) => [c.kind, c.otherNumber])).toEqual([
      ['overlap_same_ci', 'CHG0001010'],
      ['overlap_shared_service', 'CHG0001011'],
      // A Wednesday evening is outside the database's Saturday windows.
      ['outside_maintenance', undefined],
    ]);
    expect(onDb[0]!.reason).toBe(
      'CHG0001010 “Change 10” works on the same CI (payroll-db) from 2026-06-10 21:00 UTC to 2026-06-10 22:30 UTC.',
    );
    const onApp = await checkConflicts(t.env.ctx, { ...at, ciIds: [ci.app!.id], serviceIds: [] });
    expect(onApp[0]).toMatchObject({ kind: 'overlap_dependent_ci', ciIds: [ci.app!.id, ci.db!.id] });
    expect(onApp[0]!.reason).toContain('works on payroll-db, which Payroll app depends on');
    expect(onApp[1]).toMatchObject({ kind: 'overlap_shared_service', serviceIds: [ci.bs!.id] });
    expect(onApp[1]!.reason).toContain('Payroll service');
    // vm2 hosts the database the app depends on: transitive, through runs_on.
    const onVm2 = await checkConflicts(t.env.ctx, { ...at, ciIds: [ci.vm2!.id], serviceIds: [] });
    expect(onVm2[0]).toMatchObject({ kind: 'overlap_dependent_ci', otherNumber: 'CHG0001010' });
    expect(onVm2[0]!.reason).toContain('which depends on vm2');
  });

  it('leaves out the change itself and what does not overlap in time', async () => {
    const self = await checkConflicts(t.env.ctx, {
      recordId: item(13, [], at.start.toISOString(), at.end.toISOString()).recordId,
      start: new Date('2026-06-11T22:00:00Z'),
      end: new Date('2026-06-11T23:00:00Z'),
      ciIds: [ci.db!.id],
      serviceIds: [],
    });
    expect(self.map((c) => c.kind)).toEqual(['outside_maintenance']);
  });

  it('finds freezes (global or of an affected service) and changes outside a CI’s maintenance windows', async () => {
    /** The conflicts of a change on the one CI `key` from `start` to `end`. */
    const conflictsOn = (key: string, start: string, end: string) =>
      checkConflicts(t.env.ctx, {
        start: new Date(start),
        end: new Date(end),
        ciIds: [ci[key]!.id],
        serviceIds: [],
      });
    await t.manager.post('/api/v1/change-windows', {
      kind: 'freeze',
      name: 'Payroll run',
      serviceId: ci.bs!.id,
      timeZone: 'UTC',
      start: '2026-06-25T00:00:00Z',
      end: '2026-06-27T00:00:00Z',
    });
    const inFreeze = await conflictsOn('vm1', '2026-06-26T01:00:00Z', '2026-06-26T02:00:00Z');
    expect(inFreeze).toEqual([expect.objectContaining({ kind: 'freeze', serviceIds: [ci.bs!.id] })]);
    expect(inFreeze[0]!.reason).toContain('freeze of Payroll service “Payroll run”');
    const elsewhere = await conflictsOn('lonely', '2026-06-26T01:00:00Z', '2026-06-26T02:00:00Z');
    expect(elsewhere).toEqual([]);
    // The database has Saturday 02:00–06:00 Paris windows: a Tuesday change is outside them.
    const tuesday = await conflictsOn('db', '2026-07-07T10:00:00Z', '2026-07-07T11:00:00Z');
    expect(tuesday).toEqual([expect.objectContaining({ kind: 'outside_maintenance', ciIds: [ci.db!.id] })]);
    const saturday = await conflictsOn('db', '2026-07-11T00:30:00Z', '2026-07-11T03:00:00Z');
    expect(saturday).toEqual([]);
  });

  it('answers through the API for the web app', async () => {
    const res = await t.agent.post('/api/v1/change-calendar/conflicts', {
      start: at.start.toISOString(),
      end: at.end.toISOString(),
      ciIds: [ci.lonely!.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().conflicts).toEqual([
      expect.objectContaining({ kind: 'overlap_same_ci', otherNumber: 'CHG0001012' }),
    ]);
  });
});

describe('the iCalendar feed', () => {
  it('is made from a session, not with an API token', async () => {
    expect((await t.agent.get('/api/v1/change-calendar/feed-token')).json()).toMatchObject({ active: false });
    expect((await t.agent.post('/api/v1/change-calendar/feed-token')).statusCode).toBe(403);
  });

  it('serves the calendar to its secret address only, as iCalendar, until revoked or replaced', async () => {
    const agent = await loadActor(t.env.ctx.db, t.agent.user.id, null);
    const made = await createFeedToken(t.env.ctx, agent);
    expect(made.path).toMatch(/^\/api\/v1\/change-calendar\/feed\/stwcal_[\w-]{40,}\.ics$/);
    // No credentials at all: the address is the credential (calendar programs cannot sign in).
    const feed = await t.env.app.inject({ method: 'GET', url: made.path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('SUMMARY:CHG0001001 Change 1');
    expect(feed.body).toContain('SUMMARY:Freeze: Quarter close');
    expect(feed.body).toContain('SUMMARY:Maintenance window: Sat 02-06 Paris');
    expect((await t.agent.get('/api/v1/change-calendar/feed-token')).json()).toMatchObject({ active: true });
    // A wrong or altered address finds nothing.
    // (The altered character always differs from the original: one token in 64 starts with any given one.)
    const altered = made.path.replace(
      /stwcal_(.)/,
      (_all, first: string) => `stwcal_${first === 'x' ? 'y' : 'x'}`,
    );
    expect(altered).not.toBe(made.path);
    const wrong = await t.env.app.inject({ method: 'GET', url: altered });
    expect(wrong.statusCode).toBe(404);
    expect(
      (await t.env.app.inject({ method: 'GET', url: '/api/v1/change-calendar/feed/nothing.ics' })).statusCode,
    ).toBe(404);
    // Replacing the address stops the old one.
    const again = await createFeedToken(t.env.ctx, agent);
    expect((await t.env.app.inject({ method: 'GET', url: made.path })).statusCode).toBe(404);
    expect((await t.env.app.inject({ method: 'GET', url: again.path })).statusCode).toBe(200);
    // Revoking stops it too.
    expect((await t.agent.del('/api/v1/change-calendar/feed-token')).statusCode).toBe(204);
    expect((await t.env.app.inject({ method: 'GET', url: again.path })).statusCode).toBe(404);
  });

  it('stops for someone who may no longer see the schedule', async () => {
    const person = await buildUser(t.env, { roles: ['agent'] });
    const made = await createFeedToken(t.env.ctx, await loadActor(t.env.ctx.db, person.id, null));
    expect((await t.env.app.inject({ method: 'GET', url: made.path })).statusCode).toBe(200);
    await t.env.ctx.db.delete(userRoles).where(eq(userRoles.userId, person.id));
    await t.env.ctx.db.insert(userRoles).values({ userId: person.id, role: 'requester' });
    expect((await t.env.app.inject({ method: 'GET', url: made.path })).statusCode).toBe(404);
    const requester = await loadActor(t.env.ctx.db, person.id, null);
    await expect(createFeedToken(t.env.ctx, requester)).rejects.toThrow(/may not see the change schedule/);
  });
});
