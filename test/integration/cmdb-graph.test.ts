import { beforeAll, describe, expect, it } from 'vitest';
import { registerImpactEnricher, unregisterImpactEnricher } from '../../src/modules/cmdb/service.ts';
import { setupTestEnv } from '../support/app.ts';
import { buildCi, buildGraph, type CiJson, relate } from '../support/cmdb.ts';

const t = setupTestEnv({ agent: ['agent'] });
const ci: Record<string, CiJson> = {};

type Item = { ci: { name: string }; depth: number; because: string; path: { label: string }[] };
/** Ask for a relationship without expecting it to be made (as `relate` does). */
const postRelationship = (type: string, from: CiJson, to: CiJson) =>
  t.agent.post('/api/v1/cmdb/relationships', { type, fromId: from.id, toId: to.id });
const names = (items: Item[]) => items.map((i) => `${i.ci.name}@${i.depth}`).sort();

beforeAll(async () => {
  await buildGraph(
    t.agent,
    {
      bs: ['business_service', 'Payroll service'],
      ts: ['technical_service', 'HR platform'],
      app: ['application', 'Payroll app'],
      app2: ['application', 'Timesheets'],
      db: ['database', 'payroll-db'],
      vm1: ['virtual_server', 'vm1'],
      vm2: ['virtual_server', 'vm2'],
      host1: ['physical_server', 'host1'],
      sw1: ['network_device', 'sw1'],
    },
    [
      ['bs', 'depends_on', 'ts'],
      ['ts', 'depends_on', 'app'],
      ['app', 'depends_on', 'db'],
      ['app', 'runs_on', 'vm1'],
      ['db', 'runs_on', 'vm2'],
      ['vm1', 'runs_on', 'host1'],
      ['vm2', 'runs_on', 'host1'],
      ['host1', 'connects_to', 'sw1'],
      // A cycle: the two applications use each other.
      ['app', 'depends_on', 'app2'],
      ['app2', 'depends_on', 'app'],
    ],
    ci,
  );
});

describe('relationships', () => {
  it('enforce the allowed class pairs with an explanation', async () => {
    const res = await postRelationship('runs_on', ci.app!, ci.db!);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(
      'A "runs on" relationship cannot go from Application to Database; it is allowed from Application to Hardware, Database to Hardware, Software to Hardware, Virtual server to Physical server.',
    );
    const unknown = await postRelationship('loves', ci.app!, ci.db!);
    expect(unknown.statusCode).toBe(422);
    const self = await postRelationship('depends_on', ci.app!, ci.app!);
    expect(self.statusCode).toBe(422);
  });

  it('refuses a duplicate with 409', async () => {
    const res = await postRelationship('runs_on', ci.vm1!, ci.host1!);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('vm1 already runs on host1.');
  });

  it('lists a CI’s relationships both ways, labelled from its side', async () => {
    const list = (await t.agent.get(`/api/v1/cmdb/cis/${ci.host1!.id}/relationships`)).json();
    expect(
      list.map(
        (r: { direction: string; label: string; ci: { name: string } }) =>
          `${r.label} ${r.ci.name} (${r.direction})`,
      ),
    ).toEqual(['connects to sw1 (outgoing)', 'hosts vm1 (incoming)', 'hosts vm2 (incoming)']);
  });

  it('can be removed, and the removal is in both CIs’ history', async () => {
    const a = await buildCi(t.agent, 'application', { name: 'tmp-app' });
    const id = await relate(t.agent, a, 'depends_on', ci.db!);
    expect((await t.agent.del(`/api/v1/cmdb/relationships/${id}`)).statusCode).toBe(204);
    expect((await t.agent.del(`/api/v1/cmdb/relationships/${id}`)).statusCode).toBe(404);
    const history = (await t.agent.get(`/api/v1/cmdb/cis/${ci.db!.id}/history`)).json();
    expect(history.map((h: { field: string }) => h.field)).toContain('relationship.removed');
  });
});

