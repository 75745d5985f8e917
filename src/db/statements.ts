/**
 * Write statements built straight from a table's column definitions, for hot paths where
 * Drizzle's query builder costs more than the statement itself: building an insert of two clocks,
 * their timeline and the record's due instant took about a tenth of the server's processor time in
 * an SLA create. Values are converted as Drizzle converts them (each column's `mapToDriverValue`);
 * a value left out takes the column's default function, or else its default in the database.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Db, statementRows } from './client.ts';

/**
 * A statement's text, whose `$n` placeholders index into the parameters it is built with. An
 * insert built by `insertRows` also says its table and rows, so that inserts into one table can
 * be merged (`mergeInserts`).
 */
export type Statement = ((params: unknown[]) => string) & {
  inserts?: { table: PgTable; rows: Record<string, unknown>[] };
  /** Its text changes with the number of rows it writes (one `values` tuple each): not worth preparing. */
  perRowText?: true;
};

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function placeholder(params: unknown[], col: PgColumn, value: unknown): string {
  params.push(value === null ? null : col.mapToDriverValue(value));
  return `$${params.length}`;
}

/** A table's columns as these statements use them, worked out once per table (a create builds several). */
type Shape = {
  name: string;
  columns: { key: string; col: PgColumn; name: string; type: string }[];
  valuesHead: string;
};
const shapes = new WeakMap<PgTable, Shape>();
function shapeOf(table: PgTable): Shape {
  let shape = shapes.get(table);
  if (!shape) {
    const columns = Object.entries(getTableColumns(table)).map(([key, col]) => ({
      key,
      col: col as PgColumn,
      name: quoted(col.name),
      type: (col as PgColumn).getSQLType(),
    }));
    const name = quoted(getTableName(table));
    shape = {
      name,
      columns,
      valuesHead: `insert into ${name} (${columns.map((c) => c.name).join(', ')}) values `,
    };
    shapes.set(table, shape);
  }
  return shape;
}

/** A row's value for a column: as given, else the column's default function's, else undefined (the database's default). */
function rowValue(row: Record<string, unknown>, key: string, col: PgColumn): unknown {
  const given = row[key];
  return given === undefined ? col.defaultFn?.() : given;
}

/** `insert into table (every column) values (…), (…)`, with the rows' values as parameters. */
export function insertRows<T extends PgTable>(table: T, rows: T['$inferInsert'][]): Statement {
  const build = (params: unknown[]) => {
    const { columns, valuesHead } = shapeOf(table);
    return (
      valuesHead +
      rows
        .map((row) => {
          const values = columns.map(({ key, col }) => {
            const value = rowValue(row, key, col);
            return value === undefined ? 'default' : placeholder(params, col, value);
          });
          return `(${values.join(', ')})`;
        })
        .join(', ')
    );
  };
  return Object.assign(build, {
    inserts: { table, rows: rows as Record<string, unknown>[] },
    perRowText: true as const,
  });
}

/**
 * The rows as one insert from arrays, one parameter per column (`select * from unnest(…)`): its
 * text is the same for one row or a hundred, so a statement holding it can be prepared once and
 * reused. Undefined where a column is given in some rows and left to the database's default in
 * others (one array cannot say "default" for some of its elements); `insertRows` serves those.
 */
export function insertArrays<T extends PgTable>(table: T, rows: T['$inferInsert'][]): Statement | undefined {
  const shape = shapeOf(table);
  const given: { name: string; type: string; values: unknown[] }[] = [];
  for (const { key, col, name, type } of shape.columns) {
    let defined = 0;
    const values = rows.map((row) => {
      const value = rowValue(row, key, col);
      if (value === undefined) return undefined;
      defined++;
      return value === null ? null : col.mapToDriverValue(value);
    });
    if (defined === 0) continue;
    // Unnesting an array of arrays would flatten it: array columns take `insertRows`.
    if (defined < rows.length || type.endsWith(']')) return undefined;
    given.push({ name, type, values });
  }
  if (!given.length) return undefined;
  const head = `insert into ${shape.name} (${given.map((c) => c.name).join(', ')}) select * from unnest(`;
  const build = (params: unknown[]) =>
    `${head}${given
      .map(({ type, values }) => {
        params.push(values);
        return `$${params.length}::${type}[]`;
      })
      .join(', ')})`;
  return Object.assign(build, { inserts: { table, rows: rows as Record<string, unknown>[] } });
}

/**
 * The same writes with every table's inserts made one insert of all their rows (where the table's
 * first insert stood), from arrays where the rows allow it (`insertArrays`): beside each other in
 * one statement none sees another's rows, so merging them changes nothing but the number of
 * clauses to plan, and the statement's text no longer depends on how many rows there are.
 */
export function mergeInserts(writes: Statement[]): Statement[] {
  const rowsOf = new Map<PgTable, Record<string, unknown>[]>();
  const order: (Statement | PgTable)[] = [];
  for (const w of writes) {
    if (!w.inserts) {
      order.push(w);
      continue;
    }
    const rows = rowsOf.get(w.inserts.table);
    if (rows) rows.push(...w.inserts.rows);
    else {
      rowsOf.set(w.inserts.table, [...w.inserts.rows]);
      order.push(w.inserts.table);
    }
  }
  return order.map((o) => {
    if (typeof o === 'function') return o;
    const rows = rowsOf.get(o)!;
    return insertArrays(o, rows) ?? insertRows(o, rows);
  });
}

/** `update table set column = value where key = id`, for one column of one row. */
export function updateOne(set: PgColumn, value: unknown, key: PgColumn, id: unknown): Statement {
  return (params) =>
    `update ${quoted(getTableName(set.table))} set ${quoted(set.name)} = ${placeholder(params, set, value)} where ${quoted(key.name)} = ${placeholder(params, key, id)}`;
}

/**
 * Several writes as one statement (data-modifying WITH clauses): one round trip instead of one
 * each. They see the same snapshot and none reads what another writes; foreign keys are checked
 * at the end of the statement, so a row may name another inserted beside it.
 */
export async function writeTogether(tx: Db, writes: Statement[]): Promise<void> {
  if (!writes.length) return;
  const params: unknown[] = [];
  const texts = writes.map((w) => w(params));
  const last = texts.pop()!;
  const text = texts.length ? `with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} ${last}` : last;
  await statementRows(tx, null, text, params);
}
