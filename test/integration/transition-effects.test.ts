/**
 * What a lifecycle transition does: its `effects.notify` parties (RACI consulted and informed of
 * the transition's activity, the requester, the assignee, the watchers) each get one
 * notification, never the person who took it; effects that make no sense are refused with 422.
 */
import { describe, expect, it } from 'vitest';
import {
  as,
  buildGroup,
  buildIncident,
  buildUser,
  type Client,
  clientFor,
  notificationsOf,
  resolveIncident,
  setupTestEnv,
} from '../support/app.ts';
import { orderNeedingManagerApproval } from '../support/requests.ts';

const t = setupTestEnv({ owner: ['process_owner'], agent: ['agent'], requester: ['requester'] });

const about = async (c: Client, recordId: string) =>
  (await notificationsOf(c)).items.filter(
    (n) => n.kind === 'record.transitioned' && n.record?.id === recordId,
  );

async function putLifecycle(mutate: (lc: { transitions: Record<string, unknown>[] }) => void) {
  const doc = (await t.owner.get('/api/v1/settings/incident/lifecycle')).json();
  mutate(doc.lifecycle);
  return t.owner.put(
    '/api/v1/settings/incident/lifecycle',
    { lifecycle: doc.lifecycle },
    {
      'if-match': `"${doc.version}"`,
    },
  );
}

describe('notify effects', () => {
  it('tells the requester and the RACI informed parties when an incident is resolved, once each, never the actor', async () => {
    const watcherOfAll = await as(t.env, ['agent']);
    const informed = await buildGroup(t.env, {
      name: 'Resolution watchers',
      memberIds: [watcherOfAll.user.id, t.agent.user.id, t.requester.user.id],
    });
    const { raci, version } = (await t.owner.get('/api/v1/settings/incident/raci')).json();
    raci.activities = raci.activities.map((a: { key: string }) =>
      a.key === 'resolve' ? { ...a, informed: [{ kind: 'group', groupId: informed.id }] } : a,
    );
    expect(
      (await t.owner.put('/api/v1/settings/incident/raci', { raci }, { 'if-match': `"${version}"` }))
        .statusCode,
    ).toBe(200);

    const inc = await buildIncident(t.requester);
    expect((await resolveIncident(t.agent, inc.id, 'Replaced the fuser.')).statusCode).toBe(200);

    const toRequester = await about(t.requester, inc.id);
    // Requester and informed: one message with both reasons.
    expect(toRequester).toHaveLength(1);
    expect(toRequester[0]!.subject).toBe(`${inc.number} is now Resolved: Printer is on fire`);
    expect(toRequester[0]!.body).toContain('Replaced the fuser.');
    expect(toRequester[0]!.body).toContain('you raised it, and you are informed');
    expect(await about(watcherOfAll, inc.id)).toHaveLength(1);
    // The agent is informed too, but took the transition: no message about their own action.
    expect(await about(t.agent, inc.id)).toHaveLength(0);
  });

  it('tells watchers, the assignee and consulted parties as a custom transition says', async () => {
    const consultant = await as(t.env, ['service_owner']);
    const watcher = await as(t.env, ['agent']);
    const assignee = await buildUser(t.env, { roles: ['agent'] });
    const res = await putLifecycle((lc) => {
      const start = lc.transitions.find((tr) => tr.key === 'start')!;
      start.activity = 'resolve';
      start.effects = { notify: ['watchers', 'assignee', 'consulted'] };
    });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().lifecycle.transitions.find((tr: { key: string }) => tr.key === 'start').effects,
    ).toEqual({
      notify: ['watchers', 'assignee', 'consulted'],
    });

    const inc = await buildIncident(t.requester);
    expect(
      (await t.agent.patch(`/api/v1/incidents/${inc.id}`, { assigneeId: assignee.id }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(200);
    expect((await t.agent.put(`/api/v1/records/${inc.id}/watchers/${watcher.user.id}`)).statusCode).toBe(200);
    expect(
      (await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'in_progress' })).statusCode,
    ).toBe(200);

    const w = await about(watcher, inc.id);
    expect(w).toHaveLength(1);
    expect(w[0]!.body).toContain('you watch it');
    const c = await about(consultant, inc.id);
    expect(c).toHaveLength(1);
    expect(c[0]!.body).toContain('consulted');
    const a = await about(await clientFor(t.env, assignee), inc.id);
    expect(a).toHaveLength(1);
    expect(a[0]!.body).toContain('assigned to you');
    // Not a party of this transition.
    expect(await about(t.requester, inc.id)).toHaveLength(0);
  });

  it('tells the requester when their request is approved (a transition Steward takes)', async () => {
    const { boss, employee, req } = await orderNeedingManagerApproval(t.env);
    expect(req.state).toBe('awaiting_approval');
    expect(await about(employee, req.id)).toHaveLength(0);
    expect((await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' })).statusCode).toBe(
      200,
    );
    const notes = await about(employee, req.id);
    const approved = notes.find((n) => n.subject.startsWith(`${req.number} is now In fulfilment`));
    expect(approved?.body).toContain('(Approved) by Steward');
    // The approver took the decision, not the transition: they are not a notify party anyway.
    expect(await about(boss, req.id)).toHaveLength(0);
  });
});

describe('validating effects', () => {
  it('refuses unknown, repeated and activity-less RACI parties with 422 and the field of each', async () => {
    const res = await putLifecycle((lc) => {
      const [first, second, third] = lc.transitions;
      first!.effects = { notify: ['requester', 'the_ceo'] };
      second!.effects = { notify: ['assignee', 'assignee'] };
      delete third!.activity;
      third!.effects = { notify: ['informed'] };
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { detail: string; errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([
      {
        field: 'lifecycle.transitions.0.effects.notify',
        message: expect.stringContaining('unknown party "the_ceo"'),
      },
      {
        field: 'lifecycle.transitions.1.effects.notify',
        message: expect.stringContaining('"assignee" twice'),
      },
      {
        field: 'lifecycle.transitions.2.effects.notify',
        message: expect.stringContaining('has no RACI activity'),
      },
    ]);
    expect(body.detail).toContain('the_ceo');
  });

  it('ships defaults whose effects are valid', async () => {
    for (const process of ['incident', 'request', 'problem', 'change']) {
      const doc = (await t.owner.get(`/api/v1/settings/${process}/lifecycle`)).json();
      const res = await t.owner.put(
        `/api/v1/settings/${process}/lifecycle`,
        { lifecycle: doc.lifecycle },
        {
          'if-match': `"${doc.version}"`,
        },
      );
      expect(res.statusCode, process).toBe(200);
    }
  });
});
