/**
 * IT assets: the financial and physical side of the things the CMDB models (what was bought, for
 * how much, where it is, who has it), optionally linked to the CI that represents it.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  fieldChangeColumns,
  idColumn,
  parentColumn,
  serialIdColumn,
  versionedColumns,
} from '../../../db/columns.ts';
import { users } from '../../auth/schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { cis } from '../schema.ts';

export const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

export const assets = pgTable(
  'assets',
  {
    id: idColumn(),
    assetTag: text('asset_tag').notNull(),
    serialNumber: text('serial_number'),
    name: text('name').notNull(),
    model: text('model'),
    /** ordered | in_stock | deployed | in_repair | retired | disposed (src/domain/cmdb/assets.ts) */
    state: text('state').notNull().default('in_stock'),
    ciId: uuid('ci_id').references(() => cis.id, { onDelete: 'set null' }),
    assignedToId: uuid('assigned_to_id').references(() => users.id, { onDelete: 'set null' }),
    location: text('location'),
    supplierId: uuid('supplier_id').references(() => organisations.id, { onDelete: 'set null' }),
    purchaseOrder: text('purchase_order'),
    cost: money('cost'),
    currency: text('currency'),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    warrantyEnd: date('warranty_end', { mode: 'string' }),
    /** none | straight_line | declining_balance (src/domain/cmdb/depreciation.ts) */
    depreciationMethod: text('depreciation_method').notNull().default('none'),
    usefulLifeMonths: integer('useful_life_months'),
    salvageValue: money('salvage_value'),
    notes: text('notes').notNull().default(''),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('assets_tag_lower_idx').on(sql`lower(${t.assetTag})`),
    index('assets_tag_id_idx').on(t.assetTag, t.id),
    index('assets_serial_lower_idx').on(sql`lower(${t.serialNumber})`),
    // A CI is represented by at most one asset.
    uniqueIndex('assets_ci_idx').on(t.ciId).where(sql`${t.ciId} is not null`),
    index('assets_assigned_idx').on(t.assignedToId),
    index('assets_state_idx').on(t.state),
  ],
);

export const assetHistory = pgTable(
  'asset_history',
  {
    id: serialIdColumn(),
    assetId: parentColumn('asset_id', () => assets.id),
    ...fieldChangeColumns(() => users.id, 'set null'),
  },
  (t) => [index('asset_history_asset_idx').on(t.assetId, t.id)],
);
