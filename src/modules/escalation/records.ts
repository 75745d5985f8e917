/** The escalations applied to one record, for staff: what triggered each, where it went, who was told. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/roles.ts';
import { canOnRecord } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { distinctIds } from '../../shared/defined.ts';
import { groups, users } from '../auth/index.ts';
import { loadRecord } from '../records/index.ts';
import { escalations } from './schema.ts';

export async function listRecordEscalations(ctx: AppContext, actor: Actor, idOrNumber: string) {
  const { row, watcherIds } = await loadRecord(ctx, actor, idOrNumber);
  if (!canOnRecord(actor, 'read_internal', { requesterId: row.requesterId, watcherIds }))
    throw forbidden(`You may not see how ${row.number} was escalated.`);
  const rows = await ctx.db
    .select()
    .from(escalations)
    .where(eq(escalations.recordId, row.id))
    .orderBy(asc(escalations.at), asc(escalations.id));
  const groupIds = distinctIds(rows.flatMap((r) => [r.fromGroupId, r.toGroupId]));
  const userIds = [...new Set(rows.flatMap((r) => r.details.notifiedIds))];
  const [gs, us] = await Promise.all([
    groupIds.length
      ? ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds))
      : [],
    userIds.length
      ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const group = (id: string | null) =>
    id ? (gs.find((g) => g.id === id) ?? { id, name: 'Unknown group' }) : null;
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    trigger: r.trigger,
    threshold: r.threshold,
    clockKind: r.clockKind,
    metric: r.metric,
    matched: r.matched,
    reassign: r.details.reassign,
    reason: r.details.reason ?? null,
    fromGroup: group(r.fromGroupId),
    toGroup: group(r.toGroupId),
    notified: r.details.notifiedIds.map((id) => us.find((u) => u.id === id) ?? { id, name: 'Unknown user' }),
  }));
}
