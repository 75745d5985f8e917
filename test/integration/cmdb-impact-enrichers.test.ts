/**
 * An outage names the customers and agreements it hits: the portfolio's customers of each impacted
 * service and the agreements in force on it, whether or not the service is among those listed.
 */
import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../support/app.ts';
import { buildCi, relate } from '../support/cmdb.ts';
import { buildAgreement, buildCalendar, buildOrganisation, buildService } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager', 'agent'] });

describe('customers and agreements in impact answers', () => {
  it('lists the customers and the agreements in force of every service an outage reaches', async () => {
    const portfolioCustomer = await buildOrganisation(t.manager, 'customer');
    const slaCustomer = await buildOrganisation(t.manager, 'customer');
    const calendar = await buildCalendar(t.manager);
    const payroll = await buildService(t.manager, { name: 'Payroll', customerIds: [portfolioCustomer.id] });
    const hr = await buildService(t.manager, { name: 'HR portal' });
    const gold = await buildAgreement(t.manager, {
      name: 'Payroll Gold',
      serviceId: payroll.id,
      customerId: slaCustomer.id,
      calendarId: calendar.id,
      availabilityTarget: 99.9,
    });
    // Not in force: a draft, and an agreement that starts next year.
    await t.manager.post('/api/v1/agreements', {
      kind: 'sla',
      name: 'Payroll draft',
      serviceId: payroll.id,
      calendarId: calendar.id,
      targets: [{ priority: 1, responseMinutes: 10, resolutionMinutes: 60 }],
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    await buildAgreement(t.manager, {
      name: 'Payroll later',
      serviceId: payroll.id,
      calendarId: calendar.id,
      effectiveFrom: '2099-01-01T00:00:00Z',
    });
    const db = await buildCi(t.manager, 'database', { name: 'payroll-db' });
    await relate(t.manager, { id: payroll.id } as never, 'depends_on', db);
    await relate(t.manager, { id: hr.id } as never, 'depends_on', { id: payroll.id } as never);

    const impact = (await t.manager.get(`/api/v1/cmdb/cis/${db.id}/impact`)).json();
    const payrollHit = impact.services.find((s: { ci: { id: string } }) => s.ci.id === payroll.id);
    expect(payrollHit.customers.map((c: { name: string }) => c.name).sort()).toEqual(
      [portfolioCustomer.name, slaCustomer.name].sort(),
    );
    expect(payrollHit.slas).toEqual([
      { id: gold.id, name: 'Payroll Gold', detail: `SLA · ${slaCustomer.name} · 99.9 % availability` },
    ]);
    expect(impact.counts.services).toBe(2);
    expect(impact.customers).toHaveLength(2);
    expect(impact.slas.map((a: { name: string }) => a.name)).toEqual(['Payroll Gold']);

    // With one service listed, the answer still names every customer and agreement hit.
    const short = (await t.manager.get(`/api/v1/cmdb/cis/${db.id}/impact?maxServices=1`)).json();
    expect(short.services).toHaveLength(1);
    expect(short.truncated).toBe(true);
    expect(short.customers).toEqual(impact.customers);
    expect(short.slas).toEqual(impact.slas);

    // What the answers name follows changes at once: a renamed customer, the portfolio's
    // customers replaced, an agreement ended.
    const impactOf = async () => (await t.manager.get(`/api/v1/cmdb/cis/${db.id}/impact`)).json();
    expect(
      (await t.manager.patch(`/api/v1/organisations/${slaCustomer.id}`, { name: 'Renamed Ltd' })).statusCode,
    ).toBe(200);
    expect((await impactOf()).slas[0].detail).toBe('SLA · Renamed Ltd · 99.9 % availability');
    expect((await t.manager.patch(`/api/v1/services/${payroll.id}`, { customerIds: [] })).statusCode).toBe(
      200,
    );
    expect((await impactOf()).customers.map((c: { name: string }) => c.name)).toEqual(['Renamed Ltd']);
    expect((await t.manager.post(`/api/v1/agreements/${gold.id}/end`, {})).statusCode).toBe(200);
    const after = await impactOf();
    expect(after.slas).toEqual([]);
    expect(after.customers).toEqual([]);
  });
});
