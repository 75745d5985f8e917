import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { createRecord } from '../../src/modules/records/service.ts';
import { INCIDENT } from '../../src/modules/records/types.ts';
import {
  as,
  buildGroup,
  buildIncident,
  type Client,
  createTestEnv,
  resolveIncident,
  type TestEnv,
} from '../support/app.ts';
import {
  buildAgreement,
  buildCalendar,
  buildOrganisation,
  buildService,
  clock,
  clocksOf,
  HOUR,
  MINUTE,
  targets,
  timelineOf,
} from '../support/sla.ts';

let env: TestEnv;
let manager: Client;
let agent: Client;
let calendarId: string;
let serviceId: string;
let deskId: string;
let networkId: string;
let appsId: string;

const iso = (ms: number) => new Date(ms).toISOString();
const now = () => env.clock.now().getTime();
/** Move an incident `to` a state, with the other fields the transition asks for; the raw response. */
const move = (c: Client, id: string, to: string, fields: Record<string, unknown> = {}) =>
  c.post(`/api/v1/incidents/${id}/transitions`, { to, ...fields });
const hold = (c: Client, id: string) => move(c, id, 'on_hold', { comment: 'Waiting for the customer' });

/** An incident at priority 3 (impact 2 × urgency 2) on the shared 24×7 service unless told otherwise. */
const raise = (over: Record<string, unknown> = {}) =>
  buildIncident(agent, { impact: 2, urgency: 2, serviceId, ...over });

beforeAll(async () => {
  env = await createTestEnv();
  manager = await as(env, ['service_manager']);
  const desk = await buildGroup(env, { name: 'Desk' });
  const network = await buildGroup(env, { name: 'Network' });
  const apps = await buildGroup(env, { name: 'Apps' });
  [deskId, networkId, appsId] = [desk.id, network.id, apps.id];
  agent = await as(env, ['agent'], { groupIds: [deskId, networkId, appsId] });
  calendarId = (await buildCalendar(manager)).id;
  serviceId = (await buildService(manager, { name: 'Shared 24x7' })).id;
  await buildAgreement(manager, { calendarId, serviceId, name: 'Shared SLA' });
  await buildAgreement(manager, {
    kind: 'ola',
    calendarId,
    groupId: deskId,
    name: 'Desk OLA',
    targets: targets(30, 120),
  });
  await buildAgreement(manager, {
    kind: 'ola',
    calendarId,
    groupId: networkId,
    name: 'Network OLA',
    onReassign: 'restart',
  });
  await buildAgreement(manager, {
    kind: 'ola',
    calendarId,
    groupId: appsId,
    name: 'Apps OLA',
    onReassign: 'continue',
  });
});
afterAll(() => env.close());

/** A requester of the organisation, or of none for null. */
const requesterIn = (organisationId: string | null) =>
  as(env, ['requester'], { name: 'Customer person', ...(organisationId ? { organisationId } : {}) });

