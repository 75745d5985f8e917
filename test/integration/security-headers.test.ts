/**
 * Headers and what they depend on: a Content-Security-Policy without inline scripts on every
 * answer, HSTS only over https, X-Forwarded-* believed only from configured proxies, and
 * /metrics only with its token or on its own address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, setupTestEnv, type TestEnv } from '../support/app.ts';

const password = 'headers test password';

/** A sign-in from `remoteAddress` that claims, as a TLS proxy would, to be from `forwardedFor` over https. */
const forwardedLogin = (
  env: TestEnv,
  remoteAddress: string,
  forwardedFor: string,
  payload: { email: string; password: string },
) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https' },
    payload,
  });

/** The client address the audit log holds for the latest entry of `action`. */
async function lastAuditedIp(env: TestEnv, action: string) {
  const [entry] = await env.ctx.database.prepared<{ ip: string }>(
    'test.last_audited_ip',
    'select ip from audit_log where action = $1 order by id desc limit 1',
    [action],
  );
  return entry?.ip;
}

describe('security headers', () => {
  const t = setupTestEnv({}, { env: { METRICS_TOKEN: 'a-metrics-token-of-length' } });

  it('sends a CSP that allows no inline script and no framing, and no HSTS over http', async () => {
    const res = await t.env.app.inject({ url: '/api/v1/auth/me' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores X-Forwarded-For and X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const u = await buildUser(t.env, { password });
    const res = await forwardedLogin(t.env, '192.0.2.10', '203.0.113.77', {
      email: u.email,
      password: 'wrong password here',
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(await lastAuditedIp(t.env, 'auth.login_failed')).toBe('192.0.2.10');
  });

  it('serves /metrics only with the metrics token', async () => {
    const anonymous = await t.env.app.inject({ url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.env.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.env.app.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer a-metrics-token-of-length' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('steward_http_request_duration_seconds');
  });
});

describe('behind a trusted TLS proxy', () => {
  const t = setupTestEnv({}, { env: { TRUST_PROXY: '127.0.0.1' } });

  it('takes the client address and https from the proxy: Secure cookie, HSTS, audited address', async () => {
    const u = await buildUser(t.env, { password });
    const res = await forwardedLogin(t.env, '127.0.0.1', '203.0.113.5', { email: u.email, password });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(await lastAuditedIp(t.env, 'auth.login')).toBe('203.0.113.5');
  });

  it('does not believe the same headers from an address that is not the proxy', async () => {
    const res = await t.env.app.inject({
      url: '/api/v1/auth/me',
      remoteAddress: '192.0.2.99',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('metrics without a token', () => {
  const t = setupTestEnv({}, { env: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' } });
  beforeAll(async () => {
    await t.env.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('are not on the main address but on their own listener', async () => {
    expect((await t.env.app.inject({ url: '/metrics' })).statusCode).toBe(404);
    const where = t.env.app.metricsAddress();
    expect(where).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${where!.port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('steward_process_cpu_user_seconds_total');
  });
});
