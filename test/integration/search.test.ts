/** The global search: every record type by number or words, CIs by name, within the caller's visibility. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildGroup,
  buildIncident,
  type Client,
  createTestEnv,
  expectJson,
  type TestEnv,
} from '../support/app.ts';
import { buildCatalogItem, buildService, order } from '../support/requests.ts';

let env: TestEnv;
let agent: Client;
let requester: Client;
let other: Client;
let requestNumber: string;
let taskNumber: string;

type Hit = {
  kind: string;
  type?: string;
  number?: string;
  title?: string;
  name?: string;
  className?: string;
};
type Answer = { items: Hit[]; exact: Hit | null };
const search = async (c: Client, q: string) =>
  expectJson<Answer>(await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`), 200);

beforeAll(async () => {
  env = await createTestEnv();
  const groupId = (await buildGroup(env, { name: 'Fulfilment' })).id;
  agent = await as(env, ['agent'], { groupIds: [groupId] });
  requester = await as(env, ['requester']);
  other = await as(env, ['requester']);
  const manager = await as(env, ['service_manager']);
  const item = await buildCatalogItem(manager, await buildService(env), {
    name: 'Ergonomic keyboard',
    taskTemplates: [{ title: 'Hand over the keyboard', groupId, order: 1 }],
  });
  const req = await order(requester, item.id);
  requestNumber = req.number;
  taskNumber = req.tasks[0]!.number!;
  await buildIncident(requester, { title: 'Keyboard types double letters' });
  await buildIncident(other, { title: 'Keyboard is missing keys' });
  const ci = await agent.post('/api/v1/cmdb/cis', {
    classKey: 'physical_server',
    name: 'keyboard-gateway-01',
    attributes: { hostname: 'KBD-GW-01', cpu_count: '4', memory_gb: 16, os: 'Linux' },
  });
  expect(ci.statusCode).toBe(201);
});
afterAll(() => env.close());

describe('global search', () => {
  it('jumps to a request by its number, with its type', async () => {
    const answer = await search(agent, requestNumber.toLowerCase());
    expect(answer.exact).toMatchObject({ kind: 'record', type: 'request', number: requestNumber });
    expect(answer.items[0]).toEqual(answer.exact);
  });

  it('finds a fulfilment task by its number', async () => {
    expect((await search(agent, taskNumber)).exact).toMatchObject({
      type: 'request_task',
      number: taskNumber,
    });
  });

  it('finds records of every type and CIs by words, for an agent', async () => {
    const answer = await search(agent, 'keyboard');
    const kinds = answer.items.map((h) => (h.kind === 'ci' ? `ci:${h.name}` : `${h.type}:${h.title}`));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'incident:Keyboard types double letters',
        'incident:Keyboard is missing keys',
        'request:Ergonomic keyboard',
        'ci:keyboard-gateway-01',
      ]),
    );
    expect(answer.items.find((h) => h.kind === 'ci')).toMatchObject({ className: expect.any(String) });
    expect(answer.exact).toBeNull();
  });

  it('shows a requester only their own records and no CIs', async () => {
    const answer = await search(requester, 'keyboard');
    const titles = answer.items.map((h) => h.title);
    expect(titles).toEqual(expect.arrayContaining(['Keyboard types double letters', 'Ergonomic keyboard']));
    expect(titles).not.toContain('Keyboard is missing keys');
    expect(answer.items.filter((h) => h.kind === 'ci')).toEqual([]);
    const theirs = await search(other, requestNumber);
    expect(theirs).toEqual({ items: [], exact: null });
  });

  it('refuses an empty or overlong query with problem details', async () => {
    const empty = await agent.get('/api/v1/search?q=%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect((await agent.get(`/api/v1/search?q=${'x'.repeat(201)}`)).statusCode).toBe(400);
  });
});