describe('choosing the SLA', () => {
  it('starts no clock when no agreement applies', async () => {
    const svc = (await buildService(manager, { name: 'Unmeasured' })).id;
    const inc = await buildIncident(agent, { serviceId: svc });
    expect(await clocksOf(agent, inc.id)).toEqual([]);
    expect((await agent.get(`/api/v1/incidents/${inc.id}`)).json().slaDueAt).toBeNull();
    expect(await timelineOf(agent, inc.id)).toEqual([]);
  });

  it('uses an agreement agreed and a calendar changed a moment ago for the next record', async () => {
    // Agreements in force and calendars are cached for creates: each change must reach the next one.
    const svc = (await buildService(manager, { name: 'Fresh' })).id;
    const cal = await buildCalendar(manager);
    expect(await clocksOf(agent, (await buildIncident(agent, { serviceId: svc })).id)).toEqual([]);
    await buildAgreement(manager, { calendarId: cal.id, serviceId: svc, name: 'Fresh SLA' });
    const first = await buildIncident(agent, { impact: 2, urgency: 2, serviceId: svc });
    const t0 = now();
    expect(first.slaDueAt).toBe(iso(t0 + 3 * HOUR * 1000));
    // One working hour a day from here on: three working hours span more than two days.
    const changed = await manager.patch(
      `/api/v1/calendars/${cal.id}`,
      { intervals: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '01:00' })) },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    const second = await buildIncident(agent, { impact: 2, urgency: 2, serviceId: svc });
    // The due instant the create wrote (the clock list recomputes from the stored calendar).
    expect(new Date(second.slaDueAt!).getTime() - t0).toBeGreaterThan(2 * 24 * HOUR * 1000);
  });

  it('applies the most specific agreement: customer and priority over service over the generic one', async () => {
    const svc = (await buildService(manager, { name: 'Selection' })).id;
    const acme = await buildOrganisation(manager);
    const globex = await buildOrganisation(manager);
    await manager.patch(`/api/v1/services/${svc}`, { customerIds: [acme.id, globex.id] });
    await buildAgreement(manager, { calendarId, name: 'Generic SLA' });
    await buildAgreement(manager, { calendarId, serviceId: svc, name: 'Service SLA' });
    await buildAgreement(manager, { calendarId, serviceId: svc, customerId: acme.id, name: 'Acme SLA' });
    await buildAgreement(manager, {
      calendarId,
      serviceId: svc,
      customerId: acme.id,
      priorities: [1],
      targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 60 }],
      name: 'Acme P1 SLA',
    });
    const acmePerson = await requesterIn(acme.id);
    const nobody = await requesterIn(null);
    const slaName = async (id: string) =>
      clock(await clocksOf(agent, id), 'sla', 'resolution').agreement.name;
    expect(await slaName((await buildIncident(acmePerson, { serviceId: svc })).id)).toBe('Acme SLA');
    const p1 = await buildIncident(agent, {
      serviceId: svc,
      requesterId: acmePerson.user.id,
      impact: 1,
      urgency: 1,
    });
    expect(await slaName(p1.id)).toBe('Acme P1 SLA');
    expect(await slaName((await buildIncident(nobody, { serviceId: svc })).id)).toBe('Service SLA');
    expect(await slaName((await buildIncident(nobody)).id)).toBe('Generic SLA');
    const party = clock(await clocksOf(agent, p1.id), 'sla', 'response').party;
    expect(party).toEqual({ type: 'customer', id: acme.id, name: acme.name });
    // A service with one customer makes it the record's customer when the requester has no
    // organisation; the customers just changed, so a cached list of them must not be used.
    expect((await manager.patch(`/api/v1/services/${svc}`, { customerIds: [acme.id] })).statusCode).toBe(200);
    expect(await slaName((await buildIncident(nobody, { serviceId: svc })).id)).toBe('Acme SLA');
    await manager.patch(`/api/v1/services/${svc}`, { customerIds: [acme.id, globex.id] });
    expect(await slaName((await buildIncident(nobody, { serviceId: svc })).id)).toBe('Service SLA');
  });

  it('uses the version in force when the record was created, and never one not yet in force', async () => {
    const svc = (await buildService(manager, { name: 'Versions' })).id;
    const v1 = await buildAgreement(manager, { calendarId, serviceId: svc, name: 'Versioned SLA' });
    const draft = (
      await manager.post(`/api/v1/agreements/${v1.id}/versions`, {
        effectiveFrom: iso(now() + 24 * HOUR * 1000),
      })
    ).json();
    await manager.patch(`/api/v1/agreements/${draft.id}`, { targets: targets(30, 120) });
    await manager.post(`/api/v1/agreements/${draft.id}/agree`);
    const before = await raise({ serviceId: svc });
    expect(clock(await clocksOf(agent, before.id), 'sla', 'resolution')).toMatchObject({
      agreement: { versionNumber: 1 },
      targetSeconds: 12 * HOUR,
    });
    env.clock.advance(25 * HOUR * 1000);
    const after = await raise({ serviceId: svc });
    expect(clock(await clocksOf(agent, after.id), 'sla', 'resolution')).toMatchObject({
      agreement: { versionNumber: 2 },
      targetSeconds: 6 * HOUR,
    });
    expect(clock(await clocksOf(agent, before.id), 'sla', 'resolution').agreement.versionNumber).toBe(1);
  });
});

