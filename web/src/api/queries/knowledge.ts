/** The knowledge base: articles, categories, search and suggestions, versions and diffs, feedback and deflection. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArticleCreate,
  ArticleDiff,
  ArticleHit,
  ArticlePatch,
  ArticleSummary,
  ArticleView,
  CategoryInput,
  CategoryView,
} from '../../../../src/contracts/knowledge.ts';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';
import { useRefreshingWrite, useWriteThen } from '../writes.ts';

export type { ArticleDiff, ArticleHit, ArticleSummary, ArticleView, CategoryView };

type Counts = Pick<ArticleView, 'viewCount' | 'helpfulCount' | 'notHelpfulCount' | 'deflectionCount'>;
export type ArticleListQuery = { state?: string; categoryId?: string; q?: string };

const articles = defineResource<ArticleSummary, ArticleCreate | ArticlePatch, ArticleListQuery>({
  key: ['knowledge', 'articles'],
  path: '/knowledge/articles',
  aliases: (a) => [a.number],
});

export const knowledgeKeys = {
  categories: ['knowledge', 'categories'] as const,
  search: (q: string) => ['knowledge', 'search', q] as const,
  suggestions: (text: string, serviceId?: string) =>
    ['knowledge', 'suggestions', text, serviceId ?? ''] as const,
  recordArticles: (recordId: string) => ['knowledge', 'record', recordId] as const,
};

export const useArticleList = (q: ArticleListQuery) => articles.useList({ ...q });

export function useArticle(ref: string | undefined) {
  return articles.useOne<ArticleView>(ref);
}

/** A write answering the article, which is then cached under its id and number; searches go stale. */
function useArticleWrite<V>(write: (vars: V) => Promise<ArticleView>) {
  return useWriteThen(write, (qc, a) => {
    articles.remember(qc, a);
    qc.setQueryData(articles.keys.one(a.number), a);
    void qc.invalidateQueries({ queryKey: ['knowledge', 'search'] });
  });
}

export function useCreateArticle() {
  return useArticleWrite((input: ArticleCreate) => api.post<ArticleView>('/knowledge/articles', input));
}

export function useUpdateArticle(a: { id: string; version: number } | undefined) {
  return useArticleWrite((patch: ArticlePatch) =>
    api.patch<ArticleView>(`/knowledge/articles/${a?.id}`, patch, a?.version),
  );
}

export function useArticleStep(a: { id: string; version: number }) {
  return useArticleWrite((input: { step: string; comment?: string }) =>
    api.post<ArticleView>(`/knowledge/articles/${a.id}/steps`, input, a.version),
  );
}

export const useArticleVersions = (id: string) =>
  articles.usePart<{
    items: {
      number: number;
      title: string;
      note: string;
      createdBy: { name: string } | null;
      createdAt: string;
    }[];
  }>(id, 'versions');

export function useArticleDiff(id: string, from: number, to: number, mode: 'words' | 'lines') {
  return useQuery({
    queryKey: [...articles.keys.part(id, 'diff'), from, to, mode],
    queryFn: ({ signal }) =>
      api.get<ArticleDiff>(`/knowledge/articles/${id}/diff`, { from, to, mode }, signal),
    enabled: !!id && from > 0 && to > 0 && from !== to,
  });
}

export const useArticleFeedback = (id: string, enabled: boolean) =>
  articles.usePart<{
    items: {
      id: string;
      helpful: boolean;
      comment: string;
      by: { name: string } | null;
      createdAt: string;
    }[];
  }>(id, 'feedback', enabled);

/** Count one reading; called once when an article page opens. */
export function useRecordView() {
  return useMutation({
    mutationFn: (id: string) => api.post<Counts>(`/knowledge/articles/${id}/views`),
  });
}

/** Feedback and deflections change an article's counts, which every article query shows. */
export const useGiveFeedback = (id: string) =>
  useRefreshingWrite(
    (input: { helpful: boolean; comment: string }) =>
      api.post<Counts>(`/knowledge/articles/${id}/feedback`, input),
    articles.keys.all,
  );

export const useDeflect = () =>
  useRefreshingWrite(
    ({ id, query }: { id: string; query: string }) =>
      api.post<Counts>(`/knowledge/articles/${id}/deflections`, { query }),
    articles.keys.all,
  );

export function useKnowledgeSearch(q: string) {
  return useQuery({
    queryKey: knowledgeKeys.search(q),
    queryFn: ({ signal }) => api.get<{ items: ArticleHit[] }>('/knowledge/search', { q, limit: 20 }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: (prev) => prev,
  });
}

export function useSuggestions(text: string, serviceId?: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.suggestions(text, serviceId ?? undefined),
    queryFn: ({ signal }) =>
      api.get<{ items: ArticleHit[] }>(
        '/knowledge/suggestions',
        { text: text.slice(0, 2000), serviceId: serviceId ?? undefined, limit: 5 },
        signal,
      ),
    enabled: text.trim().length >= 3,
    placeholderData: (prev) => prev,
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: (body: string) => api.post<{ html: string }>('/knowledge/preview', { body }),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: knowledgeKeys.categories,
    queryFn: ({ signal }) => api.get<{ items: CategoryView[] }>('/knowledge/categories', undefined, signal),
  });
}

export const useSaveCategory = (current: { id: string; version: number } | undefined) =>
  useRefreshingWrite(
    (input: CategoryInput) => api.save<CategoryView>(current, '/knowledge/categories', input),
    knowledgeKeys.categories,
  );

export function useRecordArticles(recordId: string) {
  return useQuery({
    queryKey: knowledgeKeys.recordArticles(recordId),
    queryFn: ({ signal }) =>
      api.get<{ items: ArticleSummary[] }>(`/records/${recordId}/articles`, undefined, signal),
  });
}

export function useLinkArticle(recordId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ articleId, link }: { articleId: string; link: boolean }) =>
      link
        ? api.post<{ items: ArticleSummary[] }>(`/records/${recordId}/articles`, { articleId })
        : api.delete<{ items: ArticleSummary[] }>(`/records/${recordId}/articles/${articleId}`),
    onSuccess: (answer) => {
      qc.setQueryData(knowledgeKeys.recordArticles(recordId), answer);
      void qc.invalidateQueries({ queryKey: ['records', recordId] });
    },
  });
}

export function useKnownErrorArticle(knownErrorId: string) {
  return useQuery({
    queryKey: ['knowledge', 'known-error', knownErrorId],
    queryFn: ({ signal }) =>
      api.get<{ article: { id: string; number: string; state: string } | null }>(
        `/known-errors/${knownErrorId}/article`,
        undefined,
        signal,
      ),
  });
}

export const usePublishKnownError = (knownErrorId: string) =>
  useRefreshingWrite(
    (input: { categoryId: string; audience: string }) =>
      api.post<ArticleView>(`/known-errors/${knownErrorId}/article`, input),
    ['knowledge'],
  );