describe('impact analysis', () => {
  it('walks downstream from a failed switch to the services, with the reason for each CI', async () => {
    const res = await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact`);
    expect(res.statusCode).toBe(200);
    const impact = res.json();
    expect(names(impact.items)).toEqual(
      [
        'host1@1',
        'vm1@2',
        'vm2@2',
        'Payroll app@3',
        'payroll-db@3',
        'HR platform@4',
        'Timesheets@4',
        'Payroll service@5',
      ].sort(),
    );
    const app = impact.items.find((i: Item) => i.ci.name === 'Payroll app');
    expect(app.because).toBe('host1 connects to sw1; vm1 runs on host1; Payroll app runs on vm1');
    expect(app.path.map((s: { label: string }) => s.label)).toEqual(['connected from', 'hosts', 'hosts']);
    expect(impact.services.map((s: Item) => s.ci.name).sort()).toEqual(['HR platform', 'Payroll service']);
    expect(impact.nodes).toHaveLength(9);
    // Every followed relationship between reached CIs, for the graph (app2 ↔ app cycle included).
    expect(impact.edges).toHaveLength(10);
    expect(impact.truncated).toBe(false);
  });

  it('stops at the requested depth; shorter lists still come with complete counts', async () => {
    const shallow = (await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact?depth=2`)).json();
    expect(names(shallow.items)).toEqual(['host1@1', 'vm1@2', 'vm2@2']);
    expect(shallow.services).toEqual([]);
    expect(shallow.counts).toMatchObject({ cis: 3, services: 0, byDepth: [1, 1, 2] });
    const full = (await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact`)).json();
    expect(full.truncated).toBe(false);
    expect(full.counts.cis).toBe(full.items.length);
    expect(full.counts.services).toBe(full.services.length);
    expect(full.counts.byClass.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(
      full.counts.cis,
    );
    const capped = (await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact?maxNodes=2`)).json();
    expect(capped.items.map((i: { depth: number }) => i.depth)).toEqual([1, 2]); // the nearest
    expect(capped.truncated).toBe(true);
    expect(capped.counts).toEqual(full.counts);
    // Services are listed on their own, each with the path that explains it.
    expect(names(capped.services)).toEqual(names(full.services));
    expect(capped.services.map((s: { because: string }) => s.because)).toEqual(
      full.services.map((s: { because: string }) => s.because),
    );
    const oneService = (await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact?maxServices=1`)).json();
    expect(oneService.services).toHaveLength(1);
    expect(oneService.truncated).toBe(full.services.length > 1);
    const bad = await t.agent.get(`/api/v1/cmdb/cis/${ci.sw1!.id}/impact?maxServices=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('visits each CI of a cycle once', async () => {
    const impact = (await t.agent.get(`/api/v1/cmdb/cis/${ci.app!.id}/impact`)).json();
    expect(names(impact.items)).toEqual(['HR platform@1', 'Payroll service@2', 'Timesheets@1']);
  });

  it('gives a service’s full dependency tree', async () => {
    const tree = (await t.agent.get(`/api/v1/cmdb/cis/${ci.bs!.id}/dependencies`)).json();
    expect(tree.mode).toBe('dependencies');
    expect(names(tree.items)).toEqual(
      [
        'HR platform@1',
        'Payroll app@2',
        'Timesheets@3',
        'payroll-db@3',
        'vm1@3',
        'host1@4',
        'vm2@4',
        'sw1@5',
      ].sort(),
    );
    const sw = tree.items.find((i: Item) => i.ci.name === 'sw1');
    expect(sw.path.map((s: { label: string }) => s.label)).toEqual([
      'depends on',
      'depends on',
      'runs on',
      'runs on',
      'connects to',
    ]);
    const two = (await t.agent.get(`/api/v1/cmdb/cis/${ci.bs!.id}/dependencies?depth=2`)).json();
    expect(names(two.items)).toEqual(['HR platform@1', 'Payroll app@2']);
  });

  it('follows containment forward only: a chassis outage takes its blades, not the reverse', async () => {
    const chassis = await buildCi(t.agent, 'physical_server', { name: 'chassis' });
    const blade = await buildCi(t.agent, 'physical_server', { name: 'blade' });
    await relate(t.agent, chassis, 'contains', blade);
    expect(names((await t.agent.get(`/api/v1/cmdb/cis/${chassis.id}/impact`)).json().items)).toEqual([
      'blade@1',
    ]);
    expect((await t.agent.get(`/api/v1/cmdb/cis/${blade.id}/impact`)).json().items).toEqual([]);
  });

  it('lets other modules attach customers and agreements to impacted services', async () => {
    registerImpactEnricher('test.customers', async (_ctx, ids) => {
      const out = new Map();
      if (ids.includes(ci.bs!.id))
        out.set(ci.bs!.id, {
          customers: [{ id: 'c1', name: 'Acme Corp' }],
          slas: [{ id: 's1', name: 'Gold', detail: '99.9%' }],
        });
      return out;
    });
    try {
      const impact = (await t.agent.get(`/api/v1/cmdb/cis/${ci.db!.id}/impact`)).json();
      const payroll = impact.services.find((s: Item) => s.ci.name === 'Payroll service');
      expect(payroll).toMatchObject({
        customers: [{ name: 'Acme Corp' }],
        slas: [{ name: 'Gold', detail: '99.9%' }],
      });
      expect(impact.services.find((s: Item) => s.ci.name === 'HR platform')).toMatchObject({
        customers: [],
        slas: [],
      });
    } finally {
      unregisterImpactEnricher('test.customers');
    }
  });
});
