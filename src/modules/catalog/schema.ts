/**
 * The service portfolio. A service is a configuration item of class business_service or
 * technical_service (name, description, owner, support group and criticality live on its `cis`
 * row, so the CMDB graph and the portfolio share one identity); this table adds what only the
 * portfolio needs: where the service is in its lifecycle and the customers it is delivered to.
 * Dependencies (a business service depends_on the technical services supporting it) are
 * `ci_relationships` rows.
 */
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdByColumn, extensionKeyColumn, parentColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const services = pgTable(
  'services',
  {
    ciId: extensionKeyColumn('ci_id', () => cis.id),
    /** pipeline | live | retired */
    lifecycleStatus: text('lifecycle_status').notNull().default('pipeline'),
    /** A heading for the catalog (e.g. "Communication"); free text. */
    category: text('category'),
    lifecycleChangedAt: timestamp('lifecycle_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: createdByColumn(() => users.id, 'set null'),
  },
  (t) => [index('services_lifecycle_idx').on(t.lifecycleStatus)],
);

export const serviceCustomers = pgTable(
  'service_customers',
  {
    serviceId: parentColumn('service_id', () => services.ciId),
    organisationId: parentColumn('organisation_id', () => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.organisationId] }),
    index('service_customers_org_idx').on(t.organisationId),
  ],
);
