import { beforeAll, describe, expect, it } from 'vitest';
import {
  activityOf,
  as,
  buildGroup,
  buildIncident,
  commentsIn,
  createTestEnv,
  errorFields,
  fieldChanges,
  postComment,
  resolveIncident,
  setupTestEnv,
} from '../support/app.ts';

const t = setupTestEnv({ agent: ['agent'], requester: ['requester'], other: ['requester'] });
let groupId: string;

beforeAll(async () => {
  groupId = (await buildGroup(t.env, { name: 'Service Desk', memberIds: [t.agent.user.id] })).id;
});

describe('incidents', () => {
  it('numbers new incidents INC0001001 onwards and derives priority from impact × urgency', async () => {
    const res = await t.agent.post('/api/v1/incidents', {
      title: 'Email down',
      impact: 1,
      urgency: 1,
      requesterId: t.requester.user.id,
    });
    expect(res.statusCode).toBe(201);
    const inc = res.json();
    expect(inc.number).toMatch(/^INC\d{7}$/);
    expect(inc.priority).toBe(1);
    expect(inc.state).toBe('new');
    expect(inc.requester.id).toBe(t.requester.user.id);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/incidents/${inc.id}`);
  });

  it('lets a requester raise an incident but not set its impact or raise it for someone else', async () => {
    const inc = await buildIncident(t.requester, { impact: 1, urgency: 1 });
    expect(inc.priority).toBe(3); // impact forced to low (3) × urgency high (1)
    const res = await t.requester.post('/api/v1/incidents', { title: 'x', requesterId: t.other.user.id });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('finds an incident by number as well as by id', async () => {
    const inc = await buildIncident(t.agent);
    const res = await t.agent.get(`/api/v1/incidents/${inc.number.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(inc.id);
  });

  it('assigns to a group and a member, records each field change in the history', async () => {
    const inc = await buildIncident(t.agent);
    const res = await t.agent.patch(
      `/api/v1/incidents/${inc.id}`,
      { groupId, assigneeId: t.agent.user.id, urgency: 1 },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe(2);
    expect(body.group.name).toBe('Service Desk');
    expect(body.priority).toBe(3); // impact low (3) × urgency high (1)
    const changes = fieldChanges(await activityOf(t.agent, inc.id));
    const fields = changes.map((a) => a.field);
    expect(fields).toEqual(
      expect.arrayContaining(['created', 'groupId', 'assigneeId', 'urgency', 'priority']),
    );
    expect(changes.find((a) => a.field === 'urgency')).toMatchObject({ oldValue: '2', newValue: '1' });
  });

  it('refuses an assignee who is not in the assignment group', async () => {
    const outsider = await as(t.env, ['agent']);
    const inc = await buildIncident(t.agent);
    const res = await t.agent.patch(`/api/v1/incidents/${inc.id}`, { groupId, assigneeId: outsider.user.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'assigneeId', message: 'the assignee is not a member of the assignment group' },
    ]);
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const inc = await buildIncident(t.agent);
    expect(
      (await t.agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'first' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(200);
    const stale = await t.agent.patch(
      `/api/v1/incidents/${inc.id}`,
      { title: 'second' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'record.stale_version', currentVersion: 2 });
    expect((await t.agent.get(`/api/v1/incidents/${inc.id}`)).json().title).toBe('first');
  });

  it('requires a resolution code and notes to resolve, then closes and can be reopened before closing', async () => {
    const inc = await buildIncident(t.agent);
    const missing = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'resolved' });
    expect(missing.statusCode).toBe(422);
    expect(errorFields(missing)).toEqual(['resolutionCode', 'resolutionNotes']);
    const badCode = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'magic',
      resolutionNotes: 'x',
    });
    expect(badCode.statusCode).toBe(400);
    const resolved = await resolveIncident(t.agent, inc.id, 'Rebooted');
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolutionCode: 'solved_permanently' });
    expect(resolved.json().resolvedAt).not.toBeNull();
    const reopened = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'in_progress',
      comment: 'Came back',
    });
    expect(reopened.json()).toMatchObject({ state: 'in_progress', reopenCount: 1, resolvedAt: null });
    await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'solved_workaround',
      resolutionNotes: 'Workaround',
    });
    const closed = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' });
    expect(closed.json().state).toBe('closed');
    expect(closed.json().transitions).toEqual([]);
    const edit = await t.agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'too late' });
    expect(edit.statusCode).toBe(409);
  });

  it('answers 409 to a transition the lifecycle does not have', async () => {
    const inc = await buildIncident(t.agent);
    const res = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'lifecycle.transition_forbidden' });
    expect(res.json().detail).toContain('cannot move');
  });

  it('lets the requester close or reopen their own resolved incident but not resolve it', async () => {
    const inc = await buildIncident(t.requester);
    const forbidden = await t.requester.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'user_error',
      resolutionNotes: 'x',
    });
    expect(forbidden.statusCode).toBe(403);
    await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'user_error',
      resolutionNotes: 'Explained',
    });
    const view = (await t.requester.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(view.transitions.map((tr: { key: string }) => tr.key).sort()).toEqual(['close', 'reopen']);
    expect(
      (await t.requester.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'closed' })).json().state,
    ).toBe('closed');
  });

  it('never shows a requester other people’s incidents or internal notes', async () => {
    const mine = await buildIncident(t.requester, { title: 'mine' });
    const theirs = await buildIncident(t.other, { title: 'theirs' });
    expect((await t.requester.get(`/api/v1/incidents/${theirs.id}`)).statusCode).toBe(404);
    expect((await t.requester.get(`/api/v1/incidents/${theirs.number}`)).statusCode).toBe(404);
    expect((await t.requester.get(`/api/v1/records/${theirs.id}/activity`)).statusCode).toBe(404);
    expect((await t.requester.post(`/api/v1/records/${theirs.id}/comments`, { body: 'hi' })).statusCode).toBe(
      404,
    );
    const list = (await t.requester.get('/api/v1/incidents?limit=200')).json();
    expect(
      list.items.every((i: { requester: { id: string } }) => i.requester.id === t.requester.user.id),
    ).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    await postComment(t.agent, mine.id, 'public reply');
    await postComment(t.agent, mine.id, 'internal note', 'internal');
    const bodies = commentsIn(await activityOf(t.requester, mine.id)).map((a) => a.body);
    expect(bodies).toEqual(['public reply']);
    expect((await postComment(t.requester, mine.id, 'sneaky', 'internal')).statusCode).toBe(403);
    const agentView = commentsIn(await activityOf(t.agent, mine.id));
    expect(agentView.map((a) => a.body)).toEqual(['public reply', 'internal note']);
  });

  it('lets a watcher read a record they did not raise', async () => {
    const inc = await buildIncident(t.other);
    expect((await t.requester.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await t.agent.put(`/api/v1/records/${inc.id}/watchers/${t.requester.user.id}`)).statusCode).toBe(
      200,
    );
    expect((await t.requester.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    expect(
      (await t.requester.del(`/api/v1/records/${inc.id}/watchers/${t.requester.user.id}`)).statusCode,
    ).toBe(200);
    expect((await t.requester.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
  });
});

describe('incident lists', () => {
  it('filters by state, priority, assignee and text, and pages with a cursor without gaps or repeats', async () => {
    const listEnv = await createTestEnv();
    try {
      const a = await as(listEnv, ['agent']);
      const created: string[] = [];
      for (let i = 0; i < 25; i++) {
        listEnv.clock.advance(1000);
        created.push(
          (await buildIncident(a, { title: `Disk ${i} full`, urgency: (i % 3) + 1, impact: 1 })).id,
        );
      }
      await a.patch(`/api/v1/incidents/${created[0]}`, { assigneeId: a.user.id });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await a.get(`/api/v1/incidents?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...created].reverse());
      const byPriority = (await a.get('/api/v1/incidents?priority=1&sort=priority&order=asc')).json();
      expect(byPriority.items.length).toBe(9);
      const prioPages: string[] = [];
      cursor = null;
      do {
        const page = (
          await a.get(`/api/v1/incidents?sort=priority&order=asc&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        ).json() as { items: { id: string; priority: number }[]; nextCursor: string | null };
        prioPages.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(prioPages).size).toBe(25);
      expect(
        (await a.get('/api/v1/incidents?assigneeId=me')).json().items.map((i: { id: string }) => i.id),
      ).toEqual([created[0]]);
      expect((await a.get('/api/v1/incidents?assigneeId=none')).json().items.length).toBe(24);
      expect(
        (await a.get('/api/v1/incidents?q=Disk%2017')).json().items.map((i: { title: string }) => i.title),
      ).toContain('Disk 17 full');
      expect((await a.get('/api/v1/incidents?state=new,in_progress')).json().items.length).toBe(25);
      expect((await a.get('/api/v1/incidents?stateCategory=resolved')).json().items.length).toBe(0);
      const bad = await a.get('/api/v1/incidents?cursor=garbage');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('query.cursor');
    } finally {
      await listEnv.close();
    }
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.agent.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: '{bad',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.malformed', status: 400 });
  });
  it('answers wrong types with 400 and per-field errors', async () => {
    const res = await t.agent.post('/api/v1/incidents', { title: 42, urgency: 'high' });
    expect(res.statusCode).toBe(400);
    const fields = errorFields(res);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.urgency']));
  });
  it('answers unknown ids with 404 and unknown routes with 404 problem+json', async () => {
    expect((await t.agent.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    const res = await t.agent.get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
  it('answers a missing credential with 401', async () => {
    const res = await t.env.app.inject({ method: 'GET', url: '/api/v1/incidents' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });
  it('answers a reference to a missing group with 422', async () => {
    const res = await t.agent.post('/api/v1/incidents', {
      title: 'x',
      groupId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('groupId');
  });
});
