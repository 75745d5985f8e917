/** Saved views of lists: personal and shared, who may change them, and what they store. */
import { describe, expect, it } from 'vitest';
import { type Client, clientFor, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ alice: ['agent'], bob: ['agent'], admin: ['admin'] });

type View = { id: string; name: string; shared: boolean; canEdit: boolean; query: string; columns: string[] };
const names = async (c: Client, list = 'incidents') =>
  ((await c.get(`/api/v1/views?list=${list}`)).json() as { items: View[] }).items.map((v) => v.name);

describe('saved views', () => {
  let personal: View;
  let shared: View;

  it('saves a personal view with its filters, sort and columns', async () => {
    const res = await t.alice.post('/api/v1/views', {
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
      owner: { id: t.alice.user.id },
    });
  });

  it('shows a personal view to its owner only, and answers 404 to anyone else', async () => {
    expect(await names(t.alice)).toEqual(['My P1s']);
    expect(await names(t.bob)).toEqual([]);
    expect((await t.bob.patch(`/api/v1/views/${personal.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await t.bob.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(404);
  });

  it('keeps views per list', async () => {
    expect(await names(t.alice, 'requests')).toEqual([]);
  });

  it('shares a view with everyone, who may use it but not change it', async () => {
    const res = await t.alice.post('/api/v1/views', {
      list: 'incidents',
      name: 'Breached, by group',
      query: 'slaState=breached',
      columns: ['number', 'title', 'group'],
      shared: true,
    });
    shared = res.json();
    expect(await names(t.bob)).toEqual(['Breached, by group']);
    const seen = ((await t.bob.get('/api/v1/views?list=incidents')).json() as { items: View[] }).items[0];
    expect(seen?.canEdit).toBe(false);
    const denied = await t.bob.patch(`/api/v1/views/${shared.id}`, { name: 'Renamed by Bob' });
    expect(denied.statusCode).toBe(403);
    expect((await t.bob.del(`/api/v1/views/${shared.id}`)).statusCode).toBe(403);
  });

  it('lets the owner rename and update a view without losing what the patch leaves out', async () => {
    const res = await t.alice.patch(`/api/v1/views/${personal.id}`, { name: 'Urgent' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Urgent',
      query: 'priority=1&sort=sla_due&order=asc',
      columns: ['number', 'title', 'sla_due'],
    });
  });

  it('lets an admin change or delete a shared view, but not see a personal one', async () => {
    expect(await names(t.admin)).toEqual(['Breached, by group']);
    const renamed = await t.admin.patch(`/api/v1/views/${shared.id}`, { name: 'Breached' });
    expect(renamed.json()).toMatchObject({ name: 'Breached', canEdit: true });
    expect((await t.admin.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(404);
    expect((await t.admin.del(`/api/v1/views/${shared.id}`)).statusCode).toBe(204);
    expect(await names(t.bob)).toEqual([]);
  });

  it('lets the owner delete their view', async () => {
    expect((await t.alice.del(`/api/v1/views/${personal.id}`)).statusCode).toBe(204);
    expect(await names(t.alice)).toEqual([]);
  });

  it('refuses bad input with problem details', async () => {
    const noName = await t.alice.post('/api/v1/views', { list: 'incidents', name: '  ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.headers['content-type']).toContain('application/problem+json');
    const badList = await t.alice.post('/api/v1/views', { list: 'Incidents!', name: 'x' });
    expect(badList.statusCode).toBe(400);
    const badColumn = await t.alice.post('/api/v1/views', { list: 'incidents', name: 'x', columns: ['a b'] });
    expect(badColumn.statusCode).toBe(400);
    expect((await t.alice.get('/api/v1/views')).statusCode).toBe(400);
  });

  it('needs the write scope to save', async () => {
    const reader = await clientFor(t.env, t.alice.user, ['read']);
    const res = await reader.post('/api/v1/views', { list: 'incidents', name: 'x' });
    expect(res.statusCode).toBe(403);
  });
});
