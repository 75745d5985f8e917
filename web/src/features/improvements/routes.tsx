/** Continual improvement pages in the agent workspace (called, not rendered): the register, a new proposal, one proposal, the report. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypes } from '../../records/registry.ts';

const ImprovementQueuePage = lazyPage(() => import('./ImprovementQueuePage.tsx'), 'ImprovementQueuePage');
const NewImprovementPage = lazyPage(() => import('./NewImprovementPage.tsx'), 'NewImprovementPage');
const RegisterReportPage = lazyPage(() => import('./RegisterReportPage.tsx'), 'RegisterReportPage');

const improvement = recordTypes.improvement;

export function improvementRoutes() {
  return (
    <>
      <Route path={improvement.route} element={<ImprovementQueuePage />} />
      <Route path={`${improvement.route}/new`} element={<NewImprovementPage />} />
      <Route path={`${improvement.route}/:ref`} element={<improvement.pages.record />} />
      <Route path="reports/improvements" element={<RegisterReportPage />} />
    </>
  );
}
