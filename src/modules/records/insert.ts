/**
 * The single-statement insert of a record: settings lookup, number and insert in one round trip.
 * Its column list is generated from the Drizzle table, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import { getTableColumns } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, runsSideBySide, statementRows } from '../../db/client.ts';
import { type Coalescer, type CoalescerOptions, coalescer } from '../../db/coalesce.ts';
import { mergeInserts, type Statement } from '../../db/statements.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import { DEFAULT_PRIORITY_MATRIX, derivePriority, type PriorityMatrix } from '../../domain/priority.ts';
import { uuidV7 } from '../../shared/uuid.ts';
import { cachedLifecycle, cachedPriorityMatrix, DEFAULT_LIFECYCLES } from '../settings/index.ts';
import type { RecordRow } from './access.ts';
import type { CreateContribution, PendingCreate } from './events.ts';
import { numberSequenceName } from './numbering.ts';
import { records } from './schema.ts';
import type { CreateRecordInput } from './service.ts';
import type { RecordTypeConfig } from './types.ts';

/**
 * One statement, one round trip, atomic: read the process's lifecycle and priority matrix,
 * allocate the number (only when the requester is valid, so no number is wasted) and insert the
 * record. Creation needs no history row: the record's own created_at and created_by say it, and
 * the activity stream shows them first. Returns the new row, the requester's name, email and
 * organisation, and the lifecycle.
 */
// Every column but the full-text vector, which only the database needs.
const RETURNED_COLUMNS = Object.values(getTableColumns(records))
  .map((c) => c.name)
  .filter((n) => n !== 'search')
  .join(', ');

/**
 * The value of each inserted column, by the Drizzle table's property names; the SQL column names
 * come from the table definition, so a renamed or retyped column cannot drift from this statement.
 * Parameters: $1 requester, $2/$3 setting keys, $4 sequence, then the values in `recordParams`.
 * A create prepared before its insert ($22–$24 given) names its state, priority and due instant;
 * any other takes its state and priority from the process's settings in this very statement.
 */
const INSERT_VALUES: Partial<Record<keyof typeof records.$inferInsert, string>> = {
  id: '$21::uuid',
  type: '$5::text',
  number: `$6::text || lpad(seq.n::text, greatest(7, length(seq.n::text)), '0')`,
  title: '$7::text',
  description: '$8::text',
  state: `coalesce($22::text, cfg.lifecycle->>'initial', $9::text)`,
  impact: '$10::int',
  urgency: '$11::int',
  priority: `coalesce($23::int, (cfg.matrix -> ($10::int - 1) ->> ($11::int - 1))::int, $12::int)`,
  category: '$13::text',
  subcategory: '$14::text',
  channel: '$15::text',
  requesterId: '$1::uuid',
  assigneeId: '$16::uuid',
  groupId: '$17::uuid',
  serviceId: '$18::uuid',
  createdBy: '$19::uuid',
  createdAt: '$20::timestamptz',
  updatedAt: '$20::timestamptz',
  slaDueAt: '$24::timestamptz',
};
const TABLE_COLUMNS = getTableColumns(records);
const INSERT_ENTRIES = Object.entries(INSERT_VALUES) as [keyof typeof TABLE_COLUMNS, string][];

/** `head`, then the further writes `also` as data-modifying WITH clauses, then `tail`. */
const withWrites = (head: string, tail: string) => (also: string[]) =>
  `${head}${also.map((t, i) => `, also${i} as (${t})`).join('')}${tail}`;

