/**
 * Service request fulfilment through the API: catalog items with forms, ordering, approvals by
 * the requester's manager, groups and quorums, and parallel then sequential fulfilment tasks
 * that move the request on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityOf,
  as,
  buildGroup,
  type Client,
  createTestEnv,
  errorFields,
  fieldChanges,
  type TestEnv,
} from '../support/app.ts';
import { buildCatalogItem, buildService, order, type RequestBody } from '../support/requests.ts';

let env: TestEnv;
let manager: Client; // service manager: maintains the catalog
let boss: Client; // the requester's line manager
let requester: Client;
let other: Client;
let hwAgent: Client;
let accessAgent: Client;
let hwGroup: string;
let accessGroup: string;
let serviceId: string;

const LAPTOP_FORM = [
  {
    key: 'model',
    label: 'Model',
    type: 'choice',
    required: true,
    options: [
      { value: 'standard', label: 'Standard 14"' },
      { value: 'pro', label: 'Pro 16"' },
    ],
  },
  {
    key: 'justification',
    label: 'Justification',
    type: 'textarea',
    required: true,
    visibleIf: { field: 'model', equals: 'pro' },
  },
  { key: 'quantity', label: 'Quantity', type: 'number', min: 1, max: 3 },
  { key: 'cost_centre', label: 'Cost centre', type: 'text', pattern: 'CC-\\d{4}' },
];

const get = async (c: Client, id: string) => (await c.get(`/api/v1/requests/${id}`)).json() as RequestBody;
/** `c` marks a request's task done; the raw response. */
const finishTask = (c: Client, task: RequestBody['tasks'][number]) =>
  c.post(`/api/v1/request-tasks/${task.id}/transitions`, { to: 'done' });
/** The requester's order of a new item of the service, defined with `over`. */
const orderItem = async (over: Record<string, unknown>) =>
  order(requester, (await buildCatalogItem(manager, serviceId, over)).id);

beforeAll(async () => {
  env = await createTestEnv();
  manager = await as(env, ['service_manager']);
  boss = await as(env, ['requester']);
  requester = await as(env, ['requester'], { managerId: boss.user.id });
  other = await as(env, ['requester']);
  hwGroup = (await buildGroup(env, { name: 'Hardware' })).id;
  accessGroup = (await buildGroup(env, { name: 'Access' })).id;
  hwAgent = await as(env, ['agent'], { groupIds: [hwGroup] });
  accessAgent = await as(env, ['agent'], { groupIds: [accessGroup] });
  serviceId = await buildService(env, 'Workplace');
});
afterAll(() => env.close());

