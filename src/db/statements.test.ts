import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './client.ts';
import { insertArrays, insertRows, mergeInserts, updateOne, writeTogether } from './statements.ts';

const parents = pgTable('parents', {
  id: uuid('id').primaryKey().defaultRandom(),
  dueAt: timestamp('due_at', { withTimezone: true }),
});
const children = pgTable('children', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id')
    .notNull()
    .references(() => parents.id),
  label: text('label').notNull().default('none'),
  code: text('code').$defaultFn(() => 'from-function'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  n: integer('n'),
});

describe('statements built from a table', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.db.execute(
      sql`create table parents (id uuid primary key default gen_random_uuid(), due_at timestamptz)`,
    );
    await database.db.execute(sql`create table children (id uuid primary key default gen_random_uuid(),
      parent_id uuid not null references parents(id), label text not null default 'none', code text,
      at timestamptz not null, details jsonb not null default '{}', n integer)`);
  });
  afterAll(() => database.close());

  it('insert and update as Drizzle would, several writes in one statement', async () => {
    const parentId = randomUUID();
    const at = new Date('2026-03-29T01:30:00.123Z');
    const due = new Date('2026-03-30T09:00:00Z');
    await database.db.transaction(async (tx) => {
      await writeTogether(tx, [insertRows(parents, [{ id: parentId }])]);
      // Children and the parent's update in one statement (each write sees the snapshot before it,
      // so the update finds a parent written earlier, as a record's due instant does).
      await writeTogether(tx, [
        insertRows(children, [
          { parentId, at, details: { quote: `it's "so"`, list: [1, 2] }, n: 7 },
          { parentId, at, label: 'given', code: null },
        ]),
        updateOne(parents.dueAt, due, parents.id, parentId),
      ]);
    });
    const rows = await database.db.select().from(children).where(eq(children.parentId, parentId));
    expect(rows.map(({ id: _, ...r }) => r).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { parentId, label: 'given', code: null, at, details: {}, n: null },
      {
        parentId,
        label: 'none',
        code: 'from-function',
        at,
        details: { quote: `it's "so"`, list: [1, 2] },
        n: 7,
      },
    ]);
    const [parent] = await database.db.select().from(parents).where(eq(parents.id, parentId));
    expect(parent?.dueAt).toEqual(due);
  });

  it('checks keys at the end of the statement, and writes nothing when one write fails', async () => {
    const parentId = randomUUID();
    // A child may name a parent inserted beside it.
    await writeTogether(database.db, [
      insertRows(parents, [{ id: parentId }]),
      insertRows(children, [{ parentId, at: new Date() }]),
    ]);
    expect(await database.db.select().from(children).where(eq(children.parentId, parentId))).toHaveLength(1);
    const orphan = randomUUID();
    await expect(
      writeTogether(database.db, [
        insertRows(parents, [{ id: orphan }]),
        insertRows(children, [{ parentId: randomUUID(), at: new Date() }]),
      ]),
    ).rejects.toThrow();
    expect(await database.db.select().from(parents).where(eq(parents.id, orphan))).toEqual([]);
  });

  it('merges inserts into one table where its first insert stood, and writes the same rows', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const at = new Date('2026-12-06T08:00:00Z');
    const update = updateOne(parents.dueAt, at, parents.id, a);
    const merged = mergeInserts([
      insertRows(parents, [{ id: a }]),
      insertRows(children, [{ parentId: a, at, label: 'first' }]),
      update,
      insertRows(parents, [{ id: b }]),
      insertRows(children, [
        { parentId: b, at, label: 'second' },
        { parentId: b, at, label: 'third' },
      ]),
    ]);
    expect(merged).toHaveLength(3);
    // Rows that give the same columns are inserted from arrays; the children's labels are given in
    // every row, so theirs are too.
    expect(merged.map((w) => w.perRowText ?? false)).toEqual([false, false, false]);
    expect(merged[0]!.inserts?.rows).toEqual([{ id: a }, { id: b }]);
    expect(merged[1]!.inserts?.rows.map((r) => r.label)).toEqual(['first', 'second', 'third']);
    expect(merged[2]).toBe(update);
    await writeTogether(database.db, merged);
    const rows = await database.db.select().from(children).where(sql`${children.parentId} in (${a}, ${b})`);
    expect(rows.map((r) => `${r.parentId === a ? 'a' : 'b'} ${r.label}`).sort()).toEqual([
      'a first',
      'b second',
      'b third',
    ]);
  });

  it('inserts rows from arrays as insertRows writes them, with one text for any number of rows', async () => {
    const parentId = randomUUID();
    await writeTogether(database.db, [insertRows(parents, [{ id: parentId }])]);
    const at = new Date('2026-10-25T00:59:59.999Z');
    const row = (label: string, n: number | null) => ({
      parentId,
      at,
      label,
      details: { label, quote: `it's "so", {braced}`, list: [1, null] },
      n,
    });
    const text = (rows: ReturnType<typeof row>[]) => insertArrays(children, rows)!([]);
    expect(text([row('a', 1)])).toBe(text([row('b', 2), row('c', null), row('d', 4)]));
    const byArrays = [row('arrays 1', 1), row('arrays 2', null)];
    const byRows = [row('rows 1', 1), row('rows 2', null)];
    await writeTogether(database.db, [insertArrays(children, byArrays)!, insertRows(children, byRows)]);
    const stored = await database.db.select().from(children).where(eq(children.parentId, parentId));
    const shape = ({ id: _, label, ...r }: (typeof stored)[number]) => ({
      ...r,
      details: { ...r.details, label: label.replace(/^\w+/, '') },
      label: label.replace(/^\w+/, ''),
    });
    const of = (prefix: string) =>
      stored
        .filter((r) => r.label.startsWith(prefix))
        .sort((x, y) => x.label.localeCompare(y.label))
        .map(shape);
    expect(of('arrays')).toHaveLength(2);
    expect(of('arrays')).toEqual(of('rows'));
    // `code` takes its default function in every row, and ids their database default.
    expect(of('arrays').map((r) => r.code)).toEqual(['from-function', 'from-function']);
  });

  it('leaves rows that give different columns to one values tuple each', () => {
    const at = new Date();
    const mixed = [
      { parentId: randomUUID(), at, label: 'given' },
      { parentId: randomUUID(), at },
    ];
    expect(insertArrays(children, mixed)).toBeUndefined();
    const [merged] = mergeInserts([insertRows(children, mixed)]);
    expect(merged!.perRowText).toBe(true);
  });
});
