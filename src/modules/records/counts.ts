/**
 * The counts a workspace shows for one record type: totals by state and by priority, and the
 * queue badges (open work, mine, unassigned, each of my groups, breached, at risk). All exact:
 *
 * - totals come from `record_counts` plus the signed deltas that triggers on `records` append in
 *   every writing transaction (see migration `scale`), so a count is exactly what the reader's
 *   snapshot holds; a reader folds the deltas into the totals when it can take the fold lock
 *   without waiting (one statement: delete the deltas, add them to the totals);
 * - badges count open work on the partial open-work indexes (records in a final state left out),
 *   index-only, so their cost follows the open backlog, not the history.
 *
 * A requester sees totals of the records they raised or watch, and no queues: counted from the
 * requester index, which carries state and priority, so the count is an index-only scan where the
 * visibility map allows and reads the heap page of any row it cannot vouch for (exact either way).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RecordCounts } from '../../contracts/records.ts';
import { queryRows } from '../../db/client.ts';
import { type Fold, foldDeltas } from '../../db/fold.ts';
import { type Lifecycle, unresolvedStateKeys } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { cachedLifecycle } from '../settings/index.ts';
import { slaStateCondition } from './query.ts';
import { OPEN_WORK_PREDICATE } from './schema.ts';
import type { RecordTypeConfig } from './types.ts';

/** Fold once this many deltas have piled up. */
const FOLD_AFTER = 200;

const COUNTS_FOLD: Fold = {
  // An arbitrary constant: the advisory lock that one folding reader at a time holds.
  lock: 7_310_412,
  deltas: 'record_count_deltas',
  into: sql`insert into record_counts (type, state, priority, n)
    select type, state, priority, sum(n) from moved group by 1, 2, 3
    on conflict (type, state, priority) do update set n = record_counts.n + excluded.n`,
};

type Total = { state: string; priority: number; n: number };

/**
 * A requester's totals: what they raised, read from the requester index alone (it carries state
 * and priority), and what they watch but did not raise (a short list by the watchers' user index).
 * Exported for the plan tests.
 */
export const requesterTotalsSql = (actor: Actor, type: string) =>
  sql`select state, priority, sum(n)::int as n from (
        select state, priority, count(*) as n from records
        where requester_id = ${actor.userId} and type = ${type} group by 1, 2
        union all
        select r.state, r.priority, count(*) from record_watchers w join records r on r.id = w.record_id
        where w.user_id = ${actor.userId} and r.type = ${type} and r.requester_id <> ${actor.userId}
        group by 1, 2) t
      group by 1, 2`;

async function totals(ctx: AppContext, actor: Actor, type: string): Promise<Total[]> {
  if (!can(actor, 'record.read_all')) {
    return queryRows<Total>(ctx.db, requesterTotalsSql(actor, type));
  }
  const read = () =>
    queryRows<Total & { pending: number }>(
      ctx.db,
      sql`select state, priority, sum(n)::int as n,
            (select count(*) from (select 1 from record_count_deltas limit ${FOLD_AFTER}) d)::int as pending
          from (
            select state, priority, n from record_counts where type = ${type}
            union all select state, priority, n from record_count_deltas where type = ${type}) t
          group by 1, 2 having sum(n) <> 0`,
    );
  const rows = await read();
  // Enough deltas have piled up: fold them into the totals, then read again.
  if ((rows[0]?.pending ?? 0) >= FOLD_AFTER) {
    await foldDeltas(ctx.db, COUNTS_FOLD);
    return read();
  }
  return rows;
}

/**
 * The statement of the queue badges, one round trip (exported for the plan tests): each counts
 * open work on a partial open-work index that carries every column the count reads, so it is an
 * index-only scan.
 */
export function badgeStatement(ctx: AppContext, actor: Actor, cfg: RecordTypeConfig, lifecycle: Lifecycle) {
  const keys = sql.join(
    unresolvedStateKeys(lifecycle).map((key) => sql`${key}`),
    sql`, `,
  );
  const openWork = sql`type = ${cfg.type} and state in (${keys}) and ${OPEN_WORK_PREDICATE}`;
  const groupIds = actor.groupIds ?? [];
  const now = ctx.clock.now();
  const groups = groupIds.length
    ? sql`(select coalesce(json_object_agg(group_id, n), '{}'::json) from (
          select group_id, count(*)::int as n from records
          where ${openWork} and group_id in (${sql.join(
            groupIds.map((g) => sql`${g}::uuid`),
            sql`, `,
          )})
          group by group_id) g)`
    : sql`'{}'::json`;
  return sql`select
      (select count(*) from records where ${openWork} and assignee_id = ${actor.userId})::int as mine,
      (select count(*) from records where ${openWork} and assignee_id is null)::int as unassigned,
      (select count(*) from records where ${openWork}
         and coalesce(sla_due_at, 'infinity'::timestamptz) < ${now.toISOString()}::timestamptz)::int as breached,
      (select count(*) from records where ${openWork} and ${slaStateCondition('at_risk', now)})::int as at_risk,
      ${groups} as groups`;
}

export async function recordCounts(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
): Promise<RecordCounts> {
  const { value: lifecycle } = await cachedLifecycle(ctx, cfg.process);
  const rows = await totals(ctx, actor, cfg.type);
  const byState = lifecycle.states.map((s) => ({
    state: s.key,
    label: s.label,
    category: s.category,
    count: rows.filter((r) => r.state === s.key).reduce((a, r) => a + r.n, 0),
  }));
  const priorities = [...new Set(rows.map((r) => r.priority))].sort();
  const byPriority = priorities.map((p) => ({
    priority: p,
    count: rows.filter((r) => r.priority === p).reduce((a, r) => a + r.n, 0),
  }));
  const total = rows.reduce((a, r) => a + r.n, 0);
  if (!can(actor, 'record.read_all')) return { type: cfg.type, total, byState, byPriority, queues: null };
  const openStates = unresolvedStateKeys(lifecycle);
  const open = byState.filter((s) => openStates.includes(s.state)).reduce((a, s) => a + s.count, 0);
  const [badges] = await queryRows<{
    mine: number;
    unassigned: number;
    breached: number;
    at_risk: number;
    groups: Record<string, number>;
  }>(ctx.db, badgeStatement(ctx, actor, cfg, lifecycle));
  const groupIds = actor.groupIds ?? [];
  return {
    type: cfg.type,
    total,
    byState,
    byPriority,
    queues: {
      open,
      mine: badges!.mine,
      unassigned: badges!.unassigned,
      breached: badges!.breached,
      atRisk: badges!.at_risk,
      groups: groupIds.map((g) => ({ groupId: g, count: badges!.groups[g] ?? 0 })),
    },
  };
}
