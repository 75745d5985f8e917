/**
 * Configuration items and their relationships: the identity every service, server, application
 * and database shares across Steward. Services in the catalog are CIs of a service class, so the
 * portfolio and the CMDB graph are one set of nodes, not two copies. The class model is data
 * (`ci_classes`), seeded from src/domain/cmdb/defaults.ts and editable by administrators.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  createdByColumn,
  fieldChangeColumns,
  idColumn,
  parentColumn,
  serialIdColumn,
  versionedColumns,
} from '../../db/columns.ts';
import { tsvector, xid8 } from '../../db/types.ts';
import type { AttributeValue } from '../../domain/cmdb/attributes.ts';
import type { AttributeDef } from '../../domain/cmdb/classes.ts';
import { groups, users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const ciClasses = pgTable('ci_classes', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  /** Checked against the whole model by validateClassModel rather than by a foreign key. */
  parentKey: text('parent_key'),
  abstract: boolean('abstract').notNull().default(false),
  attributes: jsonb('attributes').$type<AttributeDef[]>().notNull().default([]),
  /** null: inherit the nearest ancestor's identifiers; [] declares none. */
  identifiers: jsonb('identifiers').$type<string[] | null>(),
  /** Shipped with Steward: may be edited, never deleted (other modules rely on the keys). */
  builtin: boolean('builtin').notNull().default(false),
  ...versionedColumns(),
});

/** Identity lookups (imports, search) compare these attributes case-insensitively. */
const identityIndex = (name: string, attribute: string) =>
  index(`cis_${name}_idx`).on(sql.raw(`lower((attributes ->> '${attribute}'))`));

export const cis = pgTable(
  'cis',
  {
    id: idColumn(),
    classKey: text('class_key')
      .notNull()
      .references(() => ciClasses.key),
    name: text('name').notNull(),
    /** planned | in_use | maintenance | retired */
    status: text('status').notNull().default('in_use'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    supportGroupId: uuid('support_group_id').references(() => groups.id, { onDelete: 'set null' }),
    location: text('location'),
    description: text('description').notNull().default(''),
    attributes: jsonb('attributes').$type<Record<string, AttributeValue>>().notNull().default({}),
    ...versionedColumns(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    index('cis_class_name_idx').on(t.classKey, t.name, t.id),
    index('cis_name_id_idx').on(t.name, t.id),
    index('cis_name_lower_idx').on(sql`lower(${t.name})`),
    index('cis_support_group_idx').on(t.supportGroupId),
    index('cis_owner_idx').on(t.ownerId),
    index('cis_search_idx').using('gin', t.search),
    identityIndex('hostname', 'hostname'),
    identityIndex('serial_number', 'serial_number'),
    identityIndex('asset_tag', 'asset_tag'),
    identityIndex('instance_id', 'instance_id'),
  ],
);

export const ciHistory = pgTable(
  'ci_history',
  {
    id: serialIdColumn(),
    ciId: parentColumn('ci_id', () => cis.id),
    // The field is a column (name, status…), `attributes.<key>`, or an event such as `relationship.added`.
    ...fieldChangeColumns(() => users.id, 'set null'),
  },
  (t) => [index('ci_history_ci_idx').on(t.ciId, t.id)],
);

export const ciRelationships = pgTable(
  'ci_relationships',
  {
    id: idColumn(),
    /** e.g. depends_on, runs_on, connects_to, contains (see src/domain/cmdb/relationships.ts) */
    typeKey: text('type_key').notNull(),
    fromId: parentColumn('from_id', () => cis.id),
    toId: parentColumn('to_id', () => cis.id),
    createdBy: createdByColumn(() => users.id, 'set null'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    // Together these two serve both directions of an impact walk by index alone.
    uniqueIndex('ci_relationships_unique_idx').on(t.fromId, t.typeKey, t.toId),
    index('ci_relationships_to_idx').on(t.toId, t.typeKey),
  ],
);

/**
 * Every change to the graph (a CI added, removed or re-classed; a relationship added or removed),
 * written by triggers on `cis` and `ci_relationships` in the changing transaction, whatever wrote
 * it. Each instance's in-memory graph index (graph-store.ts) replays it before every walk, so a
 * walk on any instance sees every committed change. `xid` is the writing transaction: rows of
 * transactions still open when an instance last read are read again (see graph-store.ts). Rows
 * older than a day are pruned by an hourly job (jobs.ts); an instance that has not read the log
 * for half that long loads afresh.
 */
export const ciGraphChanges = pgTable(
  'ci_graph_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    /** ci+ (added, or its class, name or status changed), ci- (removed), rel+ and rel- */
    kind: text('kind').notNull(),
    ciId: uuid('ci_id'),
    classKey: text('class_key'),
    /** A ci+ entry's name and status, which impact answers show. */
    name: text('name'),
    status: text('status'),
    typeKey: text('type_key'),
    fromId: uuid('from_id'),
    toId: uuid('to_id'),
    relationshipId: uuid('rel_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('ci_graph_changes_xid_idx').on(t.xid), index('ci_graph_changes_created_idx').on(t.createdAt)],
);

/** Which CIs a work record (incident, problem, change…) concerns. */
export const recordCis = pgTable(
  'record_cis',
  {
    recordId: parentColumn('record_id', () => records.id),
    ciId: parentColumn('ci_id', () => cis.id),
    createdBy: createdByColumn(() => users.id, 'set null'),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.ciId] }), index('record_cis_ci_idx').on(t.ciId)],
);
