/**
 * Choosing the agreement for a clock from the database: load the agreed agreements that could
 * apply (by kind and party, in force at the reference instant) and let the domain rule pick the
 * most specific; and the facts selection needs about a record (its customer, its first response).
 */
import { and, asc, type Column, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { type SelectionFacts, selectAgreement } from '../../domain/sla/selection.ts';
import { users } from '../auth/index.ts';
import { serviceCustomerIds } from '../catalog/index.ts';
import type { RecordRow } from '../records/index.ts';
import type { AgreementRow } from './agreement-present.ts';
import { ensureAgreements, type RecordClocks } from './clock-store.ts';
import { agreements } from './schema.ts';

const orNull = (col: Column, value: string | null | undefined): SQL =>
  value ? or(isNull(col), eq(col, value))! : isNull(col);

export async function chooseAgreement(
  tx: Db,
  state: RecordClocks,
  facts: SelectionFacts,
): Promise<AgreementRow | null> {
  const conds: SQL[] = [
    eq(agreements.kind, facts.kind),
    eq(agreements.status, 'agreed'),
    lte(agreements.effectiveFrom, facts.at),
    or(isNull(agreements.effectiveTo), gt(agreements.effectiveTo, facts.at))!,
    orNull(agreements.serviceId, facts.serviceId),
    orNull(agreements.customerId, facts.customerId),
  ];
  if (facts.kind === 'ola') conds.push(eq(agreements.groupId, facts.groupId ?? sql`null`));
  if (facts.kind === 'uc') conds.push(eq(agreements.supplierId, facts.supplierId ?? sql`null`));
  const rows = await tx
    .select()
    .from(agreements)
    .where(and(...conds))
    .orderBy(asc(agreements.id));
  const chosen = selectAgreement(rows, facts);
  if (chosen) await ensureAgreements(tx, state, [chosen.id]);
  return chosen ? (state.agreements.get(chosen.id) ?? chosen) : null;
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
export async function firstResponseAt(tx: Db, recordId: string, initial: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string }>(
    tx,
    sql`select at from record_history where record_id = ${recordId} and field = 'state' and old_value = ${initial}
        order by at, id limit 1`,
  );
  return row ? new Date(row.at) : null;
}
