import { describe, expect, it } from 'vitest';
import { as, errorFields, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ manager: ['service_manager'] });

describe('organisations', () => {
  it('keeps customers and suppliers, unique by name, with optimistic concurrency', async () => {
    const acme = await t.manager.post('/api/v1/organisations', {
      name: 'Acme Corp',
      kind: 'customer',
      email: 'it@acme.example',
    });
    expect(acme.statusCode).toBe(201);
    await t.manager.post('/api/v1/organisations', { name: 'Dell Support', kind: 'supplier' });
    expect(
      (await t.manager.post('/api/v1/organisations', { name: 'ACME corp', kind: 'customer' })).statusCode,
    ).toBe(409);
    const suppliers = (await t.manager.get('/api/v1/organisations?kind=supplier')).json();
    expect(suppliers.map((o: { name: string }) => o.name)).toEqual(['Dell Support']);
    const id = acme.json().id;
    expect(
      (
        await t.manager.patch(`/api/v1/organisations/${id}`, { notes: 'Key account' }, { 'if-match': '"1"' })
      ).json().version,
    ).toBe(2);
    expect(
      (await t.manager.patch(`/api/v1/organisations/${id}`, { notes: 'x' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(412);
    // Renaming checks the new name against the others, and keeps the organisation's own.
    const renamed = await t.manager.patch(`/api/v1/organisations/${id}`, { name: 'Acme Group' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Acme Group');
    expect((await t.manager.patch(`/api/v1/organisations/${id}`, { name: 'acme group' })).statusCode).toBe(
      200,
    );
    const taken = await t.manager.patch(`/api/v1/organisations/${id}`, { name: 'dell support' });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect((await t.manager.get(`/api/v1/organisations/${id}`)).json().name).toBe('acme group');
  });

  it('takes the wildcards of a search literally', async () => {
    await t.manager.post('/api/v1/organisations', { name: '100% Uptime Ltd', kind: 'supplier' });
    await t.manager.post('/api/v1/organisations', { name: 'Plain_Hosting', kind: 'supplier' });
    const names = async (q: string) =>
      (await t.manager.get(`/api/v1/organisations?q=${encodeURIComponent(q)}`))
        .json()
        .map((o: { name: string }) => o.name);
    expect(await names('%')).toEqual(['100% Uptime Ltd']);
    expect(await names('n_h')).toEqual(['Plain_Hosting']);
    expect(await names('_')).toEqual(['Plain_Hosting']);
  });

  it('validates input and refuses requesters', async () => {
    const bad = await t.manager.post('/api/v1/organisations', {
      name: 'X',
      kind: 'alien',
      website: 'not a url',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorFields(bad)).toEqual(expect.arrayContaining(['body.kind', 'body.website']));
    const requester = await as(t.env, ['requester']);
    expect((await requester.get('/api/v1/organisations')).statusCode).toBe(403);
    expect((await requester.post('/api/v1/organisations', { name: 'Y', kind: 'customer' })).statusCode).toBe(
      403,
    );
  });
});
