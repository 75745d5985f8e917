/**
 * The SLA clock planner, case by case: every pause, resume, retarget and stop the HTTP tests in
 * test/integration/sla-clocks.test.ts walk through, decided here without a database.
 */
import { describe, expect, it } from 'vitest';
import { agreement, CAL_24X7, HOUR, MINUTE, Scenario, T0, targets } from './planner-fixtures.ts';
import { BERLIN_8X5 } from './test-fixtures.ts';

const iso = (seconds: number) => new Date(T0.getTime() + seconds * 1000).toISOString();
const SERVICE = 'svc-1';
const [DESK, NETWORK, APPS] = ['grp-desk', 'grp-network', 'grp-apps'];

const sharedSla = agreement({ serviceId: SERVICE, calendarId: CAL_24X7 });
const deskOla = agreement({ kind: 'ola', groupId: DESK, targets: targets(30, 120) });
const networkOla = agreement({ kind: 'ola', groupId: NETWORK, onReassign: 'restart' });
const appsOla = agreement({ kind: 'ola', groupId: APPS, onReassign: 'continue' });
const ALL = [sharedSla, deskOla, networkOla, appsOla];

describe('choosing the SLA', () => {
  it('starts no clock when no agreement applies', () => {
    const s = new Scenario([agreement({ serviceId: 'another-service' })]);
    const plan = s.create();
    expect(plan.started).toEqual([]);
    expect(plan.timeline).toEqual([]);
    expect(plan.dueAt).toBeNull();
  });

  it('applies the most specific agreement: customer and priority over service over the generic one', () => {
    const generic = agreement({ name: 'generic' } as never);
    const service = agreement({ serviceId: SERVICE });
    const customerP1 = agreement({ serviceId: SERVICE, customerId: 'org-1', priorities: [1] });
    const s = new Scenario([generic, service, customerP1], { priority: 1 });
    s.customerId = 'org-1';
    s.create();
    expect(s.clock('sla', 'resolution').agreementId).toBe(customerP1.id);
    const other = new Scenario([generic, service, customerP1], { priority: 3 });
    other.customerId = 'org-1';
    other.create();
    expect(other.clock('sla', 'resolution').agreementId).toBe(service.id);
    const elsewhere = new Scenario([generic, service, customerP1], { serviceId: null });
    elsewhere.create();
    expect(elsewhere.clock('sla', 'resolution').agreementId).toBe(generic.id);
  });

  it('uses the version in force when the record was created, and never one not yet in force', () => {
    const old = agreement({ serviceId: SERVICE, effectiveTo: T0 });
    const current = agreement({ serviceId: SERVICE, effectiveFrom: T0, versionNumber: 2 });
    const future = agreement({
      serviceId: SERVICE,
      effectiveFrom: new Date(T0.getTime() + HOUR * 1000),
      versionNumber: 3,
    });
    const s = new Scenario([old, current, future]);
    s.create();
    expect(s.clock('sla', 'resolution').agreementId).toBe(current.id);
  });
});

