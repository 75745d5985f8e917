/**
 * Knowledge search on PostgreSQL alone. Full text over the weighted vector, each article stemmed
 * with its own language (the query is parsed once per language and matched only against articles
 * of that language, so the GIN index serves every branch), ranked, with a highlighted snippet
 * from ts_headline. When full text finds nothing, titles close in spelling are offered instead
 * (pg_trgm similarity), which catches typos such as "pasword" or "prnter".
 *
 * Suggestions (while a requester types an incident, or for an agent on a record) match any word
 * of the text rather than all of them, and prefer articles about the same service.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ArticleHit } from '../../contracts/knowledge.ts';
import { queryRows } from '../../db/client.ts';
import type { Audience } from '../../domain/knowledge/audience.ts';
import { ARTICLE_LANGUAGES, tsConfigCase } from '../../domain/knowledge/language.ts';
import { MARK_START, MARK_STOP, snippetHtml } from '../../domain/knowledge/snippet.ts';
import type { ArticleState } from '../../domain/knowledge/workflow.ts';
import type { Actor } from '../../domain/roles.ts';
import { readerOf, visibleTo } from './access.ts';

type Mode = 'all_words' | 'any_word';

/** The query for one language: all words (search) or any word (suggestions). */
function tsquery(config: string, text: string, mode: Mode): SQL {
  const cfg = sql.raw(`'${config}'::regconfig`);
  return mode === 'all_words'
    ? sql`websearch_to_tsquery(${cfg}, ${text})`
    : sql`nullif(replace(plainto_tsquery(${cfg}, ${text})::text, ' & ', ' | '), '')::tsquery`;
}

/** The per-row query, matching the row's language (for rank and headline). */
function rowQuery(text: string, mode: Mode): SQL {
  const branches = Object.entries(ARTICLE_LANGUAGES).map(
    ([code, cfg]) => sql`when ${sql.raw(`'${code}'`)} then ${tsquery(cfg, text, mode)}`,
  );
  return sql`(case a.language ${sql.join(branches, sql` `)} end)`;
}

