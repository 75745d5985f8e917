/**
 * Finding records by words at scale: relevance, stemming, prefixes, misspellings and comments
 * (within what the caller may read), the exact workspace counts, and plan tests: on a few thousand
 * generated records, the queue, search and count statements must keep using the indexes meant for
 * them (a changed query or a dropped index fails here, not in production at a million rows).
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRecords, groupId, userId } from '../../bench/records-generate.ts';
import type { RecordCounts, RecordListQuery } from '../../src/contracts/records.ts';
import { queryRows } from '../../src/db/client.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { badgeStatement, requesterTotalsSql } from '../../src/modules/records/counts.ts';
import { INCIDENT } from '../../src/modules/records/index.ts';
import { listStatements } from '../../src/modules/records/query.ts';
import {
  completionsSql,
  rankedMatchesSql,
  sampleSql,
  similarWordsSql,
} from '../../src/modules/records/text-search.ts';
import { getLifecycle } from '../../src/modules/settings/index.ts';
import { buildIncident, type Client, expectJson, postComment, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ agent: ['agent'], requester: ['requester'], other: ['requester'] });

type Hit = { kind: string; number?: string; title?: string };
const search = async (c: Client, q: string) => {
  const res = await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Hit[] }).items.filter((h) => h.kind === 'record').map((h) => h.title);
};
const comment = async (c: Client, id: string, body: string, visibility: 'public' | 'internal') => {
  const res = await postComment(c, id, body, visibility);
  expect(res.statusCode, res.body).toBe(201);
};

describe('search by words', () => {
  beforeAll(async () => {
    const jam = await buildIncident(t.requester, {
      title: 'Printer jams on the third floor',
      description: 'Paper gets stuck in tray two.',
    });
    const mail = await buildIncident(t.other, {
      title: 'Mail bounces from the scanner',
      description: 'The printer next to it scans fine, only mail fails.',
    });
    await buildIncident(t.other, { title: 'Monitor flickers', description: 'Since the update.' });
    await comment(t.agent, jam.id, 'Opened vendorcase 4411 with the supplier.', 'internal');
    await comment(t.other, mail.id, 'Tried restarting the relay myself.', 'public');
  });

  it('ranks a word in the title above the same word in a description', async () => {
    expect(await search(t.agent, 'printer')).toEqual([
      'Printer jams on the third floor',
      'Mail bounces from the scanner',
    ]);
  });

  it('finds the records that hold every one of several words', async () => {
    expect(await search(t.agent, 'printer mail')).toEqual(['Mail bounces from the scanner']);
    expect(await search(t.agent, 'printer floor')).toEqual(['Printer jams on the third floor']);
    expect(await search(t.agent, 'printer monitor')).toEqual([]);
  });

  it('stems, completes the last word as a prefix and forgives a misspelling', async () => {
    expect(await search(t.agent, 'jammed')).toEqual(['Printer jams on the third floor']);
    expect(await search(t.agent, 'flick')).toEqual(['Monitor flickers']);
    expect(await search(t.agent, 'scannr')).toEqual(['Mail bounces from the scanner']);
    expect(await search(t.agent, 'xylophone')).toEqual([]);
  });

  it('learns the words of records created together and of an edited title, for misspellings', async () => {
    const made = await Promise.all(
      ['quokka', 'wombat', 'dingo', 'platypus'].map((w) =>
        buildIncident(t.agent, { title: `Broken ${w}phone`, description: `Since ${w}day.` }),
      ),
    );
    const ids = made.map((m) => m.id);
    // Every word of their titles and descriptions that the vocabulary keeps is in it.
    const words = async () =>
      queryRows<{ word: string; known: boolean }>(
        t.env.ctx.db,
        sql`select distinct w as word, exists (select 1 from record_search_words s where s.word = w) as known
          from records r, unnest(tsvector_to_array(r.search)) w
          where r.id in ${ids} and w ~ '^[[:alpha:]]{3,30}$'`,
      );
    const before = await words();
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before.filter((w) => !w.known)).toEqual([]);
    expect(await search(t.agent, 'quokaphone')).toEqual(['Broken quokkaphone']);
    const edited = await t.agent.patch(`/api/v1/incidents/${ids[0]!}`, { title: 'Broken kangarooport' });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = await words();
    expect(after.map((w) => w.word)).toContain('kangarooport');
    expect(after.filter((w) => !w.known)).toEqual([]);
    expect(await search(t.agent, 'kangaroport')).toEqual(['Broken kangarooport']);
  });

  it('finds words in comments, internal ones for agents only', async () => {
    expect(await search(t.agent, 'vendorcase')).toEqual(['Printer jams on the third floor']);
    expect(await search(t.requester, 'vendorcase')).toEqual([]);
    expect(await search(t.other, 'restarting')).toEqual(['Mail bounces from the scanner']);
    expect(await search(t.requester, 'restarting')).toEqual([]);
  });

  it('gives a requester only the records they raised or watch', async () => {
    expect(await search(t.requester, 'printer')).toEqual(['Printer jams on the third floor']);
    expect(await search(t.other, 'printer')).toEqual(['Mail bounces from the scanner']);
  });

  it('filters a list by words with the same stemming', async () => {
    const res = await t.agent.get('/api/v1/incidents?q=jamming');
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual([
      'Printer jams on the third floor',
    ]);
  });
});

describe('workspace counts', () => {
  const counts = async (c: Client) =>
    expectJson<RecordCounts>(await c.get('/api/v1/records/counts?type=incident'), 200);
  const truth = async () =>
    queryRows<{ state: string; n: number }>(
      t.env.ctx.db,
      sql`select state, count(*)::int as n from records where type = 'incident' group by state`,
    );
  const byState = (c: RecordCounts) =>
    Object.fromEntries(c.byState.filter((s) => s.count > 0).map((s) => [s.state, s.count]));

  it('are exact after creates, transitions and many folded changes', async () => {
    const before = await counts(t.agent);
    const created = await buildIncident(t.agent, { title: 'Counted', assigneeId: t.agent.user.id });
    const after = await counts(t.agent);
    expect(after.total).toBe(before.total + 1);
    expect(after.queues?.mine).toBe((before.queues?.mine ?? 0) + 1);
    const moved = await t.agent.post(`/api/v1/incidents/${created.id}/transitions`, { to: 'in_progress' });
    expect(moved.statusCode, moved.body).toBe(200);
    // Enough separate changes to make a reader fold the deltas into the totals.
    for (let i = 0; i < 210; i++)
      await t.env.ctx.db.execute(sql`update records set priority = ${1 + (i % 5)} where id = ${created.id}`);
    const folded = await counts(t.agent);
    const [pending] = await queryRows<{ n: number }>(
      t.env.ctx.db,
      sql`select count(*)::int as n from record_count_deltas`,
    );
    expect(pending!.n).toBeLessThan(200);
    expect(byState(folded)).toEqual(Object.fromEntries((await truth()).map((r) => [r.state, r.n])));
    expect(folded.byPriority.reduce((a, p) => a + p.count, 0)).toBe(folded.total);
  });

  it('cover only their own records for a requester, without queues', async () => {
    const mine = await counts(t.requester);
    expect(mine.queues).toBeNull();
    expect(mine.total).toBe(1);
  });
});

const wordQuery = (last: string) => ({ all: [], last, completions: ['kerberos', 'kerberoast'], known: [] });

type PlanFacts = { indexes: string[]; indexOnly: string[]; seqScans: string[]; sorts: number };

/** Every index a plan reads (and those it reads alone), whether it scans a table sequentially, and how many sorts it has. */
function planIndexes(plan: unknown): PlanFacts {
  const indexes: string[] = [];
  const indexOnly: string[] = [];
  const seqScans: string[] = [];
  let sorts = 0;
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const node = n as Record<string, unknown>;
    if (typeof node['Index Name'] === 'string') indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Index Only Scan') indexOnly.push(String(node['Index Name']));
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') sorts++;
    if (node['Node Type'] === 'Seq Scan') seqScans.push(String(node['Relation Name']));
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  walk(plan);
  return { indexes, indexOnly, seqScans, sorts };
}

