import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { KnownErrorHit, KnownErrorSuggestion, ProblemView } from '../../src/contracts/problems.ts';
import { activityOf, as, buildIncident, setupTestEnv } from '../support/app.ts';
import { createBareChange } from '../support/changes.ts';
import { buildCi } from '../support/cmdb.ts';
import { problemWithKnownError, raiseProblem, resolveProblem } from '../support/problems.ts';
import { buildService } from '../support/requests.ts';

const t = setupTestEnv({ agent: ['agent'], admin: ['admin'], requester: ['requester'] });

const search = async (q: string) =>
  (
    (await t.agent.get(`/api/v1/known-errors?q=${encodeURIComponent(q)}`)).json() as {
      items: KnownErrorHit[];
    }
  ).items;
const suggestions = async (incidentId: string) =>
  (
    (await t.agent.get(`/api/v1/incidents/${incidentId}/known-errors`)).json() as {
      items: KnownErrorSuggestion[];
    }
  ).items;

describe('known-error database', () => {
  it('records a known error from a problem, one per problem, with a workaround', async () => {
    const p = await raiseProblem(t.agent, { title: 'Badge readers reject new cards' });
    const none = await t.agent.post(`/api/v1/problems/${p.id}/known-error`, {
      symptoms: 'Door stays shut',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].field).toBe('workaround');
    const ok = await t.agent.post(`/api/v1/problems/${p.id}/known-error`, {
      symptoms: 'Door stays shut, reader blinks red',
      workaround: 'Re-encode the card at reception',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ title: 'Badge readers reject new cards', status: 'active' });
    const twice = await t.agent.post(`/api/v1/problems/${p.id}/known-error`, {
      symptoms: 'x',
      workaround: 'y',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lists every known error, most recently changed first, when no words are given', async () => {
    const { ke } = await problemWithKnownError(
      t.agent,
      { title: 'Scanner drops pages' },
      { symptoms: 'Pages missing from scans', workaround: 'Scan one page at a time' },
    );
    const res = await t.agent.get('/api/v1/known-errors');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: KnownErrorHit[] }).items;
    expect(items.map((i) => i.id)).toContain(ke.id);
    expect(items.every((i) => i.rank === 0)).toBe(true);
    const changed = items.map((i) => Date.parse(i.updatedAt));
    expect(changed).toEqual([...changed].sort((a, b) => b - a));
  });

  it('searches by text, best matches first, title before symptoms before workaround', async () => {
    await problemWithKnownError(
      t.agent,
      { title: 'Calendar sync fails' },
      {
        title: 'Spreadsheet macro breaks calendar',
        symptoms: 'Meetings vanish',
        workaround: 'Re-add account',
      },
    );
    await problemWithKnownError(
      t.agent,
      { title: 'Add-in conflict' },
      {
        title: 'Office add-in crash',
        symptoms: 'The spreadsheet closes when saving',
        workaround: 'Safe mode',
      },
    );
    await problemWithKnownError(
      t.agent,
      { title: 'Printer driver' },
      { title: 'Printing hangs', symptoms: 'Queue stuck', workaround: 'Print the spreadsheet as PDF first' },
    );
    const hits = await search('spreadsheet');
    expect(hits.map((h) => h.title)).toEqual([
      'Spreadsheet macro breaks calendar',
      'Office add-in crash',
      'Printing hangs',
    ]);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[1]!.rank).toBeGreaterThan(hits[2]!.rank);
    expect(await search('nothing-like-this')).toEqual([]);
  });

  it('suggests known errors for a new incident by similar text, same CI or same service', async () => {
    const serviceId = await buildService(t.env, 'Payroll');
    const server = await buildCi(t.admin, 'physical_server', { name: 'payroll-db-01' });
    const byText = await problemWithKnownError(
      t.agent,
      { title: 'Timesheet export times out' },
      { symptoms: 'Timesheet export spins forever', workaround: 'Export one week at a time' },
    );
    const byCi = await problemWithKnownError(
      t.agent,
      { title: 'Storage latency on the payroll host', ciIds: [server.id] },
      { symptoms: 'Slow screens everywhere', workaround: 'Fail over to the replica' },
    );
    const byService = await problemWithKnownError(
      t.agent,
      { title: 'Payroll licence expiry', serviceId },
      { symptoms: 'Licence warning banner', workaround: 'Use the offline client' },
    );
    const unrelated = await problemWithKnownError(
      t.agent,
      { title: 'Wi-Fi in building C' },
      { symptoms: 'Laptops drop off the network', workaround: 'Use cable' },
    );

    const inc = await buildIncident(t.agent, {
      title: 'Timesheet export does not finish',
      description: 'It spins',
      serviceId,
      ciIds: [server.id],
    });
    const found = await suggestions(inc.id);
    const byId = new Map(found.map((s) => [s.id, s]));
    expect(byId.get(byText.ke.id)?.reasons).toEqual(['text']);
    expect(byId.get(byCi.ke.id)?.reasons).toEqual(['ci']);
    expect(byId.get(byService.ke.id)?.reasons).toEqual(['service']);
    expect(byId.has(unrelated.ke.id)).toBe(false);
    // The same CI weighs most, then similar text, then the same service.
    expect(found.map((s) => s.id)).toEqual([byCi.ke.id, byText.ke.id, byService.ke.id]);

    // Retired known errors are no longer suggested.
    const retire = await t.agent.patch(
      `/api/v1/known-errors/${byService.ke.id}`,
      { status: 'retired' },
      { 'if-match': '"1"' },
    );
    expect(retire.statusCode, retire.body).toBe(200);
    expect((await suggestions(inc.id)).map((s) => s.id)).not.toContain(byService.ke.id);
  });

  it('applies a known error in one step: the incident is linked to its problem and gets the workaround', async () => {
    const { problem, ke } = await problemWithKnownError(
      t.agent,
      { title: 'SSO loop after password change' },
      {
        symptoms: 'Login page reloads after password change',
        workaround: 'Clear the SSO cookie and sign in again',
      },
    );
    const inc = await buildIncident(t.requester, {
      title: 'Login page reloads endlessly after password change',
    });
    expect((await suggestions(inc.id))[0]).toMatchObject({ id: ke.id, applied: false });

    const res = await t.agent.post(`/api/v1/incidents/${inc.id}/known-errors`, { knownErrorId: ke.id });
    expect(res.statusCode, res.body).toBe(200);
    const activity = await activityOf(t.agent, inc.id);
    expect(activity).toContainEqual(
      expect.objectContaining({
        kind: 'comment',
        visibility: 'internal',
        body: expect.stringContaining('Clear the SSO cookie and sign in again'),
      }),
    );
    const p = (await t.agent.get(`/api/v1/problems/${problem.id}`)).json() as ProblemView;
    expect(p.incidents.map((i) => i.id)).toContain(inc.id);
    expect((await suggestions(inc.id))[0]).toMatchObject({ id: ke.id, applied: true });
    // Applying it again adds the note again but not a second link.
    await t.agent.post(`/api/v1/incidents/${inc.id}/known-errors`, { knownErrorId: ke.id });
    const again = (await t.agent.get(`/api/v1/problems/${problem.id}`)).json() as ProblemView;
    expect(again.incidents.filter((i) => i.id === inc.id)).toHaveLength(1);
  });

  it('keeps the database for agents, answers 412 when stale and 404 for unknown ids', async () => {
    const { ke } = await problemWithKnownError(
      t.agent,
      { title: 'Scanner to mail fails' },
      { symptoms: 'Scans never arrive', workaround: 'Scan to the shared folder' },
    );
    expect((await t.requester.get('/api/v1/known-errors')).statusCode).toBe(403);
    const inc = await buildIncident(t.requester, { title: 'My scans never arrive' });
    expect((await t.requester.get(`/api/v1/incidents/${inc.id}/known-errors`)).statusCode).toBe(403);
    const stale = await t.agent.patch(
      `/api/v1/known-errors/${ke.id}`,
      { workaround: 'x' },
      { 'if-match': '"7"' },
    );
    expect(stale.statusCode).toBe(412);
    const missing = await t.agent.get('/api/v1/known-errors/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const edited = await t.agent.patch(
      `/api/v1/known-errors/${ke.id}`,
      { workaround: 'Scan to USB' },
      { 'if-match': '"1"' },
    );
    expect(edited.json()).toMatchObject({ workaround: 'Scan to USB', version: 2 });
    expect(edited.headers.etag).toBe('"2"');
  });

  it('closes a problem without a reason once a linked change was completed', async () => {
    const { problem } = await problemWithKnownError(
      t.agent,
      { title: 'Certificate expired on the portal' },
      { symptoms: 'Browser warns about the portal', workaround: 'Use the internal address' },
    );
    // The rule reads only the records core: a completed change is a change record resolved with
    // the successful outcome (change management's own flow is tested in changes.test.ts).
    await t.env.ctx.db.execute(sql`create sequence if not exists record_number_chg start with 1001`);
    const change = await createBareChange(t.env, t.agent, 'Renew the portal certificate');
    const link = await t.agent.post(`/api/v1/records/${problem.id}/links`, {
      target: change.number,
      kind: 'relates_to',
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    const manager = await as(t.env, ['service_manager']);
    await resolveProblem(t.agent, problem, 'Certificate renewed');
    const early = await manager.post(`/api/v1/problems/${problem.id}/transitions`, { to: 'closed' });
    expect(early.statusCode).toBe(422); // the change is not completed yet
    await t.env.ctx.db.execute(
      sql`update records set resolved_at = now(), state = 'review', resolution_code = 'successful' where id = ${change.id}`,
    );
    const closed = await manager.post(`/api/v1/problems/${problem.id}/transitions`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().analysis.closureReason).toBeNull();
  });
});
