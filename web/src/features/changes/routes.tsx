/** Change management pages in the agent workspace (called, not rendered): queue, new, record, CAB agenda, CAB boards, templates, questionnaire. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypes } from '../../records/registry.ts';

const ChangeQueuePage = lazyPage(() => import('./ChangeQueuePage.tsx'), 'ChangeQueuePage');
const NewChangePage = lazyPage(() => import('./NewChangePage.tsx'), 'NewChangePage');
const CabAgendaPage = lazyPage(() => import('./CabAgendaPage.tsx'), 'CabAgendaPage');
const ChangeTemplatesPage = lazyPage(() => import('./ChangeTemplatesPage.tsx'), 'ChangeTemplatesPage');
const CabBoardsPage = lazyPage(() => import('./CabBoardsPage.tsx'), 'CabBoardsPage');
const CabBoardPage = lazyPage(() => import('./CabBoardsPage.tsx'), 'CabBoardPage');
const RiskQuestionnairePage = lazyPage(() => import('./RiskQuestionnairePage.tsx'), 'RiskQuestionnairePage');

const change = recordTypes.change;

export function changeRoutes() {
  return (
    <>
      <Route path={change.route} element={<ChangeQueuePage />} />
      <Route path={`${change.route}/new`} element={<NewChangePage />} />
      <Route path={`${change.route}/:ref`} element={<change.pages.record />} />
      <Route path="cab" element={<CabAgendaPage />} />
      <Route path="cab-boards" element={<CabBoardsPage />} />
      <Route path="cab-boards/:id" element={<CabBoardPage />} />
      <Route path="change-templates" element={<ChangeTemplatesPage />} />
      <Route path="change-risk" element={<RiskQuestionnairePage />} />
    </>
  );
}
