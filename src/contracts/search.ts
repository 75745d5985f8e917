/** Wire shapes of the global search (`/api/v1/search`). */
import { z } from 'zod';
import { limitUpTo, requiredText } from './common.ts';

export const SearchQuery = z.object({
  q: requiredText(200),
  limit: limitUpTo(20, 8),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const RecordHit = z.object({
  kind: z.literal('record'),
  id: z.string(),
  type: z.string().describe('incident, request or request_task'),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
});
export const CiHit = z.object({
  kind: z.literal('ci'),
  id: z.string(),
  name: z.string(),
  classKey: z.string(),
  className: z.string(),
});
export const CatalogItemHit = z.object({
  kind: z.literal('catalog_item'),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  serviceName: z.string(),
});

export const ArticleSearchHit = z.object({
  kind: z.literal('article'),
  id: z.string(),
  number: z.string(),
  title: z.string(),
  snippet: z.string().describe('HTML: escaped text with the matches in <mark>'),
});
export const SearchHit = z
  .discriminatedUnion('kind', [RecordHit, CiHit, CatalogItemHit, ArticleSearchHit])
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({
  items: z.array(SearchHit),
  exact: SearchHit.nullable().describe('The record whose number the query is, when the caller may see it'),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;
