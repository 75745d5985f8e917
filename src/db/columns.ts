/**
 * The columns most tables share, defined once: a random uuid key, creation and update instants,
 * the optimistic-concurrency version and who created the row. Spread them where the table had
 * them, in the same order, so the generated schema does not change.
 */
import { type AnyPgColumn, bigserial, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const idColumn = () => uuid('id').primaryKey().defaultRandom();

/** A bigserial key, for append-only logs read in insertion order. */
export const serialIdColumn = () => bigserial('id', { mode: 'number' }).primaryKey();

export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAtColumn = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const versionColumn = () => integer('version').notNull().default(1);

/**
 * `created_by`, referencing the users table (passed in: the platform does not import modules);
 * with `set null`, deleting the person keeps the row and forgets who made it.
 */
export const createdByColumn = (users: () => AnyPgColumn, onDelete?: 'set null') =>
  uuid('created_by').references(users, onDelete && { onDelete });

/**
 * A not-null reference to another table's uuid key. Without `onDelete` the database's default
 * (no action) applies; `restrict` refuses the delete at once, `cascade` deletes this row with it.
 */
export const referenceColumn = <N extends string>(
  name: N,
  target: () => AnyPgColumn,
  onDelete?: 'restrict' | 'cascade',
) =>
  uuid(name)
    .notNull()
    .references(target, onDelete && { onDelete });

/** A not-null reference to the row this one belongs to, deleted with it (ON DELETE CASCADE). */
export const parentColumn = <N extends string>(name: N, parent: () => AnyPgColumn) =>
  referenceColumn(name, parent, 'cascade');

/** created_at, updated_at and version, in that order: what every versioned entity carries. */
export const versionedColumns = () => ({
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
  version: versionColumn(),
});

/** The key of a row that extends one other row (its details, its settings): the other row's id, deleted with it. */
export const extensionKeyColumn = <N extends string>(name: N, parent: () => AnyPgColumn) =>
  uuid(name).primaryKey().references(parent, { onDelete: 'cascade' });

/**
 * What a field-history entry says after its key and the row it belongs to: when, by whom (the
 * users table passed in; `set null` forgets the person with them), which field, and its old and
 * new value as text.
 */
export const fieldChangeColumns = (users: () => AnyPgColumn, onDelete?: 'set null') => ({
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(users, onDelete && { onDelete }),
  field: text('field').notNull(),
  oldValue: text('old_value'),
  newValue: text('new_value'),
});

/** created_by, created_at, updated_at and version, in that order. */
export const auditColumns = (users: () => AnyPgColumn, onDelete?: 'set null') => ({
  createdBy: createdByColumn(users, onDelete),
  ...versionedColumns(),
});
