import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createGroup, type UserView } from '../../src/modules/auth/directory.ts';
import { escalations } from '../../src/modules/escalation/schema.ts';
import { escalateAlert, registerEscalationJobs } from '../../src/modules/escalation/worker.ts';
import { notifications } from '../../src/modules/notify/schema.ts';
import { ALERT_QUEUES, type SlaAlert } from '../../src/modules/sla/alerts.ts';
import { slaAlerts, slaClocks } from '../../src/modules/sla/clock-schema.ts';
import { runSlaSweep } from '../../src/modules/sla/sweep.ts';
import {
  activityOf,
  as,
  buildIncident,
  type Client,
  createTestEnv,
  fieldChanges,
  notificationsOf,
  type TestEnv,
} from '../support/app.ts';
import { buildAgreement, buildCalendar, buildService } from '../support/sla.ts';

const HOUR = 3600 * 1000;

let env: TestEnv;
let admin: Client;
let owner: Client;
let agent: Client;
let serviceId: string;
let deskId: string;
let secondLineId: string;
let people: Record<'deskManager' | 'secondManager' | 'agentManager' | 'processManager' | 'consulted', Client>;

/** The policy these tests use: warn the managers at 75%, hand breaches to the second line. */
const policy = () => ({
  supportLevels: [{ groupId: deskId, nextGroupId: secondLineId }],
  rules: [
    {
      trigger: 'warning',
      threshold: 75,
      clockKind: 'sla',
      metric: 'resolution',
      reassign: false,
      notify: ['group_manager', 'process_manager'],
      raciActivity: 'resolve',
    },
    {
      trigger: 'breach',
      threshold: null,
      clockKind: 'any',
      metric: 'resolution',
      reassign: true,
      notify: ['assignee_manager', 'next_group_manager', 'raci_consulted'],
      raciActivity: 'resolve',
    },
  ],
});

/** Wait until pg-boss has worked every SLA alert job, and make sure none failed. */
async function drainAlertJobs(): Promise<void> {
  const queues = sql.raw(`'${ALERT_QUEUES.warning}', '${ALERT_QUEUES.breach}'`);
  for (let i = 0; i < 200; i++) {
    const [open] = await queryRows<{ pending: number; failed: number }>(
      env.ctx.db,
      sql`select count(*) filter (where state < 'completed')::int as pending,
                 count(*) filter (where state = 'failed')::int as failed
          from pgboss.job where name in (${queues})`,
    );
    if (open!.failed > 0) throw new Error('an SLA alert job failed');
    if (open!.pending === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('SLA alert jobs were not worked');
}

async function sweepAfter(ms: number) {
  env.clock.advance(ms);
  await runSlaSweep(env.ctx);
  await drainAlertJobs();
}

const escalationsOf = async (id: string) => (await agent.get(`/api/v1/records/${id}/escalations`)).json();

async function staffWithManager(managerId: string, groupIds: string[]): Promise<Client> {
  return as(env, ['agent'], { groupIds, managerId });
}

/** A priority-3 incident (12 h resolution target) with the desk, its response already met. */
async function raiseWorkedIncident(assignee: Client) {
  const inc = await buildIncident(assignee, {
    impact: 2,
    urgency: 2,
    serviceId,
    groupId: deskId,
    assigneeId: assignee.user.id,
  });
  const moved = await assignee.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'in_progress' });
  expect(moved.statusCode).toBe(200);
  return inc;
}

