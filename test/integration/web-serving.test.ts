/**
 * The built web app served beside the API: its files as they are, the single-page app's index for
 * every other path that is not the API's, and the API's own problem answer for an unknown API path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { setupTestEnv } from '../support/app.ts';

describe('the web app', () => {
  const t = setupTestEnv({});
  const dist = mkdtempSync(path.join(tmpdir(), 'steward-web-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Steward</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
    app = await buildApp(t.env.ctx, { logger: false, webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves the built files, and the index for the root and every path of the app', async () => {
    const asset = await get('/assets/app-1234.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.body).toBe('console.log("app")');
    for (const url of ['/', '/incidents/INC0001001', '/portal/', '/assets/', '/assets/gone.js']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<title>Steward</title>');
    }
  });

  it('answers an unknown API path with a problem, and never serves a file from outside the build', async () => {
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const url of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await get(url);
      expect(res.body, url).not.toContain('"name"');
    }
  });
});
