/**
 * The walk behind the API runs over each instance's graph index, loaded from the database and kept
 * current from the change log: it must reach exactly what the reference breadth-first walk over
 * the same relationships reaches, whatever the list size, and follow every committed change.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import type { CiGraphIndex } from '../../src/domain/cmdb/graph-index.ts';
import { walkImpact } from '../../src/domain/cmdb/impact.ts';
import {
  DEFAULT_RELATIONSHIP_TYPES,
  type RelationshipEdge,
  relationshipNeighbours,
} from '../../src/domain/cmdb/relationships.ts';
import { CiGraphStore, pruneGraphChanges } from '../../src/modules/cmdb/graph-store.ts';
import { type GraphWalk, type WalkMode, walkGraph } from '../../src/modules/cmdb/walk.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});
const edges: (RelationshipEdge & { id: string })[] = [];
let hub = '';

/**
 * A switch that 600 servers connect to; each server hosts an application, and every tenth
 * application is also used by its neighbour (cycles included), so impact levels are hundreds wide.
 */
beforeAll(async () => {
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
    t.env.ctx.db,
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
    t.env.ctx.db,
    sql`insert into ci_relationships (id, type_key, from_id, to_id)
        select * from unnest(${sql.param(edges.map((e) => e.id))}::uuid[], ${sql.param(edges.map((e) => e.type))}::text[],
          ${sql.param(edges.map((e) => e.from))}::uuid[], ${sql.param(edges.map((e) => e.to))}::uuid[])`,
  );
});

const isService = (classKey: string) => classKey.endsWith('service');
const walk = (mode: WalkMode, roots: string[], maxNodes: number, maxDepth?: number) =>
  walkGraph(t.env.ctx, roots, mode, { maxNodes, maxServices: 10, maxDepth, isService });

/** The reference walk: every reached CI with its depth. */
const reference = (mode: WalkMode, start: string, maxDepth?: number) =>
  walkImpact(start, relationshipNeighbours(DEFAULT_RELATIONSHIP_TYPES, edges, mode), {
    maxNodes: 1_000_000,
    ...(maxDepth === undefined ? {} : { maxDepth }),
  });

/** Two indexes walk alike from the roots, both ways: counts, services, classes, depths, names listed. */
function expectSameWalks(a: CiGraphIndex, b: CiGraphIndex, roots: string[]) {
  const opts = { listLimit: 5, serviceLimit: 5, isService };
  for (const mode of ['impact', 'dependencies'] as const) {
    const x = a.walk(roots, mode, opts);
    const y = b.walk(roots, mode, opts);
    expect([x.reached, x.services, [...x.byClass].sort(), x.byDepth]).toEqual([
      y.reached,
      y.services,
      [...y.byClass].sort(),
      y.byDepth,
    ]);
    const names = (w: typeof x) => [...w.nodes.values()].map((n) => n.name).sort();
    expect(names(x)).toEqual(names(y));
  }
}

function histogram(depths: number[]): number[] {
  const out: number[] = [];
  for (const d of depths) out[d] = (out[d] ?? 0) + 1;
  return out;
}

/** What holds of any answer: listed CIs nearest first, paths through stored relationships. */
function expectConsistent(w: GraphWalk, expected: Map<string, { depth: number }>, maxNodes: number) {
  const stored = new Map(edges.map((e) => [e.id, e]));
  const listed = [...w.nodes.values()].filter((n) => n.listed && n.depth > 0);
  expect(listed.length).toBe(Math.min(maxNodes, expected.size - 1));
  const deepest = Math.max(0, ...listed.map((n) => n.depth));
  for (const [id, e] of expected) if (e.depth < deepest) expect(w.nodes.get(id)?.listed).toBe(true);
  for (const n of w.nodes.values()) {
    expect(n.depth).toBe(expected.get(n.id)?.depth);
    if (n.parent === null) continue;
    expect(w.nodes.get(n.parent)?.depth).toBe(n.depth - 1);
    expect(stored.get(n.edge!.id)).toMatchObject({ from: n.edge!.from, to: n.edge!.to, type: n.edge!.type });
    expect([n.edge!.from, n.edge!.to].sort()).toEqual([n.parent, n.id].sort());
  }
  for (const e of w.edges) {
    expect(stored.get(e.id)).toMatchObject({ from: e.from, to: e.to, type: e.type });
    expect(w.nodes.has(e.from) && w.nodes.has(e.to)).toBe(true);
  }
}

