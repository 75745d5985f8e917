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
import { getLifecycle } from '../settings/index.ts';
import { records } from './schema.ts';
import { RECORD_TYPES, type RecordTypeConfig } from './types.ts';

/** The words of a query, lower-cased, letters and digits only (safe inside to_tsquery). */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A tsquery text: every word must occur; the last one also as a prefix (typing ahead), when it has
 * at least three letters. Null when the text has no word.
 */
export function tsQueryText(words: string[], prefix = true): string | null {
  if (!words.length) return null;
  return words.map((w, i) => (prefix && i === words.length - 1 && w.length >= 3 ? `${w}:*` : w)).join(' & ');
}

/** The query, inlined so the planner folds it to a constant and estimates its selectivity. */
export const tsQuery = (text: string): SQL => sql`to_tsquery('english', ${text})`;

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
  const query = tsQueryText(words);
  if (!query) return [];
  const hits = await rankedMatches(db, actor, query, opts.types, opts.limit);
  if (hits.length) return hits;
  // Nothing matched: try the vocabulary's words that each misspelt word resembles.
  const alternatives = await similarWords(db, words);
  if (!alternatives) return [];
  return rankedMatches(db, actor, alternatives, opts.types, opts.limit);
}

/** For each word, the known words it resembles most (trigram similarity ≥ 0.45), as a tsquery text. */
async function similarWords(db: Db, words: string[]): Promise<string | null> {
  const groups: string[] = [];
  for (const w of words) {
    if (w.length < 4 || /\d/.test(w)) {
      groups.push(w);
      continue;
    }
    const rows = await queryRows<{ word: string }>(db, similarWordsSql(w));
    if (!rows.length) return null;
    groups.push(`(${rows.map((r) => r.word).join(' | ')})`);
  }
  return groups.join(' & ');
}

/** Known words resembling `w` (exported for the plan tests). */
export const similarWordsSql = (w: string): SQL =>
  sql`select word from record_search_words where word % ${w} and similarity(word, ${w}) >= 0.45
      order by similarity(word, ${w}) desc, word limit 3`;

async function rankedMatches(
  db: Db,
  actor: Actor,
  query: string,
  types: string[],
  limit: number,
): Promise<TextHit[]> {
  const rows = await queryRows<{ id: string; score: number }>(
    db,
    rankedMatchesSql(actor, query, types, limit),
  );
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/** The ranking statement (exported for the plan tests). */
export function rankedMatchesSql(actor: Actor, query: string, types: string[], limit: number): SQL {
  const q = tsQuery(query);
  const all = can(actor, 'record.read_all');
  const typeList = sql`array[${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  // A requester sees the records they raised or watch: start from those (an indexed, short list).
  const mine = sql`(select id from records where requester_id = ${actor.userId}
                    union all select record_id from record_watchers where user_id = ${actor.userId})`;
  const recordScope = all ? sql`true` : sql`r.id in ${mine}`;
  const commentScope = all ? sql`true` : sql`c.visibility = 'public' and c.record_id in ${mine}`;
  return sql`with a as (
          select r.id, r.updated_at, ts_rank(r.search, ${q}, 1) as score from records r
          where r.search @@ ${q} and r.type = any(${typeList}) and ${recordScope}
          order by r.updated_at desc limit ${CANDIDATES}),
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
    const { value } = await getLifecycle(ctx.db, t.process);
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