/** Match in the article's own language; one indexable branch per language. */
function matches(text: string, mode: Mode): SQL {
  const branches = Object.entries(ARTICLE_LANGUAGES).map(
    ([code, cfg]) => sql`(a.language = ${sql.raw(`'${code}'`)} and a.search @@ ${tsquery(cfg, text, mode)})`,
  );
  return sql`(${sql.join(branches, sql` or `)})`;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

type HitRow = {
  id: string;
  number: string;
  title: string;
  state: ArticleState;
  audience: Audience;
  headline: string | null;
  summary: string;
  rank: number;
};

function where(reader: Awaited<ReturnType<typeof readerOf>>, extra: SQL, publishedOnly: boolean): SQL {
  const visible = visibleTo(reader, 'a');
  return sql.join(
    [
      extra,
      ...(visible ? [visible] : []),
      ...(publishedOnly ? [sql`a.state = 'published'`] : [sql`a.state <> 'retired'`]),
    ],
    sql` and `,
  );
}

async function fullText(
  ctx: AppContext,
  reader: Awaited<ReturnType<typeof readerOf>>,
  text: string,
  opts: { mode: Mode; limit: number; publishedOnly: boolean; serviceId?: string | undefined },
): Promise<HitRow[]> {
  const q = rowQuery(text, opts.mode);
  const serviceBoost = opts.serviceId
    ? sql` + case when exists (select 1 from knowledge_article_cis c where c.article_id = a.id and c.ci_id = ${opts.serviceId}::uuid)
              or a.audience_service_id = ${opts.serviceId}::uuid then 0.5 else 0 end`
    : sql``;
  return queryRows<HitRow>(
    ctx.db,
    sql`
    select id, number, title, state, audience, summary, rank,
      ts_headline(${sql.raw(tsConfigCase('language'))}, left(summary || E'\n' || body, 20000), q, ${HEADLINE_OPTIONS}) as headline
    from (
      select a.id, a.number, a.title, a.state, a.audience, a.summary, a.body, a.language, ${q} as q,
        (ts_rank(a.search, ${q}) ${serviceBoost} + least(a.helpful_count, 50) * 0.0005)::float8 as rank
      from knowledge_articles a
      where ${where(reader, matches(text, opts.mode), opts.publishedOnly)}
      order by rank desc, a.updated_at desc
      limit ${opts.limit}
    ) ranked
    order by rank desc`,
  );
}

/** How close a title must be, word for word (pg_trgm word_similarity), to count as a typo of the query. */
const WORD_SIMILARITY = 0.35;

async function similarTitles(
  ctx: AppContext,
  reader: Awaited<ReturnType<typeof readerOf>>,
  text: string,
  opts: { limit: number; publishedOnly: boolean },
): Promise<HitRow[]> {
  // The threshold is set for this transaction only, so the indexable <% operator applies it.
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`,
    );
    return queryRows<HitRow>(
      tx,
      sql`
      select a.id, a.number, a.title, a.state, a.audience, a.summary, null as headline,
        greatest(similarity(a.title, ${text}), word_similarity(${text}, a.title))::float8 as rank
      from knowledge_articles a
      where ${where(reader, sql`(a.title % ${text} or ${text} <% a.title)`, opts.publishedOnly)}
      order by rank desc, a.updated_at desc
      limit ${opts.limit}`,
    );
  });
}

function toHit(r: HitRow, match: ArticleHit['match']): ArticleHit {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    state: r.state,
    audience: r.audience,
    snippet: r.headline ? snippetHtml(r.headline) : snippetHtml(r.summary),
    rank: Number(r.rank),
    match,
  };
}

/** An article number, e.g. KB0001001. */
export const ARTICLE_NUMBER = /^KB\d{4,}$/i;

/**
 * Search articles the caller may read: an article number finds that article; otherwise full text
 * first, similar titles when that finds nothing.
 */
export async function searchArticles(
  ctx: AppContext,
  actor: Actor,
  q: { q: string; limit: number },
): Promise<{ items: ArticleHit[] }> {
  const reader = await readerOf(ctx.db, actor);
  const opts = { limit: q.limit, publishedOnly: !reader.staff };
  if (ARTICLE_NUMBER.test(q.q)) {
    const rows = await queryRows<HitRow>(
      ctx.db,
      sql`select a.id, a.number, a.title, a.state, a.audience, a.summary, null as headline, 1::float8 as rank
          from knowledge_articles a
          where ${where(reader, sql`a.number = ${q.q.toUpperCase()}`, opts.publishedOnly)}`,
    );
    return { items: rows.map((r) => toHit(r, 'text')) };
  }
  const found = await fullText(ctx, reader, q.q, { ...opts, mode: 'all_words' });
  if (found.length > 0) return { items: found.map((r) => toHit(r, 'text')) };
  const similar = await similarTitles(ctx, reader, q.q, opts);
  return { items: similar.map((r) => toHit(r, 'similar_title')) };
}

/**
 * Published articles for a problem being described: any word may match, articles about the
 * given service first; similar titles when no word matches.
 */
export async function suggestArticles(
  ctx: AppContext,
  actor: Actor,
  q: { text: string; serviceId?: string | undefined; limit: number },
): Promise<{ items: ArticleHit[] }> {
  const reader = await readerOf(ctx.db, actor);
  const found = await fullText(ctx, reader, q.text, {
    mode: 'any_word',
    limit: q.limit,
    publishedOnly: true,
    serviceId: q.serviceId,
  });
  if (found.length > 0) return { items: found.map((r) => toHit(r, 'text')) };
  const similar = await similarTitles(ctx, reader, q.text.slice(0, 200), {
    limit: q.limit,
    publishedOnly: true,
  });
  return { items: similar.map((r) => toHit(r, 'similar_title')) };
}
