/** Change management pages in the agent workspace (called, not rendered): queue, new, record, CAB agenda, CAB boards, templates, questionnaire. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { recordTypes } from '../../records/registry.ts';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ChangeQueuePage = page(() => import('./ChangeQueuePage.tsx'), 'ChangeQueuePage');
const NewChangePage = page(() => import('./NewChangePage.tsx'), 'NewChangePage');
const CabAgendaPage = page(() => import('./CabAgendaPage.tsx'), 'CabAgendaPage');
const ChangeTemplatesPage = page(() => import('./ChangeTemplatesPage.tsx'), 'ChangeTemplatesPage');
const CabBoardsPage = page(() => import('./CabBoardsPage.tsx'), 'CabBoardsPage');
const CabBoardPage = page(() => import('./CabBoardsPage.tsx'), 'CabBoardPage');
const RiskQuestionnairePage = page(() => import('./RiskQuestionnairePage.tsx'), 'RiskQuestionnairePage');

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
