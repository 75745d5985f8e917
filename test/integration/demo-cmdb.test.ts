import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { setupTestEnv } from '../support/app.ts';
import { buildService } from '../support/sla.ts';

const t = setupTestEnv({ agent: ['agent', 'service_manager'] });
beforeAll(async () => {
  // As if the service catalog's demo had created this service first.
  await buildService(t.agent, { name: 'Payroll' });
  await seedDemo(t.env.ctx, { incidents: 30 });
}, 240_000);

type Named = { name: string };

describe('demo CMDB', () => {
  it('models an estate from business services down to hardware, reusing existing service CIs', async () => {
    const all = (await t.agent.get('/api/v1/cmdb/cis?limit=200')).json().items as Named[];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((c) => c.name === 'Payroll')).toHaveLength(1);
    const fw = all.find((c) => c.name === 'fw-01') as Named & { id: string };
    const impact = (await t.agent.get(`/api/v1/cmdb/cis/${fw.id}/impact`)).json();
    expect(impact.services.map((s: { ci: Named }) => s.ci.name)).toEqual(
      expect.arrayContaining(['Email & Collaboration', 'Payroll', 'Customer Portal', 'CRM']),
    );
  });

  it('has assets with financials, a contract about to expire and licences out of compliance', async () => {
    const assets = (await t.agent.get('/api/v1/assets?limit=200')).json().items;
    expect(assets.length).toBeGreaterThanOrEqual(20);
    expect(
      assets.filter((a: { currentValue: number | null }) => a.currentValue !== null).length,
    ).toBeGreaterThan(15);
    const expiring = (await t.agent.get('/api/v1/contracts?expiringWithinDays=30')).json().items;
    expect(expiring.map((c: Named) => c.name)).toEqual(['Dell ProSupport Plus – data centre servers']);
    const report = (await t.agent.get('/api/v1/licences/compliance')).json();
    expect(report.summary).toMatchObject({ overLicensed: 1, underLicensed: 1 });
  });
});
