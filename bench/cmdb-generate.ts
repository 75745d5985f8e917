/**
 * A generated, layered CMDB for the CMDB benchmark, written with set-based SQL (generate_series):
 * business services → technical services → applications → databases and virtual servers →
 * physical servers, storage and a three-tier network; workstations on access switches. Fan-out is
 * small for most CIs, targets are skewed so some CIs become hubs (shared platform services, a core
 * switch, a popular application), and application-to-application and service-to-service
 * dependencies close cycles.
 *
 * Every CI number n has the id md5('ci:' || n)::uuid, so relationships are generated without a
 * join and the benchmark picks random CIs of a class by number (ciId). Secondary indexes and
 * foreign keys of `cis` and `ci_relationships` are dropped for the load and recreated from their
 * catalogue definitions afterwards, so the result has exactly the schema the migrations built.
 * The change-log triggers are off during the load (nothing is running that would read the log).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

type ClassSpec = { key: string; count: number; name: string; attributes: string };

/** Attribute expressions use `i`, the CI's number within its class. */
const CLASSES: ClassSpec[] = [
  {
    key: 'business_service',
    count: 2_000,
    name: `'Business service ' || i`,
    attributes: `jsonb_build_object('criticality', (array['critical','high','medium','low'])[1 + i % 4],
      'business_unit', 'Unit ' || (i % 40))`,
  },
  {
    key: 'technical_service',
    count: 8_000,
    name: `'Technical service ' || i`,
    attributes: `jsonb_build_object('criticality', (array['critical','high','medium','low'])[1 + i % 4])`,
  },
  {
    key: 'application',
    count: 120_000,
    name: `'app-' || i`,
    attributes: `jsonb_build_object('version', (1 + i % 9) || '.' || (i % 13), 'environment',
      (array['production','staging','test','development'])[1 + i % 4])`,
  },
  {
    key: 'database',
    count: 40_000,
    name: `'db-' || i`,
    attributes: `jsonb_build_object('engine', (array['postgresql','mysql','oracle','sqlserver','mongodb','redis'])[1 + i % 6],
      'port', 5432, 'environment', (array['production','staging','test','development'])[1 + i % 4])`,
  },
  {
    key: 'software',
    count: 10_000,
    name: `'package-' || i`,
    attributes: `jsonb_build_object('vendor', 'Vendor ' || (i % 300), 'version', (i % 20) || '.0')`,
  },
  {
    key: 'virtual_server',
    count: 400_000,
    name: `'vm' || i`,
    attributes: `jsonb_build_object('hostname', 'vm' || i || '.dc' || (i % 4) || '.example.net',
      'instance_id', 'i-' || substr(md5('vm' || i), 1, 17), 'os', (array['linux','windows'])[1 + i % 2],
      'cpu_count', 2 + i % 15, 'memory_gb', 4 * (1 + i % 32),
      'environment', (array['production','staging','test','development'])[1 + i % 4])`,
  },
  {
    key: 'physical_server',
    count: 100_000,
    name: `'host' || i`,
    attributes: `jsonb_build_object('hostname', 'host' || i || '.dc' || (i % 4) || '.example.net',
      'serial_number', 'SN' || lpad(i::text, 9, '0'), 'os', 'linux', 'rack', 'R' || (i / 40), 'rack_unit', 1 + i % 40)`,
  },
  {
    key: 'storage',
    count: 10_000,
    name: `'array-' || i`,
    attributes: `jsonb_build_object('storage_type', (array['san','nas','object'])[1 + i % 3], 'capacity_tb', 50 + i % 500)`,
  },
  {
    key: 'network_device',
    count: 20_000,
    name: `case when i < 200 then 'core' when i < 2000 then 'dist' else 'access' end || '-sw' || i`,
    attributes: `jsonb_build_object('hostname', 'sw' || i || '.net.example.net',
      'device_type', case when i < 200 then 'router' else 'switch' end, 'port_count', 48)`,
  },
  {
    key: 'workstation',
    count: 290_000,
    name: `'ws-' || i`,
    attributes: `jsonb_build_object('asset_tag', 'WS' || lpad(i::text, 8, '0'),
      'form_factor', (array['desktop','laptop'])[1 + i % 2], 'os', 'windows')`,
  },
];

/**
 * One group of relationships: every CI of `from` (or its [fromStart, fromEnd) share) gets
 * `fanout` relationships to CIs of `to`, chosen as floor(count · random()^skew) within the
 * [toStart, toEnd) share of the class: skew 1 is uniform, larger skews make the first CIs hubs.
 */