describe('catalog items', () => {
  it('lets a service manager add an item and requesters browse it without its policy', async () => {
    const item = await buildCatalogItem(manager, serviceId, {
      name: 'Laptop',
      form: LAPTOP_FORM,
      approvalPolicy: { levels: [{ name: 'Manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
      taskTemplates: [{ title: 'Ship laptop', groupId: hwGroup, order: 1 }],
    });
    const list = (await requester.get('/api/v1/catalog/items')).json();
    const mine = list.items.find((i: { id: string }) => i.id === item.id);
    expect(mine).toMatchObject({
      name: 'Laptop',
      requiresApproval: true,
      approvalPolicy: null,
      taskTemplates: null,
    });
    expect(mine.service.name).toBe('Workplace');
    const one = await requester.get(`/api/v1/catalog/items/${item.id}`);
    expect(one.json().form).toHaveLength(4);
  });

  it('refuses requesters who try to maintain the catalog', async () => {
    const res = await requester.post('/api/v1/catalog/items', { serviceId, name: 'Mine' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses unusable forms, policies and templates with a message per field', async () => {
    const res = await manager.post('/api/v1/catalog/items', {
      serviceId,
      name: 'Broken',
      form: [
        { key: 'a', label: 'A', type: 'choice', options: [] },
        { key: 'b', label: 'B', type: 'text', visibleIf: { field: 'zzz', equals: 'x' } },
      ],
      approvalPolicy: { levels: [{ name: 'L', rule: 'quorum', approvers: [] }] },
      taskTemplates: [{ title: 'T', groupId: '00000000-0000-4000-8000-000000000000', order: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(errorFields(res)).toEqual([
      'form.0.options',
      'form.1.visibleIf.field',
      'approvalPolicy.levels.0.approvers',
      'approvalPolicy.levels.0.quorum',
      'taskTemplates.0.groupId',
    ]);
  });

  it('hides withdrawn items from requesters and refuses orders for them', async () => {
    const item = await buildCatalogItem(manager, serviceId);
    const res = await manager.patch(
      `/api/v1/catalog/items/${item.id}`,
      { active: false },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect((await requester.get(`/api/v1/catalog/items/${item.id}`)).statusCode).toBe(404);
    expect(
      (await requester.post('/api/v1/requests', { catalogItemId: item.id, answers: {} })).statusCode,
    ).toBe(404);
    const stale = await manager.patch(
      `/api/v1/catalog/items/${item.id}`,
      { name: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
  });
});

describe('ordering', () => {
  it('answers 422 with one error per invalid answer, keyed answers.<field>', async () => {
    const item = await buildCatalogItem(manager, serviceId, { form: LAPTOP_FORM });
    const res = await requester.post('/api/v1/requests', {
      catalogItemId: item.id,
      answers: { model: 'pro', quantity: 7, cost_centre: 'X1', colour: 'red' },
    });
    expect(res.statusCode).toBe(422);
    expect(
      Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      ),
    ).toEqual({
      'answers.colour': 'is not a field of this form',
      'answers.justification': 'is required',
      'answers.quantity': 'must be at most 3',
      'answers.cost_centre': 'does not have the expected format',
    });
  });

  it('checks user and CI answers exist', async () => {
    const item = await buildCatalogItem(manager, serviceId, {
      form: [
        { key: 'for_whom', label: 'For whom', type: 'user', required: true },
        { key: 'system', label: 'System', type: 'ci' },
      ],
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await requester.post('/api/v1/requests', {
      catalogItemId: item.id,
      answers: { for_whom: missing, system: missing },
    });
    expect(res.statusCode).toBe(422);
    expect(errorFields(res)).toEqual(['answers.for_whom', 'answers.system']);
    const ok = await order(requester, item.id, { for_whom: other.user.id, system: serviceId });
    expect(ok.answers.map((a) => a.key)).toEqual(['for_whom', 'system']);
  });

  it('stores visible answers only, titles the request after the item and numbers it REQ', async () => {
    const item = await buildCatalogItem(manager, serviceId, { name: 'Standard laptop', form: LAPTOP_FORM });
    const req = await order(requester, item.id, {
      model: 'standard',
      justification: 'ignored',
      quantity: '2',
    });
    expect(req.number).toMatch(/^REQ\d{7}$/);
    expect(req).toMatchObject({ title: 'Standard laptop', state: 'fulfilled' });
    expect(req.answers).toEqual([
      { key: 'model', label: 'Model', type: 'choice', value: 'standard', display: 'Standard 14"' },
      { key: 'quantity', label: 'Quantity', type: 'number', value: 2, display: '2' },
    ]);
  });

  it('lets agents order on behalf of someone, but not requesters', async () => {
    const item = await buildCatalogItem(manager, serviceId);
    const res = await requester.post('/api/v1/requests', {
      catalogItemId: item.id,
      answers: {},
      requesterId: other.user.id,
    });
    expect(res.statusCode).toBe(403);
    const req = await order(hwAgent, item.id, {}, { requesterId: other.user.id });
    expect((req as unknown as { requester: { id: string } }).requester.id).toBe(other.user.id);
  });

  it('refuses an order nobody could approve, saying why', async () => {
    const item = await buildCatalogItem(manager, serviceId, {
      approvalPolicy: { levels: [{ name: 'Manager', rule: 'any', approvers: [{ kind: 'manager' }] }] },
    });
    const res = await other.post('/api/v1/requests', { catalogItemId: item.id, answers: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('no manager');
  });
});

describe('from order to fulfilment', () => {
  it('goes through manager approval and two parallel tasks, then fulfils itself', async () => {
    const req = await orderItem({
      name: 'New starter',
      approvalPolicy: { levels: [{ name: 'Line manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
      taskTemplates: [
        { title: 'Prepare laptop', groupId: hwGroup, order: 1 },
        { title: 'Create accounts', groupId: accessGroup, order: 1 },
      ],
    });
    expect(req.state).toBe('awaiting_approval');
    expect(req.approval).toMatchObject({ state: 'pending', levels: [{ level: 1, state: 'active' }] });
    expect(req.tasks.map((t) => t.state)).toEqual(['planned', 'planned']);

    const pending = (await boss.get('/api/v1/approvals?mine=pending')).json();
    expect(pending.items.map((p: { request: { id: string } }) => p.request.id)).toContain(req.id);
    expect((await boss.get(`/api/v1/requests/${req.id}`)).statusCode).toBe(200);

    const approved = await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    const afterApproval = approved.json() as RequestBody;
    expect(afterApproval.state).toBe('in_fulfilment');
    expect(afterApproval.tasks.map((t) => t.state)).toEqual(['open', 'open']);
    expect((await boss.get('/api/v1/approvals?mine=pending')).json().items).toEqual([]);

    const [laptop, accounts] = afterApproval.tasks;
    expect(laptop!.number).toMatch(/^RTK\d{7}$/);
    // Agents work only the tasks of their own groups.
    const wrong = await finishTask(accessAgent, laptop!);
    expect(wrong.statusCode).toBe(403);
    expect(
      (await hwAgent.post(`/api/v1/request-tasks/${laptop!.id}/transitions`, { to: 'in_progress' }))
        .statusCode,
    ).toBe(200);
    expect((await finishTask(hwAgent, laptop!)).statusCode).toBe(200);
    expect((await get(requester, req.id)).state).toBe('in_fulfilment');
    expect((await finishTask(accessAgent, accounts!)).statusCode).toBe(200);

    const done = await get(requester, req.id);
    expect(done.state).toBe('fulfilled');
    expect(done.tasks.map((t) => t.state)).toEqual(['done', 'done']);
    const changes = fieldChanges(await activityOf(requester, req.id));
    const moves = changes.filter((a) => a.field === 'state').map((a) => a.newValue);
    expect(moves).toEqual(['awaiting_approval', 'in_fulfilment', 'fulfilled']);
    expect(changes.filter((a) => a.field === 'state').every((a) => a.actor === null)).toBe(true);
    expect(
      changes.some((a) => a.field === 'reason' && a.newValue === 'Every fulfilment task is finished.'),
    ).toBe(true);

    const task = (await hwAgent.get(`/api/v1/request-tasks/${laptop!.id}`)).json();
    expect(task.request).toMatchObject({ id: req.id, number: req.number });
    expect(
      (await requester.post(`/api/v1/requests/${req.id}/transitions`, { to: 'closed' })).statusCode,
    ).toBe(200);
  });

  it('starts a higher order only when every lower task is finished', async () => {
    const req = await orderItem({
      taskTemplates: [
        { title: 'Second', groupId: hwGroup, order: 2 },
        { title: 'First', groupId: hwGroup, order: 1 },
      ],
    });
    expect(req.tasks.map((t) => [t.title, t.state])).toEqual([
      ['First', 'open'],
      ['Second', 'planned'],
    ]);
    const first = req.tasks[0]!.id!;
    await hwAgent.post(`/api/v1/request-tasks/${first}/transitions`, {
      to: 'canceled',
      comment: 'Not needed',
    });
    const next = await get(requester, req.id);
    expect(next.tasks.map((t) => t.state)).toEqual(['canceled', 'open']);
    await finishTask(hwAgent, next.tasks[1]!);
    expect((await get(requester, req.id)).state).toBe('fulfilled');
  });

  it('fulfils the request when parallel tasks finish at the same moment', async () => {
    const req = await orderItem({
      taskTemplates: [
        { title: 'A', groupId: hwGroup, order: 1 },
        { title: 'B', groupId: accessGroup, order: 1 },
        { title: 'C', groupId: hwGroup, order: 1 },
      ],
    });
    const [a, b, c] = req.tasks;
    const results = await Promise.all([
      finishTask(hwAgent, a!),
      finishTask(accessAgent, b!),
      finishTask(hwAgent, c!),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await get(requester, req.id)).state).toBe('fulfilled');
  });

  it('cancels open tasks when the requester cancels the request', async () => {
    const req = await orderItem({
      taskTemplates: [
        { title: 'A', groupId: hwGroup, order: 1 },
        { title: 'B', groupId: accessGroup, order: 1 },
      ],
    });
    await finishTask(hwAgent, req.tasks[0]!);
    const noComment = await requester.post(`/api/v1/requests/${req.id}/transitions`, { to: 'canceled' });
    expect(noComment.statusCode).toBe(422);
    const res = await requester.post(`/api/v1/requests/${req.id}/transitions`, {
      to: 'canceled',
      comment: 'No longer needed',
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as RequestBody).tasks.map((t) => t.state)).toEqual(['done', 'canceled']);
  });
});

describe('approvals', () => {
  it('runs level 2 (a quorum of a group) only after level 1 is approved', async () => {
    const board = [await as(env, ['approver']), await as(env, ['approver']), await as(env, ['approver'])];
    const boardGroup = (await buildGroup(env, { memberIds: board.map((b) => b.user.id) })).id;
    const req = await orderItem({
      approvalPolicy: {
        levels: [
          { name: 'Manager', rule: 'all', approvers: [{ kind: 'manager' }] },
          { name: 'Board', rule: 'quorum', quorum: 2, approvers: [{ kind: 'group', groupId: boardGroup }] },
        ],
      },
      taskTemplates: [{ title: 'Do it', groupId: hwGroup, order: 1 }],
    });
    const early = await board[0]!.post(`/api/v1/requests/${req.id}/approval`, {
      decision: 'approve',
      level: 2,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('has not started yet');
    expect((await board[0]!.get('/api/v1/approvals?mine=pending')).json().items).toEqual([]);

    await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve', level: 1 });
    expect((await board[0]!.get('/api/v1/approvals?mine=pending')).json().items).toHaveLength(1);
    const one = await board[0]!.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' });
    expect((one.json() as RequestBody).state).toBe('awaiting_approval');
    const again = await board[0]!.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
    const rejectOne = await board[1]!.post(`/api/v1/requests/${req.id}/approval`, {
      decision: 'reject',
      reason: 'Too dear',
    });
    expect((rejectOne.json() as RequestBody).state).toBe('awaiting_approval');
    const two = (
      await board[2]!.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' })
    ).json() as RequestBody;
    expect(two.state).toBe('in_fulfilment');
    expect(two.approval.state).toBe('approved');
    expect(two.approval.levels[1]!.votes.map((v) => v.decision)).toEqual(['approve', 'reject', 'approve']);
    expect(two.tasks[0]!.state).toBe('open');
  });

  it('rejects the request with the approver’s reason in history and a public comment', async () => {
    const req = await orderItem({
      approvalPolicy: { levels: [{ name: 'Manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
      taskTemplates: [{ title: 'Do it', groupId: hwGroup, order: 1 }],
    });
    const noReason = await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: 'is required when rejecting' }]);
    const res = await boss.post(`/api/v1/requests/${req.id}/approval`, {
      decision: 'reject',
      reason: 'Use the spare one',
    });
    const body = res.json() as RequestBody;
    expect(body.state).toBe('rejected');
    expect(body.approval.levels[0]).toMatchObject({
      state: 'rejected',
      votes: [{ decision: 'reject', reason: 'Use the spare one' }],
    });
    expect(body.tasks[0]!.state).toBe('planned');
    const activity = await activityOf(requester, req.id);
    expect(activity.find((a) => a.kind === 'comment')).toMatchObject({
      body: 'Request rejected: Use the spare one',
      visibility: 'public',
    });
    expect(
      fieldChanges(activity).find((a) => a.field === 'reason' && a.newValue?.includes('Use the spare one')),
    ).toBeTruthy();
    const late = await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' });
    expect(late.statusCode).toBe(409);
  });

  it('withdraws the approval when the requester cancels while it is pending', async () => {
    const req = await orderItem({
      approvalPolicy: { levels: [{ name: 'Manager', rule: 'any', approvers: [{ kind: 'manager' }] }] },
    });
    const res = await requester.post(`/api/v1/requests/${req.id}/transitions`, {
      to: 'canceled',
      comment: 'Sorted',
    });
    expect((res.json() as RequestBody).approval).toMatchObject({
      state: 'canceled',
      levels: [{ state: 'canceled' }],
    });
    const pending = (await boss.get('/api/v1/approvals?mine=pending')).json();
    expect(pending.items.map((p: { request: { id: string } }) => p.request.id)).not.toContain(req.id);
    const late = await boss.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve', level: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('already canceled');
  });

  it('refuses ineligible approvers: 403 when they can see the request, 404 when they cannot', async () => {
    const req = await orderItem({
      approvalPolicy: { levels: [{ name: 'Manager', rule: 'any', approvers: [{ kind: 'manager' }] }] },
    });
    const agentVote = await hwAgent.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' });
    expect(agentVote.statusCode).toBe(403);
    expect(agentVote.json().detail).toContain('not an approver');
    expect(
      (await requester.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await other.post(`/api/v1/requests/${req.id}/approval`, { decision: 'approve' })).statusCode,
    ).toBe(404);
  });
});

describe('visibility and forbidden moves', () => {
  it('hides a request from other requesters (404) and its tasks too', async () => {
    const req = await orderItem({
      taskTemplates: [{ title: 'T', groupId: hwGroup, order: 1 }],
    });
    expect((await other.get(`/api/v1/requests/${req.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/request-tasks/${req.tasks[0]!.id}`)).statusCode).toBe(404);
    const list = (await other.get('/api/v1/requests')).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(req.id);
    expect(
      (await requester.get('/api/v1/requests?requesterId=me')).json().items.map((r: { id: string }) => r.id),
    ).toContain(req.id);
  });

  it('refuses automatic moves by hand (403) and moves the lifecycle does not have (409)', async () => {
    const req = await orderItem({
      taskTemplates: [{ title: 'T', groupId: hwGroup, order: 1 }],
    });
    const byHand = await manager.post(`/api/v1/requests/${req.id}/transitions`, { to: 'fulfilled' });
    expect(byHand.statusCode).toBe(403);
    expect(byHand.json().detail).toContain('happens automatically');
    const close = await requester.post(`/api/v1/requests/${req.id}/transitions`, { to: 'closed' });
    expect(close.statusCode).toBe(409);
    expect(close.json()).toMatchObject({ code: 'lifecycle.transition_forbidden' });
    expect(close.json().detail).toContain('In fulfilment');
    const requesterOnTask = await requester.post(`/api/v1/request-tasks/${req.tasks[0]!.id}/transitions`, {
      to: 'done',
    });
    expect(requesterOnTask.statusCode).toBe(403);
  });
});

// Last: it changes the request lifecycle for the rest of the file.
describe('request lifecycle as data', () => {
  it('keeps system-only transitions when an admin saves the request lifecycle back', async () => {
    const admin = await as(env, ['admin']);
    const current = (await admin.get('/api/v1/settings/request/lifecycle')).json().lifecycle;
    const approve = current.transitions.find((t: { key: string }) => t.key === 'approve');
    expect(approve).toMatchObject({ system: true, roles: [] });
    const relabeled = {
      ...current,
      states: current.states.map((s: { key: string; label: string }) =>
        s.key === 'in_fulfilment' ? { ...s, label: 'Being delivered' } : s,
      ),
    };
    const res = await admin.put('/api/v1/settings/request/lifecycle', { lifecycle: relabeled });
    expect(res.statusCode).toBe(200);
    expect(res.json().lifecycle.transitions.find((t: { key: string }) => t.key === 'approve').system).toBe(
      true,
    );
    const req = await orderItem({
      taskTemplates: [{ title: 'T', groupId: hwGroup, order: 1 }],
    });
    expect(req).toMatchObject({ state: 'in_fulfilment', stateLabel: 'Being delivered' });
    expect((await admin.get('/api/v1/settings/request_task/lifecycle')).statusCode).toBe(200);
  });
});
