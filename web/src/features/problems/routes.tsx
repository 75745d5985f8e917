/** Problem management pages in the agent workspace (called, not rendered): queue, new, record, known errors. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { recordTypes } from '../../records/registry.ts';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ProblemQueuePage = page(() => import('./ProblemQueuePage.tsx'), 'ProblemQueuePage');
const NewProblemPage = page(() => import('./NewProblemPage.tsx'), 'NewProblemPage');
const KnownErrorsPage = page(() => import('./KnownErrorsPage.tsx'), 'KnownErrorsPage');

const problem = recordTypes.problem;

export function problemRoutes() {
  return (
    <>
      <Route path={problem.route} element={<ProblemQueuePage />} />
      <Route path={`${problem.route}/new`} element={<NewProblemPage />} />
      <Route path={`${problem.route}/:ref`} element={<problem.pages.record />} />
      <Route path="known-errors" element={<KnownErrorsPage />} />
    </>
  );
}
