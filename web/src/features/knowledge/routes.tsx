/** Knowledge pages (called, not rendered): the agent workspace's and the portal's. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';

const KnowledgeListPage = lazyPage(() => import('./KnowledgeListPage.tsx'), 'KnowledgeListPage');
const ArticlePage = lazyPage(() => import('./ArticlePage.tsx'), 'ArticlePage');
const NewArticlePage = lazyPage(() => import('./ArticleEditorPage.tsx'), 'NewArticlePage');
const EditArticlePage = lazyPage(() => import('./ArticleEditorPage.tsx'), 'EditArticlePage');
const ReviewQueuePage = lazyPage(() => import('./ReviewQueuePage.tsx'), 'ReviewQueuePage');
const CategoriesPage = lazyPage(() => import('./CategoriesPage.tsx'), 'CategoriesPage');
const PortalKnowledgePage = lazyPage(() => import('./PortalKnowledgePage.tsx'), 'PortalKnowledgePage');
const PortalArticlePage = lazyPage(() => import('./PortalArticlePage.tsx'), 'PortalArticlePage');

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
