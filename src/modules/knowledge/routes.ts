/** HTTP routes of the knowledge base under /api/v1/knowledge, and its links to records and known errors. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  ArticleCreate,
  ArticleDiff,
  ArticleHits,
  ArticleListQuery,
  ArticlePage,
  ArticlePatch,
  ArticleSearchQuery,
  ArticleStep,
  ArticleView,
  CategoryInput,
  CategoryPatch,
  CategoryView,
  Counts,
  DeflectInput,
  DiffQuery,
  FeedbackInput,
  FeedbackList,
  FromKnownErrorInput,
  LinkArticleInput,
  PreviewInput,
  RecordArticles,
  SuggestQuery,
  VersionList,
} from '../../contracts/knowledge.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { IdParam, problemResponses, RecordRefParam } from '../../http/schemas.ts';
import {
  assertCanWrite,
  createArticle,
  diffArticle,
  getArticle,
  listArticles,
  listVersions,
  stepArticle,
  updateArticle,
} from './articles.ts';
import { createCategory, listCategories, updateCategory } from './categories.ts';
import {
  articlesOfRecord,
  giveFeedback,
  linkArticle,
  listFeedback,
  recordDeflection,
  recordView,
  unlinkArticle,
} from './engagement.ts';
import { articleOfKnownError, publishKnownError } from './known-errors.ts';
import { renderMarkdown } from './render.ts';
import { searchArticles, suggestArticles } from './search.ts';

const tags = ['knowledge'];
const ArticleRef = z.object({
  id: z.string().min(1).max(40).describe('The article id (UUID) or its number, e.g. KB0001001'),
});

export function knowledgeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/knowledge/categories',
      {
        schema: {
          tags,
          summary: 'Knowledge categories (with their reviewers, for staff)',
          response: { 200: z.object({ items: z.array(CategoryView) }), ...problemResponses },
        },
      },
      async (req) => listCategories(ctx, requireActor(req)),
    );
    app.post(
      '/knowledge/categories',
      {
        schema: {
          tags,
          summary: 'Create a category and name its reviewers',
          body: CategoryInput,
          response: { 201: CategoryView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await createCategory(ctx, requireActor(req), req.body);
        return withEtag(reply.code(201), c).send(c);
      },
    );
    app.patch(
      '/knowledge/categories/:id',
      {
        schema: {
          tags,
          summary: 'Rename a category or change its reviewers (If-Match)',
          params: IdParam,
          body: CategoryPatch,
          response: { 200: CategoryView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await updateCategory(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, c).send(c);
      },
    );
    app.get(
      '/knowledge/articles',
      {
        schema: {
          tags,
          summary: 'Articles you may read, newest change first (keyset pages)',
          querystring: ArticleListQuery,
          response: { 200: ArticlePage, ...problemResponses },
        },
      },
      async (req) => listArticles(ctx, requireActor(req), req.query),
    );
    app.post(
      '/knowledge/articles',
      {
        schema: {
          tags,
          summary: 'Write a new article (a draft)',
          body: ArticleCreate,
          response: { 201: ArticleView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await createArticle(ctx, requireActor(req), req.body);
        return withEtag(reply.code(201), a).send(a);
      },
    );
    app.post(
      '/knowledge/preview',
      {
        schema: {
          tags,
          summary: 'Render Markdown as an article would show it (sanitised HTML), for the editor preview',
          body: PreviewInput,
          response: { 200: z.object({ html: z.string() }), ...problemResponses },
        },
      },
      async (req) => {
        assertCanWrite(requireActor(req));
        return { html: renderMarkdown(req.body.body) };
      },
    );
    app.get(
      '/knowledge/search',
      {
        schema: {
          tags,
          summary:
            'Full-text search with ranking, stemming in each article’s language and highlighted snippets; similar titles when nothing matches',
          querystring: ArticleSearchQuery,
          response: { 200: ArticleHits, ...problemResponses },
        },
      },
      async (req) => searchArticles(ctx, requireActor(req), req.query),
    );
    app.get(
      '/knowledge/suggestions',
      {
        schema: {
          tags,
          summary: 'Published articles for a problem being described (any word; same service first)',
          querystring: SuggestQuery,
          response: { 200: ArticleHits, ...problemResponses },
        },
      },
      async (req) => suggestArticles(ctx, requireActor(req), req.query),
    );
    app.get(
      '/knowledge/articles/:id',
      {
        schema: {
          tags,
          summary: 'An article, its body rendered from Markdown and sanitised',
          params: ArticleRef,
          response: { 200: ArticleView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await getArticle(ctx, requireActor(req), req.params.id);
        return withEtag(reply, a).send(a);
      },
    );
    app.patch(
      '/knowledge/articles/:id',
      {
        schema: {
          tags,
          summary: 'Edit an article (If-Match); editing a published article adds a version',
          params: ArticleRef,
          body: ArticlePatch,
          response: { 200: ArticleView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await updateArticle(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, a).send(a);
      },
    );
    app.post(
      '/knowledge/articles/:id/steps',
      {
        schema: {
          tags,
          summary: 'Take a workflow step: submit, publish, send_back, retire or reopen (If-Match)',
          params: ArticleRef,
          body: ArticleStep,
          response: { 200: ArticleView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await stepArticle(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, a).send(a);
      },
    );
    app.get(
      '/knowledge/articles/:id/versions',
      {
        schema: {
          tags,
          summary: "The article's versions, newest first",
          params: ArticleRef,
          response: { 200: VersionList, ...problemResponses },
        },
      },
      async (req) => listVersions(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/knowledge/articles/:id/diff',
      {
        schema: {
          tags,
          summary: 'What changed between two versions, by words or by lines',
          params: ArticleRef,
          querystring: DiffQuery,
          response: { 200: ArticleDiff, ...problemResponses },
        },
      },
      async (req) => diffArticle(ctx, requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/knowledge/articles/:id/views',
      {
        schema: {
          tags,
          summary: 'Count one reading of the article',
          params: ArticleRef,
          response: { 200: Counts, ...problemResponses },
        },
      },
      async (req) => recordView(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/knowledge/articles/:id/feedback',
      {
        schema: {
          tags,
          summary: 'Say whether the article helped, with a comment',
          params: ArticleRef,
          body: FeedbackInput,
          response: { 200: Counts, ...problemResponses },
        },
      },
      async (req) => giveFeedback(ctx, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/knowledge/articles/:id/feedback',
      {
        schema: {
          tags,
          summary: 'Feedback readers gave, newest first (staff)',
          params: ArticleRef,
          response: { 200: FeedbackList, ...problemResponses },
        },
      },
      async (req) => listFeedback(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/knowledge/articles/:id/deflections',
      {
        schema: {
          tags,
          summary: '"This solved my problem": no incident is raised and the article is credited',
          params: ArticleRef,
          body: DeflectInput,
          response: { 200: Counts, ...problemResponses },
        },
      },
      async (req) => recordDeflection(ctx, requireActor(req), req.params.id, req.body.query),
    );
    app.get(
      '/records/:id/articles',
      {
        schema: {
          tags,
          summary: 'Articles linked to a record',
          params: RecordRefParam,
          response: { 200: RecordArticles, ...problemResponses },
        },
      },
      async (req) => articlesOfRecord(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/records/:id/articles',
      {
        schema: {
          tags,
          summary: 'Link an article to a record',
          params: RecordRefParam,
          body: LinkArticleInput,
          response: { 200: RecordArticles, ...problemResponses },
        },
      },
      async (req) => linkArticle(ctx, requireActor(req), req.params.id, req.body.articleId),
    );
    app.delete(
      '/records/:id/articles/:articleId',
      {
        schema: {
          tags,
          summary: 'Unlink an article from a record',
          params: RecordRefParam.extend({ articleId: z.string().min(1).max(40) }),
          response: { 200: RecordArticles, ...problemResponses },
        },
      },
      async (req) => unlinkArticle(ctx, requireActor(req), req.params.id, req.params.articleId),
    );
    app.get(
      '/known-errors/:id/article',
      {
        schema: {
          tags,
          summary: 'The article a known error is published as, if any',
          params: IdParam,
          response: {
            200: z.object({
              article: z.object({ id: z.string(), number: z.string(), state: z.string() }).nullable(),
            }),
            ...problemResponses,
          },
        },
      },
      async (req) => articleOfKnownError(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/known-errors/:id/article',
      {
        schema: {
          tags,
          summary:
            'Publish a known error as an article in one step (in review instead when you do not review the category)',
          params: IdParam,
          body: FromKnownErrorInput,
          response: { 201: ArticleView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const { article } = await publishKnownError(ctx, requireActor(req), req.params.id, req.body);
        return withEtag(reply.code(201), article).send(article);
      },
    );
  };
}
