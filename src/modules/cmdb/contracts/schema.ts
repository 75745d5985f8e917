/** Supplier contracts (support, maintenance, lease), what they cover, and expiry warnings already given. */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  idColumn,
  parentColumn,
  referenceColumn,
  serialIdColumn,
  versionedColumns,
} from '../../../db/columns.ts';
import { organisations } from '../../organisations/schema.ts';
import { assets, money } from '../assets/schema.ts';
import { cis } from '../schema.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** support | maintenance | lease */
    kind: text('kind').notNull(),
    supplierId: referenceColumn('supplier_id', () => organisations.id),
    /** The supplier's own contract number. */
    reference: text('reference'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    cost: money('cost'),
    currency: text('currency'),
    /** How many days before the end date the expiry warning is given. */
    warnDays: integer('warn_days').notNull().default(30),
    notes: text('notes').notNull().default(''),
    ...versionedColumns(),
  },
  (t) => [
    index('contracts_end_idx').on(t.endDate),
    index('contracts_supplier_idx').on(t.supplierId),
    index('contracts_name_id_idx').on(t.name, t.id),
  ],
);

/** One covered CI or asset per row. */
export const contractCoverage = pgTable(
  'contract_coverage',
  {
    id: idColumn(),
    contractId: parentColumn('contract_id', () => contracts.id),
    ciId: uuid('ci_id').references(() => cis.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'cascade' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check('contract_coverage_one_target', sql`(${t.ciId} is null) <> (${t.assetId} is null)`),
    uniqueIndex('contract_coverage_ci_idx').on(t.contractId, t.ciId).where(sql`${t.ciId} is not null`),
    uniqueIndex('contract_coverage_asset_idx')
      .on(t.contractId, t.assetId)
      .where(sql`${t.assetId} is not null`),
    index('contract_coverage_by_ci_idx').on(t.ciId),
    index('contract_coverage_by_asset_idx').on(t.assetId),
  ],
);

/**
 * Expiry warnings given, one per contract and end date: the unique key makes the warning job
 * idempotent, and renewing a contract (a new end date) earns a new warning.
 */
export const contractWarnings = pgTable(
  'contract_warnings',
  {
    id: serialIdColumn(),
    contractId: parentColumn('contract_id', () => contracts.id),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    daysLeft: integer('days_left').notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_warnings_once_idx').on(t.contractId, t.endDate)],
);
