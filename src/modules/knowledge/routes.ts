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
import { withEtag } from '../../http/etag.ts';
import { entityAction, itemRoutes, resourceRoutes } from '../../http/resource.ts';
import { IdParam, RecordRefParam, route } from '../../http/schemas.ts';
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
      route(tags, {
        summary: 'Knowledge categories (with their reviewers, for staff)',
        ok: z.object({ items: z.array(CategoryView) }),
      }),
      async (req) => listCategories(ctx, requireActor(req)),
    );
    resourceRoutes(app, ctx, {
      path: '/knowledge/categories',
      tags,
      view: CategoryView,
      create: {
        summary: 'Create a category and name its reviewers',
        body: CategoryInput,
        run: createCategory,
      },
      update: {
        summary: 'Rename a category or change its reviewers (If-Match)',
        body: CategoryPatch,
        run: updateCategory,
      },
    });
    app.get(
      '/knowledge/articles',
      route(tags, {
        summary: 'Articles you may read, newest change first (keyset pages)',
        querystring: ArticleListQuery,
        ok: ArticlePage,
      }),
      async (req) => listArticles(ctx, requireActor(req), req.query),
    );
    app.post(
      '/knowledge/preview',
      route(tags, {
        summary: 'Render Markdown as an article would show it (sanitised HTML), for the editor preview',
        body: PreviewInput,
        ok: z.object({ html: z.string() }),
      }),
      async (req) => {
        assertCanWrite(requireActor(req));
        return { html: renderMarkdown(req.body.body) };
      },
    );
    app.get(
      '/knowledge/search',
      route(tags, {
        summary:
          'Full-text search with ranking, stemming in each article’s language and highlighted snippets; similar titles when nothing matches',
        querystring: ArticleSearchQuery,
        ok: ArticleHits,
      }),
      async (req) => searchArticles(ctx, requireActor(req), req.query),
    );
    app.get(
      '/knowledge/suggestions',
      route(tags, {
        summary: 'Published articles for a problem being described (any word; same service first)',
        querystring: SuggestQuery,
        ok: ArticleHits,
      }),
      async (req) => suggestArticles(ctx, requireActor(req), req.query),
    );
    resourceRoutes(app, ctx, {
      path: '/knowledge/articles',
      tags,
      view: ArticleView,
      params: ArticleRef,
      create: { summary: 'Write a new article (a draft)', body: ArticleCreate, run: createArticle },
      get: { summary: 'An article, its body rendered from Markdown and sanitised', run: getArticle },
      update: {
        summary: 'Edit an article (If-Match); editing a published article adds a version',
        body: ArticlePatch,
        run: updateArticle,
      },
    });
    entityAction(app, ctx, {
      url: '/knowledge/articles/:id/steps',
      tags,
      summary: 'Take a workflow step: submit, publish, send_back, retire or reopen (If-Match)',
      params: ArticleRef,
      body: ArticleStep,
      ok: ArticleView,
      run: stepArticle,
    });
    app.get(
      '/knowledge/articles/:id/versions',
      route(tags, {
        summary: "The article's versions, newest first",
        params: ArticleRef,
        ok: VersionList,
      }),
      async (req) => listVersions(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/knowledge/articles/:id/diff',
      route(tags, {
        summary: 'What changed between two versions, by words or by lines',
        params: ArticleRef,
        querystring: DiffQuery,
        ok: ArticleDiff,
      }),
      async (req) => diffArticle(ctx, requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/knowledge/articles/:id/views',
      route(tags, {
        summary: 'Count one reading of the article',
        params: ArticleRef,
        ok: Counts,
      }),
      async (req) => recordView(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/knowledge/articles/:id/feedback',
      route(tags, {
        summary: 'Say whether the article helped, with a comment',
        params: ArticleRef,
        body: FeedbackInput,
        ok: Counts,
      }),
      async (req) => giveFeedback(ctx, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/knowledge/articles/:id/feedback',
      route(tags, {
        summary: 'Feedback readers gave, newest first (staff)',
        params: ArticleRef,
        ok: FeedbackList,
      }),
      async (req) => listFeedback(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/knowledge/articles/:id/deflections',
      route(tags, {
        summary: '"This solved my problem": no incident is raised and the article is credited',
        params: ArticleRef,
        body: DeflectInput,
        ok: Counts,
      }),
      async (req) => recordDeflection(ctx, requireActor(req), req.params.id, req.body.query),
    );
    itemRoutes(app, ctx, {
      path: '/records/:id/articles',
      tags,
      params: RecordRefParam,
      list: { summary: 'Articles linked to a record', ok: RecordArticles, run: articlesOfRecord },
      add: {
        summary: 'Link an article to a record',
        body: LinkArticleInput,
        ok: RecordArticles,
        run: (ctx, actor, id, input) => linkArticle(ctx, actor, id, input.articleId),
      },
      remove: {
        summary: 'Unlink an article from a record',
        key: 'articleId',
        keySchema: z.string().min(1).max(40),
        ok: RecordArticles,
        run: unlinkArticle,
      },
    });
    app.get(
      '/known-errors/:id/article',
      route(tags, {
        summary: 'The article a known error is published as, if any',
        params: IdParam,
        ok: z.object({
          article: z.object({ id: z.string(), number: z.string(), state: z.string() }).nullable(),
        }),
      }),
      async (req) => articleOfKnownError(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/known-errors/:id/article',
      route(tags, {
        summary:
          'Publish a known error as an article in one step (in review instead when you do not review the category)',
        params: IdParam,
        body: FromKnownErrorInput,
        ok: ArticleView,
        status: 201,
      }),
      async (req, reply) => {
        const { article } = await publishKnownError(ctx, requireActor(req), req.params.id, req.body);
        return withEtag(reply.code(201), article).send(article);
      },
    );
  };
}
