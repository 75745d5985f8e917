/** What leaves the API for a record: its fields, the names behind its ids, and what the viewer may do. */
import type { GroupRef, PersonRef } from '../../contracts/common.ts';
import { RECORD_ACTIONS, type RecordView } from '../../contracts/records.ts';
import type { Db } from '../../db/client.ts';
import { availableTransitions, type Lifecycle, stateOf, stateView } from '../../domain/lifecycle/engine.ts';
import { mayTransition, recordAllows } from '../../domain/records/policy.ts';
import type { Actor } from '../../domain/roles.ts';
import { namesOf } from '../auth/index.ts';
import type { AccessibleRecord } from './access.ts';

export type { GroupRef, PersonRef } from '../../contracts/common.ts';
export type { RecordView } from '../../contracts/records.ts';

/** `known` names already loaded by the caller are not fetched again. */
export async function presentRecord(
  db: Db,
  actor: Actor,
  lifecycle: Lifecycle,
  recs: AccessibleRecord[],
  known: { people?: PersonRef[]; groups?: GroupRef[] } = {},
): Promise<RecordView[]> {
  const knownPeople = new Set(known.people?.map((p) => p.id));
  const knownGroups = new Set(known.groups?.map((g) => g.id));
  const userIds = [
    ...new Set(
      recs.flatMap(({ row }) =>
        [row.requesterId, row.assigneeId].filter((x): x is string => !!x && !knownPeople.has(x)),
      ),
    ),
  ];
  const groupIds = [
    ...new Set(recs.map(({ row }) => row.groupId).filter((x): x is string => !!x && !knownGroups.has(x))),
  ];
  const fetched = await namesOf(db, userIds, groupIds);
  const person = new Map([...(known.people ?? []).map((p) => [p.id, p] as const), ...fetched.people]);
  const team = new Map([...(known.groups ?? []).map((t) => [t.id, t] as const), ...fetched.groups]);
  return recs.map(({ row, watcherIds }) => {
    const st = stateOf(lifecycle, row.state);
    const facts = { requesterId: row.requesterId, watcherIds, stateCategory: st?.category };
    return {
      id: row.id,
      type: row.type,
      number: row.number,
      title: row.title,
      description: row.description,
      ...stateView(lifecycle, row.state),
      impact: row.impact,
      urgency: row.urgency,
      priority: row.priority,
      category: row.category,
      subcategory: row.subcategory,
      channel: row.channel,
      requester: person.get(row.requesterId) ?? null,
      assignee: row.assigneeId ? (person.get(row.assigneeId) ?? null) : null,
      group: row.groupId ? (team.get(row.groupId) ?? null) : null,
      serviceId: row.serviceId,
      parentId: row.parentId,
      resolutionCode: row.resolutionCode,
      resolutionNotes: row.resolutionNotes,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      reopenCount: row.reopenCount,
      slaDueAt: row.slaDueAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
      watcherIds,
      allowedActions: RECORD_ACTIONS.filter((a) => recordAllows(actor, a, facts)),
      transitions: availableTransitions(lifecycle, row.state, {
        roles: actor.roles,
        isRequester: row.requesterId === actor.userId,
      })
        .filter(() => mayTransition(actor))
        .map((t) => ({ key: t.key, label: t.label, to: t.to, requires: t.requires })),
    };
  });
}
