import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../support/app.ts';
import { buildCi } from '../support/cmdb.ts';

const t = setupTestEnv({ admin: ['admin'], agent: ['agent'] });

const attr = (key: string, type = 'string', extra: Record<string, unknown> = {}) => ({
  key,
  label: key,
  type,
  ...extra,
});

async function getClass(key: string) {
  return (await t.admin.get(`/api/v1/cmdb/classes/${key}`)).json();
}

/** The class as stored, with `change` applied, for a PUT. */
async function edited(
  key: string,
  change: (c: { label: string; parent: string | null; abstract: boolean; attributes: object[] }) => void,
) {
  const c = await getClass(key);
  const body = {
    label: c.label,
    parent: c.parent,
    abstract: c.abstract,
    attributes: c.attributes,
    identifiers: c.identifiers,
  };
  change(body);
  return { body, etag: `"${c.version}"` };
}

describe('class model administration', () => {
  it('lets an administrator add a class under an existing one, and nobody else', async () => {
    const body = {
      label: 'Container',
      parent: 'application',
      attributes: [attr('image', 'string', { required: true }), attr('replicas', 'integer', { min: 0 })],
    };
    expect((await t.agent.put('/api/v1/cmdb/classes/container', body)).statusCode).toBe(403);
    const res = await t.admin.put('/api/v1/cmdb/classes/container', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'container', builtin: false, version: 1 });
    expect(res.json().effectiveAttributes.map((a: { key: string }) => a.key)).toEqual([
      'version',
      'url',
      'vendor',
      'environment',
      'image',
      'replicas',
    ]);
    expect((await getClass('application')).children).toContain('container');
    const ci = await buildCi(t.agent, 'container', { attributes: { image: 'nginx:1.27', replicas: '3' } });
    expect(ci.attributes).toMatchObject({ image: 'nginx:1.27', replicas: 3 });
  });

  it('validates the whole model and explains each problem', async () => {
    const res = await t.admin.put('/api/v1/cmdb/classes/bad', {
      label: 'Bad',
      parent: 'nowhere',
      attributes: [attr('kind', 'enum'), attr('version', 'string')],
    });
    expect(res.statusCode).toBe(422);
    const messages = res.json().errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Class "bad" has unknown parent "nowhere".',
        'Attribute "kind" is an enum but lists no allowed values.',
      ]),
    );
    const redefines = await t.admin.put('/api/v1/cmdb/classes/bad', {
      label: 'Bad',
      parent: 'application',
      attributes: [attr('version', 'integer')],
    });
    expect(redefines.json().errors[0].message).toContain('redefines the one inherited from "application"');
  });

  it('adds an optional attribute to a class in use without fuss', async () => {
    await buildCi(t.agent, 'database', { name: 'orders-db' });
    const { body, etag } = await edited('database', (c) => c.attributes.push(attr('backup_policy')));
    const res = await t.admin.put('/api/v1/cmdb/classes/database', body, { 'if-match': etag });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    const stale = await t.admin.put('/api/v1/cmdb/classes/database', body, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
  });

  it('refuses a change that would break existing CIs, naming them', async () => {
    const { body } = await edited('database', (c) => {
      (c.attributes as { key: string; required?: boolean }[]).find(
        (a) => a.key === 'backup_policy',
      )!.required = true;
    });
    const res = await t.admin.put('/api/v1/cmdb/classes/database', body);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      brokenCount: 1,
      brokenCis: [{ name: 'orders-db', classKey: 'database', problems: ['backup_policy is required'] }],
    });
  });

  it('refuses to make an attribute unique while values are shared, or to drop one that holds data', async () => {
    await buildCi(t.agent, 'application', { name: 'app-1', attributes: { vendor: 'Acme' } });
    await buildCi(t.agent, 'application', { name: 'app-2', attributes: { vendor: 'acme' } });
    const unique = await edited('application', (c) => {
      (c.attributes as { key: string; unique?: boolean }[]).find((a) => a.key === 'vendor')!.unique = true;
    });
    const res = await t.admin.put('/api/v1/cmdb/classes/application', unique.body);
    expect(res.statusCode).toBe(409);
    expect(
      res
        .json()
        .brokenCis.map((b: { name: string }) => b.name)
        .sort(),
    ).toEqual(['app-1', 'app-2']);
    const dropped = await edited('application', (c) => {
      c.attributes = (c.attributes as { key: string }[]).filter((a) => a.key !== 'vendor');
    });
    const drop = await t.admin.put('/api/v1/cmdb/classes/application', dropped.body);
    expect(drop.statusCode).toBe(409);
    expect(drop.json().brokenCis[0].problems).toEqual(['vendor is not an attribute of this class']);
  });

  it('refuses to make a class with CIs abstract', async () => {
    const { body } = await edited('container', (c) => {
      c.abstract = true;
    });
    const res = await t.admin.put('/api/v1/cmdb/classes/container', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().brokenCis[0].problems[0]).toContain('abstract');
  });

  it('deletes only unused, non-shipped classes without subclasses', async () => {
    expect((await t.admin.del('/api/v1/cmdb/classes/server')).statusCode).toBe(409);
    expect((await t.admin.del('/api/v1/cmdb/classes/container')).statusCode).toBe(409);
    await t.admin.put('/api/v1/cmdb/classes/scratch', { label: 'Scratch', attributes: [] });
    expect((await t.admin.del('/api/v1/cmdb/classes/scratch')).statusCode).toBe(204);
    expect((await t.admin.get('/api/v1/cmdb/classes/scratch')).statusCode).toBe(404);
  });
});