describe('SLA clocks on a record', () => {
  it('runs response and resolution clocks and meets the response on the first move out of New', async () => {
    const inc = await raise();
    const t0 = now();
    let clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'sla', 'response')).toMatchObject({
      state: 'running',
      priority: 3,
      targetSeconds: 3 * HOUR,
      dueAt: iso(t0 + 3 * HOUR * 1000),
      remainingSeconds: 3 * HOUR,
    });
    expect((await agent.get(`/api/v1/incidents/${inc.id}`)).json().slaDueAt).toBe(iso(t0 + 3 * HOUR * 1000));
    env.clock.advance(30 * MINUTE);
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'sla', 'resolution')).toMatchObject({
      elapsedSeconds: 1800,
      remainingSeconds: 12 * HOUR - 1800,
    });
    await move(agent, inc.id, 'in_progress');
    clocks = await clocksOf(agent, inc.id);
    const response = clock(clocks, 'sla', 'response', false);
    expect(response).toMatchObject({
      state: 'met',
      stopReason: 'responded',
      elapsedSeconds: 1800,
      breached: false,
    });
    const record = (await agent.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(record.slaDueAt).toBe(iso(t0 + 12 * HOUR * 1000));
  });

  it('pauses every clock while on hold and resumes after, the hold not counting', async () => {
    const inc = await raise({ groupId: deskId });
    const t0 = now();
    env.clock.advance(HOUR * 1000);
    await hold(agent, inc.id);
    let clocks = await clocksOf(agent, inc.id);
    for (const c of clocks.filter((x) => x.metric === 'resolution'))
      expect(c).toMatchObject({ state: 'paused', dueAt: null, elapsedSeconds: HOUR });
    expect((await agent.get(`/api/v1/incidents/${inc.id}`)).json().slaDueAt).toBeNull();
    env.clock.advance(5 * HOUR * 1000);
    expect(clock(await clocksOf(agent, inc.id), 'sla', 'resolution').remainingSeconds).toBe(11 * HOUR);
    await move(agent, inc.id, 'in_progress');
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'sla', 'resolution')).toMatchObject({
      state: 'running',
      dueAt: iso(t0 + 17 * HOUR * 1000),
    });
    // The desk's OLA gives priority 3 six hours, moved on by the five on hold.
    expect(clock(clocks, 'ola', 'resolution')).toMatchObject({
      state: 'running',
      dueAt: iso(t0 + 11 * HOUR * 1000),
    });
  });

  it('recomputes targets from the original start when the priority changes; elapsed and paused time survive', async () => {
    const inc = await raise();
    const t0 = now();
    env.clock.advance(HOUR * 1000);
    await hold(agent, inc.id);
    env.clock.advance(2 * HOUR * 1000);
    await move(agent, inc.id, 'in_progress');
    env.clock.advance(HOUR * 1000);
    const res = await agent.patch(`/api/v1/incidents/${inc.id}`, { impact: 1, urgency: 1 });
    expect(res.json().priority).toBe(1);
    const resolution = clock(await clocksOf(agent, inc.id), 'sla', 'resolution');
    expect(resolution).toMatchObject({
      priority: 1,
      targetSeconds: 4 * HOUR,
      targetVersion: 2,
      startedAt: iso(t0),
      elapsedSeconds: 2 * HOUR,
      remainingSeconds: 2 * HOUR,
      dueAt: iso(t0 + 6 * HOUR * 1000),
    });
    const change = (await timelineOf(agent, inc.id)).find(
      (e) => e.kind === 'target_changed' && e.clock?.metric === 'resolution',
    );
    expect(change).toMatchObject({
      cause: 'Priority 3 → 1',
      actor: { id: agent.user.id },
      details: { fromPriority: 3, toPriority: 1, fromTargetSeconds: 12 * HOUR, toTargetSeconds: 4 * HOUR },
    });
  });

  it('resumes the resolution clock on reopen without counting the time spent resolved', async () => {
    const inc = await raise();
    const t0 = now();
    env.clock.advance(HOUR * 1000);
    await resolveIncident(agent, inc.id, 'Restarted the service');
    let clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'sla', 'resolution', false)).toMatchObject({
      state: 'met',
      elapsedSeconds: HOUR,
    });
    expect((await agent.get(`/api/v1/incidents/${inc.id}`)).json().slaDueAt).toBeNull();
    env.clock.advance(3 * HOUR * 1000);
    await move(agent, inc.id, 'reopen', { comment: 'It is back' });
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'sla', 'resolution')).toMatchObject({
      state: 'running',
      elapsedSeconds: HOUR,
      dueAt: iso(t0 + 15 * HOUR * 1000),
    });
    expect(clock(clocks, 'sla', 'response', false).state).toBe('met');
  });

  it('stops every clock when the record is cancelled', async () => {
    const inc = await raise({ groupId: deskId });
    await move(agent, inc.id, 'canceled', { comment: 'Duplicate' });
    const clocks = await clocksOf(agent, inc.id);
    expect(clocks.map((c) => [c.kind, c.metric, c.state, c.stopReason])).toEqual([
      ['sla', 'response', 'stopped', 'closed'],
      ['sla', 'resolution', 'stopped', 'closed'],
      ['ola', 'response', 'stopped', 'closed'],
      ['ola', 'resolution', 'stopped', 'closed'],
    ]);
  });
});

