/**
 * Hierarchical escalation's audience: the parties a policy names, resolved to active people,
 * each with the reasons they are told (one message per person, however many reasons).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { NotifyParty } from '../../domain/escalation/policy.ts';
import type { Raci, RaciRef } from '../../domain/process/raci.ts';
import { groupMembers, groups, userRoles, users } from '../auth/schema.ts';

/** The people to tell, by user id, each with their name and every reason they are told. */
export type Audience<R extends string = NotifyParty> = Map<string, { name: string; reasons: R[] }>;

export type AudienceFacts = {
  assigneeId: string | null;
  /** The group that held the record when the alert fired. */
  groupId: string | null;
  /** The group it was escalated to, when it was. */
  nextGroupId: string | null;
  raci: Raci;
  raciActivities: string[];
};

async function managerOfUser(tx: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, userId));
  return u?.managerId ?? null;
}

async function managerOfGroup(tx: Db, groupId: string | null): Promise<string | null> {
  if (!groupId) return null;
  const [g] = await tx.select({ managerId: groups.managerId }).from(groups).where(eq(groups.id, groupId));
  return g?.managerId ?? null;
}

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

export async function resolveAudience(tx: Db, parties: NotifyParty[], f: AudienceFacts): Promise<Audience> {
  const wanted: [NotifyParty, string][] = [];
  const activities = f.raci.activities.filter((a) => f.raciActivities.includes(a.key));
  for (const party of parties) {
    let ids: (string | null)[] = [];
    switch (party) {
      case 'assignee':
        ids = [f.assigneeId];
        break;
      case 'assignee_manager':
        ids = [await managerOfUser(tx, f.assigneeId)];
        break;
      case 'group_manager':
        ids = [await managerOfGroup(tx, f.groupId)];
        break;
      case 'next_group_manager':
        ids = [await managerOfGroup(tx, f.nextGroupId)];
        break;
      case 'process_manager':
        ids = [f.raci.processManagerId];
        break;
      case 'process_owner':
        ids = [f.raci.processOwnerId];
        break;
      case 'raci_consulted':
        ids = await peopleOf(
          tx,
          activities.flatMap((a) => a.consulted),
        );
        break;
      case 'raci_informed':
        ids = await peopleOf(
          tx,
          activities.flatMap((a) => a.informed),
        );
        break;
    }
    for (const id of ids) if (id) wanted.push([party, id]);
  }
  return collectAudience(tx, wanted);
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
