/** Record lists: filters, text search and keyset (cursor) pagination on a stable sort. */
import { and, asc, desc, eq, getTableColumns, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RecordListQuery, SortField } from '../../contracts/records.ts';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { groups, users } from '../auth/index.ts';
import { cachedLifecycle } from '../settings/index.ts';
import type { RecordRow } from './access.ts';
import { type GroupRef, type PersonRef, presentRecord, type RecordView } from './present.ts';
import { FINAL_STATES, OPEN_WORK_PREDICATE, records, recordWatchers } from './schema.ts';
import { searchWords, tsQuery, tsQueryText } from './text-search.ts';
import type { RecordTypeConfig } from './types.ts';

export { type RecordListQuery, SORT_FIELDS, type SortField } from '../../contracts/records.ts';

/** Records without a running clock have no due instant and sort after every one that has. */
const slaDueKey = sql`coalesce(${records.slaDueAt}, 'infinity'::timestamptz)`;

/**
 * What each sort orders by, before the id. Priority queues order by priority, then the earliest
 * due instant, as the open-work indexes do.
 */
const sortColumns: Record<SortField, SQL[]> = {
  created: [sql`${records.createdAt}`],
  updated: [sql`${records.updatedAt}`],
  priority: [sql`${records.priority}`, slaDueKey],
  number: [sql`${records.number}`],
  sla_due: [slaDueKey],
};

type CursorKinds = ('timestamp' | 'int' | 'text' | 'uuid')[];
const cursorKinds: Record<SortField, CursorKinds> = {
  created: ['timestamp', 'uuid'],
  updated: ['timestamp', 'uuid'],
  priority: ['int', 'timestamp', 'uuid'],
  number: ['text', 'uuid'],
  sla_due: ['timestamp', 'uuid'],
};

const dueValue = (row: RecordRow) => row.slaDueAt?.toISOString() ?? 'infinity';

function cursorValues(row: RecordRow, sort: SortField): (string | number)[] {
  switch (sort) {
    case 'created':
      return [row.createdAt.toISOString(), row.id];
    case 'updated':
      return [row.updatedAt.toISOString(), row.id];
    case 'priority':
      return [row.priority, dueValue(row), row.id];
    case 'number':
      return [row.number, row.id];
    case 'sla_due':
      return [dueValue(row), row.id];
  }
}

/** The same order in memory, for merging the pages of a requester's two lists. */
function compareRows(a: RecordRow, b: RecordRow, sort: SortField): number {
  const time = (s: string) => (s === 'infinity' ? Number.POSITIVE_INFINITY : Date.parse(s));
  const ka = cursorValues(a, sort);
  const kb = cursorValues(b, sort);
  const kinds = cursorKinds[sort];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    const c =
      kinds[i] === 'timestamp'
        ? time(String(x)) - time(String(y))
        : typeof x === 'number'
          ? x - Number(y)
          : String(x) < String(y)
            ? -1
            : String(x) > String(y)
              ? 1
              : 0;
    if (c !== 0) return c;
  }
  return 0;
}

/** A record number (INC0001234): looked up by the unique number index alone. */
const NUMBER_LIKE = /^[A-Za-z]{2,5}\d{4,}$/;

/** Whether every listed state is one the open-work indexes hold (no final state of the shipped lifecycles). */
export function onlyOpenWork(states: string[]): boolean {
  return states.length > 0 && states.every((s) => !FINAL_STATES.includes(s));
}

/**
 * Both states start from the indexed earliest due instant. A clock is at risk once a warning
 * has fired for its current target, or (before the sweep got to it) once the wall-clock time
 * left is within its agreement's first warning threshold.
 */
export function slaStateCondition(state: 'at_risk' | 'breached', now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (state === 'breached') return sql`${slaDueKey} < ${at}`;
  // Either way no more of the target than all of it is left: the longest running target bounds
  // the due window, so only that stretch of the due index is read.
  return sql`${slaDueKey} >= ${at} and ${slaDueKey} <= ${at} + make_interval(secs => coalesce((
    select max(target_seconds) from sla_clocks where state = 'running'), 0)) and exists (
    select 1 from sla_clocks c join agreements a on a.id = c.agreement_id
    where c.record_id = ${records.id} and c.state = 'running' and (
      exists (select 1 from sla_alerts al where al.clock_id = c.id and al.kind = 'warning'
              and al.target_version = c.target_version)
      or c.due_at - ${at} <= make_interval(secs => c.target_seconds
           * (100 - (select min(t) from unnest(a.warning_thresholds) t)) / 100.0)))`;
}

/** A person or group named on a row, as the page statement returns it (JSON, parsed by the driver). */
type Named = { id: string; name: string; email?: string } | null;

/**
 * What a page row carries beside the record: its watchers and the names of its requester,
 * assignee and group, each read by primary key for the page's rows only (the planner evaluates
 * such subqueries after the sort and limit), so a page is one round trip.
 */
const pageColumns = {
  ...getTableColumns(records),
  watcherIds: sql<
    string[]
  >`array(select w.user_id from ${recordWatchers} w where w.record_id = ${records.id})`,
  requesterRef: sql<Named>`(select json_build_object('id', u.id, 'name', u.name, 'email', u.email)
    from ${users} u where u.id = ${records.requesterId})`,
  assigneeRef: sql<Named>`(select json_build_object('id', u.id, 'name', u.name, 'email', u.email)
    from ${users} u where u.id = ${records.assigneeId})`,
  groupRef: sql<Named>`(select json_build_object('id', g.id, 'name', g.name)
    from ${groups} g where g.id = ${records.groupId})`,
};