describe('OLA clocks', () => {
  it('follow the assigned group: restart on reassignment, or continue, as the new group’s OLA says', async () => {
    const inc = await raise({ groupId: deskId });
    const t0 = now();
    expect(clock(await clocksOf(agent, inc.id), 'ola', 'resolution')).toMatchObject({
      agreement: { name: 'Desk OLA' },
      party: { type: 'group', id: deskId, name: 'Desk' },
      targetSeconds: 6 * HOUR,
    });
    env.clock.advance(HOUR * 1000);
    await agent.patch(`/api/v1/incidents/${inc.id}`, { groupId: networkId });
    let clocks = await clocksOf(agent, inc.id);
    const desk = clocks.filter((c) => c.agreement.name === 'Desk OLA');
    expect(desk.map((c) => [c.state, c.stopReason])).toEqual([
      ['stopped', 'reassigned'],
      ['stopped', 'reassigned'],
    ]);
    expect(clock(clocks, 'ola', 'resolution')).toMatchObject({
      agreement: { name: 'Network OLA' },
      startedAt: iso(t0 + HOUR * 1000),
    });
    env.clock.advance(HOUR * 1000);
    await agent.patch(`/api/v1/incidents/${inc.id}`, { groupId: appsId });
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'ola', 'resolution')).toMatchObject({
      agreement: { name: 'Apps OLA' },
      startedAt: iso(t0),
      elapsedSeconds: 2 * HOUR,
    });
    // The SLA is the customer's and does not care who works on the record.
    expect(clock(clocks, 'sla', 'resolution').startedAt).toBe(iso(t0));
    const reassigned = (await timelineOf(agent, inc.id)).filter(
      (e) => e.cause === 'Reassigned from Network to Apps',
    );
    expect(reassigned.map((e) => e.kind).sort()).toEqual(['started', 'started', 'stopped', 'stopped']);
  });

  it('meets the OLA response when someone in the group takes the record', async () => {
    const inc = await raise({ groupId: deskId });
    env.clock.advance(10 * MINUTE);
    await agent.patch(`/api/v1/incidents/${inc.id}`, { assigneeId: agent.user.id });
    const clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'ola', 'response', false)).toMatchObject({
      state: 'met',
      stopReason: 'assigned',
      elapsedSeconds: 600,
    });
    expect(clock(clocks, 'sla', 'response').state).toBe('running');
  });
});

