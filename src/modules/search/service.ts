/**
 * The global search: records of every type by number or by words (titles, descriptions and the
 * comments the caller may read, ranked by relevance), catalog items by name (what one can order),
 * configuration items by name, and knowledge articles by full text, each through its own module
 * so the caller's permissions apply exactly as in the lists (a requester finds only the records
 * they raised or watch, by their public words, and the published articles meant for them; CIs
 * only with CMDB read access).
 */

import type { AppContext } from '../../context.ts';
import type { SearchAnswer, SearchHit, SearchQuery } from '../../contracts/search.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { listCis } from '../cmdb/index.ts';
import { ARTICLE_NUMBER, searchArticles } from '../knowledge/index.ts';
import { listRecords, RECORD_TYPES, searchRecords } from '../records/index.ts';
import { listCatalogItems } from '../requests/index.ts';

const NUMBER = /^[A-Za-z]{2,5}\d{4,}$/;

export async function search(ctx: AppContext, actor: Actor, query: SearchQuery): Promise<SearchAnswer> {
  const q = query.q;
  // A record number: the shape and a known prefix (ref12345 is a word).
  const isNumber = NUMBER.test(q) && RECORD_TYPES.some((t) => q.toUpperCase().startsWith(t.prefix));
  const recordHits: SearchHit[] = isNumber
    ? await recordsByNumber(ctx, actor, q, query.limit)
    : (await searchRecords(ctx, actor, { text: q, limit: query.limit })).map(
        ({ id, type, number, title, state, stateLabel }) => ({
          kind: 'record',
          id,
          type,
          number,
          title,
          state,
          stateLabel,
        }),
      );
  const exact =
    (isNumber && recordHits.find((h) => h.kind === 'record' && h.number === q.toUpperCase())) || null;
  const ciHits: SearchHit[] =
    !isNumber && can(actor, 'cmdb.read')
      ? (await listCis(ctx, actor, { q, limit: Math.min(query.limit, 5) })).items.map((c) => ({
          kind: 'ci',
          id: c.id,
          name: c.name,
          classKey: c.classKey,
          className: c.classLabel,
        }))
      : [];
  const itemHits: SearchHit[] =
    !isNumber && can(actor, 'catalog.read')
      ? (await listCatalogItems(ctx, actor, { q })).slice(0, Math.min(query.limit, 5)).map((i) => ({
          kind: 'catalog_item',
          id: i.id,
          name: i.name,
          description: i.description,
          serviceName: i.service.name,
        }))
      : [];
  const articleHits: SearchHit[] =
    (!isNumber || ARTICLE_NUMBER.test(q)) && can(actor, 'knowledge.read')
      ? (await searchArticles(ctx, actor, { q, limit: Math.min(query.limit, 5) })).items.map((a) => ({
          kind: 'article',
          id: a.id,
          number: a.number,
          title: a.title,
          snippet: a.snippet,
        }))
      : [];
  const exactArticle = (ARTICLE_NUMBER.test(q) && articleHits[0]) || null;
  // Exact number first, then records by relevance, then catalog items, CIs and articles; at most `limit` in all.
  const records = exact ? [exact, ...recordHits.filter((h) => h !== exact)] : recordHits;
  const others = [...itemHits, ...ciHits, ...articleHits];
  const recordRoom = Math.max(query.limit - others.length, Math.ceil(query.limit / 2));
  return {
    items: [...records.slice(0, recordRoom), ...others].slice(0, query.limit),
    exact: exact ?? exactArticle,
  };
}

/** A number belongs to one type only: ask just that one, through its list (the caller's permissions apply). */
async function recordsByNumber(
  ctx: AppContext,
  actor: Actor,
  q: string,
  limit: number,
): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  for (const cfg of RECORD_TYPES.filter((t) => q.toUpperCase().startsWith(t.prefix))) {
    const page = await listRecords(ctx, actor, cfg, { q, sort: 'updated', order: 'desc', limit });
    for (const r of page.items)
      out.push({
        kind: 'record',
        id: r.id,
        type: r.type,
        number: r.number,
        title: r.title,
        state: r.state,
        stateLabel: r.stateLabel,
      });
  }
  return out;
}
