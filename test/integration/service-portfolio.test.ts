import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { as, buildGroup, buildIncident, errorFields, setupTestEnv } from '../support/app.ts';
import { buildOrganisation, buildService } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'], requester: ['requester'] });

describe('service portfolio', () => {
  it('keeps business and technical services as CIs with owner, group, customers and dependencies', async () => {
    const group = await buildGroup(t.env, { name: 'Messaging Team' });
    const acme = await buildOrganisation(t.manager);
    const mail = await buildService(t.manager, {
      kind: 'technical',
      name: 'Mail Transport',
      criticality: 'critical',
    });
    const dir = await buildService(t.manager, { kind: 'technical', name: 'Directory' });
    const res = await t.manager.post('/api/v1/services', {
      kind: 'business',
      name: 'Email',
      description: 'Send and receive email',
      category: 'Communication',
      criticality: 'high',
      ownerId: t.agent.user.id,
      supportGroupId: group.id,
      customerIds: [acme.id],
      dependsOn: [mail.id, dir.id],
    });
    expect(res.statusCode).toBe(201);
    const email = res.json();
    expect(email).toMatchObject({
      kind: 'business',
      lifecycleStatus: 'pipeline',
      criticality: 'high',
      owner: { id: t.agent.user.id },
      supportGroup: { name: 'Messaging Team' },
      customers: [{ id: acme.id }],
    });
    expect(email.dependsOn.map((s: { name: string }) => s.name).sort()).toEqual([
      'Directory',
      'Mail Transport',
    ]);
    const tech = (await t.agent.get(`/api/v1/services/${mail.id}`)).json();
    expect(tech.supports).toEqual([
      { id: email.id, name: 'Email', kind: 'business', lifecycleStatus: 'pipeline' },
    ]);
    // One identity: the service is a configuration item in the CMDB tables.
    const [ci] = await queryRows<{ class_key: string; status: string; attributes: { criticality: string } }>(
      t.env.ctx.db,
      sql`select class_key, status, attributes from cis where id = ${email.id}`,
    );
    expect(ci).toMatchObject({
      class_key: 'business_service',
      status: 'planned',
      attributes: { criticality: 'high' },
    });
  });

  it('refuses dependencies that are not technical services, and suppliers as customers', async () => {
    const biz = await buildService(t.manager);
    const supplier = await buildOrganisation(t.manager, 'supplier');
    const res = await t.manager.post('/api/v1/services', {
      kind: 'business',
      name: 'Bad',
      criticality: 'low',
      dependsOn: [biz.id],
      customerIds: [supplier.id],
    });
    expect(res.statusCode).toBe(422);
    expect(errorFields(res).sort()).toEqual(['customerIds[0]', 'dependsOn[0]']);
  });

  it('moves a service pipeline → live → retired only, with optimistic concurrency', async () => {
    const svc = await buildService(t.manager, { lifecycleStatus: 'pipeline' });
    const live = await t.manager.patch(
      `/api/v1/services/${svc.id}`,
      { lifecycleStatus: 'live' },
      { 'if-match': '"1"' },
    );
    expect(live.statusCode).toBe(200);
    expect(live.headers.etag).toBe('"2"');
    expect(
      (await t.manager.patch(`/api/v1/services/${svc.id}`, { name: 'x' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(412);
    expect(
      (await t.manager.patch(`/api/v1/services/${svc.id}`, { lifecycleStatus: 'pipeline' })).statusCode,
    ).toBe(409);
    expect(
      (await t.manager.patch(`/api/v1/services/${svc.id}`, { lifecycleStatus: 'retired' })).json()
        .lifecycleStatus,
    ).toBe('retired');
  });

  it('lets a service owner edit their own service, but not hand it over or edit others', async () => {
    const owner = await as(t.env, ['service_owner']);
    const mine = await buildService(t.manager, { ownerId: owner.user.id });
    const theirs = await buildService(t.manager);
    const edit = await owner.patch(`/api/v1/services/${mine.id}`, { description: 'Owned and cared for' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().allowedActions).toEqual(['update']);
    expect((await owner.patch(`/api/v1/services/${mine.id}`, { ownerId: t.agent.user.id })).statusCode).toBe(
      403,
    );
    expect((await owner.patch(`/api/v1/services/${theirs.id}`, { description: 'mine now' })).statusCode).toBe(
      403,
    );
    expect((await t.agent.patch(`/api/v1/services/${mine.id}`, { description: 'x' })).statusCode).toBe(403);
  });

  it('shows requesters only live business services, with safe fields', async () => {
    const live = await buildService(t.manager, {
      name: 'Zeta Portal',
      ownerId: t.agent.user.id,
      category: 'Web',
    });
    await buildService(t.manager, { name: 'Zeta Pipeline', lifecycleStatus: 'pipeline' });
    await buildService(t.manager, { name: 'Zeta Retired', lifecycleStatus: 'retired' });
    await buildService(t.manager, { name: 'Zeta Backend', kind: 'technical' });
    const res = await t.requester.get('/api/v1/catalog?q=Zeta');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: live.id, name: 'Zeta Portal', description: '', category: 'Web' },
    ]);
    expect((await t.requester.get(`/api/v1/catalog/${live.id}`)).statusCode).toBe(200);
    expect((await t.requester.get('/api/v1/services')).statusCode).toBe(403);
    expect((await t.requester.get(`/api/v1/services/${live.id}`)).statusCode).toBe(404);
  });

  it('pages the portfolio by name with a cursor', async () => {
    // A search word no other service of this file can contain (their names end in random letters).
    for (const n of ['Paging A', 'Paging B', 'Paging C']) await buildService(t.manager, { name: n });
    const first = (await t.agent.get('/api/v1/services?q=Paging&limit=2')).json();
    expect(first.items.map((s: { name: string }) => s.name)).toEqual(['Paging A', 'Paging B']);
    const second = (await t.agent.get(`/api/v1/services?q=Paging&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ name: 'Paging C' }], nextCursor: null });
  });
});

describe('records against services', () => {
  it('refuses a record for a retired or pipeline service with a clear 422', async () => {
    const retired = await buildService(t.manager, { name: 'Fax Gateway', lifecycleStatus: 'retired' });
    const pipeline = await buildService(t.manager, { name: 'New Intranet', lifecycleStatus: 'pipeline' });
    const a = await t.requester.post('/api/v1/incidents', { title: 'Fax broken', serviceId: retired.id });
    expect(a.statusCode).toBe(422);
    expect(a.json()).toMatchObject({
      detail: 'Fax Gateway is retired and takes no new records.',
      errors: [{ field: 'serviceId', message: 'Fax Gateway is retired and takes no new records.' }],
    });
    const b = await t.requester.post('/api/v1/incidents', { title: 'Intranet', serviceId: pipeline.id });
    expect(b.statusCode).toBe(422);
    expect(b.json().detail).toContain('still in the pipeline');
    const inc = await buildIncident(t.agent);
    const c = await t.agent.patch(`/api/v1/incidents/${inc.id}`, { serviceId: retired.id });
    expect(c.statusCode).toBe(422);
    expect((await t.agent.get(`/api/v1/incidents/${inc.id}`)).json()).toMatchObject({
      serviceId: null,
      version: 1,
    });
  });

  it('knows live services from each instance’s cache, dropped by any change that ends one', async () => {
    const raise = (serviceId: string) =>
      t.requester.post('/api/v1/incidents', { title: 'Printer jam', serviceId });
    // Retired through the API: this instance drops what it cached at once.
    const printing = await buildService(t.manager, { name: 'Printing' });
    expect((await raise(printing.id)).statusCode).toBe(201);
    // Known live, with no other work for the create: one statement, no transaction.
    let commits = 0;
    const counted = () => commits++;
    t.env.ctx.database.committed.add(counted);
    try {
      expect((await raise(printing.id)).statusCode).toBe(201);
    } finally {
      t.env.ctx.database.committed.delete(counted);
    }
    expect(commits).toBe(0);
    await t.manager.patch(`/api/v1/services/${printing.id}`, { lifecycleStatus: 'retired' });
    expect((await raise(printing.id)).json().detail).toBe('Printing is retired and takes no new records.');
    // Retired by another path (another instance, a script): the database's notice drops it.
    const scanning = await buildService(t.manager, { name: 'Scanning' });
    expect((await raise(scanning.id)).statusCode).toBe(201);
    await queryRows(
      t.env.ctx.db,
      sql`update services set lifecycle_status = 'retired' where ci_id = ${scanning.id}`,
    );
    await expect
      .poll(async () => (await raise(scanning.id)).json().detail, { timeout: 5000 })
      .toBe('Scanning is retired and takes no new records.');
    // Deleted while cached as live: refused as input, never a server error.
    const copying = await buildService(t.manager, { name: 'Copying' });
    expect((await raise(copying.id)).statusCode).toBe(201);
    await queryRows(t.env.ctx.db, sql`delete from records where service_id = ${copying.id}`);
    await queryRows(t.env.ctx.db, sql`delete from cis where id = ${copying.id}`);
    const gone = await raise(copying.id);
    expect(gone.statusCode).toBe(422);
    expect(gone.json().detail).toBe('A referenced item does not exist.');
  });

  it('keeps a record’s service when the service retires later, and accepts live services', async () => {
    const svc = await buildService(t.manager);
    const inc = await buildIncident(t.requester, { serviceId: svc.id });
    await t.manager.patch(`/api/v1/services/${svc.id}`, { lifecycleStatus: 'retired' });
    const res = await t.agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'Still about the old service' });
    expect(res.statusCode).toBe(200);
    expect(res.json().serviceId).toBe(svc.id);
  });
});
