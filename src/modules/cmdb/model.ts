/**
 * The CI class model as stored in `ci_classes`: loading it, seeding the shipped defaults, and the
 * locks that keep CI writes consistent with concurrent class edits. The model is small (tens of
 * rows) and read per operation, so every instance always sees an administrator's latest change.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { AttributeDef, CiClass } from '../../domain/cmdb/classes.ts';
import {
  DEFAULT_CI_CLASSES,
  isSubclassOf,
  resolveAttributes,
  subclassesOf,
} from '../../domain/cmdb/classes.ts';
import { DEFAULT_RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/cmdb/relationships.ts';
import { ciClasses } from './schema.ts';

export type ClassRow = typeof ciClasses.$inferSelect;

/** Relationship types are fixed in this release; see docs/cmdb.md. */
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = DEFAULT_RELATIONSHIP_TYPES;

export { CI_STATUSES, type CiStatus } from '../../domain/cmdb/vocabulary.ts';

/** The root class of services; CIs of its subclasses are what impact analysis reports as services. */
export const SERVICE_CLASS = 'service';

export function toCiClass(row: ClassRow): CiClass {
  return {
    key: row.key,
    label: row.label,
    parent: row.parentKey,
    abstract: row.abstract,
    attributes: row.attributes,
    ...(row.identifiers === null ? {} : { identifiers: row.identifiers }),
  };
}

export type ClassModel = {
  classes: CiClass[];
  rows: Map<string, ClassRow>;
  get(key: string): CiClass | undefined;
  label(key: string): string;
  /** Effective attributes (inherited first), memoised per class. */
  attributes(key: string): AttributeDef[];
  subclasses(key: string): string[];
  isService(key: string): boolean;
};

export function buildModel(rows: ClassRow[]): ClassModel {
  const classes = rows.map(toCiClass);
  const byKey = new Map(classes.map((c) => [c.key, c]));
  const attrs = new Map<string, AttributeDef[]>();
  return {
    classes,
    rows: new Map(rows.map((r) => [r.key, r])),
    get: (key) => byKey.get(key),
    label: (key) => byKey.get(key)?.label ?? key,
    attributes(key) {
      let a = attrs.get(key);
      if (!a) {
        a = resolveAttributes(classes, key).attributes;
        attrs.set(key, a);
      }
      return a;
    },
    subclasses: (key) => subclassesOf(classes, key),
    isService: (key) => isSubclassOf(classes, key, SERVICE_CLASS),
  };
}

export async function loadClassModel(db: Db): Promise<ClassModel> {
  return buildModel(await db.select().from(ciClasses).orderBy(ciClasses.key));
}

/**
 * Insert the shipped classes that are missing; never touches a class that exists, so an
 * administrator's edits survive restarts. Safe to run on every start and from several instances.
 */
export async function seedDefaultClasses(db: Db): Promise<void> {
  await db
    .insert(ciClasses)
    .values(
      DEFAULT_CI_CLASSES.map((c) => ({
        key: c.key,
        label: c.label,
        parentKey: c.parent,
        abstract: c.abstract,
        attributes: c.attributes,
        identifiers: c.identifiers ?? null,
        builtin: true,
      })),
    )
    .onConflictDoNothing();
}

// Advisory lock ids: class edits hold the model lock exclusively, CI writes share it, so a CI is
// never validated against a model that changes before it commits.
const MODEL_LOCK = 7405262;
const UNIQUE_LOCK_SEED = 7405263;

export async function lockModelShared(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${MODEL_LOCK})`);
}

export async function lockModelExclusive(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${MODEL_LOCK})`);
}

/**
 * Serialise writers claiming the same identifying values (until commit), so two concurrent
 * creates cannot both pass a uniqueness check. Keys are locked in a fixed order: no deadlocks.
 */
export async function lockIdentityKeys(tx: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await queryRows(
    tx,
    sql`select count(*) from (select pg_advisory_xact_lock(h) from (
          select distinct hashtextextended(k, ${UNIQUE_LOCK_SEED}) as h from unnest(${sql.param(keys)}::text[]) k order by h
        ) sorted) locked`,
  );
}

/** `lower(attributes->>'key')`: the form the identity indexes on `cis` are built on. */
export function attributeText(key: string): SQL {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Invalid attribute key ${key}`);
  return sql.raw(`lower((cis.attributes ->> '${key}'))`);
}

/** A text array parameter, e.g. for `= any(...)`. */
export const textArray = (values: readonly string[]): SQL => sql`${sql.param(values)}::text[]`;
export const uuidArray = (values: readonly string[]): SQL => sql`${sql.param(values)}::uuid[]`;
