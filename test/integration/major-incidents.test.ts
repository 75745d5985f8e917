import { describe, expect, it } from 'vitest';
import { activityOf, as, buildIncident, commentsIn, resolveIncident, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });

describe('major incidents', () => {
  it('is declared by a service manager with a coordinator, raising priority to critical', async () => {
    const inc = await buildIncident(t.agent, { title: 'Core network down', impact: 2, urgency: 2 });
    expect(
      (
        await t.agent.post(`/api/v1/incidents/${inc.id}/major`, {
          coordinatorId: t.agent.user.id,
          summary: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.manager.post(`/api/v1/incidents/${inc.id}/major`, {
      coordinatorId: t.agent.user.id,
      summary: 'Core network outage, all sites',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().major).toMatchObject({ status: 'active', coordinatorId: t.agent.user.id });
    expect((await t.agent.get(`/api/v1/incidents/${inc.id}`)).json().priority).toBe(1);
    expect(
      (
        await t.manager.post(`/api/v1/incidents/${inc.id}/major`, {
          coordinatorId: t.agent.user.id,
          summary: 'again',
        })
      ).statusCode,
    ).toBe(409);
    const notStaff = await t.manager.post(`/api/v1/incidents/${(await buildIncident(t.agent)).id}/major`, {
      coordinatorId: t.requester.user.id,
      summary: 's',
    });
    expect(notStaff.statusCode).toBe(422);
  });

  it('resolves its children with it, and keeps a communication log and a post-incident review', async () => {
    const parent = await buildIncident(t.agent, { title: 'Email outage' });
    await t.manager.post(`/api/v1/incidents/${parent.id}/major`, {
      coordinatorId: t.agent.user.id,
      summary: 'Email down for everyone',
    });
    const kids = [
      await buildIncident(t.requester, { title: 'Cannot send mail' }),
      await buildIncident(t.requester, { title: 'Outlook offline' }),
    ];
    for (const k of kids)
      expect(
        (await t.agent.put(`/api/v1/incidents/${k.id}/parent`, { parent: parent.number })).statusCode,
      ).toBe(204);
    expect(
      (await t.agent.put(`/api/v1/incidents/${kids[0]!.id}/parent`, { parent: kids[1]!.number })).statusCode,
    ).toBe(422);
    await t.agent.post(`/api/v1/incidents/${parent.id}/major/communications`, {
      audience: 'public',
      message: 'We are aware of an email outage.',
    });
    await t.agent.post(`/api/v1/incidents/${parent.id}/major/communications`, {
      audience: 'internal',
      message: 'Vendor engaged.',
    });
    const earlyReview = await t.agent.put(`/api/v1/incidents/${parent.id}/major/review`, {
      summary: 's',
      rootCause: 'r',
      lessonsLearned: '',
      actions: [],
    });
    expect(earlyReview.statusCode).toBe(409);
    expect((await resolveIncident(t.agent, parent.id)).json().state).toBe('resolved');
    for (const k of kids) {
      const child = (await t.requester.get(`/api/v1/incidents/${k.id}`)).json();
      expect(child).toMatchObject({
        state: 'resolved',
        resolutionCode: 'solved_permanently',
        parentId: parent.id,
      });
      const comments = commentsIn(await activityOf(t.requester, k.id));
      expect(comments.some((a) => a.body.startsWith(`Resolved together with ${parent.number}`))).toBe(true);
    }
    const review = await t.agent.put(`/api/v1/incidents/${parent.id}/major/review`, {
      summary: 'Mail relay certificate expired',
      rootCause: 'No expiry monitoring',
      lessonsLearned: 'Monitor certificates',
      actions: [
        { description: 'Add certificate expiry checks', ownerId: t.agent.user.id, dueDate: '2026-04-01' },
      ],
    });
    expect(review.statusCode).toBe(200);
    const view = review.json();
    expect(view.children).toHaveLength(2);
    expect(view.communications.map((c: { audience: string }) => c.audience)).toEqual(['public', 'internal']);
    expect(view.major.review.actions).toHaveLength(1);
    // A requester watching the parent sees only public communications.
    await t.agent.put(`/api/v1/records/${parent.id}/watchers/${t.requester.user.id}`);
    const publicView = (await t.requester.get(`/api/v1/incidents/${parent.id}/major`)).json();
    expect(publicView.communications.map((c: { message: string }) => c.message)).toEqual([
      'We are aware of an email outage.',
    ]);
  });

  it('stands down a major incident', async () => {
    const inc = await buildIncident(t.agent);
    await t.manager.post(`/api/v1/incidents/${inc.id}/major`, {
      coordinatorId: t.agent.user.id,
      summary: 'False alarm?',
    });
    const res = await t.manager.post(`/api/v1/incidents/${inc.id}/major/stand-down`, {
      reason: 'Single user affected',
    });
    expect(res.json().major.status).toBe('stood_down');
  });
});

describe('reopen window', () => {
  it('allows reopening within the window and refuses it after, with a readable reason', async () => {
    const admin = await as(t.env, ['admin']);
    expect((await admin.put('/api/v1/settings/incident/options', { reopenWindowDays: 7 })).statusCode).toBe(
      200,
    );
    const a = await buildIncident(t.requester);
    await resolveIncident(t.agent, a.id);
    t.env.clock.advance(6 * 86400_000);
    expect(
      (
        await t.requester.post(`/api/v1/incidents/${a.id}/transitions`, {
          to: 'in_progress',
          comment: 'Still broken',
        })
      ).statusCode,
    ).toBe(200);
    await resolveIncident(t.agent, a.id);
    t.env.clock.advance(8 * 86400_000);
    const late = await t.requester.post(`/api/v1/incidents/${a.id}/transitions`, {
      to: 'in_progress',
      comment: 'Broken again',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('can no longer be reopened');
  });
});

describe('lifecycle edits', () => {
  it('keeps records in a removed state readable and movable', async () => {
    const admin = await as(t.env, ['admin', 'agent']);
    const inc = await buildIncident(admin);
    await admin.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'on_hold', comment: 'waiting' });
    const { lifecycle } = (await admin.get('/api/v1/settings/incident/lifecycle')).json();
    const withoutHold = {
      ...lifecycle,
      states: lifecycle.states.filter((s: { key: string }) => s.key !== 'on_hold'),
      transitions: lifecycle.transitions
        .filter((tr: { to: string }) => tr.to !== 'on_hold')
        .map((tr: { from: string[] }) => ({ ...tr, from: tr.from.filter((f) => f !== 'on_hold') }))
        .filter((tr: { from: string[] }) => tr.from.length > 0),
    };
    expect(
      (await admin.put('/api/v1/settings/incident/lifecycle', { lifecycle: withoutHold })).statusCode,
    ).toBe(200);
    const view = (await admin.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(view).toMatchObject({ state: 'on_hold', stateLabel: 'on_hold' });
    expect(view.transitions.map((tr: { to: string }) => tr.to)).toContain('in_progress');
    const moved = await admin.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'in_progress',
      comment: 'Hold state retired',
    });
    expect(moved.json().state).toBe('in_progress');
    await admin.put('/api/v1/settings/incident/lifecycle', { lifecycle });
  });
});
