/**
 * Finding records by words: the words of titles and descriptions (the record's stemmed full-text
 * vector, title words weighing more) and of the comments the viewer may read (public ones for a
 * requester, all for agents), ranked by relevance; a misspelt word is replaced by the words of the
 * vocabulary it resembles (trigram similarity). Every path starts from an index: the GIN indexes
 * of the two vectors, the trigram index of the vocabulary, or the newest-first indexes when a word
 * is so common that reading its newest matches is cheaper than reading all of them.
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { cachedLifecycle } from '../settings/index.ts';
import { records } from './schema.ts';
import { RECORD_TYPES, type RecordTypeConfig } from './types.ts';

/** The words of a query, lower-cased, letters and digits only (safe inside to_tsquery). */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/** A tsquery text in which every word must occur (stemmed by the English configuration). */
export function tsQueryText(words: string[]): string | null {
  return words.length ? words.join(' & ') : null;
}

/** The English full-text query of a text, inlined so the planner folds it and estimates its selectivity. */
export const tsQuery = (text: string): SQL => sql`to_tsquery('english', ${text})`;

/**
 * What a search looks for: every word (English stemming), the last one also completed from the
 * vocabulary (typing ahead), and known words (already stems) that stand in for misspelt ones.
 * Completions are spelled out as words rather than as a `word:*` prefix query: the planner has no
 * statistics for prefixes (it assumes 2 % of all rows match any prefix) and would read the whole
 * update-time index for a rare one; for spelled-out words it has them.
 */
export type WordQuery = { all: string[]; last: string | null; completions: string[]; known: string[] };

