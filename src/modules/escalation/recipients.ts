/**
 * Hierarchical escalation's audience: the parties a policy names, resolved to active people,
 * each with the reasons they are told (one message per person, however many reasons).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { NotifyParty } from '../../domain/escalation/policy.ts';
import type { Raci } from '../../domain/process/raci.ts';
import { groups, users } from '../auth/index.ts';
import { collectAudience, type Audience as NotifyAudience, peopleOf } from '../notify/index.ts';

/** The people an escalation tells, each with every escalation reason they are told. */
export type Audience = NotifyAudience<NotifyParty>;

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
