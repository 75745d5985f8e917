/** Knowledge pages (called, not rendered): the agent workspace's and the portal's. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const KnowledgeListPage = page(() => import('./KnowledgeListPage.tsx'), 'KnowledgeListPage');
const ArticlePage = page(() => import('./ArticlePage.tsx'), 'ArticlePage');
const NewArticlePage = page(() => import('./ArticleEditorPage.tsx'), 'NewArticlePage');
const EditArticlePage = page(() => import('./ArticleEditorPage.tsx'), 'EditArticlePage');
const ReviewQueuePage = page(() => import('./ReviewQueuePage.tsx'), 'ReviewQueuePage');
const CategoriesPage = page(() => import('./CategoriesPage.tsx'), 'CategoriesPage');
const PortalKnowledgePage = page(() => import('./PortalKnowledgePage.tsx'), 'PortalKnowledgePage');
const PortalArticlePage = page(() => import('./PortalArticlePage.tsx'), 'PortalArticlePage');

export function knowledgeRoutes() {
  return (
    <>
      <Route path="knowledge" element={<KnowledgeListPage />} />
      <Route path="knowledge/new" element={<NewArticlePage />} />
      <Route path="knowledge/review" element={<ReviewQueuePage />} />
      <Route path="knowledge/categories" element={<CategoriesPage />} />
      <Route path="knowledge/:ref" element={<ArticlePage />} />
      <Route path="knowledge/:ref/edit" element={<EditArticlePage />} />
    </>
  );
}

/** Inside the portal's route (relative paths). */
export function portalKnowledgeRoutes() {
  return (
    <>
      <Route path="knowledge" element={<PortalKnowledgePage />} />
      <Route path="knowledge/:ref" element={<PortalArticlePage />} />
    </>
  );
}
