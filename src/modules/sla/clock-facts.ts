/**
 * Loading what the SLA planner needs to decide about one record, besides its clock book: the
 * agreed agreements that may govern its parties (customer SLA, the holding group's OLA, engaged
 * suppliers' contracts) with their calendars, the customer the record is for, when it was first
 * responded to, and the suppliers engaged on it. The planner (src/domain/sla/planner.ts) chooses
 * among the candidates; this file only narrows them by kind and party.
 */
import { and, asc, type Column, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import type { Cause, ClockBook } from '../../domain/sla/clock-book.ts';
import type { EngagementFacts, PlanContext } from '../../domain/sla/planner.ts';
import { users } from '../auth/index.ts';
import { serviceCustomerIds } from '../catalog/index.ts';
import type { RecordRow } from '../records/index.ts';
import { ensureCalendars } from './clock-store.ts';
import { openEngagements } from './engagement-store.ts';
import { agreements } from './schema.ts';

const orNull = (col: Column, value: string | null | undefined): SQL =>
  value ? or(isNull(col), eq(col, value))! : isNull(col);

type CandidateScope = {
  /** Load the customer SLAs (for this service and customer). */
  sla: boolean;
  serviceId: string | null;
  customerId: string | null;
  groupId: string | null;
  supplierIds: string[];
};

async function loadCandidates(tx: Db, s: CandidateScope) {
  const parties: SQL[] = [];
  if (s.sla)
    parties.push(
      and(
        eq(agreements.kind, 'sla'),
        orNull(agreements.serviceId, s.serviceId),
        orNull(agreements.customerId, s.customerId),
      )!,
    );
  if (s.groupId) parties.push(and(eq(agreements.kind, 'ola'), eq(agreements.groupId, s.groupId))!);
  if (s.supplierIds.length)
    parties.push(and(eq(agreements.kind, 'uc'), inArray(agreements.supplierId, s.supplierIds))!);
  if (!parties.length) return [];
  return tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.status, 'agreed'), or(...parties)))
    .orderBy(asc(agreements.id));
}

/**
 * The customer a record is for: the requester's organisation when they belong to one, otherwise
 * the service's customer when it has exactly one; null (only customer-agnostic SLAs apply)
 * when neither says.
 */
export async function customerOf(tx: Db, record: RecordRow): Promise<string | null> {
  const [u] = await tx
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, record.requesterId));
  if (u?.organisationId) return u.organisationId;
  if (!record.serviceId) return null;
  const customers = await serviceCustomerIds(tx, record.serviceId);
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
};

/** Everything the planner needs, loaded one query after the other in the record's transaction. */
export async function loadPlanFacts(tx: Db, input: FactsInput, needs: FactNeeds): Promise<PlanContext> {
  const { record, book } = input;
  const engagements: EngagementFacts[] = needs.engagements ? await openEngagements(tx, record.id) : [];
  const customerId = needs.selection ? await customerOf(tx, record) : null;
  const responded =
    needs.selection && record.state !== input.lifecycle.initial
      ? await firstResponseAt(tx, record.id, input.lifecycle.initial)
      : null;
  const suppliers = [...engagements, ...(needs.engaging ? [needs.engaging] : [])].map((e) => e.supplierId);
  const candidates =
    needs.selection || needs.engaging
      ? await loadCandidates(tx, {
          sla: !!needs.selection,
          serviceId: record.serviceId,
          customerId,
          groupId: needs.selection ? record.groupId : null,
          supplierIds: suppliers,
        })
      : [];
  await ensureCalendars(
    tx,
    book,
    candidates.map((c) => c.calendarId),
  );
  return { ...input, candidates, customerId, firstResponseAt: responded, engagements };
}