beforeAll(async () => {
  env = await createTestEnv({ jobs: true });
  admin = await as(env, ['admin']);
  owner = await as(env, ['process_owner']);
  const manager = await as(env, ['service_manager']);
  const person = async (roles: UserView['roles'] = ['agent']) => as(env, roles);
  people = {
    deskManager: await person(['service_manager']),
    secondManager: await person(['service_manager']),
    agentManager: await person(['service_manager']),
    processManager: await person(['service_manager']),
    consulted: await person(['agent']),
  };
  const group = (name: string, managerId: string, memberIds: string[] = []) =>
    createGroup(env.ctx, 'system', { name, managerId, memberIds });
  deskId = (await group('Service desk', people.deskManager.user.id)).id;
  secondLineId = (await group('Second line', people.secondManager.user.id)).id;
  const problemTeam = await group('Problem team', people.processManager.user.id, [people.consulted.user.id]);
  agent = await staffWithManager(people.agentManager.user.id, [deskId]);

  const raci = (await admin.get('/api/v1/settings/incident/raci')).json().raci;
  raci.processManagerId = people.processManager.user.id;
  for (const a of raci.activities)
    if (a.key === 'resolve') a.consulted = [{ kind: 'group', groupId: problemTeam.id }];
  expect((await admin.put('/api/v1/settings/incident/raci', { raci })).statusCode).toBe(200);

  const calendarId = (await buildCalendar(manager)).id;
  serviceId = (await buildService(manager, { name: 'Escalated service' })).id;
  await buildAgreement(manager, { calendarId, serviceId, name: 'Escalation SLA' });
  const saved = await owner.put('/api/v1/settings/incident/escalation', { policy: policy() });
  expect(saved.statusCode).toBe(200);
});
afterAll(() => env.close());

describe('the escalation policy', () => {
  it('ships a default that tells managers and is readable by staff', async () => {
    const res = await agent.get('/api/v1/settings/problem/escalation');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, policy: { supportLevels: [] } });
    expect(res.json().policy.rules.map((r: { trigger: string }) => r.trigger)).toEqual(['warning', 'breach']);
    const requester = await as(env, ['requester']);
    expect((await requester.get('/api/v1/settings/incident/escalation')).statusCode).toBe(403);
  });

  it('may be changed only by administrators and process owners', async () => {
    const body = { policy: policy() };
    expect((await agent.put('/api/v1/settings/problem/escalation', body)).statusCode).toBe(403);
    expect((await people.deskManager.put('/api/v1/settings/problem/escalation', body)).statusCode).toBe(403);
    const byAdmin = await admin.put('/api/v1/settings/problem/escalation', body);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.headers.etag).toBe('"1"');
    const byOwner = await owner.put('/api/v1/settings/problem/escalation', body, { 'if-match': '"1"' });
    expect(byOwner.json().version).toBe(2);
    const stale = await owner.put('/api/v1/settings/problem/escalation', body, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await agent.get('/api/v1/settings/problem/escalation')).json().policy).toEqual(policy());
  });

  it('refuses bad thresholds, unknown groups, circles and unknown RACI activities with a message per field', async () => {
    const unknownGroup = '00000000-0000-4000-8000-000000000000';
    const bad = policy();
    bad.supportLevels.push({ groupId: secondLineId, nextGroupId: unknownGroup });
    bad.rules[0]!.threshold = 150;
    bad.rules[1]!.threshold = 90;
    bad.rules.push({ ...bad.rules[0]!, threshold: 90, raciActivity: 'dance', notify: [] });
    const res = await owner.put('/api/v1/settings/incident/escalation', { policy: bad });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'policy.rules.0.threshold', message: 'a warning threshold is a percent from 1 to 99' },
        {
          field: 'policy.rules.1.threshold',
          message: 'a breach is always at 100%; leave the threshold empty',
        },
        { field: 'policy.rules.2.notify', message: 'the rule neither reassigns nor notifies anyone' },
        { field: 'policy.supportLevels.1.nextGroupId', message: 'no active group with this id' },
        { field: 'policy.rules.2.raciActivity', message: expect.stringContaining('not an activity') },
      ]),
    );
    expect(problem.detail).toContain('policy.rules.0.threshold');

    const circle = policy();
    circle.supportLevels.push({ groupId: secondLineId, nextGroupId: deskId });
    const round = await owner.put('/api/v1/settings/incident/escalation', { policy: circle });
    expect(round.statusCode).toBe(422);
    expect(round.json().errors[0].message).toBe('the support levels go round in a circle');

    const shape = policy() as { rules: { notify: string[] }[] };
    shape.rules[0]!.notify = ['the_ceo'];
    const malformed = await owner.put('/api/v1/settings/incident/escalation', { policy: shape });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body.policy.rules.0.notify.0');
    // Nothing was saved.
    expect((await agent.get('/api/v1/settings/incident/escalation')).json().version).toBe(1);
  });
});

