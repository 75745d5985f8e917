import { describe, expect, it } from 'vitest';
import { buildGroup, setupTestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

const t = setupTestEnv({ agent: ['agent'] });

describe('configuration items', () => {
  it('ships the default class model with inherited attributes', async () => {
    const res = await t.agent.get('/api/v1/cmdb/classes/virtual_server');
    expect(res.statusCode).toBe(200);
    const cls = res.json();
    expect(cls).toMatchObject({ key: 'virtual_server', parent: 'server', builtin: true, abstract: false });
    const hostname = cls.effectiveAttributes.find((a: { key: string }) => a.key === 'hostname');
    expect(hostname).toMatchObject({ required: true, unique: true, inheritedFrom: 'server' });
    expect(cls.effectiveIdentifiers).toEqual(['instance_id', 'hostname']);
  });

  it('validates and coerces attributes on create, reporting every bad field', async () => {
    const bad = await t.agent.post('/api/v1/cmdb/cis', {
      classKey: 'physical_server',
      name: 'bad',
      attributes: { cpu_count: 'many', os: 'plan9', colour: 'red' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'attributes.hostname', message: 'hostname is required' },
        { field: 'attributes.cpu_count', message: 'cpu_count must be a whole number, got "many"' },
        expect.objectContaining({ field: 'attributes.os' }),
        { field: 'attributes.colour', message: 'colour is not an attribute of this class' },
      ]),
    );
    const ok = await t.agent.post('/api/v1/cmdb/cis', {
      classKey: 'physical_server',
      name: 'db-host-1',
      attributes: { hostname: 'DB-HOST-1', cpu_count: '32', memory_gb: 256, os: 'Linux' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.headers.etag).toBe('"1"');
    expect(ok.json()).toMatchObject({
      classLabel: 'Physical server',
      status: 'in_use',
      attributes: { hostname: 'DB-HOST-1', cpu_count: 32, memory_gb: 256, os: 'linux', rack: null },
    });
  });

  it('refuses abstract and unknown classes', async () => {
    const abstract = await t.agent.post('/api/v1/cmdb/cis', { classKey: 'hardware', name: 'x' });
    expect(abstract.statusCode).toBe(422);
    expect(abstract.json().errors[0].message).toContain('abstract');
    expect((await t.agent.post('/api/v1/cmdb/cis', { classKey: 'spaceship', name: 'x' })).statusCode).toBe(
      422,
    );
  });

  it('enforces unique attributes across the declaring class and its subclasses', async () => {
    await buildCi(t.agent, 'physical_server', {
      attributes: { hostname: 'shared.example.net', asset_tag: 'AT-1' },
    });
    const sameHostVm = await t.agent.post('/api/v1/cmdb/cis', {
      classKey: 'virtual_server',
      name: 'vm',
      attributes: { hostname: 'Shared.Example.NET' },
    });
    expect(sameHostVm.statusCode).toBe(409);
    expect(sameHostVm.json().errors[0]).toMatchObject({ field: 'attributes.hostname' });
    const sameTagSwitch = await t.agent.post('/api/v1/cmdb/cis', {
      classKey: 'network_device',
      name: 'sw',
      attributes: { hostname: 'sw-unique', asset_tag: 'at-1' },
    });
    expect(sameTagSwitch.statusCode).toBe(409);
    expect(sameTagSwitch.json().detail).toContain('unique across Hardware');
    // A network device's hostname lives in another scope than a server's.
    const sw = await t.agent.post('/api/v1/cmdb/cis', {
      classKey: 'network_device',
      name: 'sw',
      attributes: { hostname: 'shared.example.net' },
    });
    expect(sw.statusCode).toBe(201);
  });

  it('edits with If-Match, keeps field history and answers 412 when stale', async () => {
    const group = await buildGroup(t.env);
    const ci = await buildCi(t.agent, 'database', { name: 'crm-db' });
    const res = await t.agent.patch(
      `/api/v1/cmdb/cis/${ci.id}`,
      { status: 'maintenance', supportGroupId: group.id, attributes: { version: '16.2', port: 5432 } },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      status: 'maintenance',
      supportGroup: { id: group.id },
      attributes: { engine: 'postgresql', version: '16.2', port: 5432 },
    });
    const stale = await t.agent.patch(
      `/api/v1/cmdb/cis/${ci.id}`,
      { status: 'in_use' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const history = (await t.agent.get(`/api/v1/cmdb/cis/${ci.id}/history`)).json();
    expect(history.map((h: { field: string }) => h.field)).toEqual([
      'created',
      'status',
      'supportGroupId',
      'attributes.version',
      'attributes.port',
    ]);
    expect(history[1]).toMatchObject({
      oldValue: 'in_use',
      newValue: 'maintenance',
      actor: { id: t.agent.user.id },
    });
    const cleared = await t.agent.patch(`/api/v1/cmdb/cis/${ci.id}`, { attributes: { engine: null } });
    expect(cleared.statusCode).toBe(422);
  });

  it('lists by class including subclasses, status, support group and text, a page at a time', async () => {
    const group = await buildGroup(t.env);
    for (const n of ['alpha', 'bravo', 'charlie']) {
      await buildCi(t.agent, 'virtual_server', { name: `list-${n}`, supportGroupId: group.id });
    }
    await buildCi(t.agent, 'physical_server', {
      name: 'list-delta',
      status: 'retired',
      supportGroupId: group.id,
    });
    const first = (
      await t.agent.get(`/api/v1/cmdb/cis?class=server&supportGroupId=${group.id}&limit=2`)
    ).json();
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['list-alpha', 'list-bravo']);
    const second = (
      await t.agent.get(
        `/api/v1/cmdb/cis?class=server&supportGroupId=${group.id}&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['list-charlie', 'list-delta']);
    expect(second.nextCursor).toBeNull();
    const retired = (await t.agent.get(`/api/v1/cmdb/cis?status=retired&supportGroupId=${group.id}`)).json();
    expect(retired.items.map((c: { name: string }) => c.name)).toEqual(['list-delta']);
    const text = (await t.agent.get('/api/v1/cmdb/cis?q=list-char')).json();
    expect(text.items.map((c: { name: string }) => c.name)).toEqual(['list-charlie']);
    const byHost = (await t.agent.get('/api/v1/cmdb/cis?q=DB-HOST-1')).json();
    expect(byHost.items.map((c: { name: string }) => c.name)).toEqual(['db-host-1']);
  });
});