/** The creating statement; `also` are further writes (data-modifying WITH clauses) beside it. */
const insertRecordSql = withWrites(
  `with req as (select id, name, email, organisation_id from users where id = $1::uuid and active),
  cfg as (select (select value from process_settings where key = $2) as lifecycle,
                 (select value from process_settings where key = $3) as matrix),
  seq as (select nextval($4::regclass) as n where exists (select 1 from req)),
  rec as (
    insert into records (${INSERT_ENTRIES.map(([k]) => TABLE_COLUMNS[k].name).join(', ')})
    select ${INSERT_ENTRIES.map(([, v]) => v).join(', ')}
    from seq, cfg
    returning ${RETURNED_COLUMNS}
  )`,
  `
  select rec.*, req.name as requester_name, req.email as requester_email,
    req.organisation_id as requester_organisation_id, cfg.lifecycle as lifecycle_json from rec, req, cfg`,
);
const INSERT_RECORD_SQL = insertRecordSql([]);

/**
 * The creating statement for several records of one type at once (see `coalescer`). The
 * process's settings, the sequence, the type and its prefix ($2–$6) are shared; every other
 * parameter of the single statement is an array with one element per record, unnested into `v`
 * and referred to by its number (`seq.p7` is the records' titles). Records whose requester is not an
 * active user are not inserted (and draw no number); the others are numbered in the order given.
 */
const SHARED_PARAMS = new Set([2, 3, 4, 5, 6]);
const ROW_PARAMS = Array.from({ length: 24 }, (_, i) => i + 1).filter((n) => !SHARED_PARAMS.has(n));
/** Each parameter's type, as the single statement casts it. */
const PARAM_TYPES = new Map(
  [...INSERT_ENTRIES.map(([, v]) => v), '$1::uuid'].flatMap((v) =>
    [...v.matchAll(/\$(\d+)::(\w+)/g)].map((m) => [Number(m[1]), m[2]!] as const),
  ),
);
const perRow = (expr: string) =>
  expr.replace(/\$(\d+)/g, (m, n: string) => (SHARED_PARAMS.has(Number(n)) ? m : `seq.p${n}`));
const insertManySql = withWrites(
  `with v as (
    select * from unnest(${ROW_PARAMS.map((n) => `$${n}::${PARAM_TYPES.get(n)}[]`).join(', ')})
      with ordinality as v(${ROW_PARAMS.map((n) => `p${n}`).join(', ')}, ord)
  ),
  cfg as (select (select value from process_settings where key = $2) as lifecycle,
                 (select value from process_settings where key = $3) as matrix),
  seq as (
    select v.*, nextval($4::regclass) as n from v join users u on u.id = v.p1 and u.active order by v.ord
  ),
  rec as (
    insert into records (${INSERT_ENTRIES.map(([k]) => TABLE_COLUMNS[k].name).join(', ')})
    select ${INSERT_ENTRIES.map(([, v]) => perRow(v)).join(', ')}
    from seq, cfg
    returning ${RETURNED_COLUMNS}
  )`,
  `
  select rec.*, req.name as requester_name, req.email as requester_email,
    req.organisation_id as requester_organisation_id, cfg.lifecycle as lifecycle_json
  from rec join users req on req.id = rec.requester_id, cfg`,
);
const INSERT_MANY_SQL = insertManySql([]);

/**
 * The name a creating statement with further writes is prepared under on each connection: one per
 * text. The writes' inserts take their rows from arrays (`mergeInserts`), so the texts are as many
 * as the combinations of work a create carries (clocks, a rule's comment…), not one per group
 * size. Past `MAX_PREPARED` texts, further ones are sent unprepared, so an unforeseen variety
 * cannot fill each connection with prepared statements.
 */
