/**
 * Ordering from the catalog: check the answers against the item's form, create the request,
 * then start its approvals or, when it needs none, its fulfilment tasks, in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { RequestCreate } from '../../contracts/requests.ts';
import type { Db } from '../../db/client.ts';
import { describeAnswers, type Reference, validateAnswers } from '../../domain/requests/form.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { type FieldError, forbidden, invalid } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { createRecordInTransaction, REQUEST, takeSystemTransition } from '../records/index.ts';
import { resolvePolicyApprovers, startApprovals } from './approvals.ts';
import { loadCatalogItem } from './catalog.ts';
import { advanceFulfilment } from './fulfilment.ts';
import { requestDetails } from './schema.ts';

export type OrderInput = z.output<typeof RequestCreate>;

/** User and CI answers must name an active user or an existing CI (of the field's class). */
async function checkReferences(db: Db, refs: Reference[]): Promise<FieldError[]> {
  const userIds = refs.filter((r) => r.kind === 'user').map((r) => r.id);
  const ciIds = refs.filter((r) => r.kind === 'ci').map((r) => r.id);
  const [people, items] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, userIds), eq(users.active, true)))
      : [],
    ciIds.length
      ? db.select({ id: cis.id, classKey: cis.classKey }).from(cis).where(inArray(cis.id, ciIds))
      : [],
  ]);
  const activeUsers = new Set(people.map((p) => p.id));
  const ciClass = new Map(items.map((c) => [c.id, c.classKey]));
  const errors: FieldError[] = [];
  for (const r of refs) {
    const field = `answers.${r.field}`;
    if (r.kind === 'user' && !activeUsers.has(r.id))
      errors.push({ field, message: 'no active user with this id' });
    if (r.kind === 'ci') {
      const cls = ciClass.get(r.id);
      if (!cls) errors.push({ field, message: 'no configuration item with this id' });
      else if (r.classKey && cls !== r.classKey) errors.push({ field, message: `must be a ${r.classKey}` });
    }
  }
  return errors;
}

export async function orderRequest(ctx: AppContext, actor: Actor, input: OrderInput): Promise<string> {
  if (!can(actor, 'request.order')) throw forbidden('This credential may not order from the catalog.');
  const requesterId = input.requesterId ?? actor.userId;
  if (requesterId !== actor.userId && !can(actor, 'record.create_for_others'))
    throw forbidden('Only agents may order on behalf of someone else.');
  const item = await loadCatalogItem(ctx.db, actor, input.catalogItemId);
  if (!item.active)
    throw invalid([{ field: 'catalogItemId', message: 'this item is withdrawn from the catalog' }]);
  const check = validateAnswers(item.form, input.answers);
  if (!check.ok) throw invalid(check.errors, 'Some answers are not valid.');
  const refErrors = await checkReferences(ctx.db, check.references);
  if (refErrors.length) throw invalid(refErrors, 'Some answers are not valid.');
  const policy = item.approvalPolicy?.levels.length ? item.approvalPolicy : null;
  return ctx.db.transaction(async (tx) => {
    const approvers = policy ? await resolvePolicyApprovers(tx, policy, requesterId) : [];
    const empty = approvers.findIndex((a) => a.length === 0);
    if (policy && empty >= 0) {
      const level = policy.levels[empty]!;
      const why = level.approvers.some((a) => a.kind === 'manager')
        ? ' (the requester has no manager on record)'
        : '';
      throw invalid(
        [
          {
            field: 'catalogItemId',
            message: `approval level ${empty + 1} (${level.name}) has nobody to approve it${why}`,
          },
        ],
        'This request could not be routed for approval; ask the service desk.',
      );
    }
    const request = await createRecordInTransaction(
      ctx,
      tx,
      REQUEST,
      {
        title: item.name,
        description: describeAnswers(item.form, check.values),
        category: item.category,
        serviceId: item.serviceId,
        requesterId,
        channel: 'portal',
      },
      actor.userId,
    );
    await tx.insert(requestDetails).values({
      recordId: request.id,
      catalogItemId: item.id,
      answers: check.values,
      form: item.form,
      taskTemplates: item.taskTemplates,
    });
    if (policy) {
      await startApprovals(ctx, tx, request, policy, approvers);
    } else {
      const started = await takeSystemTransition(ctx, tx, REQUEST, request.id, {
        to: 'in_fulfilment',
        reason: 'No approval needed.',
      });
      await advanceFulfilment(ctx, tx, started, actor.userId);
    }
    return request.id;
  });
}
