/** Change management pages in the agent workspace (called, not rendered): queue, new, record, CAB agenda, CAB boards, templates, questionnaire. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypeRoutes } from '../../records/routes.tsx';

const ChangeQueuePage = lazyPage(() => import('./ChangeQueuePage.tsx'), 'ChangeQueuePage');
const NewChangePage = lazyPage(() => import('./NewChangePage.tsx'), 'NewChangePage');
const CabAgendaPage = lazyPage(() => import('./CabAgendaPage.tsx'), 'CabAgendaPage');
const ChangeTemplatesPage = lazyPage(() => import('./ChangeTemplatesPage.tsx'), 'ChangeTemplatesPage');
const CabBoardsPage = lazyPage(() => import('./CabBoardsPage.tsx'), 'CabBoardsPage');
const CabBoardPage = lazyPage(() => import('./CabBoardsPage.tsx'), 'CabBoardPage');
const RiskQuestionnairePage = lazyPage(() => import('./RiskQuestionnairePage.tsx'), 'RiskQuestionnairePage');

export function changeRoutes() {
  return (
    <>
      {recordTypeRoutes('change', ChangeQueuePage, NewChangePage)}
      <Route path="cab" element={<CabAgendaPage />} />
      <Route path="cab-boards" element={<CabBoardsPage />} />
      <Route path="cab-boards/:id" element={<CabBoardPage />} />
      <Route path="change-templates" element={<ChangeTemplatesPage />} />
      <Route path="change-risk" element={<RiskQuestionnairePage />} />
    </>
  );
}