const preparedNames = new Map<string, string>([
  [INSERT_RECORD_SQL, 'records.insert'],
  [INSERT_MANY_SQL, 'records.insert_many'],
]);
const MAX_PREPARED = 64;
function preparedName(kind: string, text: string, writes: Statement[]): string | null {
  if (writes.some((w) => w.perRowText)) return null;
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `${kind}.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    preparedNames.set(text, name);
  }
  return name ?? null;
}

/** A record to create: its statement's parameters and the writes that go with it. */
type Create = { params: unknown[]; writes: Statement[] };
type Answer = Record<string, unknown> | undefined;

/** Send one create's statement: the record and the writes beside it. */
function sendCreate(db: Db, c: Create): Promise<Answer> {
  return sendInsert(db, [...c.params], c.writes);
}

/**
 * Send the creating statement for several records of one type, with all their writes (each
 * table's rows in one insert); each record's answer, or undefined where its requester is gone.
 */
async function sendCreates(db: Db, all: Create[]): Promise<Answer[]> {
  const first = all[0]!.params;
  const params = Array.from({ length: 24 }, (_, i) =>
    SHARED_PARAMS.has(i + 1) ? first[i] : all.map((c) => c.params[i]),
  );
  const writes = mergeInserts(all.flatMap((c) => c.writes));
  const also = writes.map((w) => w(params));
  const text = also.length ? insertManySql(also) : INSERT_MANY_SQL;
  const answered = await statementRows<Record<string, unknown>>(
    db,
    preparedName('records.insert_many', text, writes),
    text,
    params,
  );
  const byId = new Map(answered.map((r) => [r.id as string, r]));
  return all.map((c) => byId.get(c.params[20] as string));
}

/**
 * How creating statements (and the reads some creates make first) go to the database. While one
 * is on its way, the creates that arrive wait and then go together: each statement costs the
 * database one parse, plan, trigger call and commit, however many records it carries. On a
 * PostgreSQL server a second statement may go beside the first, but only with a group of at least
 * eight: it then works while the first one's answer travels back and is read, where a small group
 * would only add a statement's overhead. On the benchmark machine, in three alternating pairs of
 * runs, this carried 8 to 9 % more creates a second than one lane, plain and under an agreement
 * alike; two lanes without the minimum carried fewer than one (groups of five instead of eight).
 * The embedded database runs one statement at a time, so there a second lane would only split
 * the groups.
 */
const LANES = { server: 2, embedded: 1 };
const MIN_GROUP_BESIDE = 8;

/** Per database, one coalescer of each kind, made on first use. */
function perDatabase<I, O>(
  made: WeakMap<Db, Coalescer<I, O>>,
  db: Db,
  opts: Omit<CoalescerOptions<I, O>, 'lanes' | 'maxBatch' | 'minBatchBeside'>,
): Coalescer<I, O> {
  let c = made.get(db);
  if (!c) {
    const lanes = runsSideBySide(db) ? LANES.server : LANES.embedded;
    c = coalescer({ lanes, maxBatch: 100, minBatchBeside: MIN_GROUP_BESIDE, ...opts });
    made.set(db, c);
  }
  return c;
}

/**
 * Creates made outside a transaction while others are in flight go to the database together
 * (see `coalescer`), plain ones and those prepared before their insert alike. One statement serves
 * records of one type (its settings, sequence and prefix).
 */
const coalescers = new WeakMap<Db, Coalescer<Create, Answer>>();
const creates = (db: Db) =>
  perDatabase(coalescers, db, {
    key: (create) => String(create.params[4]),
    one: (create) => sendCreate(db, create),
    many: (all) => sendCreates(db, all),
  });

type InsertValues = CreateRecordInput & { requesterId: string; impact: number; urgency: number };

/**
 * The record as its insert writes it, but for its number (drawn by the statement). The state and
 * priority given here are what the shipped defaults say unless the caller decided them.
 */
function recordToInsert(
  cfg: RecordTypeConfig,
  v: InsertValues,
  createdBy: string | null,
  at: Date,
  decided?: { state: string; priority: number },
): RecordRow {
  return {
    id: uuidV7(at.getTime()),
    type: cfg.type,
    number: '',
    title: v.title,
    description: v.description ?? '',
    state: decided?.state ?? DEFAULT_LIFECYCLES[cfg.process].initial,
    impact: v.impact,
    urgency: v.urgency,
    priority: decided?.priority ?? derivePriority(DEFAULT_PRIORITY_MATRIX, v.impact, v.urgency),
    category: v.category ?? null,
    subcategory: v.subcategory ?? null,
    channel: v.channel ?? 'portal',
    requesterId: v.requesterId,
    assigneeId: v.assigneeId ?? null,
    groupId: v.groupId ?? null,
    serviceId: v.serviceId ?? null,
    resolutionCode: null,
    resolutionNotes: null,
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    parentId: null,
    slaDueAt: null,
    createdBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
    search: null,
  };
}

/**
 * The statement's parameters for record `r`. With `decided`, its state and priority are written
 * as they are; otherwise the process's settings decide them, and `r`'s are the fallbacks.
 */
function recordParams(cfg: RecordTypeConfig, r: RecordRow, decided: boolean): unknown[] {
  return [
    r.requesterId,
    `${cfg.process}.lifecycle`,
    `${cfg.process}.priority_matrix`,
    numberSequenceName(cfg.prefix),
    r.type,
    cfg.prefix,
    r.title,
    r.description,
    r.state,
    r.impact,
    r.urgency,
    r.priority,
    r.category,
    r.subcategory,
    r.channel,
    r.assigneeId,
    r.groupId,
    r.serviceId,
    r.createdBy,
    r.createdAt,
    r.id,
    decided ? r.state : null,
    decided ? r.priority : null,
    r.slaDueAt,
  ];
}

/** How many creates went together in one statement on this database so far (see `coalescer`). */
export function coalescedCreates(db: Db): { batches: number; batchedItems: number } {
  const stats = coalescers.get(db)?.stats;
  return { batches: stats?.batches ?? 0, batchedItems: stats?.batchedItems ?? 0 };
}

export async function insertRecordRow(
  ctx: AppContext,
  tx: Db | null,
  createdBy: string | null,
  cfg: RecordTypeConfig,
  v: InsertValues,
): Promise<Record<string, unknown> | undefined> {
  const params = recordParams(cfg, recordToInsert(cfg, v, createdBy, ctx.clock.now()), false);
  return tx ? sendInsert(tx, params) : creates(ctx.db).send({ params, writes: [] });
}

/**
 * Send the creating statement with `writes` beside it (each table's inserts merged). Without
 * further writes it is the same prepared statement inside a transaction (on its connection) and
 * outside one, parsed and planned once per connection; with them, one prepared per text.
 */
async function sendInsert(db: Db, params: unknown[], writes: Statement[] = []) {
  const merged = mergeInserts(writes);
  const also = merged.map((w) => w(params));
  const text = also.length ? insertRecordSql(also) : INSERT_RECORD_SQL;
  const [raw] = await statementRows<Record<string, unknown>>(
    db,
    preparedName('records.insert', text, merged),
    text,
    params,
  );
  return raw;
}

/** What a create prepared before its insert reads first: the requester and the process's settings. */
type CreateFacts = {
  id: string;
  organisation_id: string | null;
  lifecycle: Lifecycle | null;
  matrix: PriorityMatrix | null;
};
const createFactsSql = (requesters: string) => `select u.id, u.organisation_id,
    (select value from process_settings where key = $2) as lifecycle,
    (select value from process_settings where key = $3) as matrix
  from users u where u.id ${requesters} and u.active`;
const CREATE_FACTS_SQL = createFactsSql('= $1::uuid');
const CREATE_FACTS_MANY_SQL = createFactsSql('= any($1::uuid[])');

/** The facts of creates made at the same time for one process are read together, as creates are written. */
type FactsOf = { requesterId: string; process: string };
const factReaders = new WeakMap<Db, Coalescer<FactsOf, CreateFacts | undefined>>();
const settingKeys = (process: string) => [`${process}.lifecycle`, `${process}.priority_matrix`];
const createFacts = (db: Db) =>
  perDatabase(factReaders, db, {
    key: (q) => q.process,
    one: async (q) =>
      (
        await statementRows<CreateFacts>(db, 'records.create_facts', CREATE_FACTS_SQL, [
          q.requesterId,
          ...settingKeys(q.process),
        ])
      )[0],
    many: async (qs) => {
      const rows = await statementRows<CreateFacts>(db, 'records.create_facts_many', CREATE_FACTS_MANY_SQL, [
        [...new Set(qs.map((q) => q.requesterId))],
        ...settingKeys(qs[0]!.process),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return qs.map((q) => byId.get(q.requesterId));
    },
  });

/**
 * Create a record whose hooks prepare their work before the insert: read the requester and the
 * process's settings, decide the state and priority, give the hooks the record as it will be
 * written, and write it with what they return in one statement. Undefined when the requester is
 * not an active user; null when a hook needs the creating transaction after all (nothing was
 * written).
 */
export async function insertPreparedRecord(
  ctx: AppContext,
  createdBy: string | null,
  cfg: RecordTypeConfig,
  v: InsertValues,
  prepare: (pending: PendingCreate) => Promise<CreateContribution[] | null>,
  signedIn?: { organisationId: string | null },
): Promise<Record<string, unknown> | null | undefined> {
  const readFacts = () => createFacts(ctx.db).send({ requesterId: v.requesterId, process: cfg.process });
  const facts = signedIn ? await cachedFacts(ctx, cfg, v.requesterId, signedIn) : await readFacts();
  if (!facts) return undefined;
  const lifecycle = facts.lifecycle ?? DEFAULT_LIFECYCLES[cfg.process];
  // As the statement would: the process's matrix, or the default one where it has no value.
  const priority =
    Number(facts.matrix?.[v.impact - 1]?.[v.urgency - 1]) ||
    derivePriority(DEFAULT_PRIORITY_MATRIX, v.impact, v.urgency);
  const at = ctx.clock.now();
  const record = recordToInsert(cfg, v, createdBy, at, { state: lifecycle.initial, priority });
  const contributions = await prepare({
    ctx,
    cfg,
    lifecycle,
    actorId: createdBy,
    at,
    record,
    requester: { organisationId: facts.organisation_id },
  });
  if (!contributions) return null;
  record.slaDueAt = contributions.find((c) => c.slaDueAt !== undefined)?.slaDueAt ?? null;
  const create = { params: recordParams(cfg, record, true), writes: contributions.flatMap((c) => c.writes) };
  if (!signedIn) return creates(ctx.db).send(create);
  try {
    return await creates(ctx.db).send(create);
  } catch (err) {
    // A requester deactivated since they signed in gets no record, and the writes beside it then
    // name a record that is not there: answer as a create that had read the requester first.
    if (!(await readFacts())) return undefined;
    throw err;
  }
}

/**
 * The facts of a create by its own requester, read at sign-in (their organisation) and from the
 * configuration cache (the process's settings), so the create reads nothing before its insert.
 * Whether the requester is still active is checked by the insert itself.
 */
async function cachedFacts(
  ctx: AppContext,
  cfg: RecordTypeConfig,
  requesterId: string,
  signedIn: { organisationId: string | null },
): Promise<CreateFacts> {
  const [lifecycle, matrix] = await Promise.all([
    cachedLifecycle(ctx, cfg.process),
    cachedPriorityMatrix(ctx, cfg.process),
  ]);
  return {
    id: requesterId,
    organisation_id: signedIn.organisationId,
    lifecycle: lifecycle.value,
    matrix: matrix.value,
  };
}

const RECORD_COLUMNS = Object.entries(getTableColumns(records));

/** Map a raw `records` row (snake_case, from hand-written SQL) to Drizzle's camelCase shape. */
export function recordRowFromSql(raw: Record<string, unknown>): RecordRow {
  const row: Record<string, unknown> = {};
  for (const [key, col] of RECORD_COLUMNS) {
    const v = raw[col.name];
    row[key] = col.dataType === 'date' && v !== null && !(v instanceof Date) ? new Date(String(v)) : v;
  }
  return row as RecordRow;
}
