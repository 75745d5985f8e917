/**
 * API fuzzing: every write operation of the OpenAPI document gets bodies generated from its
 * JSON schema (fast-check, mixed with hostile strings), raw hostile bodies (unpaired surrogates,
 * deep nesting, 1 MB strings, prototype keys), hostile path ids; every list gets hostile query
 * values. No answer may be a 5xx, and every error must be problem+json.
 *
 * Quick by default; FUZZ_RUNS=200 (generated bodies per operation) runs it longer.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildIncident, type Client, createTestEnv, type TestEnv } from '../support/app.ts';
import {
  arbitraryOf,
  HOSTILE_IDS,
  HOSTILE_QUERY_VALUES,
  type JsonSchema,
  RAW_BODIES,
} from '../support/fuzz.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
/** The long run sends tens of thousands of requests. */
const TIMEOUT_MS = process.env.FUZZ_RUNS ? 3_600_000 : 120_000;

type Parameter = { in: string; name: string; schema?: JsonSchema };
type OperationDoc = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Doc = {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

let env: TestEnv;
let admin: Client;
let doc: Doc;
let realId: string;
const sent = { requests: 0, serverErrors: 0 };
const failures: string[] = [];

beforeAll(async () => {
  env = await createTestEnv({ env: { RATE_LIMIT_MAX: '0', RATE_LIMIT_WRITE_MAX: '0' } });
  admin = await as(env, ['admin']);
  realId = (await buildIncident(admin)).id;
  doc = (await env.app.inject({ url: '/api/v1/openapi.json' })).json() as Doc;
});
afterAll(async () => {
  // The long run's figures, for the record.
  if (process.env.FUZZ_RUNS)
    console.log(`fuzz: ${sent.requests} requests, ${sent.serverErrors} answered 5xx`);
  await env.close();
});

function check(label: string, res: LightMyRequestResponse): void {
  sent.requests++;
  if (res.statusCode >= 500) {
    sent.serverErrors++;
    failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
  } else if (
    res.statusCode >= 400 &&
    !String(res.headers['content-type']).includes('application/problem+json')
  ) {
    failures.push(`${label} → ${res.statusCode} not problem+json: ${res.body.slice(0, 200)}`);
  }
}

function operations(methods: string[]) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => methods.includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
  );
}

const withId = (path: string, id: string) =>
  `/api/v1${path.replace(/^\/api\/v1/, '')}`.replace(/\{[^}]+\}/g, id);

async function send(method: string, url: string, payload?: string, contentType = 'application/json') {
  return admin.request({
    method: method as 'POST',
    url,
    ...(payload === undefined ? {} : { payload, headers: { 'content-type': contentType } }),
  });
}

describe('API fuzzing', () => {
  it(
    'answers every write operation with a 4xx problem or success, never a 5xx',
    async () => {
      const components = doc.components?.schemas ?? {};
      const ops = operations(['post', 'put', 'patch', 'delete']);
      expect(ops.length).toBeGreaterThan(50);
      for (const { method, path, op } of ops) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const hasPathId = path.includes('{');
        // Never delete the fixtures: destructive operations get unknown ids only.
        const goodId = method === 'DELETE' ? '00000000-0000-4000-8000-000000000000' : realId;
        const url = withId(path, goodId);
        if (schema) {
          for (const body of fc.sample(arbitraryOf(schema, components), RUNS)) {
            check(`${method} ${path} generated`, await send(method, url, JSON.stringify(body)));
          }
          for (const raw of RAW_BODIES)
            check(`${method} ${path} raw ${raw.slice(0, 30)}`, await send(method, url, raw));
        }
        if (hasPathId) {
          for (const id of HOSTILE_IDS) {
            check(
              `${method} ${path} id ${id}`,
              await send(method, withId(path, id), schema ? '{}' : undefined),
            );
          }
        }
        check(
          `${method} ${path} wrong type`,
          await send(method, url, 'title=x', 'application/x-www-form-urlencoded'),
        );
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'answers every list and read with hostile query values without a 5xx',
    async () => {
      for (const { path, op } of operations(['get'])) {
        // The live stream never ends by design (its refusals are tested in live-updates.test.ts).
        if (path === '/api/v1/live') continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const base = withId(path, realId);
        for (const value of HOSTILE_QUERY_VALUES) {
          for (const name of [...params, 'cursor'].slice(0, RUNS * 2)) {
            check(`GET ${path}?${name}=${value.slice(0, 20)}`, await admin.get(`${base}?${name}=${value}`));
          }
        }
        if (path.includes('{')) {
          for (const id of HOSTILE_IDS) check(`GET ${path} id ${id}`, await admin.get(withId(path, id)));
        }
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
