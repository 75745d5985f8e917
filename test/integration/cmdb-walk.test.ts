/**
 * The SQL walk over a graph wide enough to be fetched in slices: it must answer exactly as the pure
 * breadth-first walk over the same relationships held in memory, whatever the node limit.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { walkImpact } from '../../src/domain/cmdb/impact.ts';
import {
  DEFAULT_RELATIONSHIP_TYPES,
  type RelationshipEdge,
  relationshipNeighbours,
} from '../../src/domain/cmdb/relationships.ts';
import { walkGraph } from '../../src/modules/cmdb/walk.ts';
import { createTestEnv, type TestEnv } from '../support/app.ts';

let env: TestEnv;
const edges: (RelationshipEdge & { id: string })[] = [];
let hub = '';

/**
 * A switch that 600 servers connect to; each server hosts an application, and every tenth
 * application is also used by its neighbour (cycles included), so impact levels are hundreds wide.
 */
beforeAll(async () => {
  env = await createTestEnv();
  const ci = (classKey: string, name: string, attributes: Record<string, string>) => ({
    id: randomUUID(),
    classKey,
    name,
    attributes,
  });
  const sw = ci('network_device', 'core-sw', { hostname: 'core-sw.example.net', device_type: 'switch' });
  hub = sw.id;
  const servers = Array.from({ length: 600 }, (_, i) =>
    ci('physical_server', `host${i}`, { hostname: `host${i}.example.net` }),
  );
  const apps = servers.map((_, i) => ci('application', `app${i}`, {}));
  const all = [sw, ...servers, ...apps];
  await queryRows(
    env.ctx.db,
    sql`insert into cis (id, class_key, name, attributes)
        select * from unnest(${sql.param(all.map((c) => c.id))}::uuid[], ${sql.param(all.map((c) => c.classKey))}::text[],
          ${sql.param(all.map((c) => c.name))}::text[], ${sql.param(all.map((c) => JSON.stringify(c.attributes)))}::jsonb[])`,
  );
  const relate = (type: string, from: string, to: string) => edges.push({ id: randomUUID(), type, from, to });
  servers.forEach((s, i) => {
    relate('connects_to', s.id, sw.id);
    relate('runs_on', apps[i]!.id, s.id);
    if (i % 10 === 0) relate('depends_on', apps[(i + 1) % apps.length]!.id, apps[i]!.id);
    if (i % 10 === 1) relate('depends_on', apps[i - 1]!.id, apps[i]!.id);
  });
  await queryRows(
    env.ctx.db,
    sql`insert into ci_relationships (id, type_key, from_id, to_id)
        select * from unnest(${sql.param(edges.map((e) => e.id))}::uuid[], ${sql.param(edges.map((e) => e.type))}::text[],
          ${sql.param(edges.map((e) => e.from))}::uuid[], ${sql.param(edges.map((e) => e.to))}::uuid[])`,
  );
});
afterAll(() => env.close());

describe('the SQL walk on a wide graph', () => {
  // The SQL walk takes each CI's neighbours in id order, so a cut-short walk is deterministic.
  const inMemory = (mode: 'impact' | 'dependencies', start: string, maxNodes: number, maxDepth?: number) => {
    const neighbours = relationshipNeighbours(DEFAULT_RELATIONSHIP_TYPES, edges, mode);
    const byId = (ids: string[]) =>
      new Map(
        [...neighbours(ids)].map(([id, list]) => [id, [...list].sort((a, b) => (a.id < b.id ? -1 : 1))]),
      );
    return walkImpact(start, byId, { maxNodes, ...(maxDepth === undefined ? {} : { maxDepth }) });
  };

  for (const maxNodes of [1, 2, 150, 601, 602, 900, 1201, 1202, 5000]) {
    it(`reaches the same CIs at the same depths as the in-memory walk (maxNodes ${maxNodes})`, async () => {
      const reported: string[] = [];
      const sqlWalk = await walkGraph(env.ctx, [hub], 'impact', { maxNodes }, (ids) => reported.push(...ids));
      const expected = inMemory('impact', hub, maxNodes);
      expect(sqlWalk.truncated).toBe(expected.truncated);
      expect([...sqlWalk.nodes.values()].map((n) => [n.id, n.depth, n.parent, n.edge?.type ?? null])).toEqual(
        [...expected.nodes.values()].map((n) => [n.id, n.depth, n.parent, n.via]),
      );
      // Each CI is reached through a stored relationship between it and its parent.
      for (const n of sqlWalk.nodes.values()) {
        if (n.parent === null) continue;
        expect([n.edge?.from, n.edge?.to].sort()).toEqual([n.parent, n.id].sort());
      }
      // The walk reports exactly the CIs of its answer, each once, for their names to be loaded.
      expect(reported).toEqual([...sqlWalk.nodes.keys()]);
      // Every edge is a stored relationship between two reached CIs; all of them when not cut short.
      const stored = new Map(edges.map((e) => [e.id, e]));
      for (const e of sqlWalk.edges) {
        expect(stored.get(e.id)).toMatchObject({ from: e.from, to: e.to, type: e.type });
        expect(sqlWalk.nodes.has(e.from) && sqlWalk.nodes.has(e.to)).toBe(true);
      }
      if (!expected.truncated) {
        const between = edges.filter((e) => sqlWalk.nodes.has(e.from) && sqlWalk.nodes.has(e.to));
        expect(sqlWalk.edges.map((e) => e.id).sort()).toEqual(between.map((e) => e.id).sort());
      }
    });
  }

  it('stops at the depth asked for, and walks dependencies the other way', async () => {
    const app = edges.find((e) => e.type === 'runs_on')!.from;
    for (const [mode, start, maxDepth] of [
      ['impact', hub, 1],
      ['dependencies', app, 2],
      ['dependencies', app, undefined],
    ] as const) {
      const sqlWalk = await walkGraph(env.ctx, [start], mode, { maxNodes: 1000, maxDepth });
      const expected = inMemory(mode, start, 1000, maxDepth);
      expect([...sqlWalk.nodes.keys()]).toEqual([...expected.nodes.keys()]);
      expect(sqlWalk.truncated).toBe(expected.truncated);
    }
  });
});
