/**
 * Test harness: a fresh database per test file (in-memory PGlite, or a throwaway database on the
 * PostgreSQL server named by TEST_DATABASE_URL), the real Fastify app driven by `inject()`,
 * and clients that authenticate as a given user.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { closeContext, createContext } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import type { IncidentCreate, IncidentView as RecordView } from '../../src/contracts/incidents.ts';
import type { NotificationPage } from '../../src/contracts/notifications.ts';
import type { Activity } from '../../src/contracts/records.ts';
import type { PublicStatus } from '../../src/contracts/status-page.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import { isReadOnly, type Role, type TokenScope } from '../../src/domain/roles.ts';
import { buildApp } from '../../src/http/app.ts';
import { createGroup, createUser, type UserView } from '../../src/modules/auth/directory.ts';
import { createApiToken, loadActor, SESSION_COOKIE } from '../../src/modules/auth/service.ts';

export type TestEnv = {
  /** The PostgreSQL server database of this env, when running against a server. */
  databaseUrl: string | undefined;
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
};

async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return { url: undefined, drop: async () => {} };
  const name = `steward_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // A copy of the run's migrated template (test/support/global-setup.ts), else an empty one.
  const template = inject('serverTemplate');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  // A throwaway database: commits need not wait for the disk (what the tests check is what
  // committed, never what survives a crash of the server).
  await client.query(`alter database ${name} set synchronous_commit to off`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let template: Promise<Blob | undefined> | undefined;

/** The run's migrated embedded database (test/support/global-setup.ts), read once per file. */
function pgliteTemplate(): Promise<Blob | undefined> {
  const file = inject('pgliteTemplate');
  template ??= file ? readFile(file).then((b) => new Blob([b])) : Promise.resolve(undefined);
  return template;
}

export async function createTestEnv(
  opts: { jobs?: boolean; env?: Record<string, string> } = {},
): Promise<TestEnv> {
  const db = await freshDatabaseUrl();
  const config = loadConfig({
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    STEWARD_DEMO: '0',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...opts.env,
  });
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const ctx = await createContext(config, {
    clock,
    startJobs: opts.jobs ?? false,
    ...(db.url ? {} : { initialData: await pgliteTemplate() }),
  });
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  await app.ready();
  return {
    databaseUrl: db.url,
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await closeContext(ctx);
      await db.drop();
    },
  };
}

/**
 * A second instance of the app on the PostgreSQL server database of `env` (with its clock and
 * no jobs), as another server sharing the database would be; it is closed once `use` is done.
 */
export async function withSecondInstance<T>(
  env: TestEnv,
  use: (app: FastifyInstance) => Promise<T>,
): Promise<T> {
  if (!env.databaseUrl) throw new Error('a second instance needs a PostgreSQL server (TEST_DATABASE_URL)');
  const ctx = await createContext(
    loadConfig({ DATABASE_URL: env.databaseUrl, LOG_LEVEL: 'silent', STEWARD_DEMO: '0' }),
    { clock: env.clock, startJobs: false },
  );
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  try {
    return await use(app);
  } finally {
    await app.close();
    await closeContext(ctx);
  }
}

/**
 * The usual test file setup: a fresh env opened before the file's tests and closed after them,
 * with one signed-in client per named role list, built in the order given. The object is filled
 * in `beforeAll`, so read its members inside tests (`t.agent`), not at load time.
 */
export function setupTestEnv<K extends string>(
  clients: Record<K, Role[]>,
  opts?: Parameters<typeof createTestEnv>[0],
): { env: TestEnv } & Record<K, Client> {
  const t = {} as { env: TestEnv } & Record<K, Client>;
  beforeAll(async () => {
    t.env = await createTestEnv(opts);
    await signInClients(t, clients);
  });
  afterAll(() => t.env.close());
  return t;
}

/** Fill `t` with one signed-in client per named role list of `t.env`, built in the order given. */
export async function signInClients<K extends string>(
  t: { env: TestEnv } & Record<K, Client>,
  clients: Record<K, Role[]>,
): Promise<void> {
  for (const [name, roles] of Object.entries<Role[]>(clients)) {
    Object.assign(t, { [name]: await as(t.env, roles) });
  }
}

let seq = 0;

type UserOptions = {
  roles?: Role[];
  name?: string;
  email?: string;
  password?: string;
  groupIds?: string[];
  managerId?: string;
  organisationId?: string;
};

/** Factories: build what a test needs with sensible defaults. */
export async function buildUser(env: TestEnv, over: UserOptions = {}): Promise<UserView> {
  seq++;
  return createUser(env.ctx, 'system', {
    email: over.email ?? `user${seq}-${randomBytes(3).toString('hex')}@test.example`,
    name: over.name ?? `Test User ${seq}`,
    roles: over.roles ?? ['requester'],
    ...(over.password ? { password: over.password } : {}),
    ...(over.groupIds ? { groupIds: over.groupIds } : {}),
    ...(over.managerId ? { managerId: over.managerId } : {}),
    ...(over.organisationId ? { organisationId: over.organisationId } : {}),
  });
}

export async function buildGroup(env: TestEnv, over: { name?: string; memberIds?: string[] } = {}) {
  seq++;
  return createGroup(env.ctx, 'system', {
    name: over.name ?? `Group ${seq}`,
    memberIds: over.memberIds ?? [],
  });
}

export type Client = {
  user: UserView;
  token: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
};

/**
 * The JSON body of an answer that must have `status` (the test fails with the body otherwise),
 * as the caller's type.
 */
export function expectJson<T>(res: LightMyRequestResponse, status: number): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** A client authenticated with an API token for `user` (all scopes unless narrowed). */
export async function clientFor(
  env: TestEnv,
  user: UserView,
  scopes: TokenScope[] = ['read', 'write', 'admin'],
): Promise<Client> {
  const actor = await loadActor(env.ctx.db, user.id, null);
  // A read-only person (the auditor) may only hold read-scoped tokens.
  const allowed: TokenScope[] = isReadOnly(actor) ? ['read'] : scopes;
  const { token } = await createApiToken(env.ctx, actor, { name: 'test', scopes: allowed }, null);
  const request = (o: InjectOptions) =>
    env.app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
  const send =
    (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, headers?: Record<string, string>) =>
      request({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: headers ?? {},
      });
  return {
    user,
    token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: send('POST'),
    patch: send('PATCH'),
    put: send('PUT'),
    del: (url) => request({ method: 'DELETE', url }),
  };
}

/** A user with the given roles (and other details, as `buildUser`) and a client for them, in one call. */
export async function as(
  env: TestEnv,
  roles: Role[],
  over: Omit<UserOptions, 'roles'> = {},
): Promise<Client> {
  return clientFor(env, await buildUser(env, { roles, ...over }));
}

/** The session cookie a sign-in answer sets, as a `cookie` header's value. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`No session cookie in the answer: ${res.statusCode} ${res.body}`);
  return `${SESSION_COOKIE}=${cookie.value}`;
}

/** A sign-in with an email and password, from `remoteAddress` when given; the raw answer. */
export function postLogin(env: TestEnv, email: string, password: string, remoteAddress?: string) {
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/**
 * A browser's session: `email` signs in with `password` (which must succeed), and `send` makes
 * requests with the session's cookie and CSRF token.
 */
export async function browserSession(env: TestEnv, email: string, password: string) {
  const res = await postLogin(env, email, password);
  expect(res.statusCode, res.body).toBe(200);
  const headers = { cookie: sessionCookie(res), 'x-csrf-token': res.json().csrfToken as string };
  return {
    headers,
    send: (method: HTTPMethods, url: string, payload?: unknown) =>
      env.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}

/** The public status page as an anonymous visitor reads it; it must answer 200. */
export async function publicStatus(env: TestEnv): Promise<PublicStatus> {
  return expectJson<PublicStatus>(await env.app.inject({ method: 'GET', url: '/api/v1/public/status' }), 200);
}

/** The fields named by the `errors` of a problem+json answer, in its order (none when it has no list). */
export function errorFields(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
}

/** Resolve an incident as `client`, solved permanently with the given notes; the raw response. */
export function resolveIncident(client: Client, id: string, resolutionNotes = 'Fixed.') {
  return client.post(`/api/v1/incidents/${id}/transitions`, {
    to: 'resolved',
    resolutionCode: 'solved_permanently',
    resolutionNotes,
  });
}

/** Create an incident through the API as `client`, with defaults. */
export async function buildIncident(
  client: Client,
  over: Partial<IncidentCreate> & Record<string, unknown> = {},
): Promise<RecordView> {
  const res = await client.post('/api/v1/incidents', {
    title: 'Printer is on fire',
    description: 'Smoke from tray 2',
    urgency: 2,
    ...over,
  });
  return expectJson<RecordView>(res, 201);
}

/**
 * Take a lifecycle step on a record at `/api/v1/{path}/{id}` (`to` alone, or a whole transition
 * body); it must succeed. The record as it is after the step.
 */
export async function stepRecord<T>(
  client: Client,
  path: string,
  r: { id: string },
  step: string | Record<string, unknown>,
): Promise<T> {
  const res = await client.post(
    `/api/v1/${path}/${r.id}/transitions`,
    typeof step === 'string' ? { to: step } : step,
  );
  return expectJson<T>(res, 200);
}

/** `client` comments on a record (publicly unless told); the raw response. */
export function postComment(
  client: Client,
  recordId: string,
  body: string,
  visibility: 'public' | 'internal' = 'public',
) {
  return client.post(`/api/v1/records/${recordId}/comments`, { body, visibility });
}

/** A record's activity (comments, field changes and attachments) as `client` is shown it. */
export async function activityOf(client: Client, recordId: string): Promise<Activity[]> {
  return expectJson<Activity[]>(await client.get(`/api/v1/records/${recordId}/activity`), 200);
}

/** The field changes among a record's activity. */
export const fieldChanges = (activity: Activity[]) => activity.filter((a) => a.kind === 'change');

/** The comments among a record's activity. */
export const commentsIn = (activity: Activity[]) => activity.filter((a) => a.kind === 'comment');

/** A page of the in-app notifications `client` has received (`query`: e.g. `?unread=true`). */
export async function notificationsOf(client: Client, query = ''): Promise<NotificationPage> {
  return expectJson<NotificationPage>(await client.get(`/api/v1/notifications${query}`), 200);
}

/** An incident automation rule, made through the API by `owner` (a process owner); its id. */
export async function buildAutomationRule(owner: Client, rule: Record<string, unknown>): Promise<string> {
  const res = await owner.post('/api/v1/settings/incident/automation-rules', rule);
  return expectJson<{ id: string }>(res, 201).id;
}

/**
 * For files that start the CLI or the server on the embedded database whatever the suite's
 * database: the run on a PostgreSQL server (TEST_DATABASE_URL) would only repeat them.
 */
export const embeddedOnly = describe.skipIf(Boolean(process.env.TEST_DATABASE_URL));
