/** Incident management on the records core: the ITIL incident lifecycle, priority matrix and resolution codes. */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { INCIDENT_RESOLUTION_CODES } from '../../domain/lifecycle/defaults.ts';
import type { Actor } from '../../domain/roles.ts';
import { findService } from '../catalog/repository.ts';
import { assertCanLinkCis, linkCis } from '../cmdb/service.ts';
import { servicesOfCis } from '../cmdb/services-of.ts';
import {
  type CreateRecordInput,
  createRecord,
  type RecordRow,
  type UpdateRecordInput,
  updateRecord,
} from '../records/service.ts';
import { type TransitionInput, transitionRecord } from '../records/transition.ts';
import { INCIDENT } from '../records/types.ts';
import { checkCategory } from '../settings/service.ts';

export type CreateIncidentInput = CreateRecordInput & {
  /** Configuration items the incident concerns, linked in the same transaction. */
  ciIds?: string[] | undefined;
};

/**
 * The service of an incident raised on CIs without one: the single live service the CIs support,
 * so the incident gets that service's agreements. None when they support several or none.
 */
async function serviceSupportedBy(ctx: AppContext, ciIds: string[]): Promise<string | null> {
  const { services } = await servicesOfCis(ctx, ciIds);
  const live: string[] = [];
  for (const s of services) {
    if ((await findService(ctx.db, s.id))?.lifecycleStatus !== 'live') continue;
    live.push(s.id);
    if (live.length > 1) return null;
  }
  return live[0] ?? null;
}

export async function createIncident(ctx: AppContext, actor: Actor, input: CreateIncidentInput) {
  const { ciIds, ...rest } = input;
  const record = {
    ...rest,
    ...(await checkCategory(ctx.db, 'incident', rest.category, rest.subcategory, ctx.configCache)),
  };
  if (!ciIds?.length) return createRecord(ctx, actor, INCIDENT, record);
  assertCanLinkCis(actor);
  if (!record.serviceId) record.serviceId = await serviceSupportedBy(ctx, ciIds);
  return createRecord(ctx, actor, INCIDENT, record, {
    withRecord: (tx, row) => linkCis(tx, actor.userId, row.id, ciIds, row.createdAt),
  });
}

/** Changing the category without naming a subcategory clears the old subcategory; both are checked. */
export async function normaliseIncidentPatch(
  current: RecordRow,
  patch: UpdateRecordInput,
  tx: Db,
): Promise<UpdateRecordInput> {
  if (patch.category === undefined && patch.subcategory === undefined) return {};
  const category = patch.category !== undefined ? patch.category : current.category;
  const subcategory =
    patch.subcategory !== undefined
      ? patch.subcategory
      : patch.category !== undefined
        ? null
        : current.subcategory;
  const checked = await checkCategory(tx, 'incident', category, subcategory);
  return { category: checked.category ?? null, subcategory: checked.subcategory ?? null };
}

export const updateIncident = (
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  patch: UpdateRecordInput,
  expectedVersion?: number,
) =>
  updateRecord(ctx, actor, INCIDENT, idOrNumber, patch, expectedVersion, (current, tx) =>
    normaliseIncidentPatch(current, patch, tx),
  );

export const transitionIncident = (
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: TransitionInput,
  expectedVersion?: number,
) => transitionRecord(ctx, actor, INCIDENT, idOrNumber, input, expectedVersion, INCIDENT_RESOLUTION_CODES);
