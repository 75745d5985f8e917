/**
 * Supplier contracts (ITIL supplier management): support, maintenance and lease agreements with
 * the CIs and assets they cover, and a warning before each expires. The warning is recorded once
 * per contract and end date by a scheduled job, so renewing (a new end date) warns again.
 */
import { asc, count, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { type Db, queryRows } from '../../../db/client.ts';
import type { PageRequest } from '../../../db/cursor.ts';
import { pageAscending } from '../../../db/keyset.ts';
import { containing } from '../../../db/like.ts';
import { rowById } from '../../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../../db/version.ts';
import { CONTRACT_KINDS, type ContractKind } from '../../../domain/cmdb/vocabulary.ts';
import { type Actor, can, systemOrCan } from '../../../domain/roles.ts';
import { type FieldError, forbidden, invalid } from '../../../errors.ts';
import { DAY_MS } from '../../../shared/time.ts';
import { organisations } from '../../organisations/index.ts';
import { assetRegisterAccess, todayOf } from '../assets/service.ts';
import { contractCoverage, contracts, contractWarnings } from './schema.ts';

export { CONTRACT_KINDS, type ContractKind };

export type ContractFields = {
  name: string;
  kind: ContractKind;
  supplierId: string;
  reference: string | null;
  startDate: string;
  endDate: string;
  cost: number | null;
  currency: string | null;
  warnDays: number;
  notes: string;
};
export type ContractInput = Omit<ContractFields, 'reference' | 'cost' | 'currency' | 'warnDays' | 'notes'> &
  Partial<Pick<ContractFields, 'reference' | 'cost' | 'currency' | 'warnDays' | 'notes'>>;

type ContractRow = typeof contracts.$inferSelect;

export type ContractStatus = 'upcoming' | 'active' | 'expiring' | 'expired';

export type ContractView = Omit<ContractRow, 'supplierId' | 'createdAt' | 'updatedAt' | 'kind'> & {
  kind: ContractKind;
  supplier: { id: string; name: string } | null;
  status: ContractStatus;
  daysLeft: number;
  lastWarning: { warnedAt: string; daysLeft: number } | null;
  coverageCount: number;
  createdAt: string;
  updatedAt: string;
  allowedActions: 'update'[];
};

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export function contractStatus(
  c: { startDate: string; endDate: string; warnDays: number },
  today: string,
): ContractStatus {
  if (today < c.startDate) return 'upcoming';
  if (today > c.endDate) return 'expired';
  return daysBetween(today, c.endDate) <= c.warnDays ? 'expiring' : 'active';
}

const { assertCanRead } = assetRegisterAccess('contracts');
function assertCanManage(actor: Actor | 'system') {
  if (!systemOrCan(actor, 'contract.manage'))
    throw forbidden('Only administrators and service managers may change contracts.');
}

async function presentContracts(
  db: Db,
  actor: Actor | 'system',
  rows: ContractRow[],
  today: string,
): Promise<ContractView[]> {
  const ids = rows.map((r) => r.id);
  const supplierIds = [...new Set(rows.map((r) => r.supplierId))];
  const [suppliers, counts, warnings] = ids.length
    ? await Promise.all([
        db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, supplierIds)),
        db
          .select({ id: contractCoverage.contractId, n: count() })
          .from(contractCoverage)
          .where(inArray(contractCoverage.contractId, ids))
          .groupBy(contractCoverage.contractId),
        db
          .select()
          .from(contractWarnings)
          .where(inArray(contractWarnings.contractId, ids))
          .orderBy(asc(contractWarnings.id)),
      ])
    : [[], [], []];
  const manage = actor === 'system' || can(actor, 'contract.manage');
  return rows.map((r) => {
    const warning = warnings.filter((w) => w.contractId === r.id).at(-1);
    const { supplierId, createdAt, updatedAt, kind, ...rest } = r;
    return {
      ...rest,
      kind: kind as ContractKind,
      supplier: suppliers.find((s) => s.id === supplierId) ?? null,
      status: contractStatus(r, today),
      daysLeft: daysBetween(today, r.endDate),
      lastWarning: warning ? { warnedAt: warning.warnedAt.toISOString(), daysLeft: warning.daysLeft } : null,
      coverageCount: counts.find((c) => c.id === r.id)?.n ?? 0,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      allowedActions: manage ? ['update'] : [],
    };
  });
}

