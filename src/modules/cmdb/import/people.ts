/** Resolving the people, groups and suppliers an import names: by id, email or name, in one query each. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { isUuid } from '../../../db/rows.ts';
import { textArray } from '../model.ts';

export type Resolver = (value: string) => string | undefined;

async function resolveBy(
  db: Db,
  table: 'users' | 'groups' | 'organisations',
  column: string,
  values: (string | null | undefined)[],
  extra = sql``,
): Promise<Resolver> {
  const wanted = [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
  const ids = wanted.filter(isUuid);
  const keys = wanted.map((v) => v.toLowerCase());
  const rows = wanted.length
    ? await queryRows<{ id: string; key: string }>(
        db,
        sql`select id, lower(${sql.raw(column)}) as key from ${sql.raw(table)}
            where (id::text = any(${textArray(ids)}) or lower(${sql.raw(column)}) = any(${textArray(keys)}))${extra}`,
      )
    : [];
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  const byId = new Set(rows.map((r) => r.id));
  return (value) =>
    isUuid(value) && byId.has(value.toLowerCase()) ? value.toLowerCase() : byKey.get(value.toLowerCase());
}

/** Active users by id or email. */
export const resolveUsers = (db: Db, values: (string | null | undefined)[]) =>
  resolveBy(db, 'users', 'email', values, sql` and active`);

/** Active groups by id or name. */
export const resolveGroups = (db: Db, values: (string | null | undefined)[]) =>
  resolveBy(db, 'groups', 'name', values, sql` and active`);

/** Supplier organisations by id or name. */
export const resolveSuppliers = (db: Db, values: (string | null | undefined)[]) =>
  resolveBy(db, 'organisations', 'name', values, sql` and kind = 'supplier'`);
