/** Continual improvement pages in the agent workspace (called, not rendered): the register, a new proposal, one proposal, the report. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypeRoutes } from '../../records/routes.tsx';

const ImprovementQueuePage = lazyPage(() => import('./ImprovementQueuePage.tsx'), 'ImprovementQueuePage');
const NewImprovementPage = lazyPage(() => import('./NewImprovementPage.tsx'), 'NewImprovementPage');
const RegisterReportPage = lazyPage(() => import('./RegisterReportPage.tsx'), 'RegisterReportPage');

export function improvementRoutes() {
  return (
    <>
      {recordTypeRoutes('improvement', ImprovementQueuePage, NewImprovementPage)}
      <Route path="reports/improvements" element={<RegisterReportPage />} />
    </>
  );
}