describe('underpinning contracts', () => {
  it('run while a supplier is engaged: acknowledged meets the response, release the resolution', async () => {
    const supplier = await buildOrganisation(manager, 'supplier');
    await buildAgreement(manager, {
      kind: 'uc',
      calendarId,
      supplierId: supplier.id,
      serviceId,
      name: 'Carrier UC',
      targets: targets(15, 60),
    });
    const inc = await raise();
    env.clock.advance(HOUR * 1000);
    const t1 = now();
    const engaged = await agent.post(`/api/v1/records/${inc.id}/suppliers`, {
      supplierId: supplier.id,
      reference: 'CASE-77',
    });
    expect(engaged.statusCode).toBe(201);
    const engagementId = engaged.json().id;
    expect(
      (await agent.post(`/api/v1/records/${inc.id}/suppliers`, { supplierId: supplier.id })).statusCode,
    ).toBe(409);
    let clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'uc', 'resolution')).toMatchObject({
      startedAt: iso(t1),
      targetSeconds: 3 * HOUR,
      party: { type: 'supplier', id: supplier.id },
    });
    env.clock.advance(20 * MINUTE);
    await agent.post(`/api/v1/records/${inc.id}/suppliers/${engagementId}/acknowledge`);
    await hold(agent, inc.id);
    env.clock.advance(HOUR * 1000);
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'uc', 'response', false)).toMatchObject({
      state: 'met',
      stopReason: 'acknowledged',
      elapsedSeconds: 1200,
      breached: false,
    });
    expect(clock(clocks, 'uc', 'resolution')).toMatchObject({ state: 'paused', elapsedSeconds: 1200 });
    await move(agent, inc.id, 'in_progress');
    env.clock.advance(10 * MINUTE);
    const released = await agent.post(`/api/v1/records/${inc.id}/suppliers/${engagementId}/release`, {
      outcome: 'fulfilled',
    });
    expect(released.json()).toMatchObject({
      releasedBy: { id: agent.user.id },
      supplier: { id: supplier.id },
    });
    clocks = await clocksOf(agent, inc.id);
    expect(clock(clocks, 'uc', 'resolution', false)).toMatchObject({
      state: 'met',
      stopReason: 'released',
      elapsedSeconds: 1800,
    });
    const suppliers = (await agent.get(`/api/v1/records/${inc.id}/suppliers`)).json();
    expect(suppliers).toHaveLength(1);
  });

  it('releases engaged suppliers when the record is resolved, and hides them from the requester', async () => {
    const supplier = await buildOrganisation(manager, 'supplier');
    await buildAgreement(manager, {
      kind: 'uc',
      calendarId,
      supplierId: supplier.id,
      name: 'Any-service UC',
    });
    const requester = await requesterIn(null);
    const inc = await buildIncident(requester, { serviceId });
    await agent.post(`/api/v1/records/${inc.id}/suppliers`, { supplierId: supplier.id });
    const mine = await clocksOf(requester, inc.id);
    expect(mine.map((c) => c.kind)).toEqual(['sla', 'sla']);
    expect((await requester.get(`/api/v1/records/${inc.id}/suppliers`)).statusCode).toBe(403);
    expect((await timelineOf(requester, inc.id)).every((e) => e.clock?.kind === 'sla')).toBe(true);
    await move(agent, inc.id, 'resolved', {
      resolutionCode: 'solved_workaround',
      resolutionNotes: 'Carrier fixed the line',
    });
    const uc = (await clocksOf(agent, inc.id)).filter((c) => c.kind === 'uc');
    expect(uc.map((c) => c.state)).toEqual(['met', 'met']);
    expect((await agent.get(`/api/v1/records/${inc.id}/suppliers`)).json()[0].releasedAt).not.toBeNull();
  });
});