describe('the API description', () => {
  it('lists the escalation and notification endpoints', async () => {
    const doc = (await env.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/settings/{process}/escalation',
        '/api/v1/records/{id}/escalations',
        '/api/v1/notifications',
        '/api/v1/notifications/{id}/read',
      ]),
    );
    expect(doc.components.schemas.EscalationPolicy.properties.rules.items.properties.notify).toBeDefined();
  });
});

describe('escalation on SLA warnings and breaches', () => {
  let incidentId: string;

  it('tells the group manager and the process manager once when the warning threshold is reached', async () => {
    const inc = await raiseWorkedIncident(agent);
    incidentId = inc.id;
    await sweepAfter(8 * HOUR);
    expect(await escalationsOf(inc.id)).toEqual([]);
    await sweepAfter(HOUR + 60_000);
    const [warning] = await escalationsOf(inc.id);
    expect(warning).toMatchObject({
      trigger: 'warning',
      threshold: 75,
      clockKind: 'sla',
      metric: 'resolution',
      matched: true,
      reassign: 'not_asked',
      fromGroup: { id: deskId, name: 'Service desk' },
      toGroup: null,
    });
    expect(warning.notified.map((p: { id: string }) => p.id).sort()).toEqual(
      [people.deskManager.user.id, people.processManager.user.id].sort(),
    );
    const mine = await notificationsOf(people.deskManager, '?unread=true');
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'escalation.warning',
      record: { id: inc.id, number: inc.number, type: 'incident' },
      readAt: null,
    });
    expect(mine.items[0]!.subject).toBe(`${inc.number} SLA resolution warning at 75%: Printer is on fire`);
    expect(mine.items[0]!.body).toContain('reached 75% of its SLA resolution target');
    expect(mine.items[0]!.body).toContain('You are told as: group manager.');
    // Not a breach yet: the record stays with the desk.
    expect((await agent.get(`/api/v1/incidents/${inc.id}`)).json().group.id).toBe(deskId);
    // The 90% warning matches no rule: it is noted, nobody is told again.
    await sweepAfter(2 * HOUR);
    const all = await escalationsOf(inc.id);
    expect(all.map((e: { threshold: number; matched: boolean }) => [e.threshold, e.matched])).toEqual([
      [75, true],
      [90, false],
    ]);
    await sweepAfter(10 * 60_000);
    expect((await notificationsOf(people.deskManager)).items).toHaveLength(1);
    expect((await notificationsOf(people.processManager)).items).toHaveLength(1);
    expect((await notificationsOf(people.agentManager)).items).toHaveLength(0);
  });

  it('hands a breached record to the next support level and says so in its history', async () => {
    const before = (await agent.get(`/api/v1/incidents/${incidentId}`)).json();
    await sweepAfter(HOUR);
    const record = (await agent.get(`/api/v1/incidents/${incidentId}`)).json();
    expect(record.group).toMatchObject({ id: secondLineId, name: 'Second line' });
    expect(record.assignee).toBeNull();
    expect(record.version).toBe(before.version + 1);
    const breach = (await escalationsOf(incidentId)).at(-1);
    expect(breach).toMatchObject({
      trigger: 'breach',
      threshold: 100,
      reassign: 'done',
      fromGroup: { id: deskId },
      toGroup: { id: secondLineId },
    });
    expect(breach.notified.map((p: { id: string }) => p.id).sort()).toEqual(
      [people.agentManager.user.id, people.secondManager.user.id, people.consulted.user.id].sort(),
    );
    const changes = fieldChanges(await activityOf(agent, incidentId));
    const line = changes.find((a) => a.field === 'escalation' && a.newValue?.includes('breach'));
    expect(line?.actor).toBeNull();
    expect(line?.newValue).toMatch(
      /^SLA resolution breach: reassigned from Service desk to Second line; notified /,
    );
    for (const c of [people.agentManager, people.secondManager, people.consulted])
      expect(line?.newValue).toContain(c.user.name);
    const groupChange = changes.find((a) => a.field === 'groupId' && a.newValue === secondLineId);
    expect(groupChange).toMatchObject({ oldValue: deskId, actor: null });
    const told = (await notificationsOf(people.secondManager)).items[0]!;
    expect(told.kind).toBe('escalation.breach');
    expect(told.body).toContain('Reassigned from Service desk to Second line.');
    expect(told.body).toContain('You are told as: next-level group manager.');
    // The desk's manager heard of the warning but is not on the breach rule.
    expect((await notificationsOf(people.deskManager)).items).toHaveLength(1);
  });

  it('does not escalate twice when the alert is delivered again', async () => {
    const payloads = (
      await env.ctx.db
        .select()
        .from(slaAlerts)
        .innerJoin(slaClocks, eq(slaClocks.id, slaAlerts.clockId))
        .where(eq(slaAlerts.recordId, incidentId))
    ).map(
      ({ sla_alerts: a, sla_clocks: c }): SlaAlert => ({
        alertId: a.id,
        recordId: a.recordId,
        clockId: a.clockId,
        kind: a.kind as SlaAlert['kind'],
        threshold: a.threshold,
        targetVersion: a.targetVersion,
        reachedAt: a.reachedAt.toISOString(),
        clockKind: c.kind,
        metric: c.metric,
        agreementId: c.agreementId,
      }),
    );
    expect(payloads.map((p) => p.kind).sort()).toEqual(['breach', 'warning', 'warning']);
    const before = (await agent.get(`/api/v1/incidents/${incidentId}`)).json();
    const count = async () => ({
      escalations: (await env.ctx.db.select().from(escalations).where(eq(escalations.recordId, incidentId)))
        .length,
      notifications: (
        await env.ctx.db.select().from(notifications).where(eq(notifications.recordId, incidentId))
      ).length,
    });
    const counted = await count();
    // As after a restart: the same jobs come again through the queue…
    for (const p of payloads) await env.ctx.jobs!.send(ALERT_QUEUES[p.kind], p);
    await drainAlertJobs();
    // …and as from two instances at once.
    const again = await Promise.all(
      payloads.flatMap((p) => [escalateAlert(env.ctx, p), escalateAlert(env.ctx, p)]),
    );
    expect(again.every((r) => r === null)).toBe(true);
    expect(await count()).toEqual(counted);
    const after = (await agent.get(`/api/v1/incidents/${incidentId}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.group.id).toBe(secondLineId);
  });

  it('escalates an alert exactly once when two workers race for it before the queued job', async () => {
    const other = await staffWithManager(people.agentManager.user.id, [deskId]);
    const inc = await raiseWorkedIncident(other);
    // Hold the queue's workers back, so the job waits while two "instances" handle the alert.
    for (const q of Object.values(ALERT_QUEUES)) await env.ctx.jobs!.boss.offWork(q);
    env.clock.advance(9 * HOUR + 60_000);
    await runSlaSweep(env.ctx);
    const [row] = await env.ctx.db
      .select()
      .from(slaAlerts)
      .innerJoin(slaClocks, eq(slaClocks.id, slaAlerts.clockId))
      .where(eq(slaAlerts.recordId, inc.id));
    const alert: SlaAlert = {
      alertId: row!.sla_alerts.id,
      recordId: inc.id,
      clockId: row!.sla_clocks.id,
      kind: 'warning',
      threshold: row!.sla_alerts.threshold,
      targetVersion: row!.sla_alerts.targetVersion,
      reachedAt: row!.sla_alerts.reachedAt.toISOString(),
      clockKind: row!.sla_clocks.kind,
      metric: row!.sla_clocks.metric,
      agreementId: row!.sla_clocks.agreementId,
    };
    const results = await Promise.all([escalateAlert(env.ctx, alert), escalateAlert(env.ctx, alert)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    await registerEscalationJobs(env.ctx);
    await drainAlertJobs();
    expect(await escalationsOf(inc.id)).toHaveLength(1);
    const deskInbox = await notificationsOf(people.deskManager);
    expect(deskInbox.items.filter((n) => n.record?.id === inc.id)).toHaveLength(1);
  });

  it('leaves the record where it is when its group has no next level, and still tells the managers', async () => {
    const topAgent = await staffWithManager(people.agentManager.user.id, [secondLineId]);
    const inc = await buildIncident(topAgent, {
      impact: 2,
      urgency: 2,
      serviceId,
      groupId: secondLineId,
      assigneeId: topAgent.user.id,
    });
    await topAgent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'in_progress' });
    await sweepAfter(12 * HOUR + 60_000);
    const breach = (await escalationsOf(inc.id)).find((e: { trigger: string }) => e.trigger === 'breach');
    expect(breach).toMatchObject({ reassign: 'no_next_level', toGroup: null });
    expect(breach.notified.map((p: { id: string }) => p.id)).toContain(people.agentManager.user.id);
    const record = (await topAgent.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(record.group.id).toBe(secondLineId);
    expect(record.assignee.id).toBe(topAgent.user.id);
  });
});

describe('a refused reassignment', () => {
  it('is noted with its reason while the managers are still told', async () => {
    const deskAgent = await staffWithManager(people.agentManager.user.id, [deskId]);
    const inc = await raiseWorkedIncident(deskAgent);
    const deactivated = await admin.patch(`/api/v1/groups/${secondLineId}`, { active: false });
    expect(deactivated.statusCode).toBe(200);
    await sweepAfter(12 * HOUR + 60_000);
    const breach = (await escalationsOf(inc.id)).find((e: { trigger: string }) => e.trigger === 'breach');
    expect(breach).toMatchObject({ reassign: 'refused', toGroup: null });
    expect(breach.reason).toContain('no active group');
    expect(breach.notified.map((p: { id: string }) => p.id)).toContain(people.agentManager.user.id);
    expect((await deskAgent.get(`/api/v1/incidents/${inc.id}`)).json().group.id).toBe(deskId);
    const line = fieldChanges(await activityOf(agent, inc.id)).find(
      (a) => a.field === 'escalation' && a.newValue?.includes('breach'),
    );
    expect(line?.newValue).toContain('reassignment to Second line refused');
  });
});

describe('notifications', () => {
  it('are private, can be marked read one by one or all at once, and page newest first', async () => {
    const mine = await notificationsOf(people.agentManager);
    expect(mine.items.length).toBeGreaterThanOrEqual(2);
    const first = mine.items[0]!;
    expect((await people.deskManager.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await people.agentManager.post(`/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(env.clock.now().toISOString());
    env.clock.advance(60_000);
    const twice = await people.agentManager.post(`/api/v1/notifications/${first.id}/read`);
    expect(twice.json().readAt).toBe(read.json().readAt);
    const unread = await notificationsOf(people.agentManager, '?unread=true');
    expect(unread.unreadCount).toBe(mine.unreadCount - 1);
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);

    const page = await notificationsOf(people.agentManager, '?limit=1');
    expect(page.items).toHaveLength(1);
    const rest = await notificationsOf(people.agentManager, `?limit=50&cursor=${page.nextCursor}`);
    expect([page.items[0]!.id, ...rest.items.map((n) => n.id)]).toEqual(mine.items.map((n) => n.id));
    const all = await people.agentManager.post('/api/v1/notifications/read-all');
    expect(all.json().marked).toBe(mine.unreadCount - 1);
    expect((await notificationsOf(people.agentManager, '?unread=true')).unreadCount).toBe(0);
  });

  it('keeps escalation details from requesters', async () => {
    const requester = await as(env, ['requester']);
    const inc = await buildIncident(requester, { serviceId });
    expect((await requester.get(`/api/v1/records/${inc.id}/escalations`)).statusCode).toBe(403);
  });
});
