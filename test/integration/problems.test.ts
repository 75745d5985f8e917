import { describe, expect, it } from 'vitest';
import type { ProblemView } from '../../src/contracts/problems.ts';
import {
  activityOf,
  buildIncident,
  type Client,
  expectJson,
  notificationsOf,
  setupTestEnv,
} from '../support/app.ts';
import { raiseProblem, resolveProblem, stepProblem } from '../support/problems.ts';

const t = setupTestEnv({
  agent: ['agent'],
  manager: ['service_manager'],
  requester: ['requester'],
  otherRequester: ['requester'],
});

/** A problem the agent raises, about the mail relay unless told otherwise. */
const raise = (body: Record<string, unknown>) =>
  raiseProblem(t.agent, { title: 'Mail relay drops messages', ...body });

async function move(client: Client, p: { id: string }, body: Record<string, unknown>) {
  return client.post(`/api/v1/problems/${p.id}/transitions`, body);
}

const moveOk = stepProblem;

async function analyse(p: { id: string }, body: Record<string, unknown>): Promise<ProblemView> {
  return expectJson<ProblemView>(await t.agent.patch(`/api/v1/problems/${p.id}/analysis`, body), 200);
}

describe('problems', () => {
  it('raises a problem from incidents, numbered PRB…, linked both ways', async () => {
    const a = await buildIncident(t.requester, { title: 'No mail since 9am' });
    const b = await buildIncident(t.otherRequester, { title: 'Outgoing mail stuck' });
    const p = await raise({ incidentIds: [a.number, b.id] });
    expect(p.number).toMatch(/^PRB\d{7}$/);
    expect(p.state).toBe('new');
    expect(p.analysis.proactive).toBe(false);
    expect(p.incidents.map((i) => i.number).sort()).toEqual([a.number, b.number].sort());

    const links = (await t.agent.get(`/api/v1/records/${a.id}/links`)).json() as unknown[];
    expect(links).toContainEqual(
      expect.objectContaining({ kind: 'caused_by', record: expect.objectContaining({ number: p.number }) }),
    );
    const history = await activityOf(t.agent, a.id);
    expect(history).toContainEqual(
      expect.objectContaining({ kind: 'change', field: 'link.caused_by', newValue: p.number }),
    );

    const c = await buildIncident(t.requester, { title: 'Mail bounced' });
    const more = await t.agent.post(`/api/v1/problems/${p.number}/incidents`, { incidentIds: [c.number] });
    expect(more.statusCode, more.body).toBe(200);
    expect((more.json() as ProblemView).incidents).toHaveLength(3);
  });

  it('raises a problem proactively, and refuses unknown incidents with 422', async () => {
    const p = await raise({ title: 'Disk usage trending to full', proactive: true, rcaMethod: 'timeline' });
    expect(p.analysis.proactive).toBe(true);
    expect(p.analysis.rcaMethod).toBe('timeline');
    expect(p.incidents).toEqual([]);
    const bad = await t.agent.post('/api/v1/problems', { title: 'x', incidentIds: ['INC9999999'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('incidentIds.0');
  });

  it('walks the lifecycle new → analysis → root cause known → known error → resolved → closed', async () => {
    let p = await raise({});
    p = await moveOk(t.agent, p, { to: 'analysis' });
    expect(p.stateLabel).toBe('Analysis');

    // The root cause must be recorded before the state says it is known.
    const early = await move(t.agent, p, { to: 'root_cause_known' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].field).toBe('rootCause');
    p = await analyse(p, {
      rootCause: 'The relay queue fills when the spam filter times out',
      rcaMethod: 'five_whys',
      contributingFactors: ['Filter timeout of 2 s', 'No queue alerting'],
      workaround: 'Restart the filter service, then flush the queue',
    });
    expect(p.analysis.contributingFactors).toEqual(['Filter timeout of 2 s', 'No queue alerting']);
    expect(p.version).toBe(3);
    p = await moveOk(t.agent, p, { to: 'root_cause_known' });

    const noKe = await move(t.agent, p, { to: 'known_error' });
    expect(noKe.statusCode).toBe(422);
    expect(noKe.json().errors[0].field).toBe('knownError');
    const ke = await t.agent.post(`/api/v1/problems/${p.id}/known-error`, {
      symptoms: 'Mail stuck in outbox',
    });
    expect(ke.statusCode, ke.body).toBe(201);
    expect(ke.json().workaround).toBe('Restart the filter service, then flush the queue');
    p = await moveOk(t.agent, p, { to: 'known_error' });
    expect(p.knownError?.status).toBe('active');

    p = await moveOk(t.agent, p, {
      to: 'resolved',
      resolutionCode: 'permanent_workaround',
      resolutionNotes: 'Filter timeout raised to 30 s',
    });
    expect(p.stateCategory).toBe('resolved');
    expect(p.knownError?.status).toBe('fixed');

    const history = await activityOf(t.agent, p.id);
    expect(history).toContainEqual(
      expect.objectContaining({ kind: 'change', field: 'analysis.rootCause', oldValue: null }),
    );
  });

  it('closes a problem only with its fix: a completed linked change or an explicit reason', async () => {
    let p = await raise({});
    p = await resolveProblem(t.agent, p, 'Patched');

    const bare = await move(t.manager, p, { to: 'closed' });
    expect(bare.statusCode).toBe(422);
    expect(bare.headers['content-type']).toContain('application/problem+json');
    expect(bare.json().errors[0].field).toBe('closureReason');

    // Agents resolve; closing after review is for the accountable roles.
    const byAgent = await move(t.agent, p, { to: 'closed', closureReason: 'Fixed by the vendor patch' });
    expect(byAgent.statusCode).toBe(403);

    p = await moveOk(t.manager, p, {
      to: 'closed',
      closureReason: 'Fixed by the vendor patch, no change needed',
    });
    expect(p.stateCategory).toBe('closed');
    expect(p.analysis.closureReason).toBe('Fixed by the vendor patch, no change needed');
    const edit = await t.agent.patch(`/api/v1/problems/${p.id}/analysis`, { rootCause: 'late edit' });
    expect(edit.statusCode).toBe(409);
  });

  it('resolving offers to resolve the open incidents, each requester told', async () => {
    const a = await buildIncident(t.requester, { title: 'VPN drops every hour' });
    const b = await buildIncident(t.otherRequester, { title: 'VPN disconnects' });
    const done = await buildIncident(t.requester, { title: 'VPN slow' });
    await t.agent.post(`/api/v1/incidents/${done.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'user_error',
      resolutionNotes: 'Wrong profile',
    });
    let p = await raise({ title: 'VPN concentrator rekeys too often', incidentIds: [a.id, b.id, done.id] });

    // Before the problem is resolved there is nothing to offer.
    const tooEarly = await t.agent.post(`/api/v1/problems/${p.id}/incidents/resolve`);
    expect(tooEarly.statusCode).toBe(409);

    p = await resolveProblem(t.agent, p, 'Rekey interval set to 8 h', { resolveIncidents: true });
    const byNumber = new Map(p.incidents.map((i) => [i.number, i]));
    expect(byNumber.get(a.number)?.stateCategory).toBe('resolved');
    expect(byNumber.get(b.number)?.stateCategory).toBe('resolved');

    const incident = (await t.agent.get(`/api/v1/incidents/${a.id}`)).json();
    expect(incident.resolutionCode).toBe('resolved_by_change');
    expect(incident.resolutionNotes).toBe('Rekey interval set to 8 h');

    for (const [client, inc] of [
      [t.requester, a],
      [t.otherRequester, b],
    ] as const) {
      const seen = await activityOf(client, inc.id);
      expect(seen).toContainEqual(
        expect.objectContaining({
          kind: 'comment',
          visibility: 'public',
          body: expect.stringContaining(p.number),
        }),
      );
      expect((await notificationsOf(client)).items).toContainEqual(
        expect.objectContaining({
          kind: 'record.transitioned',
          record: expect.objectContaining({ id: inc.id }),
        }),
      );
    }
    // The already resolved incident was left alone; a second offer resolves nothing more.
    const again = await t.agent.post(`/api/v1/problems/${p.id}/incidents/resolve`);
    expect(again.json()).toEqual({ resolved: [] });
  });

  it('keeps problems from requesters unless an agent makes them a watcher', async () => {
    const inc = await buildIncident(t.requester, { title: 'Printer queue stuck' });
    const p = await raise({ incidentIds: [inc.id] });

    expect((await t.requester.get(`/api/v1/problems/${p.id}`)).statusCode).toBe(404);
    expect((await t.requester.get('/api/v1/problems')).json().items).toEqual([]);
    expect((await t.requester.post('/api/v1/problems', { title: 'mine' })).statusCode).toBe(403);
    // The requester's incident shows that a problem is linked, not what it says.
    const links = (await t.requester.get(`/api/v1/records/${inc.id}/links`)).json() as {
      record: { title: string };
    }[];
    expect(links.map((l) => l.record.title)).toEqual(['(not visible to you)']);

    const watch = await t.agent.put(`/api/v1/records/${p.id}/watchers/${t.requester.user.id}`);
    expect(watch.statusCode, watch.body).toBeLessThan(300);
    const seen = await t.requester.get(`/api/v1/problems/${p.id}`);
    expect(seen.statusCode).toBe(200);
    expect(
      (await t.requester.post(`/api/v1/problems/${p.id}/transitions`, { to: 'analysis' })).statusCode,
    ).toBe(403);
    expect(
      (await t.requester.patch(`/api/v1/problems/${p.id}/analysis`, { rootCause: 'x' })).statusCode,
    ).toBe(403);
  });

  it('answers 412 on a stale analysis edit and offers the problem resolution codes', async () => {
    const p = await raise({});
    const stale = await t.agent.patch(
      `/api/v1/problems/${p.id}/analysis`,
      { rootCause: 'x' },
      { 'if-match': '"99"' },
    );
    expect(stale.statusCode).toBe(412);
    const options = (await t.agent.get('/api/v1/problems/meta/options')).json();
    expect(options.resolutionCodes).toContain('fixed_by_change');
    const wrongCode = await t.agent.post(`/api/v1/problems/${p.id}/transitions`, { to: 'analysis' });
    expect(wrongCode.statusCode).toBe(200);
    const bad = await move(t.agent, p, {
      to: 'resolved',
      resolutionCode: 'solved_permanently',
      resolutionNotes: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('problems in the API document', () => {
  it('documents the problem routes and keeps RFC 9457 Problem apart from the problem record', async () => {
    const doc = (await t.agent.get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/problems',
        '/api/v1/problems/{id}/analysis',
        '/api/v1/known-errors',
        '/api/v1/incidents/{id}/known-errors',
      ]),
    );
    expect(doc.components.schemas.ProblemRecord.properties.analysis).toBeDefined();
    expect(doc.components.schemas.Problem.description).toBe('RFC 9457 problem details');
  });
});
