/** Problem management pages in the agent workspace (called, not rendered): queue, new, record, known errors. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { recordTypeRoutes } from '../../records/routes.tsx';

const ProblemQueuePage = lazyPage(() => import('./ProblemQueuePage.tsx'), 'ProblemQueuePage');
const NewProblemPage = lazyPage(() => import('./NewProblemPage.tsx'), 'NewProblemPage');
const KnownErrorsPage = lazyPage(() => import('./KnownErrorsPage.tsx'), 'KnownErrorsPage');

export function problemRoutes() {
  return (
    <>
      {recordTypeRoutes('problem', ProblemQueuePage, NewProblemPage)}
      <Route path="known-errors" element={<KnownErrorsPage />} />
    </>
  );
}