type PageRow = RecordRow & {
  watcherIds: string[];
  requesterRef: Named;
  assigneeRef: Named;
  groupRef: Named;
};

/**
 * The statements of one list page: one for agents; for a requester, one over the records they
 * raised and one over those they watch (each served by its own index), merged by the caller.
 * Exported for the plan tests.
 */
export function listStatements(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  q: RecordListQuery,
  lifecycle: Lifecycle,
) {
  const conds: SQL[] = [eq(records.type, cfg.type)];
  const states = [...(q.state ?? [])];
  if (q.stateCategory?.length)
    states.push(...lifecycle.states.filter((s) => q.stateCategory!.includes(s.category)).map((s) => s.key));
  if (q.state?.length || q.stateCategory?.length) {
    conds.push(inArray(records.state, states.length ? states : ['']));
    // Repeat the open-work indexes' predicate, so the planner may use them.
    if (onlyOpenWork(states)) conds.push(OPEN_WORK_PREDICATE);
  }
  if (q.priority?.length) conds.push(inArray(records.priority, q.priority));
  if (q.groupId?.length) conds.push(inArray(records.groupId, q.groupId));
  if (q.assigneeId === 'none') conds.push(isNull(records.assigneeId));
  else if (q.assigneeId)
    conds.push(eq(records.assigneeId, q.assigneeId === 'me' ? actor.userId : q.assigneeId));
  if (q.requesterId)
    conds.push(eq(records.requesterId, q.requesterId === 'me' ? actor.userId : q.requesterId));
  if (q.slaDueBefore) conds.push(sql`${records.slaDueAt} < ${q.slaDueBefore.toISOString()}::timestamptz`);
  if (q.slaState) conds.push(slaStateCondition(q.slaState, ctx.clock.now()));
  const text = q.q?.trim();
  if (text && NUMBER_LIKE.test(text) && text.toUpperCase().startsWith(cfg.prefix))
    conds.push(eq(records.number, text.toUpperCase()));
  else if (text) {
    const words = tsQueryText(searchWords(text));
    conds.push(
      or(
        eq(records.number, text.toUpperCase()),
        words ? sql`${records.search} @@ ${tsQuery(words)}` : sql`false`,
      )!,
    );
  }
  const cols = sortColumns[q.sort];
  if (q.cursor) {
    const kinds = cursorKinds[q.sort];
    const values = decodeCursor(q.cursor, kinds);
    const value = (v: unknown, i: number) =>
      kinds[i] === 'timestamp'
        ? sql`${String(v)}::timestamptz`
        : kinds[i] === 'uuid'
          ? sql`${String(v)}::uuid`
          : sql`${v}`;
    const left = sql.join([...cols, sql`${records.id}`], sql`, `);
    const right = sql.join(
      values.map((v, i) => value(v, i)),
      sql`, `,
    );
    conds.push(q.order === 'desc' ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`);
  }
  const dir = q.order === 'desc' ? desc : asc;
  const page1 = (extra: SQL[]) =>
    ctx.db
      .select(pageColumns)
      .from(records)
      .where(and(...conds, ...extra))
      .orderBy(...cols.map((c) => dir(c)), dir(records.id))
      .limit(q.limit + 1);
  if (can(actor, 'record.read_all')) return [page1([])];
  return [
    page1([eq(records.requesterId, actor.userId)]),
    page1([
      ne(records.requesterId, actor.userId),
      sql`${records.id} in (select record_id from ${recordWatchers} w where w.user_id = ${actor.userId})`,
    ]),
  ];
}

export async function listRecords(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  q: RecordListQuery,
): Promise<{ items: RecordView[]; nextCursor: string | null }> {
  const { value: lifecycle } = await cachedLifecycle(ctx, cfg.process);
  const statements = listStatements(ctx, actor, cfg, q, lifecycle);

  let rows: PageRow[];
  if (statements.length === 1) rows = await statements[0]!;
  else {
    // A requester sees what they raised or watch: two indexed lists, merged in the same order.
    const pages = await Promise.all(statements);
    const sign = q.order === 'desc' ? -1 : 1;
    rows = pages
      .flat()
      .sort((a, b) => sign * compareRows(a, b, q.sort))
      .slice(0, q.limit + 1);
  }
  const page = rows.slice(0, q.limit);
  const people = new Map<string, PersonRef>();
  const teams = new Map<string, GroupRef>();
  const recs = page.map(({ watcherIds, requesterRef, assigneeRef, groupRef, ...row }) => {
    for (const p of [requesterRef, assigneeRef])
      if (p) people.set(p.id, { id: p.id, name: p.name, email: p.email ?? '' });
    if (groupRef) teams.set(groupRef.id, { id: groupRef.id, name: groupRef.name });
    return { row, watcherIds };
  });
  const items = await presentRecord(ctx.db, actor, lifecycle, recs, {
    people: [...people.values()],
    groups: [...teams.values()],
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor(cursorValues(last, q.sort)) : null,
  };
}
