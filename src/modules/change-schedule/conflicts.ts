/**
 * Conflict checks for a change being scheduled: loads the changes overlapping it from every
 * schedule source and the windows that concern it, asks the CMDB graph index how its CIs relate
 * to theirs, and leaves the judgement to the pure core (src/domain/changes/conflicts.ts).
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  type Conflict,
  type ConflictCandidate,
  conflictGraph,
  detectConflicts,
} from '../../domain/changes/conflicts.ts';
import { invalid } from '../../errors.ts';
import { graphReach } from '../cmdb/index.ts';
import { listScheduledItems } from './sources.ts';
import { loadWindows } from './windows.ts';

/** The database (or the open transaction) and the CMDB graph index the check walks. */
export type ScheduleContext = Pick<AppContext, 'db' | 'ciGraph'>;

let known: Pick<AppContext, 'ciGraph'> | undefined;
/** The application's graph index, for callers that pass only a database handle (set at start-up). */
export function rememberGraph(ctx: Pick<AppContext, 'ciGraph'>): void {
  known = ctx;
}

function contextOf(db: Db | ScheduleContext): ScheduleContext {
  if ('ciGraph' in db && 'db' in db) return db;
  if (!known)
    throw new Error('checkConflicts needs the application context ({ db, ciGraph }) before start-up');
  return { db: db as Db, ciGraph: known.ciGraph };
}

/**
 * Every conflict of a candidate change with the schedule, each with a human reason. `db` is the
 * application context, `{ db: tx, ciGraph }` inside a transaction, or a database handle once the
 * server has started.
 */
export async function checkConflicts(
  db: Db | ScheduleContext,
  candidate: ConflictCandidate,
): Promise<Conflict[]> {
  if (!(candidate.end.getTime() > candidate.start.getTime()))
    throw invalid(
      [{ field: 'end', message: 'must be after the start' }],
      'A change must end after it starts.',
    );
  const ctx = contextOf(db);
  const c: ConflictCandidate = {
    ...candidate,
    ciIds: [...new Set(candidate.ciIds.map((id) => id.toLowerCase()))],
    serviceIds: [...new Set(candidate.serviceIds.map((id) => id.toLowerCase()))],
  };
  const range = { from: c.start, to: c.end };
  // Independent reads: on a server they overlap (the embedded database runs them in turn).
  const [others, windows, graph] = await Promise.all([
    listScheduledItems(ctx.db, range, {}),
    loadWindows(ctx.db, range, { ciIds: c.ciIds, serviceIds: c.serviceIds }),
    graphReach(ctx),
  ]);
  return detectConflicts(c, others, windows, conflictGraph(graph.probe, c, graph.name));
}