async function checkContract(db: Db, c: ContractFields): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (c.endDate < c.startDate)
    errors.push({ field: 'endDate', message: 'must not be before the start date' });
  if (c.cost !== null && c.currency === null)
    errors.push({ field: 'currency', message: 'is required with a cost' });
  const [supplier] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, c.supplierId));
  if (supplier?.kind !== 'supplier')
    errors.push({ field: 'supplierId', message: 'no supplier organisation with this id' });
  return errors;
}

export async function createContract(
  ctx: AppContext,
  actor: Actor | 'system',
  input: ContractInput,
): Promise<ContractView> {
  assertCanManage(actor);
  const fields: ContractFields = {
    reference: null,
    cost: null,
    currency: null,
    warnDays: 30,
    notes: '',
    ...input,
  };
  const errors = await checkContract(ctx.db, fields);
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(contracts)
    .values({ ...fields, createdAt: now, updatedAt: now })
    .returning();
  return (await presentContracts(ctx.db, actor, [row!], todayOf(ctx)))[0]!;
}

async function loadContract(db: Db, id: string): Promise<ContractRow> {
  return rowById(db, contracts, id, 'Contract');
}

export async function getContract(ctx: AppContext, actor: Actor, id: string): Promise<ContractView> {
  assertCanRead(actor);
  return (await presentContracts(ctx.db, actor, [await loadContract(ctx.db, id)], todayOf(ctx)))[0]!;
}

export async function updateContract(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<ContractFields>,
  expectedVersion: number | undefined,
): Promise<ContractView> {
  assertCanManage(actor);
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(tx, contracts, id, 'Contract', expectedVersion, (r) => r.name);
    const next = { ...cur, ...patch, kind: (patch.kind ?? cur.kind) as ContractKind };
    const errors = await checkContract(tx, next);
    if (errors.length) throw invalid(errors);
    return writeNextVersion(tx, contracts, cur, patch, ctx.clock.now());
  });
  return (await presentContracts(ctx.db, actor, [row], todayOf(ctx)))[0]!;
}

export type ContractListQuery = PageRequest & {
  expiringWithinDays?: number | undefined;
  supplierId?: string | undefined;
  kind?: ContractKind | undefined;
  q?: string | undefined;
};

/** Sorted by end date, soonest first: the order in which contracts need attention. */
export async function listContracts(ctx: AppContext, actor: Actor, q: ContractListQuery) {
  assertCanRead(actor);
  const today = todayOf(ctx);
  const conds: SQL[] = [];
  if (q.expiringWithinDays !== undefined) {
    conds.push(gte(contracts.endDate, today));
    conds.push(lte(contracts.endDate, sql`(${today}::date + ${q.expiringWithinDays}::int)`));
  }
  if (q.supplierId) conds.push(eq(contracts.supplierId, q.supplierId));
  if (q.kind) conds.push(eq(contracts.kind, q.kind));
  if (q.q?.trim()) conds.push(ilike(contracts.name, containing(q.q.trim())));
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    contracts,
    { column: contracts.endDate, of: (r) => r.endDate, cast: 'date' },
    conds,
    q,
  );
  return { items: await presentContracts(ctx.db, actor, page, today), nextCursor };
}

export type ExpiryWarning = { contractId: string; name: string; endDate: string; daysLeft: number };

/**
 * Record a warning for every contract inside its warning window that has not had one for its
 * current end date. Idempotent: the unique (contract, end date) key makes a second run a no-op.
 */
export async function recordExpiryWarnings(ctx: AppContext): Promise<ExpiryWarning[]> {
  const today = todayOf(ctx);
  const warned = await queryRows<ExpiryWarning>(
    ctx.db,
    sql`with due as (
          select id, name, end_date from contracts
          where end_date >= ${today}::date and end_date - warn_days <= ${today}::date
        ), added as (
          insert into contract_warnings (contract_id, end_date, days_left, warned_at)
          select id, end_date, end_date - ${today}::date, ${ctx.clock.now()}::timestamptz from due
          on conflict (contract_id, end_date) do nothing
          returning contract_id, end_date, days_left
        )
        select a.contract_id as "contractId", d.name, a.end_date::text as "endDate", a.days_left as "daysLeft"
        from added a join due d on d.id = a.contract_id order by a.end_date, d.name`,
  );
  for (const w of warned)
    ctx.log.warn(
      { contract: w.contractId, endDate: w.endDate, daysLeft: w.daysLeft },
      `contract "${w.name}" expires in ${w.daysLeft} days`,
    );
  return warned;
}

export { assertCanManage as assertCanManageContracts, assertCanRead as assertCanReadContracts, loadContract };
