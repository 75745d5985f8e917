import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CabBoardView,
  ChangeTemplateView,
  ChangeView,
  ConflictReport,
} from '../../src/contracts/changes.ts';
import { notifications } from '../../src/modules/notify/schema.ts';
import { activityOf, type Client, expectJson, setupTestEnv } from '../support/app.ts';
import { buildChangeTemplate, raiseChange, stepChange, takeToAuthorise } from '../support/changes.ts';
import { buildCi } from '../support/cmdb.ts';

let template: ChangeTemplateView;

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2027, 2, 1, 0, 0) + h * HOUR).toISOString();

const t = setupTestEnv({
  agent: ['agent'],
  manager: ['agent', 'change_manager'],
  member: ['cab_member'],
  admin: ['admin'],
});
beforeAll(async () => {
  template = await buildChangeTemplate(t.manager, {});
});

const raise = raiseChange;
const moveOk = stepChange;

/** A standard change planned at hour `h` and scheduled. */
async function scheduled(h: number, over: Record<string, unknown> = {}): Promise<ChangeView> {
  const c = await raise(t.agent, {
    changeType: 'standard',
    templateId: template.id,
    plannedStart: at(h),
    ...over,
  });
  return moveOk(t.manager, c, 'scheduled');
}

const told = async (c: Client, recordId: string) =>
  t.env.ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, c.user.id),
        eq(notifications.kind, 'change.conflicting'),
        eq(notifications.recordId, recordId),
      ),
    );

const conflicts = async (id: string) =>
  (await t.agent.get(`/api/v1/changes/${id}/conflicts`)).json() as ConflictReport;
const view = async (id: string) => (await t.agent.get(`/api/v1/changes/${id}`)).json() as ChangeView;

async function board(name: string, over: Record<string, unknown> = {}): Promise<CabBoardView> {
  const res = await t.manager.post('/api/v1/cab-boards', {
    name,
    kind: 'normal',
    rule: 'all',
    memberIds: [t.member.user.id],
    ...over,
  });
  return expectJson<CabBoardView>(res, 201);
}

describe('conflicts re-checked when what a change affects changes', () => {
  it('finds a conflict as soon as a CI is linked to a scheduled change, and tells its people', async () => {
    const db = await buildCi(t.agent, 'database', { name: 'payroll-db' });
    const other = await buildCi(t.agent, 'database', { name: 'intranet-web' });
    const first = await scheduled(10, { ciIds: [db.id] });
    const second = await scheduled(10.5, { ciIds: [other.id] });
    expect((await conflicts(second.id)).conflicts).toEqual([]);

    const linked = await t.manager.post(`/api/v1/records/${second.id}/cis`, { ciIds: [db.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    // The change moved on: its page reloads and shows the conflict at once.
    const after = await view(second.id);
    expect(after.version).toBeGreaterThan(second.version);
    expect((await conflicts(second.id)).conflicts).toEqual([
      expect.objectContaining({ kind: 'overlap_same_ci', otherNumber: first.number }),
    ]);
    const notes = await told(t.agent, second.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(first.number);
    expect(notes[0]!.body).toContain('linked payroll-db');
    const activity = await activityOf(t.agent, second.id);
    expect(activity).toContainEqual(
      expect.objectContaining({ field: 'conflicts', newValue: expect.stringContaining(first.number) }),
    );

    // Unlinking it frees the slot again; nobody is told of a conflict going away.
    const unlinked = await t.manager.del(`/api/v1/records/${second.id}/cis/${db.id}`);
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect((await view(second.id)).version).toBeGreaterThan(after.version);
    expect((await conflicts(second.id)).conflicts).toEqual([]);
    expect(await told(t.agent, second.id)).toHaveLength(1);

    // Linking a CI that conflicts with nothing new tells no one.
    expect((await t.manager.post(`/api/v1/records/${second.id}/cis`, { ciIds: [other.id] })).statusCode).toBe(
      200,
    );
    expect(await told(t.agent, second.id)).toHaveLength(1);
  });

  it('re-checks when the service of a scheduled change changes', async () => {
    const svc = await t.admin.post('/api/v1/services', {
      kind: 'business',
      name: 'Payroll',
      criticality: 'high',
      lifecycleStatus: 'live',
    });
    expect(svc.statusCode, svc.body).toBe(201);
    const serviceId = (svc.json() as { id: string }).id;
    const first = await scheduled(20, { serviceId });
    const second = await scheduled(20.25);
    expect((await conflicts(second.id)).conflicts).toEqual([]);
    const edited = await t.manager.patch(
      `/api/v1/changes/${second.id}`,
      { serviceId },
      { 'if-match': `"${second.version}"` },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await conflicts(second.id)).conflicts).toEqual([
      expect.objectContaining({ kind: 'overlap_shared_service', otherNumber: first.number }),
    ]);
    const notes = await told(t.agent, second.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('its service changed');
  });

  it('leaves a change not yet on the schedule to its page: no notification', async () => {
    const ci = await buildCi(t.agent, 'database', { name: 'mail-relay' });
    await scheduled(30, { ciIds: [ci.id] });
    const draft = await raise(t.agent, {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: at(30),
    });
    expect((await t.manager.post(`/api/v1/records/${draft.id}/cis`, { ciIds: [ci.id] })).statusCode).toBe(
      200,
    );
    expect((await conflicts(draft.id)).conflicts).toHaveLength(1);
    expect(await told(t.agent, draft.id)).toEqual([]);
  });
});

describe('retiring and deleting boards', () => {
  it('refuses to retire or delete a board a change awaits, and deletes only a board without history', async () => {
    const b = await board('Network CAB');
    const c = await raise(t.agent, {
      changeType: 'normal',
      title: 'Replace the edge router',
      implementationPlan: 'Swap the router.',
      backoutPlan: 'Swap it back.',
      plannedStart: at(50),
      plannedEnd: at(51),
      cabId: b.id,
    });
    await takeToAuthorise(t.agent, t.manager, c);

    const retire = await t.manager.patch(
      `/api/v1/cab-boards/${b.id}`,
      { active: false },
      { 'if-match': `"${b.version}"` },
    );
    expect(retire.statusCode).toBe(409);
    expect(retire.headers['content-type']).toContain('application/problem+json');
    expect(retire.json().detail).toContain(`${c.number} awaits its decision`);
    expect(retire.json().awaiting).toEqual([c.number]);
    const del = await t.manager.del(`/api/v1/cab-boards/${b.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toContain('cannot be deleted');

    // Once the board decided, it may retire, but its history keeps it from being deleted.
    expect(
      (await t.member.post(`/api/v1/changes/${c.id}/cab/votes`, { decision: 'approve' })).statusCode,
    ).toBe(200);
    const gone = await t.manager.del(`/api/v1/cab-boards/${b.id}`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().detail).toContain('retire it instead');
    const current = (await t.manager.get(`/api/v1/cab-boards/${b.id}`)).json() as CabBoardView;
    const retired = await t.manager.patch(
      `/api/v1/cab-boards/${b.id}`,
      { active: false },
      { 'if-match': `"${current.version}"` },
    );
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ active: false });

    const fresh = await board('Unused board');
    expect((await t.agent.del(`/api/v1/cab-boards/${fresh.id}`)).statusCode).toBe(403);
    expect((await t.manager.del(`/api/v1/cab-boards/${fresh.id}`)).statusCode).toBe(204);
    expect((await t.manager.get(`/api/v1/cab-boards/${fresh.id}`)).statusCode).toBe(404);
  });
});
