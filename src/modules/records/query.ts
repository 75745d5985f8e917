/** Record lists: filters, text search and keyset (cursor) pagination on a stable sort. */
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RecordListQuery, SortField } from '../../contracts/records.ts';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { getLifecycle } from '../settings/service.ts';
import type { RecordRow } from './access.ts';
import { presentRecord, type RecordView } from './present.ts';
import { records, recordWatchers } from './schema.ts';
import type { RecordTypeConfig } from './types.ts';

export { type RecordListQuery, SORT_FIELDS, type SortField } from '../../contracts/records.ts';

/** Records without a running clock have no due instant and sort after every one that has. */
const slaDueKey = sql`coalesce(${records.slaDueAt}, 'infinity'::timestamptz)`;

const sortColumn = {
  created: records.createdAt,
  updated: records.updatedAt,
  priority: records.priority,
  number: records.number,
  sla_due: slaDueKey,
};

function cursorValue(row: RecordRow, sort: SortField): string | number {
  switch (sort) {
    case 'created':
      return row.createdAt.toISOString();
    case 'updated':
      return row.updatedAt.toISOString();
    case 'priority':
      return row.priority;
    case 'number':
      return row.number;
    case 'sla_due':
      return row.slaDueAt?.toISOString() ?? 'infinity';
  }
}

/**
 * Both states start from the indexed earliest due instant. A clock is at risk once a warning
 * has fired for its current target, or (before the sweep got to it) once the wall-clock time
 * left is within its agreement's first warning threshold.
 */
function slaStateCondition(state: 'at_risk' | 'breached', now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (state === 'breached') return sql`${records.slaDueAt} < ${at}`;
  return sql`${records.slaDueAt} >= ${at} and exists (
    select 1 from sla_clocks c join agreements a on a.id = c.agreement_id
    where c.record_id = ${records.id} and c.state = 'running' and (
      exists (select 1 from sla_alerts al where al.clock_id = c.id and al.kind = 'warning'
              and al.target_version = c.target_version)
      or c.due_at - ${at} <= make_interval(secs => c.target_seconds
           * (100 - (select min(t) from unnest(a.warning_thresholds) t)) / 100.0)))`;
}

export async function listRecords(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  q: RecordListQuery,
): Promise<{ items: RecordView[]; nextCursor: string | null }> {
  const { value: lifecycle } = await getLifecycle(ctx.db, cfg.process);
  const conds: SQL[] = [eq(records.type, cfg.type)];
  if (!can(actor, 'record.read_all')) {
    conds.push(
      or(
        eq(records.requesterId, actor.userId),
        sql`exists (select 1 from ${recordWatchers} w where w.record_id = ${records.id} and w.user_id = ${actor.userId})`,
      )!,
    );
  }
  const states = [...(q.state ?? [])];
  if (q.stateCategory?.length)
    states.push(...lifecycle.states.filter((s) => q.stateCategory!.includes(s.category)).map((s) => s.key));
  if (q.state?.length || q.stateCategory?.length)
    conds.push(inArray(records.state, states.length ? states : ['']));
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
  if (text) {
    conds.push(
      or(
        eq(records.number, text.toUpperCase()),
        sql`${records.search} @@ plainto_tsquery('simple', ${text})`,
        ilike(records.title, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      )!,
    );
  }
  const col = sortColumn[q.sort];
  if (q.cursor) {
    const [v, id] = decodeCursor(q.cursor, 2);
    const isTime = q.sort === 'created' || q.sort === 'updated' || q.sort === 'sla_due';
    const value = isTime ? sql`${String(v)}::timestamptz` : sql`${v}`;
    conds.push(
      q.order === 'desc'
        ? sql`(${col}, ${records.id}) < (${value}, ${String(id)}::uuid)`
        : sql`(${col}, ${records.id}) > (${value}, ${String(id)}::uuid)`,
    );
  }
  const dir = q.order === 'desc' ? desc : asc;
  const rows = await ctx.db
    .select()
    .from(records)
    .where(and(...conds))
    .orderBy(dir(col), dir(records.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const watchers = page.length
    ? await ctx.db
        .select()
        .from(recordWatchers)
        .where(
          inArray(
            recordWatchers.recordId,
            page.map((r) => r.id),
          ),
        )
    : [];
  const items = await presentRecord(
    ctx.db,
    actor,
    lifecycle,
    page.map((row) => ({
      row,
      watcherIds: watchers.filter((w) => w.recordId === row.id).map((w) => w.userId),
    })),
  );
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor([cursorValue(last, q.sort), last.id]) : null,
  };
}