type RelSpec = {
  type: string;
  from: string;
  to: string;
  fanout: number;
  skew: number;
  fromShare?: [number, number];
  toShare?: [number, number];
};

// Network tiers by share of network_device: core 1 %, distribution 9 %, access 90 %.
const CORE: [number, number] = [0, 0.01];
const DIST: [number, number] = [0.01, 0.1];
const ACCESS: [number, number] = [0.1, 1];

const RELATIONSHIPS: RelSpec[] = [
  { type: 'depends_on', from: 'business_service', to: 'technical_service', fanout: 6, skew: 2 },
  { type: 'depends_on', from: 'technical_service', to: 'technical_service', fanout: 1, skew: 4 },
  { type: 'depends_on', from: 'technical_service', to: 'application', fanout: 15, skew: 1 },
  { type: 'depends_on', from: 'application', to: 'application', fanout: 4, skew: 3 },
  { type: 'depends_on', from: 'application', to: 'technical_service', fanout: 1, skew: 5 },
  { type: 'depends_on', from: 'application', to: 'database', fanout: 3, skew: 1.5 },
  { type: 'runs_on', from: 'application', to: 'virtual_server', fanout: 4, skew: 1 },
  { type: 'runs_on', from: 'database', to: 'virtual_server', fanout: 2, skew: 1 },
  { type: 'runs_on', from: 'software', to: 'virtual_server', fanout: 27, skew: 1 },
  { type: 'depends_on', from: 'database', to: 'storage', fanout: 1, skew: 1 },
  { type: 'runs_on', from: 'virtual_server', to: 'physical_server', fanout: 1, skew: 1 },
  { type: 'depends_on', from: 'virtual_server', to: 'storage', fanout: 1, skew: 1 },
  { type: 'depends_on', from: 'physical_server', to: 'storage', fanout: 2, skew: 1 },
  { type: 'connects_to', from: 'virtual_server', to: 'network_device', fanout: 2, skew: 1, toShare: ACCESS },
  { type: 'connects_to', from: 'physical_server', to: 'network_device', fanout: 2, skew: 1, toShare: ACCESS },
  { type: 'connects_to', from: 'workstation', to: 'network_device', fanout: 3, skew: 1, toShare: ACCESS },
  { type: 'connects_to', from: 'storage', to: 'network_device', fanout: 4, skew: 1, toShare: DIST },
  {
    type: 'connects_to',
    from: 'network_device',
    to: 'network_device',
    fanout: 2,
    skew: 1,
    fromShare: ACCESS,
    toShare: DIST,
  },
  {
    type: 'connects_to',
    from: 'network_device',
    to: 'network_device',
    fanout: 2,
    skew: 1,
    fromShare: DIST,
    toShare: CORE,
  },
  // The core is a mesh: every core router uplinks to two others (cycles).
  {
    type: 'connects_to',
    from: 'network_device',
    to: 'network_device',
    fanout: 2,
    skew: 1,
    fromShare: CORE,
    toShare: CORE,
  },
  // Blade enclosures: the first 10 % of physical servers contain eight blades each.
  {
    type: 'contains',
    from: 'physical_server',
    to: 'physical_server',
    fanout: 8,
    skew: 1,
    fromShare: [0, 0.1],
    toShare: [0.1, 1],
  },
];

/** Classes whose CIs the benchmarks pick as the failing CI of an impact walk (or a changed CI), equally often. */
export const IMPACT_CLASSES = [
  'network_device',
  'storage',
  'physical_server',
  'virtual_server',
  'database',
  'application',
  'technical_service',
];

export type GeneratedClass = { key: string; first: number; count: number };
export type GeneratedCmdb = {
  classes: Map<string, GeneratedClass>;
  cis: number;
  relationships: number;
  seconds: number;
};

/** The id of CI number n, as the generator stores it. */
export function ciId(n: number): string {
  const h = createHash('md5').update(`ci:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function layout(scale: number): Map<string, GeneratedClass> {
  const out = new Map<string, GeneratedClass>();
  let first = 0;
  for (const c of CLASSES) {
    const count = Math.max(10, Math.round(c.count * scale));
    out.set(c.key, { key: c.key, first, count });
    first += count;
  }
  return out;
}

/**
 * Ready the session for a bulk load: generous sort and index memory (`workMem` for the generating
 * queries), commits that do not wait for the disk, and `seed` for random() so a scale always
 * generates the same data.
 */
export async function prepareBulkLoad(client: pg.Client, workMem: string, seed: number): Promise<void> {
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set work_mem = '${workMem}'`);
  await client.query('set synchronous_commit = off');
  await client.query(`select setseed(${seed})`);
}

