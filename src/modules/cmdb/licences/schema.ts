/** Software licences: what was bought (entitlements) and where it is used (installations). */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  createdByColumn,
  idColumn,
  parentColumn,
  versionedColumns,
} from '../../../db/columns.ts';
import { users } from '../../auth/schema.ts';
import { money } from '../assets/schema.ts';
import { contracts } from '../contracts/schema.ts';
import { cis } from '../schema.ts';

export const licences = pgTable(
  'licences',
  {
    id: idColumn(),
    product: text('product').notNull(),
    vendor: text('vendor').notNull(),
    /** per_install | per_user | per_core (src/domain/cmdb/licences.ts) */
    metric: text('metric').notNull(),
    contractId: uuid('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    ...versionedColumns(),
  },
  (t) => [index('licences_product_id_idx').on(t.product, t.id)],
);

/** A purchase of a quantity of a licence; expired entitlements no longer count. */
export const licenceEntitlements = pgTable(
  'licence_entitlements',
  {
    id: idColumn(),
    licenceId: parentColumn('licence_id', () => licences.id),
    quantity: integer('quantity').notNull(),
    purchaseOrder: text('purchase_order'),
    purchasedOn: date('purchased_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    cost: money('cost'),
    currency: text('currency'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('licence_entitlements_licence_idx').on(t.licenceId)],
);

/** Where a licence is consumed: installed on a CI, or assigned to a user. */
export const licenceInstallations = pgTable(
  'licence_installations',
  {
    id: idColumn(),
    licenceId: parentColumn('licence_id', () => licences.id),
    ciId: uuid('ci_id').references(() => cis.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Per-core licences: cores licensed on this machine, when not the CI's cpu_count. */
    cores: integer('cores'),
    createdBy: createdByColumn(() => users.id, 'set null'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check('licence_installations_one_target', sql`(${t.ciId} is null) <> (${t.userId} is null)`),
    uniqueIndex('licence_installations_ci_idx').on(t.licenceId, t.ciId).where(sql`${t.ciId} is not null`),
    uniqueIndex('licence_installations_user_idx')
      .on(t.licenceId, t.userId)
      .where(sql`${t.userId} is not null`),
    index('licence_installations_by_ci_idx').on(t.ciId),
    index('licence_installations_by_user_idx').on(t.userId),
  ],
);
