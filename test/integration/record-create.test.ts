/**
 * Raising and moving incidents, as the record kernel promises: a replayed move answers 412, a
 * create answers with the record as committed, and an incident raised on CIs takes the one
 * service they support (so its agreements apply).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { users } from '../../src/modules/auth/schema.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { coalescedCreates, insertRecordRow } from '../../src/modules/records/insert.ts';
import { createRecord } from '../../src/modules/records/service.ts';
import { INCIDENT } from '../../src/modules/records/types.ts';
import {
  activityOf,
  as,
  buildAutomationRule,
  buildGroup,
  buildIncident,
  buildUser,
  setupTestEnv,
} from '../support/app.ts';
import { buildCi, type CiJson, relate } from '../support/cmdb.ts';
import {
  buildAgreement,
  buildCalendar,
  buildOrganisation,
  buildService,
  clock,
  clocksOf,
} from '../support/sla.ts';

const t = setupTestEnv({ agent: ['agent'], owner: ['process_owner'], manager: ['service_manager'] });

describe('creates made at the same time', () => {
  it('each answer with their own record and number', async () => {
    const titles = Array.from({ length: 30 }, (_, i) => `Concurrent create ${i}`);
    const answers = await Promise.all(titles.map((title) => t.agent.post('/api/v1/incidents', { title })));
    expect(answers.map((r) => r.statusCode)).toEqual(titles.map(() => 201));
    expect(answers.map((r) => r.json().title)).toEqual(titles);
    const numbers = answers.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(30);
    for (const r of answers) {
      const stored = (await t.agent.get(`/api/v1/incidents/${r.json().number}`)).json();
      expect(stored).toMatchObject({ id: r.json().id, title: r.json().title, state: 'new', version: 1 });
    }
  });

  it('go together in one statement, which fails only the create that cannot be written', async () => {
    const { ctx } = t.env;
    const gone = await buildUser(t.env, { roles: ['requester'] });
    await ctx.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const agent = (await t.agent.get('/api/v1/auth/me')).json().user.id as string;
    const before = coalescedCreates(ctx.db).batchedItems;
    const values = (i: number) => ({
      title: `Side by side ${i}`,
      requesterId: i === 7 ? gone.id : agent,
      impact: 3,
      urgency: 3,
      // No such service: the foreign key refuses this one record.
      serviceId: i === 11 ? randomUUID() : undefined,
    });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertRecordRow(ctx, null, agent, INCIDENT, values(i)).then(
          (raw) => (raw ? String(raw.title) : 'no requester'),
          (e: { code?: string }) => `failed ${e.code}`,
        ),
      ),
    );
    expect(outcomes).toEqual(
      Array.from({ length: 20 }, (_, i) =>
        i === 7 ? 'no requester' : i === 11 ? 'failed 23503' : `Side by side ${i}`,
      ),
    );
    expect(coalescedCreates(ctx.db).batchedItems).toBeGreaterThan(before);
    const found = await t.agent.get('/api/v1/incidents?q=side');
    expect(
      found
        .json()
        .items.map((r: { title: string }) => r.title)
        .sort(),
    ).toEqual(outcomes.filter((o) => o.startsWith('Side')).sort());
  });
});

describe('a stale transition', () => {
  it('answers 412 when the same move is sent again with the same If-Match', async () => {
    const inc = await buildIncident(t.agent);
    const first = await t.agent.post(
      `/api/v1/incidents/${inc.id}/transitions`,
      { to: 'in_progress' },
      { 'if-match': '"1"' },
    );
    expect(first.statusCode).toBe(200);
    const replay = await t.agent.post(
      `/api/v1/incidents/${inc.id}/transitions`,
      { to: 'in_progress' },
      { 'if-match': '"1"' },
    );
    expect(replay.statusCode).toBe(412);
    expect(replay.json()).toMatchObject({ code: 'record.stale_version', currentVersion: 2 });
  });
});

describe('the create response', () => {
  it('shows the record as an automation rule left it, with the ETag of that version', async () => {
    const network = await buildGroup(t.env, { name: 'Network Ops' });
    const ruleId = await buildAutomationRule(t.owner, {
      name: 'Wi-Fi goes to network',
      event: 'created',
      conditions: [{ field: 'title', op: 'contains', value: 'wi-fi' }],
      actions: [
        { type: 'assign', groupId: network.id, assigneeId: null },
        { type: 'set_field', field: 'urgency', value: 1 },
      ],
    });
    const res = await t.agent.post('/api/v1/incidents', { title: 'Wi-Fi down on floor 3', urgency: 3 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    const stored = (await t.agent.get(`/api/v1/incidents/${created.id}`)).json();
    expect(created).toMatchObject({ group: { name: 'Network Ops' }, urgency: 1, version: stored.version });
    expect(created.priority).toBe(stored.priority);
    expect(res.headers.etag).toBe(`"${stored.version}"`);
    await t.owner.del(`/api/v1/automation-rules/${ruleId}`);
  });
});

describe('rules read from the cache', () => {
  it('comments without changing the record, and follows rules switched off and on again', async () => {
    const input = {
      name: 'Printers get a note',
      event: 'created',
      conditions: [{ field: 'title', op: 'contains', value: 'printer' }],
      actions: [{ type: 'add_comment', body: 'Check the toner first.', visibility: 'internal' }],
    };
    const ruleId = await buildAutomationRule(t.owner, input);
    const notes = async (id: string) =>
      (await activityOf(t.agent, id)).filter(
        (a) => a.kind === 'comment' && a.body === 'Check the toner first.',
      );
    const res = await t.agent.post('/api/v1/incidents', { title: 'Printer jammed' });
    expect(res.statusCode).toBe(201);
    const stored = (await t.agent.get(`/api/v1/incidents/${res.json().id}`)).json();
    // Only a comment was added: the answer is the row as inserted, at its first version.
    expect(res.json()).toMatchObject({ version: 1, title: 'Printer jammed' });
    expect(stored.version).toBe(1);
    expect(await notes(stored.id)).toHaveLength(1);

    const put = (enabled: boolean, version: number) =>
      t.owner.put(
        `/api/v1/automation-rules/${ruleId}`,
        { ...input, enabled },
        { 'if-match': `"${version}"` },
      );
    const off = await put(false, 1);
    expect(off.statusCode).toBe(200);
    const quiet = (await t.agent.post('/api/v1/incidents', { title: 'Printer offline' })).json();
    expect(await notes(quiet.id)).toHaveLength(0);
    const on = await put(true, 2);
    expect(on.statusCode).toBe(200);
    const again = (await t.agent.post('/api/v1/incidents', { title: 'Printer smoking' })).json();
    expect(await notes(again.id)).toHaveLength(1);
    await t.owner.del(`/api/v1/automation-rules/${ruleId}`);
  });
});

describe('a create prepared before its insert', () => {
  it('writes a commenting rule’s work and the first clocks with the record, as the creating transaction does', async () => {
    const calendar = await buildCalendar(t.manager);
    const service = await buildService(t.manager);
    await buildAgreement(t.manager, { calendarId: calendar.id, serviceId: service.id });
    const ruleId = await buildAutomationRule(t.owner, {
      name: 'Scanners get a note',
      event: 'created',
      conditions: [{ field: 'title', op: 'contains', value: 'scanner' }],
      actions: [{ type: 'add_comment', body: 'Check the cable first.', visibility: 'public' }],
    });
    const input = { title: 'Scanner jammed', serviceId: service.id, urgency: 2 };
    // The SLA clocks and a rule that only comments: one read and one statement, no transaction.
    let commits = 0;
    const counted = () => commits++;
    t.env.ctx.database.committed.add(counted);
    let prepared: { id: string; slaDueAt: string | null; version: number };
    try {
      const res = await t.agent.post('/api/v1/incidents', input);
      expect(res.statusCode).toBe(201);
      prepared = res.json();
    } finally {
      t.env.ctx.database.committed.delete(counted);
    }
    expect(commits).toBe(0);
    expect(prepared).toMatchObject({ version: 1 });
    expect(prepared.slaDueAt).not.toBeNull();
    // The same create with follow-up work runs every hook in the creating transaction.
    const actor = await loadActor(t.env.ctx.db, t.agent.user.id, null);
    const inTransaction = await createRecord(t.env.ctx, actor, INCIDENT, input, {
      withRecord: async () => {},
    });
    expect(inTransaction.slaDueAt).toBe(prepared.slaDueAt);
    const written = async (id: string) => ({
      // What each entry says, but for the record's own number and the entries' ids.
      activity: (await activityOf(t.agent, id)).map((a) => {
        const by = `by ${a.actor?.name ?? 'the system'}`;
        if (a.kind === 'comment') return `comment ${a.visibility} ${a.body} ${by}`;
        if (a.kind === 'change')
          return `change ${a.field} ${by}${a.field === 'created' ? '' : ` to ${a.newValue}`}`;
        return `${a.kind} ${by}`;
      }),
      clocks: (await clocksOf(t.agent, id)).map((c) => `${c.kind} ${c.metric} ${c.state} ${c.dueAt}`),
    });
    const a = await written(prepared.id);
    expect(a.activity).toContain('comment public Check the cable first. by the system');
    expect(a.activity).toContain('change automation by the system to Scanners get a note');
    expect(a.clocks).toHaveLength(2);
    expect(await written(inTransaction.id)).toEqual(a);
    // Made at the same time, such creates go together in one statement, each with its own work.
    const before = coalescedCreates(t.env.ctx.db).batchedItems;
    const together = await Promise.all(
      Array.from({ length: 8 }, () => createRecord(t.env.ctx, actor, INCIDENT, input)),
    );
    expect(coalescedCreates(t.env.ctx.db).batchedItems).toBeGreaterThan(before);
    expect(new Set(together.map((r) => r.number)).size).toBe(8);
    for (const r of together) {
      expect(r).toMatchObject({ slaDueAt: prepared.slaDueAt, version: 1 });
      expect(await written(r.id)).toEqual(a);
    }
    const runs = (await t.owner.get(`/api/v1/automation-rules/${ruleId}/runs`)).json() as {
      recordId: string;
      outcome: string;
    }[];
    expect(runs.filter((r) => r.recordId === prepared.id || r.recordId === inTransaction.id)).toEqual([
      expect.objectContaining({ outcome: 'applied' }),
      expect.objectContaining({ outcome: 'applied' }),
    ]);
    await t.owner.del(`/api/v1/automation-rules/${ruleId}`);
  });
});

describe('a create by its own requester', () => {
  it('chooses the agreement by the organisation read at sign-in, and follows a change of it', async () => {
    const calendarId = (await buildCalendar(t.manager)).id;
    const serviceId = (await buildService(t.manager)).id;
    const [acme, globex] = [await buildOrganisation(t.manager), await buildOrganisation(t.manager)];
    await t.manager.patch(`/api/v1/services/${serviceId}`, { customerIds: [acme.id, globex.id] });
    await buildAgreement(t.manager, { calendarId, serviceId, name: 'Service SLA' });
    await buildAgreement(t.manager, { calendarId, serviceId, customerId: acme.id, name: 'Acme SLA' });
    await buildAgreement(t.manager, { calendarId, serviceId, customerId: globex.id, name: 'Globex SLA' });
    const person = await as(t.env, ['requester'], { organisationId: acme.id });
    // Their own create, under the SLA of the organisation their sign-in read.
    const agreementOf = async () => {
      const res = await person.post('/api/v1/incidents', { title: 'Badge reader dead', serviceId });
      expect(res.statusCode).toBe(201);
      return clock(await clocksOf(t.agent, res.json().id), 'sla', 'resolution').agreement.name;
    };
    expect(await agreementOf()).toBe('Acme SLA');
    // An administrator moves them: the cached sign-in is dropped at once on this instance.
    const admin = await as(t.env, ['admin']);
    const me = (await admin.get(`/api/v1/users/${person.user.id}`)).json();
    const moved = await admin.patch(
      `/api/v1/users/${person.user.id}`,
      { organisationId: globex.id },
      { 'if-match': `"${me.version}"` },
    );
    expect(moved.statusCode).toBe(200);
    expect(await agreementOf()).toBe('Globex SLA');
    // A change by any other path (here plain SQL, as an organisation's removal sets it to null)
    // reaches every instance through the database's notice.
    await t.env.ctx.db.execute(sql`update users set organisation_id = null where id = ${person.user.id}`);
    await expect.poll(agreementOf, { timeout: 5000, interval: 100 }).toBe('Service SLA');
  });

  it('refuses a requester deactivated since they signed in, and writes nothing', async () => {
    const calendarId = (await buildCalendar(t.manager)).id;
    const serviceId = (await buildService(t.manager)).id;
    await buildAgreement(t.manager, { calendarId, serviceId });
    const gone = await buildUser(t.env, { roles: ['agent'] });
    // Signed in while active: the create reads nothing first, and its clocks then name a record
    // the insert refused to write.
    const signedIn = { ...(await loadActor(t.env.ctx.db, gone.id, null)), organisationId: null };
    await t.env.ctx.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const title = `Raised by someone gone ${randomUUID()}`;
    await expect(createRecord(t.env.ctx, signedIn, INCIDENT, { title, serviceId })).rejects.toMatchObject({
      fieldErrors: [{ field: 'requesterId', message: 'no active user with this id' }],
    });
    expect(await queryRows(t.env.ctx.db, sql`select id from records where title = ${title}`)).toEqual([]);
  });
});

describe('an incident raised on CIs', () => {
  const ci: Record<string, CiJson> = {};
  let payroll: string;
  let intranet: string;

  beforeAll(async () => {
    const calendarId = (await buildCalendar(t.manager)).id;
    payroll = (await buildService(t.manager, { name: 'Payroll' })).id;
    intranet = (await buildService(t.manager, { name: 'Intranet' })).id;
    await buildAgreement(t.manager, { calendarId, serviceId: payroll, name: 'Payroll SLA' });
    ci.payrollApp = await buildCi(t.agent, 'application', { name: 'payroll-app' });
    ci.wiki = await buildCi(t.agent, 'application', { name: 'wiki' });
    ci.payrollVm = await buildCi(t.agent, 'virtual_server', { name: 'payroll-vm' });
    ci.sharedHost = await buildCi(t.agent, 'physical_server', { name: 'shared-host' });
    const service = (id: string, name: string) => ({ id, name }) as CiJson;
    await relate(t.agent, service(payroll, 'Payroll'), 'depends_on', ci.payrollApp);
    await relate(t.agent, service(intranet, 'Intranet'), 'depends_on', ci.wiki);
    await relate(t.agent, ci.payrollApp, 'runs_on', ci.payrollVm);
    await relate(t.agent, ci.payrollVm, 'runs_on', ci.sharedHost);
    await relate(t.agent, ci.wiki, 'runs_on', ci.sharedHost);
  });

  it('takes the one service its CIs support, and that service’s agreement', async () => {
    const inc = await buildIncident(t.agent, { ciIds: [ci.payrollVm!.id] });
    const view = (await t.agent.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(view.serviceId).toBe(payroll);
    const clocks = await clocksOf(t.agent, inc.id);
    expect(clocks.map((c) => c.agreement.name)).toContain('Payroll SLA');
  });

  it('takes no service when its CIs support several, and keeps a service named explicitly', async () => {
    const shared = await buildIncident(t.agent, { ciIds: [ci.sharedHost!.id] });
    expect((await t.agent.get(`/api/v1/incidents/${shared.id}`)).json().serviceId).toBeNull();
    const named = await buildIncident(t.agent, { ciIds: [ci.payrollVm!.id], serviceId: intranet });
    expect((await t.agent.get(`/api/v1/incidents/${named.id}`)).json().serviceId).toBe(intranet);
  });

  it('offers the services the CIs support, nearest first', async () => {
    const one = await t.agent.get(`/api/v1/cmdb/services-of?ciIds=${ci.payrollVm!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({
      services: [expect.objectContaining({ id: payroll, name: 'Payroll', depth: 2 })],
      total: 1,
    });
    const both = (
      await t.agent.get(`/api/v1/cmdb/services-of?ciIds=${ci.sharedHost!.id},${ci.wiki!.id}`)
    ).json();
    expect(both.services.map((s: { name: string }) => s.name)).toEqual(['Intranet', 'Payroll']);
    expect(both.total).toBe(2);
  });

  it('refuses a services question without CIs or with malformed ids', async () => {
    expect((await t.agent.get('/api/v1/cmdb/services-of?ciIds=')).statusCode).toBe(400);
    expect((await t.agent.get('/api/v1/cmdb/services-of?ciIds=nope')).statusCode).toBe(400);
  });
});
