/**
 * Who is told: parties resolved to active people, each once, with every reason they are told.
 * Escalation and lifecycle transitions name their parties; this is what they have in common.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RaciRef } from '../../domain/process/raci.ts';
import { groupMembers, userRoles, users } from '../auth/index.ts';

/** The people to tell, by user id, each with their name and every reason they are told. */
export type Audience<R extends string = string> = Map<string, { name: string; reasons: R[] }>;

/** The people a RACI reference stands for: holders of the role, or members of the group. */
export async function peopleOf(tx: Db, refs: RaciRef[]): Promise<string[]> {
  const roles = refs.flatMap((r) => (r.kind === 'role' ? [r.role] : []));
  const groupIds = refs.flatMap((r) => (r.kind === 'group' ? [r.groupId] : []));
  const [byRole, byGroup] = await Promise.all([
    roles.length
      ? tx.select({ id: userRoles.userId }).from(userRoles).where(inArray(userRoles.role, roles))
      : [],
    groupIds.length
      ? tx
          .select({ id: groupMembers.userId })
          .from(groupMembers)
          .where(inArray(groupMembers.groupId, groupIds))
      : [],
  ]);
  return [...byRole, ...byGroup].map((r) => r.id);
}

/**
 * Group (reason, person) pairs into one entry per active person with all their reasons; people
 * who are inactive or unknown are left out.
 */
export async function collectAudience<R extends string>(
  tx: Db,
  wanted: readonly (readonly [R, string])[],
): Promise<Audience<R>> {
  const audience: Audience<R> = new Map();
  if (wanted.length === 0) return audience;
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...new Set(wanted.map(([, id]) => id))]), eq(users.active, true)));
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const [reason, id] of wanted) {
    const name = names.get(id);
    if (name === undefined) continue;
    const entry = audience.get(id) ?? { name, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    audience.set(id, entry);
  }
  return audience;
}
