/**
 * API rate limits: per person or token, reads and writes counted apart, answered with 429,
 * Retry-After and problem+json. This file sets low limits; the defaults are generous.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestEnv, type TestEnv } from '../support/app.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({
    env: { RATE_LIMIT_WRITE_MAX: '5', RATE_LIMIT_MAX: '20', RATE_LIMIT_WINDOW_SECONDS: '60' },
  });
});
afterAll(() => env.close());

describe('API rate limits', () => {
  it('stops a requester creating incidents in bulk, but not their reading or anyone else', async () => {
    const requester = await as(env, ['requester']);
    for (let i = 0; i < 5; i++) {
      expect((await requester.post('/api/v1/incidents', { title: `bulk ${i}` })).statusCode).toBe(201);
    }
    const refused = await requester.post('/api/v1/incidents', { title: 'one too many' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('request.rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await requester.get('/api/v1/incidents')).statusCode).toBe(200);
    const other = await as(env, ['requester']);
    expect((await other.post('/api/v1/incidents', { title: 'mine' })).statusCode).toBe(201);
  });

  it('limits reads too, and leaves health checks alone', async () => {
    const reader = await as(env, ['agent']);
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await reader.get('/api/v1/incidents?limit=1')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
    for (let i = 0; i < 25; i++) expect((await env.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
