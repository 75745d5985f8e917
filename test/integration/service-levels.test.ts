import { describe, expect, it } from 'vitest';
import { buildGroup, errorFields, setupTestEnv } from '../support/app.ts';
import {
  ALWAYS,
  buildAgreement,
  buildCalendar,
  buildOrganisation,
  buildService,
  targets,
} from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'] });

describe('business calendars', () => {
  it('stores named calendars with several intervals a day, a zone and holidays', async () => {
    const res = await t.manager.post('/api/v1/calendars', {
      name: 'London office',
      timeZone: 'Europe/London',
      intervals: [1, 2, 3, 4, 5].flatMap((day) => [
        { day, start: '08:00', end: '12:00' },
        { day, start: '13:00', end: '17:30' },
      ]),
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day', recurring: true },
        { date: '2026-04-03', name: 'Good Friday', recurring: false },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'London office', weeklyHours: 42.5, version: 1 });
    const list = (await t.agent.get('/api/v1/calendars')).json();
    expect(list.map((c: { name: string }) => c.name)).toContain('London office');
  });

  it('answers 422 with one error per field for an unknown zone, overlapping hours and impossible holidays', async () => {
    const res = await t.manager.post('/api/v1/calendars', {
      name: 'Broken',
      timeZone: 'Mars/Olympus_Mons',
      intervals: [
        { day: 1, start: '09:00', end: '17:00' },
        { day: 1, start: '16:00', end: '18:00' },
        { day: 2, start: '10:00', end: '10:00' },
        { day: 8, start: '25:00', end: '09:00' },
      ],
      holidays: [{ date: '2026-02-30', name: 'Not a day', recurring: false }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorFields(res).sort()).toEqual(
      [
        'timeZone',
        'intervals[1]',
        'intervals[2]',
        'intervals[3].day',
        'intervals[3].start',
        'holidays[0].date',
      ].sort(),
    );
    const overlap = res.json().errors.find((e: { field: string }) => e.field === 'intervals[1]');
    expect(overlap.message).toBe('Monday 16:00–18:00 overlaps Monday 09:00–17:00 (intervals[0]).');
  });

  it('edits with If-Match, refuses a stale version, and will not remove a calendar in use', async () => {
    const cal = await buildCalendar(t.manager);
    const ok = await t.manager.patch(
      `/api/v1/calendars/${cal.id}`,
      { holidays: [{ date: '2026-01-01', name: 'New Year', recurring: true }] },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.manager.patch(`/api/v1/calendars/${cal.id}`, { name: 'Late' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(412);
    await buildAgreement(t.manager, { calendarId: cal.id });
    expect((await t.manager.del(`/api/v1/calendars/${cal.id}`)).statusCode).toBe(409);
    const unused = await buildCalendar(t.manager);
    expect((await t.manager.del(`/api/v1/calendars/${unused.id}`)).statusCode).toBe(204);
  });
});

describe('requirements become agreements', () => {
  it('reviews an SLR draft → in review → agreed, then turns it into an agreed, versioned SLA', async () => {
    const cal = await buildCalendar(t.manager);
    const customer = await buildOrganisation(t.manager);
    const svc = await buildService(t.manager);
    const created = await t.manager.post(`/api/v1/services/${svc.id}/requirements`, {
      name: 'Payroll needs',
      customerId: customer.id,
      calendarId: cal.id,
      availabilityTarget: 99.5,
      targets: targets(30, 240).slice(0, 2),
      obligations: 'Monthly service review',
    });
    expect(created.statusCode).toBe(201);
    const slr = created.json();
    expect(slr.status).toBe('draft');
    const moveTo = (status: string) => t.manager.post(`/api/v1/requirements/${slr.id}/status`, { status });
    const makeSla = (effectiveFrom: string) =>
      t.manager.post(`/api/v1/requirements/${slr.id}/sla`, { effectiveFrom });
    // Incomplete targets are fine in a draft but not under review.
    const review = await moveTo('in_review');
    expect(review.statusCode).toBe(422);
    expect(review.json().errors[0].message).toContain('No targets for priority 3, 4, 5');
    await t.manager.patch(`/api/v1/requirements/${slr.id}`, { targets: targets(30, 240) });
    expect((await moveTo('agreed')).statusCode).toBe(409);
    expect((await moveTo('in_review')).statusCode).toBe(200);
    const early = await makeSla('2026-01-01T00:00:00Z');
    expect(early.statusCode).toBe(409);
    expect((await moveTo('agreed')).statusCode).toBe(200);
    const made = await makeSla('2026-01-01T00:00:00Z');
    expect(made.statusCode).toBe(201);
    const sla = made.json();
    expect(sla).toMatchObject({
      kind: 'sla',
      status: 'agreed',
      versionNumber: 1,
      service: { id: svc.id },
      customer: { id: customer.id },
      calendar: { id: cal.id },
      availabilityTarget: 99.5,
      obligations: 'Monthly service review',
      warningThresholds: [75, 90],
      agreedBy: { id: t.manager.user.id },
      agreedAt: '2026-03-02T09:00:00.000Z',
      requirementId: slr.id,
    });
    // Reworked and agreed again, the requirement makes version 2, which takes over from version 1.
    await moveTo('draft');
    await t.manager.patch(`/api/v1/requirements/${slr.id}`, { targets: targets(15, 120) });
    await moveTo('in_review');
    await moveTo('agreed');
    const v2 = (await makeSla('2026-04-01T00:00:00Z')).json();
    expect(v2).toMatchObject({ versionNumber: 2, lineageId: sla.id, targets: targets(15, 120) });
    expect((await t.manager.get(`/api/v1/agreements/${sla.id}`)).json().effectiveTo).toBe(
      '2026-04-01T00:00:00.000Z',
    );
    expect((await t.manager.get(`/api/v1/requirements/${slr.id}`)).json().agreements).toHaveLength(2);
  });

  it('validates agreements: zero targets, thresholds, and the party each kind binds', async () => {
    const cal = await buildCalendar(t.manager);
    const customer = await buildOrganisation(t.manager);
    const zero = await t.manager.post('/api/v1/agreements', {
      kind: 'sla',
      name: 'Zero',
      calendarId: cal.id,
      targets: [{ priority: 1, responseMinutes: 0, resolutionMinutes: 60 }, ...targets().slice(1)],
      warningThresholds: [90, 75],
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    expect(zero.statusCode).toBe(422);
    expect(errorFields(zero)).toEqual(['targets[0].responseMinutes', 'warningThresholds[1]']);
    const ola = await t.manager.post('/api/v1/agreements', {
      kind: 'ola',
      name: 'No group',
      calendarId: cal.id,
      customerId: customer.id,
      targets: targets(),
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    expect(errorFields(ola).sort()).toEqual(['customerId', 'groupId']);
    const uc = await t.manager.post('/api/v1/agreements', {
      kind: 'uc',
      name: 'Customer as supplier',
      calendarId: cal.id,
      supplierId: customer.id,
      targets: targets(),
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    expect(errorFields(uc)).toEqual(['supplierId']);
    const badDate = await t.manager.post('/api/v1/agreements', {
      kind: 'sla',
      name: 'Bad date',
      calendarId: cal.id,
      targets: targets(),
      effectiveFrom: 'next tuesday',
    });
    expect(badDate.statusCode).toBe(400);
  });

  it('edits drafts only; a new version is drafted from the agreed one and ends it when agreed', async () => {
    const cal = await buildCalendar(t.manager);
    const v1 = await buildAgreement(t.manager, { calendarId: cal.id, name: 'Gold' });
    expect((await t.manager.patch(`/api/v1/agreements/${v1.id}`, { name: 'Platinum' })).statusCode).toBe(409);
    const draft = await t.manager.post(`/api/v1/agreements/${v1.id}/versions`, {
      effectiveFrom: '2026-06-01T00:00:00Z',
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({
      versionNumber: 2,
      status: 'draft',
      lineageId: v1.id,
      inForce: false,
    });
    const again = await t.manager.post(`/api/v1/agreements/${v1.id}/versions`);
    expect(again.statusCode, again.body).toBe(409);
    const d = draft.json();
    expect(
      (
        await t.manager.patch(
          `/api/v1/agreements/${d.id}`,
          { targets: targets(30, 120) },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(200);
    const agreed = await t.manager.post(`/api/v1/agreements/${d.id}/agree`);
    expect(agreed.json()).toMatchObject({ status: 'agreed', effectiveFrom: '2026-06-01T00:00:00.000Z' });
    const before = (await t.manager.get(`/api/v1/agreements/${v1.id}`)).json();
    expect(before).toMatchObject({ effectiveTo: '2026-06-01T00:00:00.000Z', inForce: true });
    const all = (await t.agent.get(`/api/v1/agreements?q=Gold`)).json();
    expect(all.items.map((a: { versionNumber: number }) => a.versionNumber).sort()).toEqual([1, 2]);
  });

  it('shows a service with its SLRs, SLAs, OLAs and underpinning contracts', async () => {
    const cal = await buildCalendar(t.manager, { ...ALWAYS });
    const group = await buildGroup(t.env);
    const supplier = await buildOrganisation(t.manager, 'supplier');
    const svc = await buildService(t.manager, { supportGroupId: group.id });
    await t.manager.post(`/api/v1/services/${svc.id}/requirements`, {
      name: 'Req',
      calendarId: cal.id,
      targets: targets(),
    });
    await buildAgreement(t.manager, { calendarId: cal.id, serviceId: svc.id, name: 'Svc SLA' });
    await buildAgreement(t.manager, {
      kind: 'ola',
      calendarId: cal.id,
      groupId: group.id,
      name: 'Group OLA',
    });
    await buildAgreement(t.manager, {
      kind: 'uc',
      calendarId: cal.id,
      supplierId: supplier.id,
      serviceId: svc.id,
      name: 'UC',
    });
    const detail = (await t.agent.get(`/api/v1/services/${svc.id}`)).json();
    expect(detail.serviceLevels.requirements.map((r: { name: string }) => r.name)).toEqual(['Req']);
    expect(detail.serviceLevels.slas.map((a: { name: string }) => a.name)).toEqual(['Svc SLA']);
    expect(detail.serviceLevels.olas.map((a: { name: string }) => a.name)).toEqual(['Group OLA']);
    expect(detail.serviceLevels.ucs.map((a: { name: string }) => a.name)).toEqual(['UC']);
  });
});