describe('SLA clocks on a record', () => {
  it('runs response and resolution clocks and meets the response on the first move out of New', () => {
    const s = new Scenario(ALL);
    const created = s.create();
    expect(s.clock('sla', 'response')).toMatchObject({
      state: 'running',
      priority: 3,
      targetSeconds: 3 * HOUR,
      dueAt: new Date(iso(3 * HOUR)),
    });
    expect(created.dueAt?.toISOString()).toBe(iso(3 * HOUR));
    expect(created.timeline.map((e) => e.kind)).toEqual(['started', 'started']);
    s.advance(30 * MINUTE);
    expect(s.measure(s.clock('sla', 'resolution'))).toMatchObject({ elapsedSeconds: 1800 });
    const moved = s.move('in_progress');
    expect(s.clock('sla', 'response')).toMatchObject({ state: 'met', stopReason: 'responded' });
    expect(s.measure(s.clock('sla', 'response'))).toMatchObject({ elapsedSeconds: 1800, breached: false });
    expect(moved.dueAt?.toISOString()).toBe(iso(12 * HOUR));
  });

  it('pauses every clock while on hold and resumes after, the hold not counting', () => {
    const s = new Scenario(ALL, { groupId: DESK });
    s.create();
    s.advance(HOUR);
    const held = s.move('on_hold');
    expect(held.pauses).toMatchObject([{ id: null, reason: 'paused_state', endedAt: null }]);
    for (const c of s.book.clocks.filter((x) => x.metric === 'resolution'))
      expect(c).toMatchObject({ state: 'paused', dueAt: null });
    expect(s.measure(s.clock('sla', 'resolution')).elapsedSeconds).toBe(HOUR);
    expect(held.dueAt).toBeNull();
    s.advance(5 * HOUR);
    expect(s.measure(s.clock('sla', 'resolution')).remainingSeconds).toBe(11 * HOUR);
    const resumed = s.move('in_progress');
    expect(resumed.pauses).toMatchObject([{ endedAt: new Date(iso(6 * HOUR)) }]);
    expect(s.clock('sla', 'resolution')).toMatchObject({ state: 'running', dueAt: new Date(iso(17 * HOUR)) });
    // The desk's OLA gives priority 3 six hours, moved on by the five on hold.
    expect(s.clock('ola', 'resolution')).toMatchObject({ state: 'running', dueAt: new Date(iso(11 * HOUR)) });
    expect(resumed.timeline.filter((e) => e.kind === 'resumed')).toHaveLength(3);
  });

  it('recomputes targets from the original start when the priority changes; elapsed and paused time survive', () => {
    const s = new Scenario(ALL);
    s.create();
    s.advance(HOUR);
    s.move('on_hold');
    s.advance(2 * HOUR);
    s.move('in_progress');
    s.advance(HOUR);
    const plan = s.update({ priority: 1 }, { actorId: 'agent-1', text: 'Priority 3 → 1' });
    const resolution = s.clock('sla', 'resolution');
    expect(resolution).toMatchObject({
      priority: 1,
      targetSeconds: 4 * HOUR,
      targetVersion: 2,
      startedAt: T0,
      dueAt: new Date(iso(6 * HOUR)),
    });
    expect(s.measure(resolution)).toMatchObject({ elapsedSeconds: 2 * HOUR, remainingSeconds: 2 * HOUR });
    const change = plan.timeline.find((e) => e.kind === 'target_changed' && e.clockId === resolution.id);
    expect(change).toMatchObject({
      cause: 'Priority 3 → 1',
      actorId: 'agent-1',
      details: { fromPriority: 3, toPriority: 1, fromTargetSeconds: 12 * HOUR, toTargetSeconds: 4 * HOUR },
    });
  });

  it('fires the thresholds passed under the old target before a shorter target, then the new ones', () => {
    const s = new Scenario(ALL);
    s.create();
    s.advance(3 * HOUR + 30 * MINUTE);
    const plan = s.update({ priority: 1 });
    // The P3 response (3 h) breached at 3 h; the P1 one (1 h) is long past all its thresholds.
    const response = s.clock('sla', 'response');
    const fired = plan.alerts.filter((a) => a.clock.id === response.id);
    expect(fired.map((a) => [a.targetVersion, a.threshold])).toEqual([
      [1, 75],
      [1, 90],
      [1, 100],
      [2, 75],
      [2, 90],
      [2, 100],
    ]);
  });

  it('resumes the resolution clock on reopen without counting the time spent resolved', () => {
    const s = new Scenario(ALL);
    s.create();
    s.advance(HOUR);
    const resolved = s.move('resolved');
    expect(s.clock('sla', 'resolution')).toMatchObject({ state: 'met', stopReason: 'resolved' });
    expect(s.measure(s.clock('sla', 'resolution')).elapsedSeconds).toBe(HOUR);
    expect(resolved.pauses).toMatchObject([{ reason: 'resolved', endedAt: null }]);
    expect(resolved.dueAt).toBeNull();
    s.advance(3 * HOUR);
    s.move('in_progress');
    expect(s.clock('sla', 'resolution')).toMatchObject({ state: 'running', dueAt: new Date(iso(15 * HOUR)) });
    expect(s.measure(s.clock('sla', 'resolution')).elapsedSeconds).toBe(HOUR);
    expect(s.clock('sla', 'response').state).toBe('met');
  });

  it('stops every clock when the record is cancelled', () => {
    const s = new Scenario(ALL, { groupId: DESK });
    s.create();
    s.move('canceled');
    expect(s.book.clocks.map((c) => [c.kind, c.metric, c.state, c.stopReason])).toEqual([
      ['sla', 'response', 'stopped', 'closed'],
      ['sla', 'resolution', 'stopped', 'closed'],
      ['ola', 'response', 'stopped', 'closed'],
      ['ola', 'resolution', 'stopped', 'closed'],
    ]);
  });

  it('starts a paused record’s clocks paused, and counts only working hours of the calendar', () => {
    const berlin = agreement({ serviceId: SERVICE, calendarId: 'berlin' });
    // Raised straight into On hold at Monday 2026-03-02 09:00 in Berlin (08:00 UTC).
    const s = new Scenario([berlin], { state: 'on_hold' }, { berlin: BERLIN_8X5 });
    const plan = s.create();
    expect(plan.pauses).toHaveLength(1);
    // Not in the initial state: it has been responded to.
    expect(s.clock('sla', 'response')).toMatchObject({ state: 'met', stopReason: 'responded' });
    expect(s.clock('sla', 'resolution')).toMatchObject({ state: 'paused', dueAt: null });
    s.move('in_progress');
    // 12 working hours: Monday 09:00–17:00 (8 h) and 4 h of Tuesday.
    expect(s.clock('sla', 'resolution').dueAt?.toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });
});

describe('OLA clocks', () => {
  it('follow the assigned group: restart on reassignment, or continue, as the new group’s OLA says', () => {
    const s = new Scenario(ALL, { groupId: DESK });
    s.create();
    expect(s.clock('ola', 'resolution')).toMatchObject({
      agreementId: deskOla.id,
      groupId: DESK,
      targetSeconds: 6 * HOUR,
    });
    s.advance(HOUR);
    s.update({ groupId: NETWORK });
    const desk = s.book.clocks.filter((c) => c.agreementId === deskOla.id);
    expect(desk.map((c) => [c.state, c.stopReason])).toEqual([
      ['stopped', 'reassigned'],
      ['stopped', 'reassigned'],
    ]);
    expect(s.clock('ola', 'resolution')).toMatchObject({
      agreementId: networkOla.id,
      startedAt: new Date(iso(HOUR)),
    });
    s.advance(HOUR);
    const plan = s.update({ groupId: APPS }, { actorId: 'agent-1', text: 'Reassigned from Network to Apps' });
    expect(s.clock('ola', 'resolution')).toMatchObject({ agreementId: appsOla.id, startedAt: T0 });
    expect(s.measure(s.clock('ola', 'resolution')).elapsedSeconds).toBe(2 * HOUR);
    // The SLA is the customer's and does not care who works on the record.
    expect(s.clock('sla', 'resolution').startedAt).toEqual(T0);
    expect(plan.timeline.map((e) => e.kind).sort()).toEqual(['started', 'started', 'stopped', 'stopped']);
  });

  it('meets the OLA response when someone in the group takes the record', () => {
    const s = new Scenario(ALL, { groupId: DESK });
    s.create();
    s.advance(10 * MINUTE);
    s.update({ assigneeId: 'agent-1' });
    expect(s.clock('ola', 'response')).toMatchObject({ state: 'met', stopReason: 'assigned' });
    expect(s.measure(s.clock('ola', 'response')).elapsedSeconds).toBe(600);
    expect(s.clock('sla', 'response').state).toBe('running');
  });

  it('stops the OLA clocks when the record leaves every group', () => {
    const s = new Scenario(ALL, { groupId: DESK });
    s.create();
    s.update({ groupId: null });
    expect(s.book.clocks.filter((c) => c.kind === 'ola').map((c) => c.stopReason)).toEqual([
      'reassigned',
      'reassigned',
    ]);
  });
});

describe('underpinning contracts', () => {
  const SUPPLIER = 'org-carrier';
  const carrier = agreement({
    kind: 'uc',
    supplierId: SUPPLIER,
    serviceId: SERVICE,
    targets: targets(15, 60),
  });

  it('run while a supplier is engaged: acknowledged meets the response, release the resolution', () => {
    const s = new Scenario([...ALL, carrier]);
    s.create();
    s.advance(HOUR);
    const engagement = { id: 'eng-1', supplierId: SUPPLIER, engagedAt: s.at };
    const engaged = s.plan({ kind: 'supplier_engaged', engagement, reference: 'CASE-77' });
    s.engagements = [engagement];
    expect(engaged.timeline.at(-1)).toMatchObject({
      kind: 'supplier_engaged',
      details: { engagementId: 'eng-1', reference: 'CASE-77', contractApplies: true },
    });
    expect(s.clock('uc', 'resolution')).toMatchObject({
      startedAt: new Date(iso(HOUR)),
      targetSeconds: 3 * HOUR,
      engagementId: 'eng-1',
    });
    s.advance(20 * MINUTE);
    s.plan({ kind: 'supplier_acknowledged', engagement });
    s.move('on_hold');
    s.advance(HOUR);
    expect(s.clock('uc', 'response')).toMatchObject({ state: 'met', stopReason: 'acknowledged' });
    expect(s.measure(s.clock('uc', 'response'))).toMatchObject({ elapsedSeconds: 1200, breached: false });
    expect(s.clock('uc', 'resolution').state).toBe('paused');
    expect(s.measure(s.clock('uc', 'resolution')).elapsedSeconds).toBe(1200);
    s.move('in_progress');
    s.advance(10 * MINUTE);
    s.plan({ kind: 'supplier_released', engagement, outcome: 'fulfilled' });
    expect(s.clock('uc', 'resolution')).toMatchObject({ state: 'met', stopReason: 'released' });
    expect(s.measure(s.clock('uc', 'resolution')).elapsedSeconds).toBe(1800);
  });

  it('says so when no contract applies to the engaged supplier', () => {
    const s = new Scenario([...ALL, carrier]);
    s.create();
    const engagement = { id: 'eng-2', supplierId: 'org-other', engagedAt: s.at };
    const plan = s.plan({ kind: 'supplier_engaged', engagement, reference: null });
    expect(plan.started).toEqual([]);
    expect(plan.timeline).toMatchObject([{ kind: 'supplier_engaged', details: { contractApplies: false } }]);
  });

  it('stops a withdrawn supplier’s clocks', () => {
    const s = new Scenario([...ALL, carrier]);
    s.create();
    const engagement = { id: 'eng-3', supplierId: SUPPLIER, engagedAt: s.at };
    s.plan({ kind: 'supplier_engaged', engagement, reference: null });
    s.plan({ kind: 'supplier_released', engagement, outcome: 'withdrawn' });
    expect(s.book.clocks.filter((c) => c.kind === 'uc').map((c) => c.state)).toEqual(['stopped', 'stopped']);
  });

  it('releases engaged suppliers when the record is resolved', () => {
    const s = new Scenario([...ALL, carrier]);
    s.create();
    const engagement = { id: 'eng-4', supplierId: SUPPLIER, engagedAt: s.at };
    s.plan({ kind: 'supplier_engaged', engagement, reference: null });
    s.engagements = [engagement];
    const plan = s.move('resolved');
    expect(plan.release).toEqual([{ engagementId: 'eng-4', note: 'The record was resolved.' }]);
    expect(s.book.clocks.filter((c) => c.kind === 'uc').map((c) => c.state)).toEqual(['met', 'met']);
  });
});

describe('the SLA timeline and the sweep', () => {
  it('explains every start, pause, resume and stop with who or what caused it', () => {
    const s = new Scenario(ALL);
    s.create();
    const hold = s.move('on_hold', { actorId: 'agent-1', text: 'State New → On hold' });
    expect(hold.timeline.map((e) => [e.kind, e.cause, e.actorId])).toEqual([
      ['met', 'State New → On hold', 'agent-1'],
      ['paused', 'State New → On hold', 'agent-1'],
    ]);
  });

  it('fires each threshold once, when the sweep reaches it, and schedules the next', () => {
    const s = new Scenario(ALL);
    s.create();
    expect(s.clock('sla', 'response').nextCheckAt?.toISOString()).toBe(iso(0.75 * 3 * HOUR));
    s.advance(0.8 * 3 * HOUR);
    const first = s.sweep();
    expect(first.alerts.map((a) => [a.kind, a.threshold, a.cause])).toEqual([['warning', 75, 'SLA sweep']]);
    expect(s.clock('sla', 'response').nextCheckAt?.toISOString()).toBe(iso(0.9 * 3 * HOUR));
    expect(s.sweep().alerts).toEqual([]);
    s.advance(HOUR);
    expect(s.sweep().alerts.map((a) => [a.kind, a.threshold])).toEqual([
      ['warning', 90],
      ['breach', 100],
    ]);
  });
});
