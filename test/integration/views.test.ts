/** Saved views of lists: personal and shared, who may change them, and what they store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Client, clientFor, createTestEnv, type TestEnv } from '../support/app.ts';

let env: TestEnv;
let alice: Client;
let bob: Client;
let admin: Client;

beforeAll(async () => {
  env = await createTestEnv();
  alice = await as(env, ['agent']);
  bob = await as(env, ['agent']);
  admin = await as(env, ['admin']);
});
afterAll(() => env.close());

type View = { id: string; name: string; shared: boolean; canEdit: boolean; query: string; columns: string[] };
const names = async (c: Client, list = 'incidents') =>
  ((await c.get(`/api/v1/views?list=${list}`)).json() as { items: View[] }).items.map((v) => v.name);

describe('saved views', () => {
  let personal: View;
  let shared: View;

  it('saves a personal view with its filters, sort and columns', async () => {
    const res = await alice.post('/api/v1/views', {
      list: 'incidents',
      name: 'My P1s',
      query: 'priority=1&sort=sla_due&order=asc',
      columns: ['number', 'title', 'sla_due'],
    });
    expect(res.statusCode).toBe(201);
    personal = res.json();
    expect(personal).toMatchObject({
      name: 'My P1s',
      shared: false,
      canEdit: true,
      query: 'priority=1&sort=sla_due&order=asc',
      columns: ['number', 'title', 'sla_due'],
      owner: { id: alice.user.id },
    });
  });

  it('shows a personal view to its owner only, and answers 404 to anyone else', async () => {
    expect(await names(alice)).toEqual(['My P1s']);
    expect(await names(bob)).toEqual([]);
    expect((await bob.patch(`/api/v1/views/${personal.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await bob.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(404);
  });

  it('keeps views per list', async () => {
    expect(await names(alice, 'requests')).toEqual([]);
  });

  it('shares a view with everyone, who may use it but not change it', async () => {
    const res = await alice.post('/api/v1/views', {
      list: 'incidents',
      name: 'Breached, by group',
      query: 'slaState=breached',
      columns: ['number', 'title', 'group'],
      shared: true,
    });
    shared = res.json();
    expect(await names(bob)).toEqual(['Breached, by group']);
    const seen = ((await bob.get('/api/v1/views?list=incidents')).json() as { items: View[] }).items[0];
    expect(seen?.canEdit).toBe(false);
    const denied = await bob.patch(`/api/v1/views/${shared.id}`, { name: 'Renamed by Bob' });
    expect(denied.statusCode).toBe(403);
    expect((await bob.del(`/api/v1/views/${shared.id}`)).statusCode).toBe(403);
  });

  it('lets the owner rename and update a view without losing what the patch leaves out', async () => {
    const res = await alice.patch(`/api/v1/views/${personal.id}`, { name: 'Urgent' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Urgent',
      query: 'priority=1&sort=sla_due&order=asc',
      columns: ['number', 'title', 'sla_due'],
    });
  });

  it('lets an admin change or delete a shared view, but not see a personal one', async () => {
    expect(await names(admin)).toEqual(['Breached, by group']);
    const renamed = await admin.patch(`/api/v1/views/${shared.id}`, { name: 'Breached' });
    expect(renamed.json()).toMatchObject({ name: 'Breached', canEdit: true });
    expect((await admin.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/views/${shared.id}`)).statusCode).toBe(204);
    expect(await names(bob)).toEqual([]);
  });

  it('lets the owner delete their view', async () => {
    expect((await alice.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(204);
    expect(await names(alice)).toEqual([]);
  });

  it('refuses bad input with problem details', async () => {
    const noName = await alice.post('/api/v1/views', { list: 'incidents', name: '  ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.headers['content-type']).toContain('application/problem+json');
    const badList = await alice.post('/api/v1/views', { list: 'Incidents!', name: 'x' });
    expect(badList.statusCode).toBe(400);
    const badColumn = await alice.post('/api/v1/views', { list: 'incidents', name: 'x', columns: ['a b'] });
    expect(badColumn.statusCode).toBe(400);
    expect((await alice.get('/api/v1/views')).statusCode).toBe(400);
  });

  it('needs the write scope to save', async () => {
    const reader = await clientFor(env, alice.user, ['read']);
    const res = await reader.post('/api/v1/views', { list: 'incidents', name: 'x' });
    expect(res.statusCode).toBe(403);
  });
});
