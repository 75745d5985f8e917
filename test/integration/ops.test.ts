import { describe, expect, it } from 'vitest';
import { compileDeclaredSerializers } from '../../src/http/serializer.ts';
import { setupTestEnv } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

const METRICS_TOKEN = 'ops-test-metrics-token';
const t = setupTestEnv({}, { jobs: true, env: { METRICS_TOKEN } });
const scrape = () =>
  t.env.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

describe('operations endpoints', () => {
  it('answers liveness and readiness, naming the database and the job queue', async () => {
    expect((await t.env.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.env.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', jobs: 'running' });
    expect(['idle', 'loading', 'loaded']).toContain(ready.json().cmdbGraph);
  });

  it('tells whether the CMDB graph index is loaded, and how large it is', async () => {
    const index = await t.env.ctx.ciGraph.current();
    expect((await t.env.app.inject({ url: '/readyz' })).json().cmdbGraph).toBe('loaded');
    const metrics = (await scrape()).body;
    expect(metrics).toContain(`steward_cmdb_graph_cis ${index.size}`);
    expect(metrics).toContain(`steward_cmdb_graph_relationships ${index.edgeCount}`);
    expect(metrics).toMatch(/steward_cmdb_graph_load_seconds \d/);
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await t.env.app.inject({ url: '/healthz' });
    const res = await scrape();
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('steward_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/healthz"');
    expect(res.body).toContain('steward_process_cpu_user_seconds_total');
  });

  it('compiles the response serializer of every route (they are compiled on first use)', () => {
    expect(compileDeclaredSerializers()).toBeGreaterThan(100);
  });

  it('publishes an OpenAPI 3.1 document describing the API, with a browsable reference', async () => {
    const doc = (await t.env.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/incidents',
        '/api/v1/incidents/{id}',
        '/api/v1/records/{id}/comments',
        '/api/v1/tokens',
        '/api/v1/users',
      ]),
    );
    expect(
      doc.paths['/api/v1/incidents'].post.requestBody.content['application/json'].schema.properties.title,
    ).toMatchObject({ type: 'string', maxLength: 200 });
    expect(doc.components.schemas.Problem).toBeDefined();
    const ui = await t.env.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('runs background jobs through the queue on this database', async () => {
    const jobs = t.env.ctx.jobs!;
    const seen: unknown[] = [];
    await jobs.work('test.echo', async (data) => {
      seen.push(data.n);
    });
    await jobs.send('test.echo', { n: 7 });
    await pollUntil(
      () => seen.length,
      (n) => n > 0,
      { what: 'the job to run', timeoutMs: 20_000, everyMs: 100 },
    );
    expect(seen).toEqual([7]);
  });
});
