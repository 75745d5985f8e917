/** The route map: sign-in, the agent workspace, the self-service portal and administration. */
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AgentOnly, HomeRedirect, PortalOnly, RequireAuth, useMe } from './auth/session.tsx';
import { NotFoundPage } from './components/States.tsx';
import { AdminGuard, AdminIndex } from './features/admin/AdminGuard.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { cmdbRoutes } from './features/cmdb/routes.tsx';
import { IncidentQueuePage } from './features/incidents/IncidentQueuePage.tsx';
import { NewIncidentPage } from './features/incidents/NewIncidentPage.tsx';
import { MajorIncidentsPage } from './features/major/MajorIncidentsPage.tsx';
import { PortalHomePage } from './features/portal/PortalHomePage.tsx';
import { PortalNewIncidentPage } from './features/portal/PortalNewIncidentPage.tsx';
import { problemRoutes } from './features/problems/routes.tsx';
import { reportRoutes } from './features/reports/routes.tsx';
import { requestRoutes } from './features/requests/routes.tsx';
import { serviceLevelRoutes } from './features/services/routes.tsx';
import { ProfilePage } from './features/tokens/ProfilePage.tsx';
import { TokensPage } from './features/tokens/TokensPage.tsx';
import { AgentShell } from './layout/AgentShell.tsx';
import { PortalShell } from './layout/PortalShell.tsx';
import { isPortalUser } from './lib/faces.ts';
import { recordTypes } from './records/registry.ts';

const incident = recordTypes.incident;

// Administration is used by few people; it loads on first visit.
const UsersPage = lazy(() =>
  import('./features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const UserPage = lazy(() => import('./features/admin/UserPage.tsx').then((m) => ({ default: m.UserPage })));
const GroupsPage = lazy(() =>
  import('./features/admin/GroupsPage.tsx').then((m) => ({ default: m.GroupsPage })),
);
const GroupPage = lazy(() =>
  import('./features/admin/GroupPage.tsx').then((m) => ({ default: m.GroupPage })),
);
const AuditPage = lazy(() =>
  import('./features/admin/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const PriorityMatrixPage = lazy(() =>
  import('./features/admin/PriorityMatrixPage.tsx').then((m) => ({ default: m.PriorityMatrixPage })),
);

const ProcessAdminPage = lazy(() =>
  import('./features/process-admin/ProcessAdminPage.tsx').then((m) => ({ default: m.ProcessAdminPage })),
);
const ProcessRolesPage = lazy(() =>
  import('./features/process-admin/ProcessRolesPage.tsx').then((m) => ({ default: m.ProcessRolesPage })),
);
const AutomationRulesPage = lazy(() =>
  import('./features/automation/AutomationRulesPage.tsx').then((m) => ({ default: m.AutomationRulesPage })),
);
const RulePage = lazy(() =>
  import('./features/automation/RulePage.tsx').then((m) => ({ default: m.RulePage })),
);

/** The workspace or the portal frame, by the user's roles. */
function FaceShell() {
  const me = useMe();
  return isPortalUser(me) ? <PortalShell /> : <AgentShell />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<FaceShell />}>
          <Route element={<AgentOnly />}>
            <Route path={incident.route} element={<IncidentQueuePage />} />
            <Route path={`${incident.route}/new`} element={<NewIncidentPage />} />
            <Route path={`${incident.route}/:ref`} element={<incident.pages.record />} />
            <Route path="major-incidents" element={<MajorIncidentsPage />} />
            {problemRoutes()}
            <Route path="processes/:process/roles" element={<ProcessRolesPage />} />
            {cmdbRoutes()}
            {serviceLevelRoutes()}
            {reportRoutes()}
            <Route path="admin" element={<AdminIndex />} />
            <Route path="admin/users" element={<AdminGuard area="users" />}>
              <Route index element={<UsersPage />} />
              <Route path=":id" element={<UserPage />} />
            </Route>
            <Route path="admin/groups" element={<AdminGuard area="groups" />}>
              <Route index element={<GroupsPage />} />
              <Route path=":id" element={<GroupPage />} />
            </Route>
            <Route path="admin/audit" element={<AdminGuard area="audit" />}>
              <Route index element={<AuditPage />} />
            </Route>
            <Route path="admin/priority-matrix" element={<AdminGuard area="priorityMatrix" />}>
              <Route index element={<PriorityMatrixPage />} />
            </Route>
            <Route path="admin/processes" element={<AdminGuard area="processes" />}>
              <Route index element={<ProcessAdminPage />} />
              <Route path=":process" element={<ProcessAdminPage />} />
              <Route path=":process/:section" element={<ProcessAdminPage />} />
            </Route>
            <Route path="admin/automation" element={<AdminGuard area="automation" />}>
              <Route index element={<AutomationRulesPage />} />
              <Route path=":process" element={<AutomationRulesPage />} />
              <Route path=":process/:ruleId" element={<RulePage />} />
            </Route>
          </Route>
          <Route path="portal" element={<PortalOnly />}>
            <Route index element={<PortalHomePage />} />
            <Route path="new" element={<PortalNewIncidentPage />} />
            {incident.pages.portalRecord && (
              <Route path="incidents/:ref" element={<incident.pages.portalRecord />} />
            )}
          </Route>
          {requestRoutes()}
          <Route path="tokens" element={<TokensPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
