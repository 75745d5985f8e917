import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CabAgenda, CabBoardView, ChangeTemplateView, ChangeView } from '../../src/contracts/changes.ts';
import type { ProblemView } from '../../src/contracts/problems.ts';
import { notifications } from '../../src/modules/notify/schema.ts';
import { activityOf, as, buildIncident, type Client, setupTestEnv } from '../support/app.ts';
import {
  buildChangeTemplate,
  createBareChange,
  RISK_ANSWERS,
  raiseChange,
  stepChange,
  takeToAuthorise,
} from '../support/changes.ts';
import { buildCi } from '../support/cmdb.ts';
import { raiseProblem, resolveProblem } from '../support/problems.ts';

let members: Client[];
let outsider: Client;
let requester: Client;
let cab: CabBoardView;
let ecab: CabBoardView;
let template: ChangeTemplateView;

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2027, 0, 10, 0, 0) + h * HOUR).toISOString();

const t = setupTestEnv({ agent: ['agent'], manager: ['agent', 'change_manager'] });
beforeAll(async () => {
  members = [
    await as(t.env, ['cab_member']),
    await as(t.env, ['cab_member']),
    await as(t.env, ['agent', 'cab_member']),
  ];
  outsider = await as(t.env, ['cab_member']);
  requester = await as(t.env, ['requester']);
  const board = await t.manager.post('/api/v1/cab-boards', {
    name: 'Change Advisory Board',
    kind: 'normal',
    rule: 'quorum',
    quorum: 2,
    memberIds: members.map((m) => m.user.id),
    meets: 'Tuesdays 14:00',
  });
  expect(board.statusCode, board.body).toBe(201);
  cab = board.json() as CabBoardView;
  const emergency = await t.manager.post('/api/v1/cab-boards', {
    name: 'Emergency CAB',
    kind: 'emergency',
    rule: 'any',
    memberIds: [members[0]!.user.id, t.manager.user.id],
  });
  expect(emergency.statusCode, emergency.body).toBe(201);
  ecab = emergency.json() as CabBoardView;
  template = await buildChangeTemplate(t.manager, {
    name: 'Restart the print spooler',
    implementationPlan: 'Stop and start the spooler service.',
    backoutPlan: 'Reboot the print server.',
    durationMinutes: 30,
  });
});

const raise = raiseChange;

const normalChange = (over: Record<string, unknown> = {}) =>
  raise(t.agent, {
    changeType: 'normal',
    title: 'Upgrade the core switch firmware',
    implementationPlan: 'Load the image, reboot the standby, fail over, reboot the primary.',
    backoutPlan: 'Boot the previous image on both.',
    plannedStart: at(2),
    plannedEnd: at(4),
    ...over,
  });

async function move(client: Client, c: { id: string }, body: Record<string, unknown>) {
  return client.post(`/api/v1/changes/${c.id}/transitions`, body);
}

const moveOk = stepChange;

async function vote(client: Client, c: { id: string }, body: Record<string, unknown>) {
  return client.post(`/api/v1/changes/${c.id}/cab/votes`, body);
}

/** A normal change assessed and sent to the CAB. */
async function atTheBoard(over: Record<string, unknown> = {}): Promise<ChangeView> {
  return takeToAuthorise(t.agent, t.manager, await normalChange(over));
}

/** The in-app notifications of one kind a person has received. */
const toldOf = (c: Client, kind: string) =>
  t.env.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, c.user.id), eq(notifications.kind, kind)));

