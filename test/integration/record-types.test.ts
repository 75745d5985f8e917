/**
 * The generic record-type routes, exercised through a record type that only this test declares:
 * whatever a declaration names is served at its path with its contracts.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  RecordFields,
  RecordListQuery,
  RecordView,
  transitionContract,
} from '../../src/contracts/records.ts';
import { queryRows } from '../../src/db/client.ts';
import { defineRecordType } from '../../src/modules/records/define.ts';
import type { RecordDetail } from '../../src/modules/records/detail.ts';
import type { RecordTypeConfig } from '../../src/modules/records/types.ts';
import { activityOf, buildIncident, errorFields, expectJson, setupTestEnv } from '../support/app.ts';

const CHORE: RecordTypeConfig = {
  type: 'chore',
  prefix: 'CHR',
  process: 'incident',
  label: 'Chore',
  path: 'chores',
};
const ChoreCreate = RecordFields.pick({ title: true, description: true, urgency: true }).extend({
  room: z.string().max(40).optional(),
});
const ChoreView = RecordView.extend({ room: z.string().nullable() });

/** The chore's own column, in its detail table (created by the test below, normally a migration). */
const choreDetail: RecordDetail = {
  fields: ['room'],
  async load(db, ids) {
    const rows = await queryRows<{ record_id: string; room: string }>(
      db,
      sql`select record_id, room from chore_details where record_id = any(${sql.param(ids)}::uuid[])`,
    );
    return new Map(rows.map((r) => [r.record_id, { room: r.room }]));
  },
  async save(tx, recordId, values, before) {
    if (values.room === undefined || values.room === before?.room) return [];
    await queryRows(
      tx,
      sql`insert into chore_details (record_id, room) values (${recordId}, ${values.room})
          on conflict (record_id) do update set room = excluded.room`,
    );
    return [{ field: 'room', oldValue: before?.room ?? null, newValue: values.room }];
  },
};

defineRecordType({
  config: CHORE,
  resolutionCodes: ['done_properly', 'done_badly'],
  contracts: {
    view: ChoreView,
    listItem: ChoreView,
    listQuery: RecordListQuery,
    create: ChoreCreate,
    patch: ChoreCreate.partial(),
    transition: transitionContract(['done_properly', 'done_badly']),
  },
  detail: choreDetail,
});

const t = setupTestEnv({ agent: ['agent'] });

beforeAll(async () => {
  // A new record type comes with its number sequence (normally in its migration).
  await queryRows(t.env.ctx.db, sql`create sequence record_number_chr start with 1001`);
  await queryRows(
    t.env.ctx.db,
    sql`create table chore_details (record_id uuid primary key references records (id) on delete cascade, room text)`,
  );
});

type Chore = z.infer<typeof ChoreView>;

async function buildChore(title = 'Water the plants'): Promise<Chore> {
  return expectJson(await t.agent.post('/api/v1/chores', { title, urgency: 2 }), 201);
}

describe('a declared record type', () => {
  it('is created at its path with its own number prefix, ETag and location', async () => {
    const res = await t.agent.post('/api/v1/chores', {
      title: 'Descale the kettle',
      urgency: 1,
      room: 'Kitchen',
    });
    expect(res.statusCode).toBe(201);
    const chore = res.json();
    expect(chore).toMatchObject({
      type: 'chore',
      title: 'Descale the kettle',
      urgency: 1,
      state: 'new',
      room: 'Kitchen',
    });
    expect(chore.number).toMatch(/^CHR\d{7}$/);
    expect(res.headers.etag).toBe(`"${chore.version}"`);
    expect(res.headers.location).toBe(`/api/v1/chores/${chore.id}`);
  });

  it('validates the create body with its contract', async () => {
    const res = await t.agent.post('/api/v1/chores', { title: '', urgency: 9 });
    expect(res.statusCode).toBe(400);
    expect(errorFields(res).sort()).toEqual(['body.title', 'body.urgency']);
  });

  it('is read by id or number, and is not an incident', async () => {
    const chore = await buildChore();
    const byNumber = await t.agent.get(`/api/v1/chores/${chore.number}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().id).toBe(chore.id);
    expect(byNumber.headers.etag).toBe(`"${chore.version}"`);
    expect((await t.agent.get(`/api/v1/incidents/${chore.id}`)).statusCode).toBe(404);
  });

  it('lists only records of its type', async () => {
    const chore = await buildChore('Sweep the floor');
    const incident = await buildIncident(t.agent);
    const list = (await t.agent.get('/api/v1/chores?limit=100')).json();
    const ids = list.items.map((r: Chore) => r.id);
    expect(ids).toContain(chore.id);
    expect(ids).not.toContain(incident.id);
    expect(list.items.every((r: Chore) => r.type === 'chore')).toBe(true);
  });

  it('is edited with If-Match and answers 412 to a stale version', async () => {
    const chore = await buildChore();
    const retitle = (title: string) =>
      t.agent.patch(`/api/v1/chores/${chore.id}`, { title }, { 'if-match': '"1"' });
    const ok = await retitle('Water the cactus');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Water the cactus', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await retitle('Lost update');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('record.stale_version');
    expect((await t.agent.get(`/api/v1/chores/${chore.id}`)).json().title).toBe('Water the cactus');
  });

  it('moves through its lifecycle, and a replay of the same move answers 412', async () => {
    const chore = await buildChore();
    const start = () =>
      t.agent.post(`/api/v1/chores/${chore.id}/transitions`, { to: 'in_progress' }, { 'if-match': '"1"' });
    const moved = await start();
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'in_progress', version: 2 });
    expect(moved.headers.etag).toBe('"2"');
    const replay = await start();
    expect(replay.statusCode).toBe(412);
  });

  it('takes only its own resolution codes', async () => {
    const chore = await buildChore();
    const resolveWith = (resolutionCode: string) =>
      t.agent.post(`/api/v1/chores/${chore.id}/transitions`, {
        to: 'resolved',
        resolutionCode,
        resolutionNotes: 'done',
      });
    const wrong = await resolveWith('solved_permanently');
    expect(wrong.statusCode).toBe(400);
    const right = await resolveWith('done_properly');
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ stateCategory: 'resolved', resolutionCode: 'done_properly' });
  });

  it('keeps its own fields in its detail table: shown in views and lists, edited with history', async () => {
    const chore = await buildChore('Dust the shelves');
    expect(chore.room).toBeNull();
    const moved = await t.agent.patch(`/api/v1/chores/${chore.id}`, { room: 'Study' }, { 'if-match': '"1"' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ room: 'Study', version: 2 });
    expect((await t.agent.get(`/api/v1/chores/${chore.number}`)).json().room).toBe('Study');
    const listed = (await t.agent.get('/api/v1/chores?limit=100'))
      .json()
      .items.find((r: Chore) => r.id === chore.id);
    expect(listed.room).toBe('Study');
    const activity = await activityOf(t.agent, chore.id);
    expect(activity).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'room', newValue: 'Study' })]),
    );
    const stale = await t.agent.patch(`/api/v1/chores/${chore.id}`, { room: 'Attic' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
  });

  it('offers its resolution codes and the channels at /meta/options', async () => {
    const res = await t.agent.get('/api/v1/chores/meta/options');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ resolutionCodes: ['done_properly', 'done_badly'] });
    expect(res.json().channels).toContain('portal');
  });

  it('is documented under its own tag', async () => {
    const doc = (await t.agent.get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/chores', '/api/v1/chores/{id}', '/api/v1/chores/{id}/transitions']),
    );
    expect(doc.paths['/api/v1/chores'].post.tags).toEqual(['chores']);
  });
});
