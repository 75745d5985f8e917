/**
 * Tables of the knowledge base. An article holds its current text (Markdown), its place in the
 * review workflow, its audience and counters; every version of its text is kept in
 * `knowledge_article_versions` (a new one each time a published article is edited). Categories
 * name the people who review and publish their articles. The search vector is weighted (title A,
 * summary B, body C) and stemmed with the article's language; a trigram index on titles serves
 * typo-tolerant search (hand-written at the end of the migration, after the extension).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  auditColumns,
  createdAtColumn,
  createdByColumn,
  idColumn,
  parentColumn,
  referenceColumn,
} from '../../db/columns.ts';
import { tsvector } from '../../db/types.ts';
import { tsConfigCase } from '../../domain/knowledge/language.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';
import { knownErrors } from '../problems/schema.ts';
import { records } from '../records/schema.ts';

export const knowledgeArticleNumbers = pgSequence('knowledge_article_number_seq', { startWith: 1001 });

export const knowledgeCategories = pgTable(
  'knowledge_categories',
  {
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...auditColumns(() => users.id),
  },
  (t) => [uniqueIndex('knowledge_categories_name_idx').on(sql`lower(${t.name})`)],
);

export const knowledgeCategoryReviewers = pgTable(
  'knowledge_category_reviewers',
  {
    categoryId: parentColumn('category_id', () => knowledgeCategories.id),
    userId: parentColumn('user_id', () => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.categoryId, t.userId] }),
    index('knowledge_reviewers_user_idx').on(t.userId),
  ],
);

export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: idColumn(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    /** ISO code (en, fr, de…) mapped to a text search configuration. */
    language: text('language').notNull().default('en'),
    categoryId: referenceColumn('category_id', () => knowledgeCategories.id),
    /** internal (staff only), requesters (everyone), customers (the customers of audienceServiceId). */
    audience: text('audience').notNull().default('internal'),
    audienceServiceId: uuid('audience_service_id').references(() => cis.id, { onDelete: 'set null' }),
    /** draft, in_review, published, retired. */
    state: text('state').notNull().default('draft'),
    ownerId: referenceColumn('owner_id', () => users.id),
    reviewBy: date('review_by', { mode: 'string' }),
    /** The review-by date the owner was last reminded of (one reminder per date). */
    reviewRemindedFor: date('review_reminded_for', { mode: 'string' }),
    /** Number of the current version of the text. */
    currentVersion: integer('current_version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    knownErrorId: uuid('known_error_id').references(() => knownErrors.id, { onDelete: 'set null' }),
    viewCount: integer('view_count').notNull().default(0),
    helpfulCount: integer('helpful_count').notNull().default(0),
    notHelpfulCount: integer('not_helpful_count').notNull().default(0),
    deflectionCount: integer('deflection_count').notNull().default(0),
    ...auditColumns(() => users.id),
    search: tsvector('search').generatedAlwaysAs(
      sql.raw(
        `setweight(to_tsvector(${tsConfigCase('language')}, coalesce(title, '')), 'A') || setweight(to_tsvector(${tsConfigCase('language')}, coalesce(summary, '')), 'B') || setweight(to_tsvector(${tsConfigCase('language')}, coalesce(body, '')), 'C')`,
      ),
    ),
  },
  (t) => [
    uniqueIndex('knowledge_articles_number_idx').on(t.number),
    uniqueIndex('knowledge_articles_known_error_idx').on(t.knownErrorId),
    index('knowledge_articles_state_idx').on(t.state, t.updatedAt, t.id),
    index('knowledge_articles_category_idx').on(t.categoryId),
    index('knowledge_articles_review_by_idx').on(t.reviewBy).where(sql`${t.state} = 'published'`),
    index('knowledge_articles_search_idx').using('gin', t.search),
  ],
);

export const knowledgeArticleVersions = pgTable(
  'knowledge_article_versions',
  {
    id: idColumn(),
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    note: text('note').notNull().default(''),
    createdBy: createdByColumn(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('knowledge_article_versions_idx').on(t.articleId, t.number)],
);

/** Services (role service) and configuration items (role ci) an article is about. */
export const knowledgeArticleCis = pgTable(
  'knowledge_article_cis',
  {
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    ciId: parentColumn('ci_id', () => cis.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.ciId] }), index('knowledge_article_cis_ci_idx').on(t.ciId)],
);

/** Workflow steps and other events of an article: who submitted, published, sent back, retired. */
export const knowledgeArticleEvents = pgTable(
  'knowledge_article_events',
  {
    id: idColumn(),
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('knowledge_article_events_article_idx').on(t.articleId, t.at)],
);

export const knowledgeFeedback = pgTable(
  'knowledge_feedback',
  {
    id: idColumn(),
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    helpful: boolean('helpful').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [index('knowledge_feedback_article_idx').on(t.articleId, t.createdAt)],
);

/** One reading of an article (who and when), for the "knowledge article use" KPI; the article keeps a running total too. */
export const knowledgeArticleViews = pgTable(
  'knowledge_article_views',
  {
    id: idColumn(),
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('knowledge_article_views_at_idx').on(t.viewedAt),
    index('knowledge_article_views_article_idx').on(t.articleId, t.viewedAt),
  ],
);

/** A requester's "this solved my problem": an incident that was never raised. */
export const knowledgeDeflections = pgTable(
  'knowledge_deflections',
  {
    id: idColumn(),
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the requester had typed. */
    query: text('query').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('knowledge_deflections_article_idx').on(t.articleId),
    index('knowledge_deflections_created_idx').on(t.createdAt),
  ],
);

export const knowledgeRecordLinks = pgTable(
  'knowledge_record_links',
  {
    articleId: parentColumn('article_id', () => knowledgeArticles.id),
    recordId: parentColumn('record_id', () => records.id),
    linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.recordId] }),
    index('knowledge_record_links_record_idx').on(t.recordId),
  ],
);
