/** Problem management pages in the agent workspace (called, not rendered): queue, new, record, known errors. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypes } from '../../records/registry.ts';

const ProblemQueuePage = lazyPage(() => import('./ProblemQueuePage.tsx'), 'ProblemQueuePage');
const NewProblemPage = lazyPage(() => import('./NewProblemPage.tsx'), 'NewProblemPage');
const KnownErrorsPage = lazyPage(() => import('./KnownErrorsPage.tsx'), 'KnownErrorsPage');

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
