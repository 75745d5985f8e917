import { describe, expect, it } from 'vitest';
import {
  activityOf,
  as,
  buildAutomationRule,
  buildGroup,
  buildIncident,
  commentsIn,
  errorFields,
  fieldChanges,
  setupTestEnv,
} from '../support/app.ts';

const t = setupTestEnv({ owner: ['process_owner'], agent: ['agent'] });

type Run = { recordId: string; outcome: string; event: string };
/** The run log of a rule. */
const runsOf = async (ruleId: string) =>
  (await t.owner.get(`/api/v1/automation-rules/${ruleId}/runs`)).json() as Run[];

describe('automation rules', () => {
  it('assigns, sets fields and comments when a record matching the conditions is created, with history and a run log', async () => {
    const network = await buildGroup(t.env, { name: 'Network Ops' });
    const ruleId = await buildAutomationRule(t.owner, {
      name: 'VPN issues go to network',
      event: 'created',
      conditions: [{ field: 'title', op: 'contains', value: 'vpn' }],
      actions: [
        { type: 'assign', groupId: network.id, assigneeId: null },
        { type: 'set_field', field: 'urgency', value: 1 },
        { type: 'add_comment', body: 'Routed to Network Ops automatically.', visibility: 'internal' },
      ],
    });
    const inc = await buildIncident(t.agent, { title: 'VPN drops every hour', urgency: 3 });
    const view = (await t.agent.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(view).toMatchObject({ group: { name: 'Network Ops' }, urgency: 1, priority: 3 });
    const activity = await activityOf(t.agent, inc.id);
    expect(
      fieldChanges(activity).some(
        (a) => a.field === 'automation' && a.newValue === 'VPN issues go to network',
      ),
    ).toBe(true);
    expect(commentsIn(activity).some((a) => a.body === 'Routed to Network Ops automatically.')).toBe(true);
    const runs = await runsOf(ruleId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ recordId: inc.id, outcome: 'applied', event: 'created' });
    const other = await buildIncident(t.agent, { title: 'Printer jam' });
    expect((await t.agent.get(`/api/v1/incidents/${other.id}`)).json().group).toBeNull();
    await t.owner.del(`/api/v1/automation-rules/${ruleId}`);
  });

  it('stops rules that trigger each other instead of looping', async () => {
    const ping = await buildAutomationRule(t.owner, {
      name: 'ping',
      event: 'updated',
      conditions: [{ field: 'urgency', op: 'changed' }],
      actions: [{ type: 'set_field', field: 'impact', value: 1 }],
    });
    const pong = await buildAutomationRule(t.owner, {
      name: 'pong',
      event: 'updated',
      conditions: [{ field: 'impact', op: 'changed' }],
      actions: [{ type: 'set_field', field: 'urgency', value: 2 }],
    });
    const inc = await buildIncident(t.agent, { urgency: 3, impact: 3 });
    const res = await t.agent.patch(`/api/v1/incidents/${inc.id}`, { urgency: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ impact: 1, urgency: 2 });
    const pingRuns = await runsOf(ping);
    const pongRuns = await runsOf(pong);
    expect(pingRuns.filter((r) => r.outcome === 'applied')).toHaveLength(1);
    expect(pongRuns.filter((r) => r.outcome === 'applied')).toHaveLength(1);
    await t.owner.del(`/api/v1/automation-rules/${ping}`);
    await t.owner.del(`/api/v1/automation-rules/${pong}`);
  });

  it('assigns within a group in turn (round robin) or to the least loaded member', async () => {
    const [ann, bob, cy] = [
      await as(t.env, ['agent']),
      await as(t.env, ['agent']),
      await as(t.env, ['agent']),
    ];
    const desk = await buildGroup(t.env, {
      name: 'Rota desk',
      memberIds: [ann.user.id, bob.user.id, cy.user.id],
    });
    const rr = await buildAutomationRule(t.owner, {
      name: 'rota',
      event: 'created',
      conditions: [{ field: 'category', op: 'eq', value: 'Rota' }],
      actions: [{ type: 'assign', groupId: desk.id, assigneeId: null, strategy: 'round_robin' }],
    });
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const inc = await buildIncident(t.agent, { category: 'Rota' });
      assignees.push((await t.agent.get(`/api/v1/incidents/${inc.id}`)).json().assignee.id);
    }
    expect(new Set(assignees.slice(0, 3)).size).toBe(3);
    expect(assignees[3]).toBe(assignees[0]);
    await t.owner.del(`/api/v1/automation-rules/${rr}`);
    // Least loaded: everyone has one open record except the member we resolve for.
    const lightest = assignees[1]!;
    const theirs = await t.agent.get(`/api/v1/incidents?assigneeId=${lightest}`);
    for (const i of theirs.json().items) {
      await t.agent.post(`/api/v1/incidents/${i.id}/transitions`, {
        to: 'resolved',
        resolutionCode: 'user_error',
        resolutionNotes: 'x',
      });
    }
    const ll = await buildAutomationRule(t.owner, {
      name: 'least loaded',
      event: 'created',
      conditions: [{ field: 'category', op: 'eq', value: 'Load' }],
      actions: [{ type: 'assign', groupId: desk.id, assigneeId: null, strategy: 'least_loaded' }],
    });
    const inc = await buildIncident(t.agent, { category: 'Load' });
    expect((await t.agent.get(`/api/v1/incidents/${inc.id}`)).json().assignee.id).toBe(lightest);
    await t.owner.del(`/api/v1/automation-rules/${ll}`);
  });

  it('refuses invalid rules and rules naming missing groups, and non-owners', async () => {
    const bad = await t.owner.post('/api/v1/settings/incident/automation-rules', {
      name: 'bad',
      event: 'created',
      conditions: [{ field: 'priority', op: 'gt', value: 'high' }],
      actions: [{ type: 'assign', groupId: '00000000-0000-4000-8000-000000000000', assigneeId: null }],
    });
    expect(bad.statusCode).toBe(422);
    expect(errorFields(bad)).toEqual(['conditions.0.value', 'actions.0.groupId']);
    expect(
      (
        await t.agent.post('/api/v1/settings/incident/automation-rules', {
          name: 'x',
          event: 'created',
          conditions: [],
          actions: [{ type: 'add_comment', body: 'x', visibility: 'public' }],
        })
      ).statusCode,
    ).toBe(403);
  });
});