describe('changes', () => {
  it('tells the people on a change when it is scheduled, not the person who scheduled it', async () => {
    const c = await raise(t.agent, {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: at(300),
    });
    await moveOk(t.manager, c, { to: 'scheduled' });
    const told = (await toldOf(t.agent, 'change.scheduled')).filter((n) => n.recordId === c.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe(`Change ${c.number} scheduled`);
    expect(told[0]!.body).toContain('2027-01-22 12:00 UTC');
    expect((await toldOf(t.manager, 'change.scheduled')).filter((n) => n.recordId === c.id)).toEqual([]);
  });

  it('raises changes numbered CHG…, each type on its own path', async () => {
    const c = await normalChange();
    expect(c.number).toMatch(/^CHG\d{7}$/);
    expect(c).toMatchObject({ state: 'new', changeType: 'normal', riskLevel: null, plannedStart: at(2) });
    expect(c.transitions.map((t) => t.key)).toEqual(['normal_submit', 'cancel']);
    const refused = await move(t.agent, c, { to: 'scheduled' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/normal change does not take "Schedule \(pre-approved\)"/);
    const list = (await t.agent.get('/api/v1/changes?state=new')).json() as { items: ChangeView[] };
    expect(list.items.find((i) => i.id === c.id)).toMatchObject({ changeType: 'normal' });
  });

  it('keeps requesters out and refuses a change with its end before its start', async () => {
    expect((await requester.get('/api/v1/changes')).json().items).toEqual([]);
    const res = await requester.post('/api/v1/changes', { changeType: 'normal', title: 'Mine' });
    expect(res.statusCode).toBe(403);
    const bad = await t.agent.post('/api/v1/changes', {
      changeType: 'normal',
      title: 'Backwards',
      plannedStart: at(5),
      plannedEnd: at(4),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'plannedEnd', message: 'must be after the planned start' }]);
  });

  it('scores the risk from the questionnaire and needs it before the board', async () => {
    const c = await normalChange();
    await moveOk(t.agent, c, { to: 'assess' });
    const early = await move(t.manager, c, { to: 'authorise' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors).toEqual([{ field: 'risk', message: 'answer the risk questionnaire' }]);
    const partial = await t.agent.put(`/api/v1/changes/${c.id}/risk`, { answers: { tested: 'yes' } });
    expect(partial.statusCode).toBe(422);
    const scored = (
      await t.agent.put(`/api/v1/changes/${c.id}/risk`, { answers: RISK_ANSWERS })
    ).json() as ChangeView;
    expect(scored).toMatchObject({ riskScore: 9, riskLevel: 'medium', riskAnswers: RISK_ANSWERS });
    expect(await activityOf(t.agent, c.id)).toContainEqual(
      expect.objectContaining({ kind: 'change', field: 'risk', newValue: 'medium (9)' }),
    );
  });

  it('lets the change manager edit the questionnaire, and nobody else', async () => {
    const q = await t.manager.get('/api/v1/change-settings/risk-questionnaire');
    const { value, version } = q.json();
    const next = { ...value, thresholds: { medium: 5, high: 15 } };
    expect((await t.agent.put('/api/v1/change-settings/risk-questionnaire', next)).statusCode).toBe(403);
    const bad = await t.manager.put(
      '/api/v1/change-settings/risk-questionnaire',
      { ...value, thresholds: { medium: 10, high: 10 } },
      { 'if-match': `"${version}"` },
    );
    expect(bad.statusCode).toBe(422);
    const saved = await t.manager.put('/api/v1/change-settings/risk-questionnaire', next, {
      'if-match': `"${version}"`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await t.manager.put('/api/v1/change-settings/risk-questionnaire', value, {
      'if-match': `"${version}"`,
    });
    expect(stale.statusCode).toBe(412);
    // Back to the shipped thresholds for the other tests.
    const back = await t.manager.put('/api/v1/change-settings/risk-questionnaire', value, {
      'if-match': `"${saved.json().version}"`,
    });
    expect(back.statusCode).toBe(200);
  });

  it('authorises a normal change by a CAB quorum, recording every vote and the decision', async () => {
    const c = await atTheBoard();
    expect(c.state).toBe('authorise');
    expect(c.cab).toMatchObject({ board: { id: cab.id }, rule: 'quorum', required: 2, state: 'active' });
    const agenda = (await members[0]!.get(`/api/v1/cab-boards/${cab.id}/agenda`)).json() as CabAgenda;
    expect(agenda.items.map((i) => i.number)).toContain(c.number);
    // Nobody moves it by hand, and outsiders do not vote.
    expect((await move(t.manager, c, { to: 'scheduled' })).statusCode).toBe(403);
    expect((await vote(outsider, c, { decision: 'approve' })).statusCode).toBe(403);
    const one = await vote(members[0]!, c, { decision: 'approve', comment: 'Tested in the lab' });
    expect(one.statusCode, one.body).toBe(200);
    expect((await vote(members[0]!, c, { decision: 'approve' })).statusCode).toBe(409);
    const noted = await vote(members[1]!, c, { decision: 'comment', comment: 'Tell the service desk' });
    expect((noted.json() as ChangeView).state).toBe('authorise');
    const two = (await vote(members[1]!, c, { decision: 'approve' })).json() as ChangeView;
    expect(two.state).toBe('scheduled');
    expect(two.cab).toMatchObject({ state: 'approved', approvals: 2, rejections: 0 });
    expect(two.cab!.votes.map((v) => v.decision)).toEqual(['approve', 'comment', 'approve']);
    const history = await activityOf(t.agent, c.id);
    expect(history).toContainEqual(
      expect.objectContaining({ field: 'cab.vote', newValue: expect.stringContaining('Tested in the lab') }),
    );
    expect(history).toContainEqual(expect.objectContaining({ field: 'cab.comment' }));
    expect(history).toContainEqual(
      expect.objectContaining({
        field: 'reason',
        newValue: 'Authorised by Change Advisory Board (2 for, 0 against).',
      }),
    );
    const after = (await members[0]!.get(`/api/v1/cab-boards/${cab.id}/agenda`)).json() as CabAgenda;
    expect(after.items.map((i) => i.number)).not.toContain(c.number);
  });

  it('rejects when the quorum can no longer be reached', async () => {
    const c = await atTheBoard();
    await vote(members[0]!, c, { decision: 'reject', comment: 'No back-out test' });
    const r = (await vote(members[1]!, c, { decision: 'reject', comment: 'Agreed' })).json() as ChangeView;
    expect(r.state).toBe('rejected');
    expect(r.cab).toMatchObject({ state: 'rejected', rejections: 2 });
    expect((await vote(members[0]!, c, { decision: 'approve', comment: 'x' })).statusCode).toBe(409);
  });

  it('lets the change manager veto, whatever the votes', async () => {
    const c = await atTheBoard();
    await vote(members[0]!, c, { decision: 'approve' });
    expect((await t.agent.post(`/api/v1/changes/${c.id}/cab/veto`, { reason: 'x' })).statusCode).toBe(403);
    const vetoed = await t.manager.post(`/api/v1/changes/${c.id}/cab/veto`, {
      reason: 'Clashes with the audit',
    });
    expect(vetoed.statusCode, vetoed.body).toBe(200);
    expect(vetoed.json()).toMatchObject({ state: 'rejected', cab: { state: 'vetoed' } });
    expect(await activityOf(t.agent, c.id)).toContainEqual(
      expect.objectContaining({
        field: 'cab.veto',
        newValue: expect.stringContaining('Clashes with the audit'),
      }),
    );
  });

  it('sends an emergency change straight to the emergency CAB, and reviews it afterwards', async () => {
    const c = await raise(t.agent, {
      changeType: 'emergency',
      title: 'Patch the exploited VPN gateway',
      implementationPlan: 'Apply the vendor hotfix.',
      backoutPlan: 'Restore the snapshot.',
      plannedStart: at(1),
      plannedEnd: at(2),
    });
    expect(c.transitions.map((t) => t.key)).toEqual(['emergency_request_authorisation', 'cancel']);
    const sent = await moveOk(t.agent, c, { to: 'authorise' });
    expect(sent.cab).toMatchObject({ board: { id: ecab.id, kind: 'emergency' }, rule: 'any', required: 1 });
    const ok = (await vote(members[0]!, c, { decision: 'approve', comment: 'Go' })).json() as ChangeView;
    expect(ok.state).toBe('scheduled');
    await moveOk(t.agent, c, { to: 'implement' });
    const done = await moveOk(t.agent, c, {
      to: 'review',
      resolutionCode: 'successful',
      resolutionNotes: 'Patched.',
    });
    expect(done).toMatchObject({ outcome: 'successful', stateCategory: 'resolved' });
    expect(done.actualStart).not.toBeNull();
    expect(done.actualEnd).not.toBeNull();
    await t.agent.put(`/api/v1/changes/${c.id}/review`, {});
    const early = await move(t.manager, c, { to: 'closed' });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toMatch(/reviewed afterwards/);
    await t.agent.put(`/api/v1/changes/${c.id}/review`, { lessons: 'Keep the hotfix runbook current.' });
    expect((await moveOk(t.manager, c, { to: 'closed' })).state).toBe('closed');
  });

  it('takes a standard change from its template, past assessment and the CAB, to scheduling', async () => {
    const missing = await t.agent.post('/api/v1/changes', { changeType: 'standard', title: 'x' });
    expect(missing.statusCode).toBe(422);
    const c = await raise(t.agent, { changeType: 'standard', templateId: template.id, plannedStart: at(30) });
    expect(c).toMatchObject({
      title: 'Restart the print spooler',
      templateId: template.id,
      riskLevel: 'low',
      implementationPlan: 'Stop and start the spooler service.',
      plannedEnd: at(30.5),
    });
    expect((await move(t.agent, c, { to: 'assess' })).statusCode).toBe(409);
    const s = await moveOk(t.agent, c, { to: 'scheduled' });
    expect(s.cab).toBeNull();
    await moveOk(t.agent, c, { to: 'implement' });
    await moveOk(t.agent, c, { to: 'review', resolutionCode: 'successful', resolutionNotes: 'Done.' });
    await t.agent.put(`/api/v1/changes/${c.id}/review`, {});
    expect((await moveOk(t.manager, c, { to: 'closed' })).state).toBe('closed');
    // A retired template raises nothing more.
    const retired = await t.manager.patch(
      `/api/v1/change-templates/${template.id}`,
      { active: false },
      { 'if-match': `"${template.version}"` },
    );
    expect(retired.statusCode, retired.body).toBe(200);
    const refused = await t.agent.post('/api/v1/changes', {
      changeType: 'standard',
      templateId: template.id,
    });
    expect(refused.statusCode).toBe(422);
    await t.manager.patch(
      `/api/v1/change-templates/${template.id}`,
      { active: true },
      { 'if-match': `"${retired.json().version}"` },
    );
  });

  it('records a failed change, its review and caused incidents, and raises a problem from it', async () => {
    const c = await atTheBoard();
    await vote(members[0]!, c, { decision: 'approve' });
    await vote(members[2]!, c, { decision: 'approve' });
    await moveOk(t.agent, c, { to: 'implement' });
    const failed = await moveOk(t.agent, c, {
      to: 'review',
      resolutionCode: 'failed',
      resolutionNotes: 'The standby did not come back.',
    });
    expect(failed).toMatchObject({ outcome: 'failed', resolutionCode: 'failed', state: 'review' });
    const incident = await buildIncident(requester, { title: 'Network down in building B' });
    const reviewed = await t.agent.put(`/api/v1/changes/${c.id}/review`, { incidentIds: [incident.number] });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((reviewed.json() as ChangeView).causedIncidents.map((i) => i.number)).toEqual([incident.number]);
    expect((await move(t.manager, c, { to: 'closed' })).json().detail).toMatch(/lessons/);
    const raised = await t.agent.post(`/api/v1/changes/${c.id}/problem`, {});
    expect(raised.statusCode, raised.body).toBe(201);
    const problem = (await t.agent.get(`/api/v1/problems/${raised.json().id}`)).json() as ProblemView;
    expect(problem.title).toContain(c.number);
    expect(problem.incidents.map((i) => i.number)).toEqual([incident.number]);
    const view = (await t.agent.get(`/api/v1/changes/${c.id}`)).json() as ChangeView;
    expect(view.problems.map((p) => p.number)).toEqual([problem.number]);
    const ok = await atTheBoard();
    expect((await t.agent.post(`/api/v1/changes/${ok.id}/problem`, {})).statusCode).toBe(409);
  });

  it('closes a problem with a successfully completed linked change, not a failed one', async () => {
    const p = await raiseProblem(t.agent, { title: 'Switch reboots under load' });
    await resolveProblem(t.agent, p, 'Firmware fixed.');
    const problemManager = await as(t.env, ['service_manager']);
    const close = () => problemManager.post(`/api/v1/problems/${p.id}/transitions`, { to: 'closed' });
    const fix = await atTheBoard({ problemIds: [p.number] });
    expect(fix.problems.map((x) => x.number)).toEqual([p.number]);
    await vote(members[0]!, fix, { decision: 'approve' });
    await vote(members[1]!, fix, { decision: 'approve' });
    await moveOk(t.agent, fix, { to: 'implement' });
    await moveOk(t.agent, fix, {
      to: 'review',
      resolutionCode: 'backed_out',
      resolutionNotes: 'Rolled back.',
    });
    const refused = await close();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('closureReason');
    const second = await atTheBoard({ problemIds: [p.id] });
    await vote(members[0]!, second, { decision: 'approve' });
    await vote(members[1]!, second, { decision: 'approve' });
    await moveOk(t.agent, second, { to: 'implement' });
    await moveOk(t.agent, second, { to: 'review', resolutionCode: 'successful', resolutionNotes: 'Fixed.' });
    const closed = await close();
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
  });

  it('refuses the board when none is set up, and cancelling ends the review', async () => {
    const c = await atTheBoard();
    const cancelled = await moveOk(t.agent, c, { to: 'cancelled', comment: 'Superseded' });
    expect(cancelled.cab?.state).toBe('canceled');
    const retire = await t.manager.patch(
      `/api/v1/cab-boards/${ecab.id}`,
      { active: false },
      { 'if-match': `"${ecab.version}"` },
    );
    expect(retire.statusCode, retire.body).toBe(200);
    const e = await raise(t.agent, {
      changeType: 'emergency',
      title: 'Another emergency',
      implementationPlan: 'x',
      backoutPlan: 'y',
      plannedStart: at(1),
      plannedEnd: at(2),
    });
    const refused = await move(t.agent, e, { to: 'authorise' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/No active emergency CAB/);
    expect(((await t.agent.get(`/api/v1/changes/${e.id}`)).json() as ChangeView).state).toBe('new');
  });

  it('finds scheduling conflicts, refuses to start over them, and takes a free slot or an override', async () => {
    const server = await buildCi(t.agent, 'application', { name: 'Core switch manager' });
    const first = await raise(t.agent, {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: at(100),
      ciIds: [server.id],
    });
    await moveOk(t.agent, first, { to: 'scheduled' });
    const second = await raise(t.agent, {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: at(100.25),
      ciIds: [server.id],
    });
    const report = (await t.agent.get(`/api/v1/changes/${second.id}/conflicts`)).json();
    expect(report).toMatchObject({ overridden: false, override: null });
    expect(report.conflicts).toEqual([
      expect.objectContaining({ kind: 'overlap_same_ci', otherNumber: first.number, ciIds: [server.id] }),
    ]);
    const refused = await move(t.agent, second, { to: 'scheduled' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(first.number);
    expect(refused.json().conflicts).toHaveLength(1);
    // Only the change manager overrides, with a reason kept in the history.
    expect(
      (await t.agent.post(`/api/v1/changes/${second.id}/conflicts/override`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const over = await t.manager.post(`/api/v1/changes/${second.id}/conflicts/override`, {
      reason: 'Same engineer does both',
    });
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json()).toMatchObject({ overridden: true, override: { reason: 'Same engineer does both' } });
    // The people on the change hear that it goes ahead over its conflicts, and why.
    const told = await toldOf(t.agent, 'change.conflicting');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('Same engineer does both');
    expect(told[0]!.body).toContain(first.number);
    expect(await activityOf(t.agent, second.id)).toContainEqual(
      expect.objectContaining({
        field: 'conflictOverride',
        newValue: `Same engineer does both (${first.number})`,
      }),
    );
    // New dates drop the override; a free slot needs none.
    const current = (await t.agent.get(`/api/v1/changes/${second.id}`)).json() as ChangeView;
    const moved = await t.agent.patch(
      `/api/v1/changes/${second.id}`,
      { plannedStart: at(100.4), plannedEnd: at(100.45) },
      { 'if-match': `"${current.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ conflictOverrideReason: null });
    expect((await move(t.agent, second, { to: 'scheduled' })).statusCode).toBe(409);
    const free = await t.agent.patch(
      `/api/v1/changes/${second.id}`,
      { plannedStart: at(101), plannedEnd: at(102) },
      { 'if-match': `"${moved.json().version}"` },
    );
    expect(free.statusCode, free.body).toBe(200);
    expect((await t.agent.get(`/api/v1/changes/${second.id}/conflicts`)).json().conflicts).toEqual([]);
    expect((await moveOk(t.agent, second, { to: 'scheduled' })).state).toBe('scheduled');
  });

  it('shows a change raised by other means, without its own columns, as a normal change', async () => {
    const row = await createBareChange(t.env, t.agent, 'Raised by an integration');
    const res = await t.agent.get(`/api/v1/changes/${row.number}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changeType: 'normal', plannedStart: null, cab: null });
    const planned = await t.agent.patch(
      `/api/v1/changes/${row.id}`,
      { plannedStart: at(200), plannedEnd: at(201) },
      { 'if-match': `"${row.version}"` },
    );
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json()).toMatchObject({ plannedStart: at(200), plannedEnd: at(201) });
  });
});