describe('the SLA timeline', () => {
  it('explains every start, pause, resume and stop with who or what caused it', async () => {
    const inc = await raise();
    env.clock.advance(15 * MINUTE);
    await move(agent, inc.id, 'in_progress');
    env.clock.advance(15 * MINUTE);
    await hold(agent, inc.id);
    env.clock.advance(15 * MINUTE);
    await move(agent, inc.id, 'in_progress');
    const timeline = await timelineOf(agent, inc.id);
    expect(timeline.map((e) => [e.kind, e.clock?.metric ?? null, e.cause])).toEqual([
      ['started', 'response', 'Incident raised'],
      ['started', 'resolution', 'Incident raised'],
      ['met', 'response', 'State New → In progress'],
      ['paused', 'resolution', 'State In progress → On hold'],
      ['resumed', 'resolution', 'State On hold → In progress'],
    ]);
    expect(timeline.every((e) => e.actor?.id === agent.user.id)).toBe(true);
    expect(timeline[0]!.summary).toBe(
      'SLA response clock (Shared SLA v1) started: target 3 h for priority 3',
    );
    expect(timeline[2]!.summary).toBe(
      'SLA response clock (Shared SLA v1) met: the record was first worked on',
    );
  });

  it('goes with its record, as the clocks do', async () => {
    const inc = await raise();
    await move(agent, inc.id, 'in_progress');
    const left = async () =>
      (
        await queryRows<{ clocks: number; events: number }>(
          env.ctx.db,
          sql`select (select count(*)::int from sla_clocks where record_id = ${inc.id}) as clocks,
            (select count(*)::int from sla_events where record_id = ${inc.id}) as events`,
        )
      )[0]!;
    expect(await left()).toEqual({ clocks: 2, events: 3 });
    await queryRows(env.ctx.db, sql`delete from records where id = ${inc.id}`);
    expect(await left()).toEqual({ clocks: 0, events: 0 });
  });

  it('keeps the agreement and calendar a clock stands on: the database refuses to delete either', async () => {
    const inc = await raise();
    const [c] = await queryRows<{ agreement_id: string; calendar_id: string }>(
      env.ctx.db,
      sql`select agreement_id, calendar_id from sla_clocks where record_id = ${inc.id} limit 1`,
    );
    expect(c!.calendar_id).toBe(calendarId);
    // A foreign key refuses (the calendar is held by the agreement's key and the clock's, the
    // agreement by the clock's): 23503, or 23001 where the server reports a restricting key as such.
    const refusal = (q: ReturnType<typeof sql>) =>
      queryRows(env.ctx.db, q).then(
        () => 'deleted',
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
    const REFUSED = ['23503', '23001'];
    expect(REFUSED).toContain(
      await refusal(sql`delete from business_calendars where id = ${c!.calendar_id}`),
    );
    expect(REFUSED).toContain(await refusal(sql`delete from agreements where id = ${c!.agreement_id}`));
    expect((await clocksOf(agent, inc.id)).length).toBe(2);
  });
});

describe('SLA in the incident list', () => {
  it('sorts by the nearest due instant, records without a running clock last, and filters the overdue', async () => {
    const svc = (await buildService(manager, { name: 'Queue' })).id;
    await buildAgreement(manager, { calendarId, serviceId: svc, name: 'Queue SLA' });
    const slow = await raise({ serviceId: svc, impact: 3, urgency: 3, title: 'queue slow' });
    const fast = await raise({ serviceId: svc, impact: 1, urgency: 1, title: 'queue fast' });
    const list = (await agent.get('/api/v1/incidents?q=queue&sort=sla_due&order=asc&limit=1')).json();
    expect(list.items[0].id).toBe(fast.id);
    const next = (
      await agent.get(`/api/v1/incidents?q=queue&sort=sla_due&order=asc&limit=1&cursor=${list.nextCursor}`)
    ).json();
    expect(next.items[0].id).toBe(slow.id);
    env.clock.advance(2 * HOUR * 1000);
    const overdue = (await agent.get(`/api/v1/incidents?q=queue&slaDueBefore=${iso(now())}`)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([fast.id]);
  });
});

describe('a record’s first clocks', () => {
  it('are written with its insert in one statement, as the creating transaction writes them', async () => {
    // Only the SLA module has work for this create: it decides before the insert.
    let commits = 0;
    const counted = () => commits++;
    env.ctx.database.committed.add(counted);
    let prepared: Awaited<ReturnType<typeof raise>>;
    try {
      prepared = await raise({ title: 'Both ways' });
    } finally {
      env.ctx.database.committed.delete(counted);
    }
    expect(commits).toBe(0);
    // The same create with follow-up work runs its hooks in the creating transaction.
    const actor = await loadActor(env.ctx.db, agent.user.id, null);
    const inTransaction = await createRecord(
      env.ctx,
      actor,
      INCIDENT,
      { title: 'Both ways', impact: 2, urgency: 2, serviceId },
      { withRecord: async () => {} },
    );
    expect(prepared.slaDueAt).not.toBeNull();
    expect(inTransaction).toMatchObject({
      state: prepared.state,
      priority: prepared.priority,
      slaDueAt: prepared.slaDueAt,
    });
    // Everything but the rows' own ids.
    const withoutIds = <T>(x: T): T => JSON.parse(JSON.stringify(x, (k, v) => (k === 'id' ? undefined : v)));
    const shape = async (id: string) =>
      withoutIds({ clocks: await clocksOf(agent, id), timeline: await timelineOf(agent, id) });
    const a = await shape(prepared.id);
    expect(a.clocks.map((c) => `${c.kind} ${c.metric} ${c.state}`).sort()).toEqual([
      'sla resolution running',
      'sla response running',
    ]);
    expect(a.timeline.length).toBeGreaterThan(0);
    expect(await shape(inTransaction.id)).toEqual(a);
  });
});
