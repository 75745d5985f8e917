/**
 * Read means read: a read-scoped token may only GET (its owner's profile included), and the
 * auditor, signed in, creates nothing, watches nothing and comments nowhere.
 */
import { describe, expect, it } from 'vitest';
import { as, browserSession, buildIncident, buildUser, clientFor, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

describe('read-scoped tokens', () => {
  it('may not change their owner’s profile', async () => {
    const owner = await buildUser(t.env, { roles: ['agent'] });
    const reader = await clientFor(t.env, owner, ['read']);
    const res = await reader.patch(`/api/v1/users/${owner.id}`, { name: 'Renamed by a read token' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.token_scope');
    expect((await reader.get(`/api/v1/users/${owner.id}`)).json().name).toBe(owner.name);
  });

  it('may not mark notifications read or sign out a session', async () => {
    const reader = await clientFor(t.env, await buildUser(t.env), ['read']);
    expect((await reader.post('/api/v1/notifications/read-all', {})).statusCode).toBe(403);
    expect((await reader.get('/api/v1/notifications')).statusCode).toBe(200);
  });
});

describe('the auditor', () => {
  const password = 'auditor access password';

  it('cannot create incidents, order requests, watch or comment, even when involved', async () => {
    const auditor = await buildUser(t.env, { roles: ['auditor'], password });
    const { send: call } = await browserSession(t.env, auditor.email, password);
    const agent = await as(t.env, ['agent']);
    const inc = await buildIncident(agent);
    expect((await call('POST', '/api/v1/incidents', { title: 'audit' })).statusCode).toBe(403);
    expect((await call('PUT', `/api/v1/records/${inc.id}/watchers/${auditor.id}`)).statusCode).toBe(403);
    // An agent makes the auditor a watcher: reading it is fine, writing still is not.
    expect((await agent.put(`/api/v1/records/${inc.id}/watchers/${auditor.id}`)).statusCode).toBeLessThan(
      300,
    );
    expect((await call('GET', `/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    const comment = await call('POST', `/api/v1/records/${inc.id}/comments`, { body: 'hello' });
    expect(comment.statusCode).toBe(403);
    expect(comment.json().detail).toContain('read-only');
    expect((await call('PATCH', `/api/v1/users/${auditor.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/tokens', { name: 't', scopes: ['read', 'write'] })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/v1/tokens', { name: 't', scopes: ['read'] })).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
  });
});
