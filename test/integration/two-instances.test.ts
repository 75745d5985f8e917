/**
 * Two real server processes on one PostgreSQL database, one working jobs and one started with
 * STEWARD_JOBS=0: record numbers stay unique under concurrent creates on both, an SLA alert fired
 * inside a request on the instance without jobs is escalated exactly once, a change on one drops
 * the other's caches at once, and when an instance is killed with SIGKILL the other carries on.
 * Runs only against a PostgreSQL server (TEST_DATABASE_URL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { as, type Client, createTestEnv, type TestEnv } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';
import { buildAgreement, buildCalendar, buildService } from '../support/sla.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Instance = { proc: ChildProcess; base: string; exited: Promise<number | null> };

/** Start `node src/server.js` on a free port and resolve once it listens. */
async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const proc = spawn(process.execPath, ['src/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      STEWARD_DEMO: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', read);
    void exited.then((code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
  });
  return { proc, base, exited };
}

async function call(base: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), json: text ? JSON.parse(text) : null };
}

const server = process.env.TEST_DATABASE_URL;
let env: TestEnv;
let worker: Instance;
let noJobs: Instance;
let agent: Client;
let admin: Client;
let serviceId: string;

describe.skipIf(!server)('two instances on one database', () => {
  beforeAll(async () => {
    env = await createTestEnv();
    admin = await as(env, ['admin']);
    const manager = await as(env, ['service_manager']);
    agent = await as(env, ['agent']);
    const calendarId = (await buildCalendar(manager)).id;
    serviceId = (await buildService(manager, { name: 'Shared service' })).id;
    await buildAgreement(manager, { calendarId, serviceId, name: 'Shared SLA' });
    // One after the other, so the second finds the schema migrated.
    worker = await startInstance(env.databaseUrl!);
    noJobs = await startInstance(env.databaseUrl!, { STEWARD_JOBS: '0' });
  }, 180_000);
  afterAll(async () => {
    for (const i of [worker, noJobs]) if (i && i.proc.exitCode === null) i.proc.kill('SIGTERM');
    await Promise.all([worker?.exited, noJobs?.exited]);
    await env?.close();
  });

  const create = (i: Instance, title: string) =>
    call(i.base, agent.token, 'POST', '/api/v1/incidents', {
      title,
      description: 'Shared database',
      urgency: 2,
      impact: 2,
      serviceId,
    });

  it('gives concurrent creates on both instances unique record numbers', async () => {
    const made = await Promise.all(
      Array.from({ length: 40 }, (_, n) => create(n % 2 ? worker : noJobs, `Concurrent ${n}`)),
    );
    expect(made.map((r) => r.status)).toEqual(made.map(() => 201));
    const numbers = made.map((r) => r.json.number as string);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('drops the other instance’s cached session the moment a user is deactivated on one', async () => {
    const person = await as(env, ['agent']);
    expect((await call(noJobs.base, person.token, 'GET', '/api/v1/incidents')).status).toBe(200);
    const user = await call(worker.base, admin.token, 'GET', `/api/v1/users/${person.user.id}`);
    const res = await fetch(`${worker.base}/api/v1/users/${person.user.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${admin.token}`,
        'content-type': 'application/json',
        'if-match': user.etag!,
      },
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    const refused = await pollUntil(
      () => call(noJobs.base, person.token, 'GET', '/api/v1/incidents'),
      (r) => r.status === 401,
      { what: 'the session to be dropped', timeoutMs: 1000, everyMs: 100 },
    );
    expect(refused.status).toBe(401);
  });

  it('escalates an alert fired in a request on the instance without jobs once, after that instance is killed', async () => {
    const inc = await create(noJobs, 'Overdue on the instance without jobs');
    expect(inc.status).toBe(201);
    // Thirteen hours ago: past the 12 h resolution target and the response target.
    await queryRows(
      env.ctx.db,
      sql`update sla_clocks set started_at = started_at - interval '13 hours',
            selected_at = selected_at - interval '13 hours', due_at = due_at - interval '13 hours',
            next_check_at = next_check_at - interval '13 hours'
          where record_id = ${inc.json.id}`,
    );
    // Taking it up settles its clocks in the request: the late response fires its breach there.
    const moved = await call(
      noJobs.base,
      agent.token,
      'POST',
      `/api/v1/incidents/${inc.json.id}/transitions`,
      {
        to: 'in_progress',
      },
    );
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    const alerts = await queryRows<{ id: string }>(
      env.ctx.db,
      sql`select id from sla_alerts where record_id = ${inc.json.id}`,
    );
    expect(alerts.length).toBeGreaterThan(0);
    noJobs.proc.kill('SIGKILL');
    await noJobs.exited;

    const done = await pollUntil(
      () =>
        queryRows<{ alert_id: string; n: number }>(
          env.ctx.db,
          sql`select alert_id, count(*)::int as n from escalations where record_id = ${inc.json.id} group by alert_id`,
        ),
      (rows) => rows.length === alerts.length,
      { what: 'every alert to be escalated', everyMs: 100 },
    );
    expect(done.map((r) => r.n)).toEqual(alerts.map(() => 1));
    expect(new Set(done.map((r) => r.alert_id))).toEqual(new Set(alerts.map((a) => a.id)));

    // Each alert's job carries a heartbeat, so a job held by a killed instance is retried within
    // seconds rather than after the 15-minute expiry; so do the sweep's.
    const beats = await queryRows<{ heartbeat_seconds: number | null }>(
      env.ctx.db,
      sql`select heartbeat_seconds from pgboss.job where data->>'recordId' = ${inc.json.id}
          union all select heartbeat_seconds from pgboss.queue where name = 'sla.sweep'`,
    );
    expect(beats.map((b) => b.heartbeat_seconds)).toEqual([...alerts.map(() => 10), 10]);

    // The surviving instance carries on.
    const after = await create(worker, 'After the other instance died');
    expect(after.status).toBe(201);
  }, 30_000);
});
