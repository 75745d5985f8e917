/**
 * Hostile input never reaches the database as a 500: NUL characters, unpaired UTF-16 surrogates,
 * forged cursors, out-of-range dates, truncated uploads and over-long path ids all answer
 * RFC 9457 problem+json with a 4xx status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/db/cursor.ts';
import { buildIncident, setupTestEnv } from '../support/app.ts';

let incidentId: string;

const t = setupTestEnv({ agent: ['agent'] });
beforeAll(async () => {
  incidentId = (await buildIncident(t.agent)).id;
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  statuses: number[],
) {
  expect(statuses, res.body).toContain(res.statusCode);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
}

describe('hostile input', () => {
  it('refuses a NUL character in a body field with 400', async () => {
    const res = await t.agent.post('/api/v1/incidents', { title: 'a\u0000b' });
    expectProblem(res, [400]);
    expect(res.json().errors[0].field).toBe('body.title');
  });

  it('refuses a NUL character as a path id', async () => {
    expectProblem(await t.agent.patch('/api/v1/incidents/%00', { title: 'x' }), [400, 404]);
    expectProblem(await t.agent.get('/api/v1/incidents/%00'), [400, 404]);
  });

  it('refuses NUL in query strings', async () => {
    expectProblem(await t.agent.get('/api/v1/incidents?q=%00'), [400]);
    expectProblem(await t.agent.get('/api/v1/cmdb/cis?q=%00'), [400]);
  });

  it('refuses unpaired surrogates in a token name', async () => {
    const tok = await t.env.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.agent.token}` },
      payload: '{"name":"\\udc00","scopes":["read"]}',
    });
    expectProblem(tok, [400]);
  });

  it('audits a sign-in with a garbled email as a failed sign-in', async () => {
    for (const email of ['\\ud800x', 'nul\\u0000@x.example']) {
      const res = await t.env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"${email}","password":"whatever password"}`,
      });
      expectProblem(res, [401]);
    }
    const rows = await t.env.ctx.database.prepared<{ email: string }>(
      'test.garbled_logins',
      `select details->>'email' as email from audit_log where action = 'auth.login_failed' order by id`,
      [],
    );
    expect(rows.map((r) => r.email)).toEqual(['\uFFFDx', 'nul\uFFFD@x.example']);
  });

  it('answers 400 to forged and replayed cursors', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    for (const url of [
      `/api/v1/incidents?cursor=${forged}`,
      `/api/v1/incidents?sort=priority&cursor=${encodeCursor(['not a number', incidentId])}`,
      `/api/v1/incidents?sort=updated&cursor=${encodeCursor(['yesterday', incidentId])}`,
      `/api/v1/users?cursor=${forged}`,
      `/api/v1/cmdb/cis?cursor=${forged}`,
      `/api/v1/assets?cursor=${forged}`,
      `/api/v1/notifications?cursor=${forged}`,
    ]) {
      expectProblem(await t.agent.get(url), [400]);
    }
  });

  it('answers 400 to a date the database cannot hold', async () => {
    expectProblem(await t.agent.get('/api/v1/incidents?slaDueBefore=0000-01-01T00:00:00Z'), [400]);
  });

  it('answers 400 to a truncated multipart upload', async () => {
    const boundary = 'XyZ123';
    const res = await t.agent.request({
      method: 'POST',
      url: `/api/v1/records/${incidentId}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello`,
    });
    expectProblem(res, [400]);
  });

  it('answers problem+json 414 to an over-long path parameter', async () => {
    expectProblem(await t.agent.get(`/api/v1/incidents/${'a'.repeat(300)}`), [400, 404, 414]);
  });
});
