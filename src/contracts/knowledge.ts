/**
 * Wire shapes of the knowledge base (`/api/v1/knowledge`): categories with their reviewers,
 * articles (Markdown in, sanitised HTML out) with their audience, workflow, versions and diffs,
 * search hits with highlighted snippets, suggestions, feedback and deflection.
 */
import { z } from 'zod';
import { AUDIENCES } from '../domain/knowledge/audience.ts';
import { LANGUAGE_CODES } from '../domain/knowledge/language.ts';
import { ARTICLE_STATES } from '../domain/knowledge/workflow.ts';
import { LIMITS } from '../shared/limits.ts';
import {
  formatMessage,
  limitUpTo,
  NamedRef,
  PageQuery,
  PersonRef,
  page,
  RecordRef,
  requiredText,
  Uuid,
} from './common.ts';

const Title = requiredText(LIMITS.titleMax);
const Body = z.string().max(100_000);
const Summary = z.string().trim().max(500);
const Day = z.iso.date({ error: formatMessage('must be a date, e.g. 2026-06-30') });

export const ArticleState = z.enum(ARTICLE_STATES);
export type ArticleState = z.infer<typeof ArticleState>;
export const Audience = z.enum(AUDIENCES);
export const Language = z.enum(LANGUAGE_CODES as [string, ...string[]]);

export const CategoryView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    reviewers: z.array(PersonRef),
    articleCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'KnowledgeCategory' });
export type CategoryView = z.infer<typeof CategoryView>;

export const CategoryInput = z.object({
  name: requiredText(LIMITS.categoryMax),
  description: z.string().trim().max(1000).optional(),
  reviewerIds: z.array(Uuid).max(50).optional().describe('People who review and publish its articles'),
});
export type CategoryInput = z.input<typeof CategoryInput>;
export const CategoryPatch = CategoryInput.partial();
export type CategoryPatch = z.input<typeof CategoryPatch>;

export const ArticleStepView = z.object({
  key: z.string(),
  label: z.string(),
  to: ArticleState,
  needsComment: z.boolean(),
});

/** How often an article was read, found helpful or not, and kept a requester from raising a record. */
export const Counts = z.object({
  viewCount: z.number().int(),
  helpfulCount: z.number().int(),
  notHelpfulCount: z.number().int(),
  deflectionCount: z.number().int(),
});

export const ArticleSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    summary: z.string(),
    state: ArticleState,
    stateLabel: z.string(),
    audience: Audience,
    language: z.string(),
    category: NamedRef,
    owner: PersonRef,
    reviewBy: z.string().nullable(),
    currentVersion: z.number().int(),
    ...Counts.shape,
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KnowledgeArticleSummary' });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleView = ArticleSummary.extend({
  body: z.string().describe('The Markdown source (staff who may edit) or empty for readers'),
  html: z.string().describe('The body rendered from Markdown and sanitised'),
  audienceService: NamedRef.nullable(),
  services: z.array(NamedRef),
  cis: z.array(NamedRef),
  knownErrorId: z.string().nullable(),
  publishedBy: PersonRef.nullable(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** What the viewer may do. */
  canEdit: z.boolean(),
  isReviewer: z.boolean(),
  steps: z.array(ArticleStepView),
  linkedRecords: z.array(RecordRef),
}).meta({ id: 'KnowledgeArticle' });
export type ArticleView = z.infer<typeof ArticleView>;

export const ArticleCreate = z.object({
  title: Title,
  summary: Summary.optional(),
  body: Body.default(''),
  language: Language.default('en'),
  categoryId: Uuid,
  audience: Audience.default('internal'),
  audienceServiceId: Uuid.nullable().optional(),
  serviceIds: z.array(Uuid).max(20).optional(),
  ciIds: z.array(Uuid).max(50).optional(),
  reviewBy: Day.nullable().optional(),
});
export type ArticleCreate = z.input<typeof ArticleCreate>;

export const ArticlePatch = ArticleCreate.partial().extend({
  note: z.string().trim().max(500).optional().describe('What changed (kept with a new version)'),
});
export type ArticlePatch = z.input<typeof ArticlePatch>;

export const ArticleStep = z.object({
  step: z.enum(['submit', 'publish', 'send_back', 'retire', 'reopen']),
  comment: z.string().trim().max(LIMITS.commentMax).default(''),
});
export type ArticleStep = z.input<typeof ArticleStep>;

export const ArticleListQuery = z.object({
  state: z
    .union([ArticleState, z.literal('mine_to_review')])
    .optional()
    .describe('A state, or mine_to_review: articles in review in the categories the caller reviews'),
  categoryId: Uuid.optional(),
  q: z.string().trim().max(200).optional(),
  ...PageQuery.shape,
});
export type ArticleListQuery = z.input<typeof ArticleListQuery>;

export const ArticlePage = page(ArticleSummary);

export const ArticleSearchQuery = z.object({
  q: requiredText(200),
  limit: limitUpTo(50, 10),
});

export const ArticleHit = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    state: ArticleState,
    audience: Audience,
    snippet: z.string().describe('HTML: escaped text with matches in <mark>'),
    rank: z.number(),
    match: z.enum(['text', 'similar_title']).describe('Full-text match, or a title close in spelling'),
  })
  .meta({ id: 'KnowledgeArticleHit' });
export type ArticleHit = z.infer<typeof ArticleHit>;
export const ArticleHits = z.object({ items: z.array(ArticleHit) });

export const SuggestQuery = z.object({
  text: requiredText(2000),
  serviceId: Uuid.optional(),
  limit: limitUpTo(10, 5),
});

export const VersionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  note: z.string(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export const VersionList = z.object({ items: z.array(VersionSummary) });

const DiffMode = z.enum(['words', 'lines']);
export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
  mode: DiffMode.default('words'),
});
const Segment = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
const FieldDiff = z.object({
  segments: z.array(Segment),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.boolean(),
});
export const ArticleDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  mode: DiffMode,
  title: FieldDiff,
  summary: FieldDiff,
  body: FieldDiff,
});
export type ArticleDiff = z.infer<typeof ArticleDiff>;

export const FeedbackInput = z.object({
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).default(''),
});
export const FeedbackView = z.object({
  id: z.string(),
  helpful: z.boolean(),
  comment: z.string(),
  by: PersonRef.nullable(),
  createdAt: z.string(),
});
export const FeedbackList = z.object({ items: z.array(FeedbackView) });

export const DeflectInput = z.object({
  query: z.string().trim().max(2000).default('').describe('What the requester had typed'),
});

export const LinkArticleInput = z.object({
  articleId: z.string().min(1).max(40).describe('The article id or number'),
});
export const RecordArticles = z.object({ items: z.array(ArticleSummary) });

export const FromKnownErrorInput = z.object({
  categoryId: Uuid,
  audience: Audience.default('internal'),
  audienceServiceId: Uuid.nullable().optional(),
});

export const PreviewInput = z.object({ body: Body });
