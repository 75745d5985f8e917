import { beforeAll, describe, expect, it } from 'vitest';
import { recordExpiryWarnings } from '../../src/modules/cmdb/service.ts';
import { buildUser, errorFields, setupTestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'] });
let supplierId: string;

beforeAll(async () => {
  supplierId = (
    await t.manager.post('/api/v1/organisations', { name: 'Dell Technologies', kind: 'supplier' })
  ).json().id;
});

describe('assets', () => {
  it('registers an asset with financials and computes its value today (the clock is 2026-03-02)', async () => {
    const res = await t.agent.post('/api/v1/assets', {
      assetTag: 'LAP-0001',
      name: 'Laptop for Lena',
      serialNumber: 'CN0X1234',
      model: 'Latitude 7450',
      supplierId,
      purchaseOrder: 'PO-2024-118',
      cost: 1800,
      currency: 'EUR',
      purchaseDate: '2024-03-02',
      warrantyEnd: '2027-03-01',
      depreciationMethod: 'straight_line',
      usefulLifeMonths: 36,
      salvageValue: 180,
    });
    expect(res.statusCode).toBe(201);
    // 24 of 36 months: 1800 − (1800 − 180) × 24/36 = 720.
    expect(res.json()).toMatchObject({
      state: 'in_stock',
      currentValue: 720,
      underWarranty: true,
      supplier: { name: 'Dell Technologies' },
      nextStates: ['deployed', 'in_repair', 'retired'],
    });
    const declining = await t.agent.patch(`/api/v1/assets/LAP-0001`, {
      depreciationMethod: 'declining_balance',
    });
    // Double-declining monthly: 1800 × (1 − 2/36)^24 ≈ 456.57.
    expect(declining.json().currentValue).toBe(456.57);
    expect((await t.agent.post('/api/v1/assets', { assetTag: 'lap-0001', name: 'dupe' })).statusCode).toBe(
      409,
    );
    const invalid = await t.agent.post('/api/v1/assets', {
      assetTag: 'X-1',
      name: 'x',
      depreciationMethod: 'straight_line',
    });
    expect(invalid.statusCode).toBe(422);
    expect(errorFields(invalid)).toEqual(['cost', 'purchaseDate', 'usefulLifeMonths']);
  });

  it('moves through its lifecycle with the transitions enforced and every move in history', async () => {
    const lena = await buildUser(t.env, { name: 'Lena' });
    const a = (
      await t.agent.post('/api/v1/assets', { assetTag: 'LAP-0002', name: 'Laptop', state: 'ordered' })
    ).json();
    const go = (to: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      t.agent.post(`/api/v1/assets/${a.id}/transitions`, { to, ...extra }, headers);
    const skip = await go('deployed', { assignedToId: lena.id });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe(
      'An asset cannot go from ordered to deployed; it can go to in stock, retired.',
    );
    expect((await go('in_stock')).json().state).toBe('in_stock');
    expect((await go('deployed')).statusCode).toBe(422);
    const deployed = await go(
      'deployed',
      { assignedToId: lena.id, location: 'Berlin office' },
      { 'if-match': '"2"' },
    );
    expect(deployed.json()).toMatchObject({ state: 'deployed', assignedTo: { name: 'Lena' }, version: 3 });
    expect((await go('in_repair', {}, { 'if-match': '"2"' })).statusCode).toBe(412);
    expect((await go('in_repair', { note: 'Broken hinge' })).json().assignedTo).toMatchObject({
      name: 'Lena',
    });
    expect((await go('retired')).json().assignedTo).toBeNull();
    expect((await go('disposed')).json().nextStates).toEqual([]);
    expect((await go('in_stock')).statusCode).toBe(409);
    const history = (await t.agent.get(`/api/v1/assets/${a.id}/history`)).json();
    expect(
      history
        .filter((h: { field: string }) => h.field === 'state')
        .map((h: { newValue: string }) => h.newValue),
    ).toEqual(['in_stock', 'deployed', 'in_repair', 'retired', 'disposed']);
    expect(history.map((h: { field: string }) => h.field)).toContain('note');
  });

  it('links an asset to one CI at most, and lists with filters', async () => {
    const server = await buildCi(t.agent, 'physical_server', { name: 'srv-asset' });
    const one = await t.agent.post('/api/v1/assets', { assetTag: 'SRV-1', name: 'Server', ciId: server.id });
    expect(one.json().ci).toMatchObject({ name: 'srv-asset' });
    expect(
      (await t.agent.post('/api/v1/assets', { assetTag: 'SRV-2', name: 'Server', ciId: server.id }))
        .statusCode,
    ).toBe(409);
    const listed = (await t.agent.get(`/api/v1/assets?ciId=${server.id}`)).json();
    expect(listed.items.map((x: { assetTag: string }) => x.assetTag)).toEqual(['SRV-1']);
    const stock = (await t.agent.get('/api/v1/assets?state=in_stock&limit=1')).json();
    expect(stock.items).toHaveLength(1);
    expect(stock.nextCursor).not.toBeNull();
  });
});

describe('contracts', () => {
  it('warns once before expiry, and again after a renewal', async () => {
    const create = (name: string, endDate: string, warnDays = 30) =>
      t.manager.post('/api/v1/contracts', {
        name,
        kind: 'support',
        supplierId,
        startDate: '2025-01-01',
        endDate,
        warnDays,
        cost: 12000,
        currency: 'EUR',
      });
    const soon = (await create('ProSupport servers', '2026-03-20')).json();
    await create('Switch maintenance', '2026-09-30');
    await create('Printer lease', '2026-03-10', 5);
    expect(soon).toMatchObject({ status: 'expiring', daysLeft: 18, lastWarning: null });
    expect(
      (
        await t.agent.post('/api/v1/contracts', {
          name: 'x',
          kind: 'support',
          supplierId,
          startDate: '2025-01-01',
          endDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);
    // A form's empty select and date read "is required", not "must be a UUID" or a date's format.
    const blank = await t.manager.post('/api/v1/contracts', {
      name: 'y',
      kind: 'support',
      startDate: '2025-01-01',
      endDate: '',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([
      { field: 'body.supplierId', message: 'is required' },
      { field: 'body.endDate', message: 'is required' },
    ]);
    expect(
      (
        await t.manager.post('/api/v1/contracts', {
          name: 'y',
          kind: 'support',
          supplierId: '',
          startDate: '2025-01-01',
          endDate: '2026-01-01',
        })
      ).json().errors,
    ).toEqual([{ field: 'body.supplierId', message: 'is required' }]);
    const wrong = await t.manager.post('/api/v1/contracts', {
      name: 'y',
      kind: 'support',
      supplierId: 'acme',
      startDate: '2025-01-01',
      endDate: '31.12.2026',
    });
    expect(wrong.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'must be a UUID',
      'must be a date written YYYY-MM-DD',
    ]);

    const first = await recordExpiryWarnings(t.env.ctx);
    expect(first.map((w) => `${w.name} ${w.daysLeft}`)).toEqual(['ProSupport servers 18']);
    expect(await recordExpiryWarnings(t.env.ctx)).toEqual([]);
    t.env.clock.set(new Date('2026-03-06T09:00:00Z'));
    expect((await recordExpiryWarnings(t.env.ctx)).map((w) => w.name)).toEqual(['Printer lease']);

    const warned = (await t.agent.get(`/api/v1/contracts/${soon.id}`)).json();
    expect(warned.lastWarning).toMatchObject({ daysLeft: 18 });
    await t.manager.patch(
      `/api/v1/contracts/${soon.id}`,
      { endDate: '2026-04-01' },
      { 'if-match': `"${warned.version}"` },
    );
    expect((await recordExpiryWarnings(t.env.ctx)).map((w) => `${w.name} ${w.daysLeft}`)).toEqual([
      'ProSupport servers 26',
    ]);
    t.env.clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('lists contracts expiring within a number of days, soonest first', async () => {
    const within = (await t.agent.get('/api/v1/contracts?expiringWithinDays=40')).json();
    expect(within.items.map((c: { name: string }) => c.name)).toEqual([
      'Printer lease',
      'ProSupport servers',
    ]);
    const all = (await t.agent.get('/api/v1/contracts')).json();
    expect(all.items.map((c: { name: string }) => c.name)).toEqual([
      'Printer lease',
      'ProSupport servers',
      'Switch maintenance',
    ]);
  });

  it('covers CIs and assets, once each', async () => {
    const c = (await t.agent.get('/api/v1/contracts?q=Switch')).json().items[0];
    const sw = await buildCi(t.agent, 'network_device', { name: 'core-sw' });
    const asset = (await t.agent.get('/api/v1/assets/SRV-1')).json();
    const res = await t.manager.post(`/api/v1/contracts/${c.id}/coverage`, {
      ciIds: [sw.id],
      assetIds: [asset.id],
    });
    expect(
      res
        .json()
        .map(
          (x: { ci: { name: string } | null; asset: { assetTag: string } | null }) =>
            x.ci?.name ?? x.asset?.assetTag,
        ),
    ).toEqual(['core-sw', 'SRV-1']);
    expect(
      (await t.manager.post(`/api/v1/contracts/${c.id}/coverage`, { ciIds: [sw.id] })).json(),
    ).toHaveLength(2);
    expect((await t.agent.get(`/api/v1/contracts/${c.id}`)).json().coverageCount).toBe(2);
    expect((await t.manager.del(`/api/v1/contracts/${c.id}/coverage/${res.json()[0].id}`)).statusCode).toBe(
      204,
    );
  });
});

describe('licences', () => {
  it('reports over- and under-licensed products per licence and for the estate', async () => {
    const microsoft = async (product: string, metric: string) =>
      (await t.agent.post('/api/v1/licences', { product, vendor: 'Microsoft', metric })).json();
    const office = await microsoft('Office 365 E3', 'per_user');
    const db = await microsoft('SQL Server Enterprise', 'per_core');
    await t.agent.post(`/api/v1/licences/${office.id}/entitlements`, {
      quantity: 10,
      purchasedOn: '2025-01-01',
      cost: 2400,
      currency: 'EUR',
    });
    await t.agent.post(`/api/v1/licences/${office.id}/entitlements`, {
      quantity: 50,
      expiresOn: '2026-01-01',
    });
    for (let i = 0; i < 4; i++) {
      const u = await buildUser(t.env);
      expect(
        (await t.agent.post(`/api/v1/licences/${office.id}/installations`, { userId: u.id })).statusCode,
      ).toBe(201);
    }
    await t.agent.post(`/api/v1/licences/${db.id}/entitlements`, { quantity: 16 });
    const big = await buildCi(t.agent, 'physical_server', { name: 'sql-1', attributes: { cpu_count: 16 } });
    const small = await buildCi(t.agent, 'virtual_server', { name: 'sql-2', attributes: { cpu_count: 8 } });
    await t.agent.post(`/api/v1/licences/${db.id}/installations`, { ciId: big.id });
    await t.agent.post(`/api/v1/licences/${db.id}/installations`, { ciId: small.id, cores: 4 });
    expect((await t.agent.post(`/api/v1/licences/${db.id}/installations`, { ciId: big.id })).statusCode).toBe(
      409,
    );
    expect(
      (await t.agent.post(`/api/v1/licences/${db.id}/installations`, { userId: t.agent.user.id })).statusCode,
    ).toBe(422);

    expect((await t.agent.get(`/api/v1/licences/${office.id}`)).json().compliance).toEqual({
      entitled: 10,
      consumed: 4,
      unused: 6,
      shortfall: 0,
      status: 'over_licensed',
    });
    const report = (await t.agent.get('/api/v1/licences/compliance')).json();
    expect(report.summary).toEqual({
      licences: 2,
      compliant: 0,
      overLicensed: 1,
      underLicensed: 1,
      unused: 6,
      shortfall: 4,
    });
    expect(report.items[0]).toMatchObject({
      licence: { product: 'SQL Server Enterprise' },
      entitled: 16,
      consumed: 20,
      status: 'under_licensed',
    });
    const entitlements = (await t.agent.get(`/api/v1/licences/${office.id}/entitlements`)).json();
    expect(
      entitlements.map((e: { quantity: number; inForce: boolean }) => `${e.quantity}:${e.inForce}`).sort(),
    ).toEqual(['10:true', '50:false']);
  });
});
