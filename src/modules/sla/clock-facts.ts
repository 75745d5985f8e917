/**
 * Loading what the SLA planner needs to decide about one record, besides its clock book: the
 * agreed agreements that may govern its parties (customer SLA, the holding group's OLA, engaged
 * suppliers' contracts) with their calendars, the customer the record is for, when it was first
 * responded to, and the suppliers engaged on it. The planner (src/domain/sla/planner.ts) chooses
 * among the candidates; this file only narrows them by kind and party.
 */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import type { Cause, ClockBook } from '../../domain/sla/clock-book.ts';
import type { EngagementFacts, PlanContext } from '../../domain/sla/planner.ts';
import { users } from '../auth/index.ts';
import { serviceCustomerIds } from '../catalog/index.ts';
import type { RecordRow } from '../records/index.ts';
import { agreedAgreements } from './agreements.ts';
import { cachedCalendars } from './calendars.ts';
import { openEngagements } from './engagement-store.ts';

/** A party the agreement names, or none (it applies to every one). */
const anyOr = (value: string | null, wanted: string | null) => value === null || value === wanted;

type CandidateScope = {
  /** Load the customer SLAs (for this service and customer). */
  sla: boolean;
  serviceId: string | null;
  customerId: string | null;
  groupId: string | null;
  supplierIds: string[];
};

/** The agreed agreements that may govern the record's parties, in id order, from the cache. */
async function loadCandidates(ctx: Pick<AppContext, 'configCache'>, tx: Db, s: CandidateScope) {
  if (!s.sla && !s.groupId && !s.supplierIds.length) return [];
  return (await agreedAgreements(ctx, tx)).filter((a) =>
    a.kind === 'sla'
      ? s.sla && anyOr(a.serviceId, s.serviceId) && anyOr(a.customerId, s.customerId)
      : a.kind === 'ola'
        ? s.groupId !== null && a.groupId === s.groupId
        : a.kind === 'uc' && a.supplierId !== null && s.supplierIds.includes(a.supplierId),
  );
}

/**
 * The customer a record is for: the requester's organisation when they belong to one, otherwise
 * the service's customer when it has exactly one; null (only customer-agnostic SLAs apply)
 * when neither says.
 */
export async function customerOf(
  ctx: Pick<AppContext, 'configCache'>,
  tx: Db,
  record: RecordRow,
  /** The requester's organisation when the caller knows it; read when undefined. */
  requesterOrganisationId?: string | null,
): Promise<string | null> {
  const organisationId =
    requesterOrganisationId !== undefined
      ? requesterOrganisationId
      : (
          await tx
            .select({ organisationId: users.organisationId })
            .from(users)
            .where(eq(users.id, record.requesterId))
        )[0]?.organisationId;
  if (organisationId) return organisationId;
  if (!record.serviceId) return null;
  const customers = await serviceCustomerIds(ctx, tx, record.serviceId);
  return customers.length === 1 ? customers[0]! : null;
}

/** When the record first left its initial state (its response), from the field history. */
async function firstResponseAt(tx: Db, recordId: string, initial: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string }>(
    tx,
    sql`select at from record_history where record_id = ${recordId} and field = 'state' and old_value = ${initial}
        order by at, id limit 1`,
  );
  return row ? new Date(row.at) : null;
}

/** Which facts a decision needs beyond the clock book. */
export type FactNeeds = {
  /** Agreements must be chosen (again): load candidates, the customer and the first response. */
  selection?: boolean;
  /** The suppliers engaged on the record (released on resolution, retargeted on priority). */
  engagements?: boolean;
  /** A supplier being engaged now, whose contract is a candidate. */
  engaging?: EngagementFacts;
};

export type FactsInput = {
  book: ClockBook;
  record: RecordRow;
  lifecycle: Lifecycle;
  at: Date;
  cause: Cause;
  /** The requester's organisation when the caller read it already (a create); otherwise it is read. */
  requesterOrganisationId?: string | null | undefined;
};

/** Everything the planner needs, loaded one query after the other in the record's transaction. */
export async function loadPlanFacts(
  ctx: Pick<AppContext, 'configCache'>,
  tx: Db,
  input: FactsInput,
  needs: FactNeeds,
): Promise<PlanContext> {
  const { record, book } = input;
  const engagements: EngagementFacts[] = needs.engagements ? await openEngagements(tx, record.id) : [];
  const customerId = needs.selection
    ? await customerOf(ctx, tx, record, input.requesterOrganisationId)
    : null;
  const responded =
    needs.selection && record.state !== input.lifecycle.initial
      ? await firstResponseAt(tx, record.id, input.lifecycle.initial)
      : null;
  const suppliers = [...engagements, ...(needs.engaging ? [needs.engaging] : [])].map((e) => e.supplierId);
  const candidates =
    needs.selection || needs.engaging
      ? await loadCandidates(ctx, tx, {
          sla: !!needs.selection,
          serviceId: record.serviceId,
          customerId,
          groupId: needs.selection ? record.groupId : null,
          supplierIds: suppliers,
        })
      : [];
  const missing = candidates.map((c) => c.calendarId).filter((id) => !book.calendars.has(id));
  for (const [id, cal] of await cachedCalendars(ctx, tx, missing)) book.calendars.set(id, cal);
  return { ...input, candidates, customerId, firstResponseAt: responded, engagements };
}
