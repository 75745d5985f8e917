/**
 * The route × role matrix: every role calls every guarded route through the real API, and the
 * answer must be "allowed" (not 401/403) or "forbidden" (403, or 404 where existence is hidden)
 * exactly as the table says. Permission checks live in the service layer, so this also proves
 * the routes do not bypass them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import {
  as,
  browserSession,
  buildGroup,
  buildIncident,
  buildUser,
  type Client,
  createTestEnv,
  type TestEnv,
} from '../support/app.ts';
import { buildCi, uploadImport } from '../support/cmdb.ts';
import { buildCatalogItem, buildService, order } from '../support/requests.ts';

let env: TestEnv;
const clients = new Map<Role, Client>();
let incidentId: string;
let groupId: string;
let someUserId: string;
let catalogItemId: string;
let requestId: string;
let taskId: string;
let ciId: string;
let otherCiId: string;
let supplierId: string;

const ALL = ROLES;
const READ_ALL: Role[] = [
  'admin',
  'service_manager',
  'service_owner',
  'process_owner',
  'agent',
  'change_manager',
  'cab_member',
  'auditor',
];
const WORKERS: Role[] = ['admin', 'service_manager', 'process_owner', 'agent'];
/** Who reads all records and may write internal content: all of them but the auditor. */
const INTERNAL: Role[] = READ_ALL.filter((r) => r !== 'auditor');

/** Who keeps the CMDB, assets and licences. */
const CMDB_KEEPERS: Role[] = ['admin', 'service_manager', 'agent'];
const unique = () => Math.random().toString(36).slice(2, 10);

type Case = { name: string; allowed: readonly Role[]; call: (c: Client) => Promise<{ statusCode: number }> };