describe('the indexed walk on a wide graph', () => {
  for (const maxNodes of [1, 150, 601, 1201, 5000]) {
    it(`counts every CI the reference walk reaches, listing the nearest ${maxNodes}`, async () => {
      const w = await walk('impact', [hub], maxNodes);
      const expected = reference('impact', hub);
      expect(w.counts.cis).toBe(expected.nodes.size - 1);
      expect(w.counts.byDepth).toEqual(histogram([...expected.nodes.values()].map((n) => n.depth)));
      expect(w.truncated).toBe(expected.nodes.size - 1 > maxNodes);
      expectConsistent(w, expected.nodes, maxNodes);
      if (!w.truncated) {
        const between = edges.filter((e) => w.nodes.has(e.from) && w.nodes.has(e.to));
        expect(w.edges.map((e) => e.id).sort()).toEqual(between.map((e) => e.id).sort());
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
      const w = await walk(mode, [start], 1000, maxDepth);
      const expected = reference(mode, start, maxDepth);
      expect(new Set(w.nodes.keys())).toEqual(new Set(expected.nodes.keys()));
      expect(w.counts.cis).toBe(expected.nodes.size - 1);
      expectConsistent(w, expected.nodes, 1000);
    }
  });

  it('counts by class and walks from several roots as one', async () => {
    const apps = edges.filter((e) => e.type === 'runs_on').map((e) => e.from);
    const w = await walk('impact', [hub, apps[3]!], 50);
    expect(w.nodes.get(apps[3]!)?.depth).toBe(0);
    expect(w.counts.byClass.get('physical_server')).toBe(600);
    expect(w.counts.byClass.get('application')).toBe(599);
    expect(w.counts.byDepth[0]).toBe(2);
  });
});

describe('keeping the index current', () => {
  const newCi = async (classKey: string, name: string) => {
    const id = randomUUID();
    await queryRows(
      t.env.ctx.db,
      sql`insert into cis (id, class_key, name) values (${id}, ${classKey}, ${name})`,
    );
    return id;
  };
  const relate = (type: string, from: string, to: string) =>
    queryRows(
      t.env.ctx.db,
      sql`insert into ci_relationships (type_key, from_id, to_id) values (${type}, ${from}, ${to})`,
    );

  it('follows CIs and relationships written by any path: deletions, renames and class changes included', async () => {
    const db = await newCi('database', 'walk-db');
    const before = await walk('impact', [db], 10);
    expect(before.counts.cis).toBe(0);
    const app = await newCi('application', 'walk-app');
    const svc = await newCi('technical_service', 'walk-svc');
    await relate('depends_on', app, db);
    await relate('depends_on', svc, app);
    let w = await walk('impact', [db], 10);
    expect([...w.nodes.keys()]).toEqual([db, app, svc]);
    expect(w.counts.services).toBe(1);
    expect(w.serviceIds).toEqual([svc]);
    expect(w.nodes.get(app)).toMatchObject({ name: 'walk-app', classKey: 'application', status: 'in_use' });
    // Names and statuses shown come from the index too: an update reaches it through the log.
    await queryRows(
      t.env.ctx.db,
      sql`update cis set name = 'walk-app-2', status = 'maintenance' where id = ${app}`,
    );
    w = await walk('impact', [db], 10);
    expect(w.nodes.get(app)).toMatchObject({ name: 'walk-app-2', status: 'maintenance' });
    await queryRows(t.env.ctx.db, sql`update cis set class_key = 'application' where id = ${svc}`);
    w = await walk('impact', [db], 10);
    expect(w.counts.services).toBe(0);
    expect(w.counts.byClass.get('application')).toBe(2);
    await queryRows(t.env.ctx.db, sql`delete from ci_relationships where from_id = ${svc}`);
    expect((await walk('impact', [db], 10)).counts.cis).toBe(1);
    await relate('depends_on', svc, app);
    await queryRows(t.env.ctx.db, sql`delete from cis where id = ${app}`); // relationships go with it
    expect((await walk('impact', [db], 10)).counts.cis).toBe(0);
    // A freshly loaded index agrees with the one kept current from the log.
    const fresh = new CiGraphStore(t.env.ctx.database);
    const kept = await t.env.ctx.ciGraph.current();
    const loaded = await fresh.current();
    expect(loaded.size).toBeLessThanOrEqual(kept.size); // deleted CIs keep their slot
    expect(loaded.edgeCount).toBe(kept.edgeCount);
    for (const id of [db, svc, hub]) expect(kept.describe(id)).toEqual(loaded.describe(id));
    expectSameWalks(kept, loaded, [hub, db]);
  });

  it('starts from a snapshot file and reads only the log since; a torn or foreign file is not used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-graph-'));
    const store = () => new CiGraphStore(t.env.ctx.database, { snapshotDir: dir, snapshotMinCis: 1 });
    try {
      const first = store();
      await first.current();
      await first.settled();
      expect(first.stats().source).toBe('database');
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const file = path.join(dir, files[0]!);
      // Changes after the snapshot reach a store started from it through the log.
      const db = await newCi('database', 'snap-db');
      const app = await newCi('application', 'snap-app');
      await relate('depends_on', app, db);
      await queryRows(t.env.ctx.db, sql`update cis set name = 'host0-renamed' where name = 'host0'`);
      const second = store();
      const fromFile = await second.current();
      expect(second.stats().source).toBe('snapshot');
      const loaded = await new CiGraphStore(t.env.ctx.database).current();
      expect(fromFile.edgeCount).toBe(loaded.edgeCount);
      expect(fromFile.describe(app)).toEqual({ name: 'snap-app', status: 'in_use' });
      expectSameWalks(fromFile, loaded, [hub, db]);
      // A torn file, or one of another database, is read past: the store loads from the database.
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const torn = store();
      await torn.current();
      await torn.settled();
      expect(torn.stats().source).toBe('database');
      const rewritten = readFileSync(file);
      expect(rewritten.length).toBeGreaterThan(bytes.length / 2); // written whole again
      // The same bytes but another database's identity (as long, so the file stays whole).
      const other = rewritten
        .toString('latin1')
        .replace(/"identity":"([^"]*)"/, (_, id: string) => `"identity":"${'9'.repeat(id.length)}"`);
      expect(other).not.toBe(rewritten.toString('latin1'));
      writeFileSync(file, other, 'latin1');
      const foreign = store();
      await foreign.current();
      expect(foreign.stats().source).toBe('database');
      await foreign.settled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prunes log rows older than a day, and only those', async () => {
    const db = await newCi('database', 'prune-db');
    await queryRows(
      t.env.ctx.db,
      sql`update ci_graph_changes set created_at = now() - interval '25 hours' where ci_id = ${db}`,
    );
    const recent = await newCi('database', 'prune-recent');
    const logged = async (id: string) =>
      (
        await queryRows<{ n: number }>(
          t.env.ctx.db,
          sql`select count(*)::int as n from ci_graph_changes where ci_id = ${id}`,
        )
      )[0]!.n;
    await t.env.ctx.ciGraph.current(); // read both before pruning, as any live instance has
    expect(await pruneGraphChanges(t.env.ctx.database)).toBeGreaterThanOrEqual(1);
    expect(await logged(db)).toBe(0);
    expect(await logged(recent)).toBe(1);
    // What the index applied stays: pruning takes nothing from it.
    const index = await t.env.ctx.ciGraph.current();
    expect(index.describe(db)).toEqual({ name: 'prune-db', status: 'in_use' });
    expect(index.describe(recent)).toEqual({ name: 'prune-recent', status: 'in_use' });
  });

  // Two transactions at once need a server: the embedded database has one connection.
  it.runIf(process.env.TEST_DATABASE_URL)(
    'sees a change committed after a later one was already read',
    async () => {
      const db = await newCi('database', 'slow-db');
      const early = await newCi('application', 'early-app');
      const late = await newCi('application', 'late-app');
      await walk('impact', [db], 10);
      const slow = new pg.Client({ connectionString: t.env.databaseUrl });
      await slow.connect();
      try {
        // The slow transaction writes first (so its row has the smaller sequence number)...
        await slow.query('begin');
        await slow.query(
          `insert into ci_relationships (type_key, from_id, to_id) values ('depends_on', $1, $2)`,
          [early, db],
        );
        // ...a later one commits and is read...
        await relate('depends_on', late, db);
        expect([...(await walk('impact', [db], 10)).nodes.keys()]).toEqual([db, late]);
        // ...and the slow one, committed afterwards, is still seen.
        await slow.query('commit');
        expect(new Set((await walk('impact', [db], 10)).nodes.keys())).toEqual(new Set([db, early, late]));
      } finally {
        await slow.end();
      }
    },
  );
});