export type Saved = { drop: string[]; create: string[] };

/** Drop the secondary indexes and outgoing foreign keys of a table; return how to recreate them. */
export async function dropForLoad(client: pg.Client, table: string, keepPrimaryKey: boolean): Promise<Saved> {
  const cons = await client.query<{ name: string; def: string; type: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def, contype as type from pg_constraint
     where conrelid = $1::regclass and contype in ('f', 'p', 'u') order by contype desc`,
    [table],
  );
  const owned = cons.rows.filter((c) => !(keepPrimaryKey && c.type === 'p'));
  const idx = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes where tablename = $1
     and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
    [table],
  );
  const saved: Saved = { drop: [], create: [] };
  for (const c of owned) {
    saved.drop.push(`alter table ${table} drop constraint ${c.name}`);
    saved.create.push(`alter table ${table} add constraint ${c.name} ${c.def}`);
  }
  for (const i of idx.rows) {
    saved.drop.push(`drop index ${i.name}`);
    saved.create.push(i.def);
  }
  for (const s of saved.drop) await client.query(s);
  // Primary and unique keys first (foreign keys of other tables may rely on them), then the rest.
  saved.create.sort((a, b) => rank(a) - rank(b));
  return saved;
}

export const rank = (s: string) => (/primary key|unique \(/i.test(s) ? 0 : /foreign key/i.test(s) ? 2 : 1);

function ciSql(c: ClassSpec, g: GeneratedClass): string {
  return `insert into cis (id, class_key, name, status, location, description, attributes)
    select md5('ci:' || (${g.first} + i))::uuid, '${c.key}', ${c.name},
      case when i % 50 = 0 then 'maintenance' when i % 97 = 0 then 'planned' else 'in_use' end,
      'DC' || (1 + i % 4), '', ${c.attributes}
    from generate_series(0, ${g.count - 1}) as i`;
}

function relationshipSql(r: RelSpec, from: GeneratedClass, to: GeneratedClass): string {
  const [fa, fb] = r.fromShare ?? [0, 1];
  const [ta, tb] = r.toShare ?? [0, 1];
  const fromStart = from.first + Math.floor(from.count * fa);
  const fromCount = Math.max(1, Math.floor(from.count * fb) - Math.floor(from.count * fa));
  const toStart = to.first + Math.floor(to.count * ta);
  const toCount = Math.max(1, Math.floor(to.count * tb) - Math.floor(to.count * ta));
  return `insert into ci_relationships (id, type_key, from_id, to_id)
    select gen_random_uuid(), '${r.type}', md5('ci:' || f)::uuid, md5('ci:' || t)::uuid
    from (select distinct f, t from (
      select ${fromStart} + i as f, ${toStart} + floor(${toCount} * power(random(), ${r.skew}))::int as t
      from generate_series(0, ${fromCount - 1}) as i, generate_series(1, ${r.fanout}) as k) g
      where f <> t) d`;
}

/** Fill a freshly migrated database (classes seeded) with the generated CMDB. */
export async function generateCmdb(
  client: pg.Client,
  scale: number,
  log: (s: string) => void,
): Promise<GeneratedCmdb> {
  const began = performance.now();
  const classes = layout(scale);
  await prepareBulkLoad(client, '256MB', 0.42);
  const rels = await dropForLoad(client, 'ci_relationships', false);
  const cis = await dropForLoad(client, 'cis', true);
  // No change log for the load: a graph index reads the tables themselves when it starts.
  for (const table of ['cis', 'ci_relationships'])
    await client.query(`alter table ${table} disable trigger user`);
  for (const c of CLASSES) {
    await client.query(ciSql(c, classes.get(c.key)!));
  }
  log(`  CIs written (${((performance.now() - began) / 1000).toFixed(0)} s)`);
  for (const r of RELATIONSHIPS) {
    await client.query(relationshipSql(r, classes.get(r.from)!, classes.get(r.to)!));
  }
  log(`  relationships written (${((performance.now() - began) / 1000).toFixed(0)} s)`);
  for (const s of [...cis.create, ...rels.create]) await client.query(s);
  for (const table of ['cis', 'ci_relationships'])
    await client.query(`alter table ${table} enable trigger user`);
  log(`  indexes and constraints rebuilt (${((performance.now() - began) / 1000).toFixed(0)} s)`);
  await client.query('vacuum analyze cis');
  await client.query('vacuum analyze ci_relationships');
  const count = async (table: string) =>
    Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  return {
    classes,
    cis: await count('cis'),
    relationships: await count('ci_relationships'),
    seconds: (performance.now() - began) / 1000,
  };
}