/**
 * The plan of a statement with sequential scans priced out, so a table of a few thousand rows is
 * planned as a large one would be; the test then names the index it expects.
 */
async function explain(stmt: SQLWrapper | SQL) {
  return t.env.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await queryRows<Record<string, unknown>>(tx, sql`explain (format json) ${stmt}`);
    const raw = Object.values(rows[0]!)[0];
    if (process.env.DEBUG_PLANS) console.log(JSON.stringify(raw).slice(0, 600));
    return planIndexes(typeof raw === 'string' ? JSON.parse(raw) : raw);
  });
}

describe('plans on generated records', () => {
  beforeAll(async () => {
    const lite = t.env.ctx.database.pglite;
    let client: pg.Client;
    if (lite) client = { query: (q: string, v?: unknown[]) => lite.query(q, v) } as unknown as pg.Client;
    else {
      const { default: pgm } = await import('pg');
      client = new pgm.Client({ connectionString: t.env.databaseUrl });
      await client.connect();
    }
    await generateRecords(client, 3_000, () => {});
    // The generator rebuilt the indexes over rows the earlier tests had updated: with broken HOT
    // chains an index is planned only once every transaction older than it has ended, which on a
    // shared server may be long after. Rewriting the table rebuilds them without such chains.
    if (!lite) await client.query('vacuum full records');
    // Fresh statistics and visibility map, so the plans never depend on whether autovacuum got
    // to the tables yet (index-only scans are planned only over pages known all-visible).
    await client.query('vacuum analyze records');
    await client.query('analyze');
    if (!lite) await client.end();
  }, 120_000);

  const list = async (who: number, q: Partial<RecordListQuery>) => {
    const actor = await loadActor(t.env.ctx.db, userId(who), null);
    const { value } = await getLifecycle(t.env.ctx.db, 'incident');
    const query = { sort: 'priority', order: 'asc', limit: 50, ...q } as RecordListQuery;
    return listStatements(t.env.ctx, actor, INCIDENT, query, value);
  };
  const open = { stateCategory: ['open', 'paused'] } as Partial<RecordListQuery>;

  it.each([
    ['open work of a group', 0, { ...open, groupId: [groupId(0)] }, 'records_open_group_priority_idx'],
    ['my open work', 0, { ...open, assigneeId: 'me' }, 'records_open_assignee_priority_idx'],
    ['unassigned open work', 0, { ...open, assigneeId: 'none' }, 'records_open_unassigned_priority_idx'],
    ['breached open work', 0, { ...open, slaState: 'breached', sort: 'sla_due' }, 'records_open_sla_due_idx'],
    [
      'open work of a group by due',
      0,
      { ...open, groupId: [groupId(0)], sort: 'sla_due' },
      'records_open_group_sla_due_idx',
    ],
    [
      'open work of a group, newest',
      0,
      { ...open, groupId: [groupId(0)], sort: 'created', order: 'desc' },
      'records_open_group_created_idx',
    ],
    [
      'open work of a group, recently updated',
      0,
      { ...open, groupId: [groupId(0)], sort: 'updated', order: 'desc' },
      'records_open_group_updated_idx',
    ],
    [
      'open work of a group by number',
      0,
      { ...open, groupId: [groupId(0)], sort: 'number', order: 'desc' },
      'records_open_group_number_idx',
    ],
    ['all records by priority', 0, {}, 'records_type_priority_due_idx'],
    ['all records, newest', 0, { sort: 'created', order: 'desc' }, 'records_type_created_idx'],
    [
      'a requester’s records, newest first',
      700,
      { sort: 'created', order: 'desc' },
      'records_requester_created_idx',
    ],
  ] as [string, number, Partial<RecordListQuery>, string][])(
    '%s (user %i) reads its page in order from the index',
    async (_l, who, q, index) => {
      const [first] = await list(who, q);
      const plan = await explain(first!);
      expect(plan.indexes).toContain(index);
      expect(plan.seqScans).not.toContain('records');
      // Read in the page's order and stopped after it: no sort of the queue's rows (a requester's
      // few records may well be sorted; the busiest one's are read in order at scale).
      if (who < 600) expect(plan.sorts).toBe(0);
    },
  );

  it('counts queue badges and a requester’s totals from the indexes alone', async () => {
    const agent = await loadActor(t.env.ctx.db, userId(0), null);
    const { value } = await getLifecycle(t.env.ctx.db, 'incident');
    const plan = await explain(badgeStatement(t.env.ctx, agent, INCIDENT, value));
    expect(plan.indexOnly).toEqual(
      expect.arrayContaining([
        'records_open_assignee_priority_idx',
        'records_open_unassigned_priority_idx',
        'records_open_sla_due_idx',
        'records_open_group_priority_idx',
        // the at-risk badge checks each record's running clocks without reading them
        'sla_clocks_running_record_idx',
      ]),
    );
    expect(plan.seqScans).not.toContain('records');
    const requester = await loadActor(t.env.ctx.db, userId(700), null);
    const mine = await explain(requesterTotalsSql(requester, 'incident'));
    expect(mine.indexOnly).toContain('records_requester_created_idx');
    expect(mine.seqScans).not.toContain('records');
  });

  it('searches words through the full-text indexes, and misspellings through the vocabulary', async () => {
    const agent = await loadActor(t.env.ctx.db, userId(0), null);
    const plan = await explain(rankedMatchesSql(agent, wordQuery('kerberos'), ['incident', 'request'], 8));
    expect(plan.indexes).toEqual(
      expect.arrayContaining(['records_search_idx', 'record_comments_search_idx']),
    );
    expect(plan.seqScans).toEqual([]);
    // Several words: the newest records sampled in order from an index (500 of the 3,000 here, as
    // 5,000 of many more in use), and every match read through the full-text index when the sample
    // says they are few, with the same answer as the planner's way.
    const several = { all: ['printer'], last: 'blank', completions: [], known: [] };
    const sample = await explain(sampleSql(several, ['incident', 'request'], 500));
    expect(sample.indexes.some((i) => /updated_idx$/.test(i))).toBe(true);
    expect(sample.seqScans).toEqual([]);
    const every = await explain(rankedMatchesSql(agent, several, ['incident', 'request'], 8, true));
    expect(every.indexes).toContain('records_search_idx');
    expect(every.seqScans).toEqual([]);
    const ids = async (all: boolean) =>
      (
        await queryRows<{ id: string }>(t.env.ctx.db, rankedMatchesSql(agent, several, ['incident'], 8, all))
      ).map((r) => r.id);
    expect(await ids(true)).toEqual(await ids(false));
    expect(await ids(true)).not.toHaveLength(0);
    const requester = await loadActor(t.env.ctx.db, userId(700), null);
    const mine = await explain(rankedMatchesSql(requester, wordQuery('kerberos'), ['incident'], 8));
    expect(mine.indexes).toContain('records_requester_created_idx');
    expect(mine.seqScans).toEqual([]);
    // A vocabulary of a real size (tens of thousands of words), so the plan is the one it gets.
    await t.env.ctx.db.execute(
      sql`insert into record_search_words select translate(md5(i::text), '0123456789', 'ghijklmnop')
          from generate_series(1, 20000) i on conflict do nothing`,
    );
    await t.env.ctx.db.execute(sql`analyze record_search_words`);
    const words = await explain(similarWordsSql('pasword'));
    expect(words.indexes).toContain('record_search_words_trgm_idx');
    const completions = await explain(completionsSql('kerb'));
    expect(completions.indexes).toContain('record_search_words_pkey');
  });
});