function wordQuerySql(w: WordQuery): SQL {
  const english = (t: string) => sql`to_tsquery('english', ${t})`;
  const simple = (t: string) => sql`to_tsquery('simple', ${t})`;
  const parts: SQL[] = [];
  if (w.all.length) parts.push(english(w.all.join(' & ')));
  for (const k of w.known) parts.push(simple(k));
  if (w.last)
    parts.push(
      w.completions.length
        ? sql`(${english(w.last)} || ${simple(w.completions.join(' | '))})`
        : english(w.last),
    );
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** Up to 20 vocabulary words that start with `w` (three letters or more), through its primary key. */
export const completionsSql = (w: string): SQL => {
  const next = w.slice(0, -1) + String.fromCodePoint(w.codePointAt(w.length - 1)! + 1);
  return sql`select word from record_search_words
    where word >= ${w} and word < ${next} and left(word, ${w.length}) = ${w} order by word limit 20`;
};

/** How many of the newest matches of each kind are ranked (all of them for any but common words). */
const CANDIDATES = 300;

export type TextHit = { id: string; score: number };

/**
 * The records matching the words that the actor may see, best first: relevance (title words over
 * description words, then comments), then the most recently updated.
 */
export async function searchRecordIds(
  db: Db,
  actor: Actor,
  opts: { text: string; types: string[]; limit: number },
): Promise<TextHit[]> {
  const words = searchWords(opts.text);
  if (!words.length) return [];
  const last = words.at(-1)!;
  const completions =
    last.length >= 3 && !/\d/.test(last)
      ? (await queryRows<{ word: string }>(db, completionsSql(last))).map((r) => r.word)
      : [];
  const query: WordQuery = { all: words.slice(0, -1), last, completions, known: [] };
  const every =
    query.all.length > 0 && can(actor, 'record.read_all') && (await fewMatches(db, query, opts.types));
  const hits = await rankedMatches(db, actor, query, opts.types, opts.limit, every);
  if (hits.length) return hits;
  // Nothing matched: try the vocabulary's words that each misspelt word resembles.
  const known = await similarWords(db, words);
  if (!known) return [];
  return rankedMatches(db, actor, { all: [], last: null, completions: [], known }, opts.types, opts.limit);
}

/** For each word, the known words it resembles most (trigram similarity ≥ 0.45), as tsquery texts. */
async function similarWords(db: Db, words: string[]): Promise<string[] | null> {
  const groups: string[] = [];
  for (const w of words) {
    if (w.length < 4 || /\d/.test(w)) {
      groups.push(w);
      continue;
    }
    const rows = await queryRows<{ word: string }>(db, similarWordsSql(w));
    if (!rows.length) return null;
    groups.push(rows.map((r) => r.word).join(' | '));
  }
  return groups;
}

/** Known words resembling `w` (exported for the plan tests). */
export const similarWordsSql = (w: string): SQL =>
  sql`select word from record_search_words where word % ${w} and similarity(word, ${w}) >= 0.45
      order by similarity(word, ${w}) desc, word limit 3`;

/** The newest records a search of several words looks at to judge how many match in all. */
const SAMPLE = 5_000;
/** About how many records the newest-first walk reads in the time one match is read through the index. */
const MATCH_COST = 4;

/**
 * Whether reading every match of several words through the full-text index is cheaper than
 * walking the newest records until `CANDIDATES` of them match. The planner judges this from each
 * word's frequency as if words occurred independently, which overestimates how often two common
 * words occur together: for a pair in 0.4 % of a million records it walked 82,000 records (53 ms)
 * where reading the 4,000 matches took 10 ms. The newest `SAMPLE` records tell both costs: the
 * walk reads about `CANDIDATES / share` records, the index about `share × all` matches.
 */
async function fewMatches(db: Db, query: WordQuery, types: string[]): Promise<boolean> {
  const [row] = await queryRows<{ hits: number; sampled: number; total: number }>(
    db,
    sampleSql(query, types),
  );
  if (!row?.sampled) return false;
  const share = row.hits / row.sampled;
  if (share === 0) return true;
  return Math.max(row.total, row.sampled) * share * MATCH_COST < CANDIDATES / share;
}

const typeArray = (types: string[]): SQL =>
  sql`array[${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;

/** How many of the newest records match, of how many read, and about how many records there are (exported for the plan tests). */
export const sampleSql = (query: WordQuery, types: string[], size = SAMPLE): SQL =>
  sql`select count(*) filter (where s.search @@ ${wordQuerySql(query)})::int as hits, count(*)::int as sampled,
      (select greatest(reltuples, 0)::float8 from pg_class where oid = 'records'::regclass) as total
    from (select r.search from records r where r.type = any(${typeArray(types)})
          order by r.updated_at desc limit ${size}) s`;

async function rankedMatches(
  db: Db,
  actor: Actor,
  query: WordQuery,
  types: string[],
  limit: number,
  every = false,
): Promise<TextHit[]> {
  const rows = await queryRows<{ id: string; score: number }>(
    db,
    rankedMatchesSql(actor, query, types, limit, every),
  );
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/**
 * The ranking statement (exported for the plan tests). With `every`, an agent's matches are all
 * read through the full-text index and then ordered (see `fewMatches`); otherwise the planner
 * chooses between that and walking the newest records.
 */
export function rankedMatchesSql(
  actor: Actor,
  query: WordQuery,
  types: string[],
  limit: number,
  every = false,
): SQL {
  const q = wordQuerySql(query);
  const all = can(actor, 'record.read_all');
  const typeList = typeArray(types);
  // A requester sees the records they raised or watch: start from those (an indexed, short list).
  const mine = sql`(select id from records where requester_id = ${actor.userId}
                    union all select record_id from record_watchers where user_id = ${actor.userId})`;
  const commentScope = all ? sql`true` : sql`c.visibility = 'public' and c.record_id in ${mine}`;
  const matches = (scope: SQL) => sql`select r.id, r.updated_at, ts_rank(r.search, ${q}, 1) as score
    from records r where r.search @@ ${q} and r.type = any(${typeList}) and ${scope}`;
  // A requester's matches in two branches, each with a plain condition the planner can serve from
  // an index: those they raised (the requester index and the full-text index, intersected as
  // bitmaps when both are large) and those they watch (a short list by the watchers' user index).
  const a = all
    ? every
      ? sql`with m as materialized (${matches(sql`true`)})
          select * from m order by updated_at desc limit ${CANDIDATES}`
      : sql`${matches(sql`true`)} order by r.updated_at desc limit ${CANDIDATES}`
    : sql`select * from (${matches(sql`r.requester_id = ${actor.userId}`)}
        union all ${matches(sql`r.requester_id <> ${actor.userId} and r.id in (
          select record_id from record_watchers where user_id = ${actor.userId})`)}) m
        order by updated_at desc limit ${CANDIDATES}`;
  return sql`with a as (${a}),
        b as (
          select c.record_id as id, max(ts_rank(c.search, ${q})) as score from (
            select c.record_id, c.search from record_comments c
            where c.search @@ ${q} and ${commentScope}
            order by c.created_at desc limit ${CANDIDATES}) c
          group by c.record_id)
        select id, sum(score) as score from (
          select id, updated_at, score from a
          union all
          select r.id, r.updated_at, 0.5 * b.score from b join records r on r.id = b.id
          where r.type = any(${typeList})) s
        group by id, updated_at
        order by score desc, updated_at desc, id
        limit ${limit}`;
}

export type RecordSearchHit = {
  id: string;
  type: string;
  number: string;
  title: string;
  state: string;
  stateLabel: string;
  score: number;
};

/** The search's answer for records: the best `limit` hits of every type the actor may see. */
export async function searchRecords(
  ctx: AppContext,
  actor: Actor,
  opts: { text: string; limit: number; types?: RecordTypeConfig[] },
): Promise<RecordSearchHit[]> {
  const types = opts.types ?? RECORD_TYPES;
  const hits = await searchRecordIds(ctx.db, actor, {
    text: opts.text,
    types: types.map((t) => t.type),
    limit: opts.limit,
  });
  if (!hits.length) return [];
  const rows = await ctx.db
    .select()
    .from(records)
    .where(
      inArray(
        records.id,
        hits.map((h) => h.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const labels = new Map<string, Map<string, string>>();
  for (const t of types) {
    const { value } = await cachedLifecycle(ctx, t.process);
    labels.set(t.type, new Map(value.states.map((s) => [s.key, s.label])));
  }
  return hits.flatMap((h) => {
    const r = byId.get(h.id);
    if (!r) return [];
    const { id, type, number, title, state } = r;
    return [
      { id, type, number, title, state, stateLabel: labels.get(type)?.get(state) ?? state, score: h.score },
    ];
  });
}
