import { beforeAll, describe, expect, it } from 'vitest';
import { registerImpactEnricher, unregisterImpactEnricher } from '../../src/modules/cmdb/service.ts';
import { activityOf, buildIncident, fieldChanges, setupTestEnv } from '../support/app.ts';
import { buildCi, type CiJson, relate } from '../support/cmdb.ts';

const t = setupTestEnv({ agent: ['agent'], requester: ['requester'] });
const ci: Record<string, CiJson> = {};

beforeAll(async () => {
  ci.email = await buildCi(t.agent, 'business_service', { name: 'Email' });
  ci.crm = await buildCi(t.agent, 'business_service', { name: 'CRM' });
  ci.exchange = await buildCi(t.agent, 'application', { name: 'Exchange' });
  ci.crmApp = await buildCi(t.agent, 'application', { name: 'CRM app' });
  ci.vm = await buildCi(t.agent, 'virtual_server', { name: 'mail-vm' });
  ci.host = await buildCi(t.agent, 'physical_server', { name: 'host-7' });
  await relate(t.agent, ci.email, 'depends_on', ci.exchange);
  await relate(t.agent, ci.crm, 'depends_on', ci.crmApp);
  await relate(t.agent, ci.exchange, 'runs_on', ci.vm);
  await relate(t.agent, ci.vm, 'runs_on', ci.host);
  await relate(t.agent, ci.crmApp, 'runs_on', ci.host);
});

describe('records and CIs', () => {
  it('links and unlinks CIs on a record, with the changes in its history', async () => {
    const inc = await buildIncident(t.agent);
    const linked = await t.agent.post(`/api/v1/records/${inc.number}/cis`, {
      ciIds: [ci.vm!.id, ci.host!.id],
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().map((c: { name: string }) => c.name)).toEqual(['host-7', 'mail-vm']);
    // Linking again keeps one link each.
    expect((await t.agent.post(`/api/v1/records/${inc.id}/cis`, { ciIds: [ci.vm!.id] })).json()).toHaveLength(
      2,
    );
    const after = await t.agent.del(`/api/v1/records/${inc.id}/cis/${ci.vm!.id}`);
    expect(after.json().map((c: { name: string }) => c.name)).toEqual(['host-7']);
    expect((await t.agent.del(`/api/v1/records/${inc.id}/cis/${ci.vm!.id}`)).statusCode).toBe(404);
    const changes = fieldChanges(await activityOf(t.agent, inc.id)).map(
      (a) => `${a.field} ${a.newValue ?? a.oldValue}`,
    );
    expect(changes).toEqual(
      expect.arrayContaining(['ci.linked mail-vm', 'ci.linked host-7', 'ci.unlinked mail-vm']),
    );
    const unknown = await t.agent.post(`/api/v1/records/${inc.id}/cis`, {
      ciIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('lists the services an incident hits through its CIs', async () => {
    registerImpactEnricher(
      'test.customers',
      async (_ctx, ids) => new Map(ids.map((id) => [id, { customers: [{ id: `c-${id}`, name: 'Acme' }] }])),
    );
    try {
      const inc = await buildIncident(t.agent, { ciIds: [ci.host!.id] });
      const impact = (await t.agent.get(`/api/v1/records/${inc.id}/impact`)).json();
      expect(impact.roots.map((r: { name: string }) => r.name)).toEqual(['host-7']);
      expect(impact.services.map((s: { ci: { name: string } }) => s.ci.name).sort()).toEqual([
        'CRM',
        'Email',
      ]);
      const email = impact.services.find((s: { ci: { name: string } }) => s.ci.name === 'Email');
      expect(email).toMatchObject({ depth: 3, customers: [{ name: 'Acme' }] });
      expect(email.because).toBe(
        'mail-vm runs on host-7; Exchange runs on mail-vm; Email depends on Exchange',
      );
    } finally {
      unregisterImpactEnricher('test.customers');
    }
  });

  it('walks from all of a record’s CIs at once, each CI at its shortest distance', async () => {
    const inc = await buildIncident(t.agent, { ciIds: [ci.host!.id, ci.exchange!.id] });
    const impact = (await t.agent.get(`/api/v1/records/${inc.id}/impact?depth=1`)).json();
    expect(
      impact.items.map((i: { ci: { name: string }; depth: number }) => `${i.ci.name}@${i.depth}`).sort(),
    ).toEqual(['CRM app@1', 'Email@1', 'mail-vm@1']);
    const none = await buildIncident(t.agent);
    expect((await t.agent.get(`/api/v1/records/${none.id}/impact`)).json()).toMatchObject({
      roots: [],
      services: [],
    });
  });

  it('creates an incident with its CIs atomically, and only for agents', async () => {
    const bad = await t.agent.post('/api/v1/incidents', {
      title: 'x',
      ciIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(422);
    const list = (await t.agent.get('/api/v1/incidents?q=x')).json();
    expect(list.items.filter((i: { title: string }) => i.title === 'x')).toEqual([]);
    expect(
      (await t.requester.post('/api/v1/incidents', { title: 'mine', ciIds: [ci.host!.id] })).statusCode,
    ).toBe(403);
  });

  it('shows a requester the CIs and impact of their own record, and nothing else', async () => {
    const own = await buildIncident(t.requester);
    await t.agent.post(`/api/v1/records/${own.id}/cis`, { ciIds: [ci.exchange!.id] });
    expect(
      (await t.requester.get(`/api/v1/records/${own.id}/cis`)).json().map((c: { name: string }) => c.name),
    ).toEqual(['Exchange']);
    expect((await t.requester.get(`/api/v1/records/${own.id}/impact`)).json().services).toHaveLength(1);
    expect(
      (await t.requester.post(`/api/v1/records/${own.id}/cis`, { ciIds: [ci.host!.id] })).statusCode,
    ).toBe(403);
    const other = await buildIncident(t.agent);
    expect((await t.requester.get(`/api/v1/records/${other.id}/cis`)).statusCode).toBe(404);
    expect((await t.requester.get(`/api/v1/cmdb/cis/${ci.host!.id}`)).statusCode).toBe(403);
  });

  it('refuses to delete a CI that records refer to', async () => {
    const res = await t.agent.del(`/api/v1/cmdb/cis/${ci.host!.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('retired');
    const spare = await buildCi(t.agent, 'application', { name: 'spare' });
    expect((await t.agent.del(`/api/v1/cmdb/cis/${spare.id}`)).statusCode).toBe(204);
  });
});
