/** Factories for service request tests: a service CI and catalog items created through the API. */
import type { RequestView } from '../../src/contracts/requests.ts';
import { createService } from '../../src/modules/catalog/service.ts';
import { as, buildUser, type Client, clientFor, expectJson, type TestEnv } from './app.ts';

let seq = 0;

/** A live service (a business one of medium criticality unless told), made by the system; its id. */
export async function buildService(
  env: TestEnv,
  name?: string,
  over: Partial<Parameters<typeof createService>[2]> = {},
): Promise<string> {
  seq++;
  const created = await createService(env.ctx, 'system', {
    kind: 'business',
    name: name ?? `Service ${seq} ${Math.random().toString(36).slice(2, 6)}`,
    criticality: 'medium',
    lifecycleStatus: 'live',
    ...over,
  });
  return created.id;
}

export type ItemView = { id: string; version: number; form: unknown[] };

export async function buildCatalogItem(
  manager: Client,
  serviceId: string,
  over: Record<string, unknown> = {},
): Promise<ItemView> {
  seq++;
  const res = await manager.post('/api/v1/catalog/items', {
    serviceId,
    name: `Item ${seq}`,
    description: 'Something to order',
    category: 'Hardware',
    form: [],
    taskTemplates: [],
    ...over,
  });
  return expectJson<ItemView>(res, 201);
}

/** A request as the API answers it (the contract's shape). */
export type RequestBody = RequestView;

export async function order(
  client: Client,
  catalogItemId: string,
  answers: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return expectJson<RequestBody>(
    await client.post('/api/v1/requests', { catalogItemId, answers, ...extra }),
    201,
  );
}

/**
 * A requester's order of an item their line manager must approve: the manager (`boss`), the
 * requester (`employee`) and the request, awaiting the manager's decision.
 */
export async function orderNeedingManagerApproval(env: TestEnv) {
  const boss = await as(env, ['requester']);
  const employee = await clientFor(env, await buildUser(env, { managerId: boss.user.id }));
  const manager = await as(env, ['service_manager']);
  const item = await buildCatalogItem(manager, await buildService(env), {
    approvalPolicy: { levels: [{ name: 'Line manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
  });
  return { boss, employee, req: await order(employee, item.id) };
}
