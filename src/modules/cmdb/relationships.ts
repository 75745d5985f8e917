/**
 * Typed, directed relationships between CIs. Each type is named in both directions and allowed
 * only between certain classes; the same (from, type, to) may exist once. Cycles are allowed
 * (real estates have them: clusters, mutual dependencies); impact walks visit each CI once.
 */

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  CiRelationship as CCiRelationship,
  Relationship as CRelationship,
} from '../../contracts/cmdb.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { deleteRowById } from '../../db/rows.ts';
import { checkRelationshipAllowed } from '../../domain/cmdb/relationships.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict, invalid } from '../../errors.ts';
import { findCi, relationshipChanges, writeCiHistory } from './ci-store.ts';
import { assertCanManage, readableCi } from './cis.ts';
import { type ClassModel, loadClassModel, lockModelShared, RELATIONSHIP_TYPES } from './model.ts';
import { ciRef } from './present.ts';
import { ciRelationships } from './schema.ts';

export type RelationshipInput = { type: string; fromId: string; toId: string };

export type RelationshipView = CRelationship;

export type CiRelationshipView = CCiRelationship;

export function relationshipType(key: string) {
  return RELATIONSHIP_TYPES.find((t) => t.key === key);
}

/** Why a relationship may not exist between CIs of these classes, or null when it may. */
export function relationshipProblem(model: ClassModel, type: string, fromClass: string, toClass: string) {
  return checkRelationshipAllowed(RELATIONSHIP_TYPES, model.classes, type, fromClass, toClass);
}

export async function addRelationship(
  ctx: AppContext,
  actor: Actor,
  input: RelationshipInput,
): Promise<RelationshipView> {
  assertCanManage(actor);
  const type = relationshipType(input.type);
  if (!type) throw invalid([{ field: 'type', message: `unknown relationship type "${input.type}"` }]);
  if (input.fromId === input.toId)
    throw invalid([{ field: 'toId', message: 'a CI cannot have a relationship with itself' }]);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockModelShared(tx);
    const [from, to] = await Promise.all([findCi(tx, input.fromId), findCi(tx, input.toId)]);
    const missing = [
      ...(from ? [] : [{ field: 'fromId', message: 'no CI with this id' }]),
      ...(to ? [] : [{ field: 'toId', message: 'no CI with this id' }]),
    ];
    if (!from || !to) throw invalid(missing);
    const model = await loadClassModel(tx);
    const problem = relationshipProblem(model, type.key, from.classKey, to.classKey);
    if (problem) throw invalid([{ field: 'type', message: problem }], problem);
    const [row] = await tx
      .insert(ciRelationships)
      .values({ typeKey: type.key, fromId: from.id, toId: to.id, createdBy: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${from.name} already ${type.forwardLabel} ${to.name}.`);
    await writeCiHistory(tx, actor.userId, now, relationshipChanges('added', type, from, to));
    return {
      id: row.id,
      type: type.key,
      label: type.forwardLabel,
      reverseLabel: type.reverseLabel,
      from: ciRef(model, from),
      to: ciRef(model, to),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function removeRelationship(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertCanManage(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await deleteRowById(tx, ciRelationships, id, 'Relationship');
    const [from, to] = await Promise.all([findCi(tx, row.fromId), findCi(tx, row.toId)]);
    const type = relationshipType(row.typeKey);
    await writeCiHistory(
      tx,
      actor.userId,
      now,
      relationshipChanges(
        'removed',
        type ?? { forwardLabel: row.typeKey, reverseLabel: row.typeKey },
        { id: row.fromId, name: from?.name },
        { id: row.toId, name: to?.name },
      ),
    );
  });
}

type Joined = {
  id: string;
  type: string;
  outgoing: boolean;
  createdAt: Date;
  otherId: string;
  name: string;
  classKey: string;
  status: string;
};

async function relationshipsOf(db: Db, ciId: string): Promise<Joined[]> {
  return queryRows<Joined>(
    db,
    sql`select r.id, r.type_key as type, r.from_id = ${ciId}::uuid as outgoing, r.created_at as "createdAt",
               c.id as "otherId", c.name, c.class_key as "classKey", c.status
        from ci_relationships r
        join cis c on c.id = case when r.from_id = ${ciId}::uuid then r.to_id else r.from_id end
        where r.from_id = ${ciId}::uuid or r.to_id = ${ciId}::uuid
        order by r.type_key, c.name, r.id`,
  );
}

/** Both directions, each labelled from this CI's side ("depends on" one way, "used by" the other). */
export async function listCiRelationships(
  ctx: AppContext,
  actor: Actor,
  ciId: string,
): Promise<CiRelationshipView[]> {
  const ci = await readableCi(ctx.db, actor, ciId);
  const [model, rows] = await Promise.all([loadClassModel(ctx.db), relationshipsOf(ctx.db, ci.id)]);
  return rows.map((r) => {
    const type = relationshipType(r.type);
    const label = r.outgoing ? (type?.forwardLabel ?? r.type) : (type?.reverseLabel ?? r.type);
    return {
      id: r.id,
      type: r.type,
      direction: r.outgoing ? 'outgoing' : 'incoming',
      label,
      ci: ciRef(model, { id: r.otherId, name: r.name, classKey: r.classKey, status: r.status }),
      createdAt: new Date(r.createdAt).toISOString(),
    };
  });
}
