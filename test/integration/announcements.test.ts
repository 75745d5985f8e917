/** Announcements: who may write them, who sees them (everyone, a service's customers, a group), their window and dismissal. */
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/modules/organisations/service.ts';
import { as, buildGroup, buildUser, clientFor, expectJson, setupTestEnv } from '../support/app.ts';
import { buildService } from '../support/requests.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });

const titles = async (c: { get(url: string): Promise<{ json(): unknown }> }) =>
  ((await c.get('/api/v1/announcements/current')).json() as { items: { title: string }[] }).items
    .map((a) => a.title)
    .sort();

describe('announcements', () => {
  it('are written by managers only, with a valid audience and window', async () => {
    const base = { title: 'x', audience: 'everyone', startsAt: '2026-03-01T00:00:00Z' };
    expect((await t.agent.post('/api/v1/announcements', base)).statusCode).toBe(403);
    expect((await t.requester.post('/api/v1/announcements', base)).statusCode).toBe(403);
    const noService = await t.manager.post('/api/v1/announcements', { ...base, audience: 'service' });
    expect(noService.statusCode).toBe(400);
    const backwards = await t.manager.post('/api/v1/announcements', {
      ...base,
      endsAt: '2026-02-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('must be after the start');
    expect(noService.body).toContain('is required for a service audience');
  });

  it("reach everyone, a service's customers or a group, only within their window, until dismissed", async () => {
    const org = await createOrganisation(t.env.ctx, 'system', { name: 'Acme Retail', kind: 'customer' });
    const service = await buildService(t.env);
    await t.manager.patch(`/api/v1/services/${service}`, { customerIds: [org.id] });
    // The customer belongs to the organisation the service is delivered to.
    const customer = await as(t.env, ['requester'], {
      email: 'buyer@acme.test',
      name: 'Acme Buyer',
      organisationId: org.id,
    });
    const member = await buildUser(t.env, { roles: ['requester'] });
    const group = await buildGroup(t.env, { memberIds: [member.id] });
    const memberClient = await clientFor(t.env, member);
    const create = async (body: Record<string, unknown>) => {
      const res = await t.manager.post('/api/v1/announcements', {
        startsAt: '2026-03-01T00:00:00Z',
        ...body,
      });
      return expectJson<{ id: string; version: number }>(res, 201);
    };
    const all = await create({ title: 'Office closed Friday', audience: 'everyone', severity: 'info' });
    await create({
      title: 'Payroll maintenance',
      audience: 'service',
      serviceId: service,
      severity: 'warning',
    });
    await create({ title: 'Team drinks', audience: 'group', groupId: group.id });
    await create({ title: 'Old news', audience: 'everyone', endsAt: '2026-03-02T08:00:00Z' });
    await create({ title: 'Next week', audience: 'everyone', startsAt: '2026-03-09T00:00:00Z' });

    expect(await titles(t.requester)).toEqual(['Office closed Friday']);
    expect(await titles(customer)).toEqual(['Office closed Friday', 'Payroll maintenance']);
    expect(await titles(memberClient)).toEqual(['Office closed Friday', 'Team drinks']);

    expect((await t.requester.post(`/api/v1/announcements/${all.id}/dismiss`)).statusCode).toBe(204);
    expect(await titles(t.requester)).toEqual([]);
    expect(await titles(customer)).toContain('Office closed Friday');

    // Managers list them all, by when they run, and edit them with If-Match.
    const upcoming = (await t.manager.get('/api/v1/announcements?when=upcoming')).json().items;
    expect(upcoming.map((a: { title: string }) => a.title)).toEqual(['Next week']);
    const stale = await t.manager.patch(
      `/api/v1/announcements/${all.id}`,
      { title: 'Office closed' },
      { 'if-match': '"99"' },
    );
    expect(stale.statusCode).toBe(412);
    const edited = await t.manager.patch(
      `/api/v1/announcements/${all.id}`,
      { severity: 'critical' },
      { 'if-match': `"${all.version}"` },
    );
    expect(edited.json()).toMatchObject({ severity: 'critical', version: all.version + 1 });
    const page1 = (await t.manager.get('/api/v1/announcements?limit=2')).json();
    const page2 = (await t.manager.get(`/api/v1/announcements?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(new Set([...page1.items, ...page2.items].map((a: { id: string }) => a.id)).size).toBe(4);
    expect((await t.manager.del(`/api/v1/announcements/${all.id}`)).statusCode).toBe(204);
    expect(await titles(customer)).toEqual(['Payroll maintenance']);
    expect((await t.agent.get('/api/v1/announcements')).statusCode).toBe(403);
  });
});
