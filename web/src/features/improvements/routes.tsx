/** Continual improvement pages in the agent workspace (called, not rendered): the register, a new proposal, one proposal, the report. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { recordTypes } from '../../records/registry.ts';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ImprovementQueuePage = page(() => import('./ImprovementQueuePage.tsx'), 'ImprovementQueuePage');
const NewImprovementPage = page(() => import('./NewImprovementPage.tsx'), 'NewImprovementPage');
const RegisterReportPage = page(() => import('./RegisterReportPage.tsx'), 'RegisterReportPage');

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