const CASES: Case[] = [
  {
    name: 'GET /incidents/:id (someone else’s)',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/incidents/${incidentId}`),
  },
  {
    name: 'POST /incidents',
    allowed: ALL.filter((r) => r !== 'auditor'),
    call: (c) => c.post('/api/v1/incidents', { title: 'matrix' }),
  },
  {
    name: 'PATCH /incidents/:id title',
    allowed: WORKERS,
    call: (c) => c.patch(`/api/v1/incidents/${incidentId}`, { title: `t ${Math.random()}` }),
  },
  {
    name: 'PATCH /incidents/:id assign group',
    allowed: WORKERS,
    call: (c) => c.patch(`/api/v1/incidents/${incidentId}`, { groupId }),
  },
  {
    name: 'POST /records/:id/comments internal',
    allowed: INTERNAL,
    call: (c) => c.post(`/api/v1/records/${incidentId}/comments`, { body: 'n', visibility: 'internal' }),
  },
  {
    name: 'POST /records/:id/comments public',
    allowed: INTERNAL,
    call: (c) => c.post(`/api/v1/records/${incidentId}/comments`, { body: 'p' }),
  },
  { name: 'GET /users', allowed: [...READ_ALL, 'approver'], call: (c) => c.get('/api/v1/users') },
  {
    name: 'POST /users',
    allowed: ['admin'],
    call: (c) => c.post('/api/v1/users', { email: `m${Math.random()}@test.example`, name: 'M' }),
  },
  {
    name: 'PATCH /users/:id roles',
    allowed: ['admin'],
    call: (c) => c.patch(`/api/v1/users/${someUserId}`, { roles: ['requester'] }),
  },
  { name: 'GET /groups', allowed: [...READ_ALL, 'approver'], call: (c) => c.get('/api/v1/groups') },
  {
    name: 'POST /groups',
    allowed: ['admin', 'service_manager'],
    call: (c) => c.post('/api/v1/groups', { name: `G ${Math.random()}` }),
  },
  {
    name: 'PATCH /groups/:id',
    allowed: ['admin', 'service_manager'],
    call: (c) => c.patch(`/api/v1/groups/${groupId}`, { description: 'd' }),
  },
  { name: 'GET /audit', allowed: ['admin', 'auditor'], call: (c) => c.get('/api/v1/audit') },
  {
    name: 'GET /settings/incident/lifecycle',
    allowed: READ_ALL,
    call: (c) => c.get('/api/v1/settings/incident/lifecycle'),
  },
  {
    name: 'PUT /settings/incident/priority-matrix',
    allowed: ['admin', 'process_owner'],
    call: (c) =>
      c.put('/api/v1/settings/incident/priority-matrix', {
        matrix: [
          [1, 2, 3],
          [2, 3, 4],
          [3, 4, 5],
        ],
      }),
  },
  {
    // The auditor's matrix client holds a read-scoped token, which may only GET; the auditor's
    // own session may create read tokens (see the auditor section below).
    name: 'POST /tokens (own, read scope)',
    allowed: ALL.filter((r) => r !== 'auditor'),
    call: (c) => c.post('/api/v1/tokens', { name: 'x', scopes: ['read'] }),
  },
  {
    name: 'POST /tokens (own, write scope)',
    allowed: ALL.filter((r) => r !== 'auditor'),
    call: (c) => c.post('/api/v1/tokens', { name: 'x', scopes: ['read', 'write'] }),
  },
  {
    name: 'PUT /records/:id/watchers/:userId (oneself)',
    allowed: READ_ALL.filter((r) => r !== 'auditor'),
    call: (c) => c.put(`/api/v1/records/${incidentId}/watchers/${c.user.id}`),
  },
  { name: 'GET /tokens?all=true', allowed: ['admin'], call: (c) => c.get('/api/v1/tokens?all=true') },
  { name: 'GET /catalog/items', allowed: ALL, call: (c) => c.get('/api/v1/catalog/items') },
  {
    name: 'POST /catalog/items',
    allowed: ['admin', 'service_manager'],
    call: (c) =>
      c.post('/api/v1/catalog/items', { serviceId: '00000000-0000-4000-8000-000000000000', name: 'x' }),
  },
  {
    name: 'PATCH /catalog/items/:id',
    allowed: ['admin', 'service_manager'],
    call: (c) => c.patch(`/api/v1/catalog/items/${catalogItemId}`, { description: `d ${Math.random()}` }),
  },
  {
    name: 'POST /requests',
    allowed: ALL.filter((r) => r !== 'auditor'),
    call: (c) => c.post('/api/v1/requests', { catalogItemId, answers: {} }),
  },
  {
    name: 'GET /requests/:id (someone else’s)',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/requests/${requestId}`),
  },
  {
    name: 'PATCH /requests/:id assign group',
    allowed: WORKERS,
    call: (c) => c.patch(`/api/v1/requests/${requestId}`, { groupId }),
  },
  { name: 'GET /approvals?mine=pending', allowed: ALL, call: (c) => c.get('/api/v1/approvals?mine=pending') },
  {
    name: 'POST /requests/:id/approval (not an approver)',
    allowed: [],
    call: (c) => c.post(`/api/v1/requests/${requestId}/approval`, { decision: 'approve' }),
  },
  {
    name: 'GET /request-tasks/:id (someone else’s)',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/request-tasks/${taskId}`),
  },
  {
    name: 'PATCH /request-tasks/:id assign (group member)',
    allowed: WORKERS,
    call: (c) => c.patch(`/api/v1/request-tasks/${taskId}`, { groupId }),
  },
  {
    name: 'POST /request-tasks/:id/transitions start (group member)',
    allowed: WORKERS,
    call: (c) => c.post(`/api/v1/request-tasks/${taskId}/transitions`, { to: 'in_progress' }),
  },
  { name: 'GET /cmdb/classes', allowed: READ_ALL, call: (c) => c.get('/api/v1/cmdb/classes') },
  {
    name: 'PUT /cmdb/classes/:key',
    allowed: ['admin'],
    call: (c) => c.put('/api/v1/cmdb/classes/matrix_class', { label: 'Matrix', parent: 'application' }),
  },
  { name: 'GET /cmdb/cis', allowed: READ_ALL, call: (c) => c.get('/api/v1/cmdb/cis') },
  { name: 'GET /cmdb/cis/:id', allowed: READ_ALL, call: (c) => c.get(`/api/v1/cmdb/cis/${ciId}`) },
  {
    name: 'POST /cmdb/cis',
    allowed: CMDB_KEEPERS,
    call: (c) => c.post('/api/v1/cmdb/cis', { classKey: 'application', name: `app ${unique()}` }),
  },
  {
    name: 'PATCH /cmdb/cis/:id',
    allowed: CMDB_KEEPERS,
    call: (c) => c.patch(`/api/v1/cmdb/cis/${ciId}`, { description: unique() }),
  },
  {
    name: 'POST /cmdb/relationships',
    allowed: CMDB_KEEPERS,
    call: (c) => c.post('/api/v1/cmdb/relationships', { type: 'depends_on', fromId: ciId, toId: otherCiId }),
  },
  {
    name: 'GET /cmdb/cis/:id/impact',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/cmdb/cis/${ciId}/impact`),
  },
  {
    name: 'GET /cmdb/cis/:id/dependencies',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/cmdb/cis/${ciId}/dependencies`),
  },
  {
    name: 'POST /records/:id/cis',
    allowed: WORKERS,
    call: (c) => c.post(`/api/v1/records/${incidentId}/cis`, { ciIds: [ciId] }),
  },
  {
    name: 'GET /records/:id/impact',
    allowed: READ_ALL,
    call: (c) => c.get(`/api/v1/records/${incidentId}/impact`),
  },
  { name: 'GET /assets', allowed: READ_ALL, call: (c) => c.get('/api/v1/assets') },
  {
    name: 'POST /assets',
    allowed: CMDB_KEEPERS,
    call: (c) => c.post('/api/v1/assets', { assetTag: `AT-${unique()}`, name: 'Laptop' }),
  },
  {
    name: 'GET /contracts',
    allowed: READ_ALL,
    call: (c) => c.get('/api/v1/contracts?expiringWithinDays=30'),
  },
  {
    name: 'POST /contracts',
    allowed: ['admin', 'service_manager'],
    call: (c) =>
      c.post('/api/v1/contracts', {
        name: `Support ${unique()}`,
        kind: 'support',
        supplierId,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      }),
  },
  { name: 'GET /licences/compliance', allowed: READ_ALL, call: (c) => c.get('/api/v1/licences/compliance') },
  {
    name: 'POST /licences',
    allowed: CMDB_KEEPERS,
    call: (c) => c.post('/api/v1/licences', { product: 'Visio', vendor: 'Microsoft', metric: 'per_user' }),
  },
  { name: 'GET /cmdb/imports', allowed: READ_ALL, call: (c) => c.get('/api/v1/cmdb/imports') },
  {
    name: 'POST /cmdb/imports (dry run)',
    allowed: CMDB_KEEPERS,
    call: (c) => uploadImport(c, 'cis.csv', 'class,name\napplication,Imported\n', 'type=cis&dryRun=true'),
  },
];

beforeAll(async () => {
  env = await createTestEnv();
  for (const role of ROLES) clients.set(role, await as(env, [role]));
  const owner = await as(env, ['requester']);
  incidentId = (await buildIncident(owner)).id;
  someUserId = (await buildUser(env)).id;
  groupId = (await buildGroup(env, { memberIds: [...clients.values()].map((c) => c.user.id) })).id;
  const item = await buildCatalogItem(clients.get('service_manager')!, await buildService(env), {
    taskTemplates: [{ title: 'Matrix task', groupId, order: 1 }],
  });
  catalogItemId = item.id;
  const req = await order(owner, catalogItemId);
  requestId = req.id;
  taskId = req.tasks[0]!.id!;
  const admin = clients.get('admin')!;
  ciId = (await buildCi(admin, 'application', { name: 'Matrix app' })).id;
  otherCiId = (await buildCi(admin, 'database', { name: 'Matrix db' })).id;
  supplierId = (
    await admin.post('/api/v1/organisations', { name: 'Matrix Supplies', kind: 'supplier' })
  ).json().id;
});
afterAll(() => env.close());

/**
 * The state-changing operations the auditor (read-only) may call: its own session, its own
 * API tokens (read scope only) and its notifications' read marks. Everything else in the
 * OpenAPI document, including routes added later, must answer 403.
 */
const AUDITOR_MAY = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/{id}',
  'POST /api/v1/notifications/{id}/read',
  'POST /api/v1/notifications/read-all',
  // One's own notification choices, the digest's unsubscribe link, and hiding an announcement
  // from oneself change nothing of anyone else's; a template preview only renders.
  'PUT /api/v1/notifications/preferences',
  'DELETE /api/v1/notifications/preferences',
  'POST /api/v1/notifications/unsubscribe',
  'POST /api/v1/announcements/{id}/dismiss',
  'POST /api/v1/admin/notifications/events/{event}/preview',
]);

type Operation = { method: string; path: string };

async function writeOperations(): Promise<Operation[]> {
  const doc = (await env.app.inject({ url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/** A real id for the path's record where the matrix has one, so the check is not a 404. */
function fillPath(path: string, auditorId: string): string {
  const idFor = (p: string) =>
    p.startsWith('/api/v1/requests')
      ? requestId
      : p.startsWith('/api/v1/request-tasks')
        ? taskId
        : p.startsWith('/api/v1/users')
          ? auditorId
          : p.startsWith('/api/v1/groups')
            ? groupId
            : p.startsWith('/api/v1/cmdb/cis')
              ? ciId
              : p.startsWith('/api/v1/catalog/items')
                ? catalogItemId
                : incidentId;
  return path
    .replace('{userId}', auditorId)
    .replace('{id}', idFor(path))
    .replace(/\{[^}]+\}/g, 'incident');
}

/** Bodies a working role would send, so the refusal is the role's and not the validator's. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/v1/incidents': { title: 'auditor writes' },
  'POST /api/v1/requests': { catalogItemId: '', answers: {} },
  'POST /api/v1/records/{id}/comments': { body: 'auditor comments' },
  'PATCH /api/v1/users/{id}': { name: 'Auditor renamed' },
};

describe('the auditor is read-only on every write operation', () => {
  let auditorId: string;
  let send: Awaited<ReturnType<typeof browserSession>>['send'];

  beforeAll(async () => {
    const password = 'auditor matrix password';
    const u = await buildUser(env, { roles: ['auditor'], password });
    auditorId = u.id;
    ({ send } = await browserSession(env, u.email, password));
    // Involved as a watcher (added by an agent): still no public comments or attachments.
    await clients.get('agent')!.put(`/api/v1/records/${incidentId}/watchers/${u.id}`);
  });

  it('is refused with 403 by every write operation in the OpenAPI document', async () => {
    const ops = await writeOperations();
    expect(ops.length).toBeGreaterThan(50);
    const answered: string[] = [];
    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      if (AUDITOR_MAY.has(key)) continue;
      const body = key in SAMPLE_BODIES ? SAMPLE_BODIES[key] : op.method === 'DELETE' ? undefined : {};
      const res = await send(op.method, fillPath(op.path, auditorId), body);
      if (res.statusCode !== 403) answered.push(`${key} → ${res.statusCode}`);
    }
    expect(answered).toEqual([]);
  });

  it('may sign out, mark notifications read and hold read-only tokens', async () => {
    expect((await send('POST', '/api/v1/notifications/read-all', {})).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/tokens', { name: 'w', scopes: ['write'] })).statusCode).toBe(403);
    const tok = await send('POST', '/api/v1/tokens', { name: 'r', scopes: ['read'] });
    expect(tok.statusCode).toBe(201);
    expect((await send('DELETE', `/api/v1/tokens/${tok.json().info.id}`)).statusCode).toBe(200);
  });

  it('sees a record it watches but cannot comment on it or attach to it', async () => {
    expect((await send('GET', `/api/v1/incidents/${incidentId}`)).statusCode).toBe(200);
    const rec = (await send('GET', `/api/v1/incidents/${incidentId}`)).json();
    expect(rec.allowedActions).toEqual(['read_internal']);
    expect(rec.transitions).toEqual([]);
  });
});

describe('route × role permission matrix', () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      const allowed = c.allowed.includes(role);
      it(`${c.name}: ${role} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const res = await c.call(clients.get(role)!);
        if (allowed) expect([401, 403, 404]).not.toContain(res.statusCode);
        else expect([403, 404]).toContain(res.statusCode);
      });
    }
  }
});
