/** The route map: sign-in, the agent workspace, the self-service portal and administration. */
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AgentOnly, FullPageLoader, HomeRedirect, PortalOnly, RequireAuth, useMe } from './auth/session.tsx';
import { NotFoundPage } from './components/States.tsx';
import { AdminGuard, AdminIndex } from './features/admin/AdminGuard.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { changeScheduleRoutes } from './features/change-schedule/routes.tsx';
import { changeRoutes } from './features/changes/routes.tsx';
import { cmdbRoutes } from './features/cmdb/routes.tsx';
import { improvementRoutes } from './features/improvements/routes.tsx';
import { IncidentQueuePage } from './features/incidents/IncidentQueuePage.tsx';
import { NewIncidentPage } from './features/incidents/NewIncidentPage.tsx';
import { knowledgeRoutes, portalKnowledgeRoutes } from './features/knowledge/routes.tsx';
import { MajorIncidentsPage } from './features/major/MajorIncidentsPage.tsx';
import { PortalHomePage } from './features/portal/PortalHomePage.tsx';
import { PortalNewIncidentPage } from './features/portal/PortalNewIncidentPage.tsx';
import { LikelyToBreachPage } from './features/prediction/LikelyToBreachPage.tsx';
import { problemRoutes } from './features/problems/routes.tsx';
import { reportRoutes } from './features/reports/routes.tsx';
import { requestRoutes } from './features/requests/routes.tsx';
import { serviceLevelRoutes } from './features/services/routes.tsx';
import { ProfilePage } from './features/tokens/ProfilePage.tsx';
import { TokensPage } from './features/tokens/TokensPage.tsx';
import { lazyPage } from './kit/nav/lazyPage.ts';
import { AgentShell } from './layout/AgentShell.tsx';
import { PortalShell } from './layout/PortalShell.tsx';
import { isPortalUser } from './lib/faces.ts';
import { recordTypes } from './records/registry.ts';

const incident = recordTypes.incident;

// Administration is used by few people; it loads on first visit.
const UsersPage = lazyPage(() => import('./features/admin/UsersPage.tsx'), 'UsersPage');
const UserPage = lazyPage(() => import('./features/admin/UserPage.tsx'), 'UserPage');
const GroupsPage = lazyPage(() => import('./features/admin/GroupsPage.tsx'), 'GroupsPage');
const GroupPage = lazyPage(() => import('./features/admin/GroupPage.tsx'), 'GroupPage');
const AuditPage = lazyPage(() => import('./features/admin/AuditPage.tsx'), 'AuditPage');
const TemplatesPage = lazyPage(() => import('./features/notifications/TemplatesPage.tsx'), 'TemplatesPage');
const WebhooksPage = lazyPage(() => import('./features/notifications/WebhooksPage.tsx'), 'WebhooksPage');
const DeliveryLogPage = lazyPage(
  () => import('./features/notifications/DeliveryLogPage.tsx'),
  'DeliveryLogPage',
);
const PriorityMatrixPage = lazyPage(
  () => import('./features/admin/PriorityMatrixPage.tsx'),
  'PriorityMatrixPage',
);

const StatusAdminPage = lazyPage(
  () => import('./features/status-page/StatusAdminPage.tsx'),
  'StatusAdminPage',
);
const AnnouncementsPage = lazyPage(
  () => import('./features/announcements/AnnouncementsPage.tsx'),
  'AnnouncementsPage',
);
const PublicStatusPage = lazyPage(
  () => import('./features/status-page/PublicStatusPage.tsx'),
  'PublicStatusPage',
);
// Takes a prop (what the link does), so it is not one of the prop-less pages of lazyPage.
const SubscriptionLinkPage = lazy(() =>
  import('./features/status-page/SubscriptionLinkPage.tsx').then((m) => ({
    default: m.SubscriptionLinkPage,
  })),
);

const PublicSurveyPage = lazyPage(() => import('./features/csat/PublicSurveyPage.tsx'), 'PublicSurveyPage');

const InboundMailPage = lazyPage(
  () => import('./features/inbound-mail/InboundMailPage.tsx'),
  'InboundMailPage',
);
const InboundMessagePage = lazyPage(
  () => import('./features/inbound-mail/InboundMessagePage.tsx'),
  'InboundMessagePage',
);
const ProcessAdminPage = lazyPage(
  () => import('./features/process-admin/ProcessAdminPage.tsx'),
  'ProcessAdminPage',
);
const ProcessRolesPage = lazyPage(
  () => import('./features/process-admin/ProcessRolesPage.tsx'),
  'ProcessRolesPage',
);
const AutomationRulesPage = lazyPage(
  () => import('./features/automation/AutomationRulesPage.tsx'),
  'AutomationRulesPage',
);
const RulePage = lazyPage(() => import('./features/automation/RulePage.tsx'), 'RulePage');

/** A page anyone may open, loaded on first visit. */
function Public({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageLoader />}>{children}</Suspense>;
}

/** The workspace or the portal frame, by the user's roles. */
function FaceShell() {
  const me = useMe();
  return isPortalUser(me) ? <PortalShell /> : <AgentShell />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      {/* The public status page: no sign-in, outside the app's frame. */}
      <Route
        path="/status"
        element={
          <Public>
            <PublicStatusPage />
          </Public>
        }
      />
      {/* A satisfaction survey's mailed link: answered without signing in. */}
      <Route
        path="/survey/:token"
        element={
          <Public>
            <PublicSurveyPage />
          </Public>
        }
      />
      <Route
        path="/status/confirm"
        element={
          <Public>
            <SubscriptionLinkPage what="confirm" />
          </Public>
        }
      />
      <Route
        path="/status/unsubscribe"
        element={
          <Public>
            <SubscriptionLinkPage what="unsubscribe" />
          </Public>
        }
      />
      <Route element={<RequireAuth />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<FaceShell />}>
          <Route element={<AgentOnly />}>
            <Route path={incident.route} element={<IncidentQueuePage />} />
            <Route path={`${incident.route}/new`} element={<NewIncidentPage />} />
            <Route path={`${incident.route}/:ref`} element={<incident.pages.record />} />
            <Route path="major-incidents" element={<MajorIncidentsPage />} />
            <Route path="likely-to-breach" element={<LikelyToBreachPage />} />
            <Route path="status-page" element={<StatusAdminPage />} />
            <Route path="announcements" element={<AnnouncementsPage />} />
            {problemRoutes()}
            {changeRoutes()}
            {knowledgeRoutes()}
            <Route path="processes/:process/roles" element={<ProcessRolesPage />} />
            {cmdbRoutes()}
            {serviceLevelRoutes()}
            {changeScheduleRoutes()}
            {reportRoutes()}
            {improvementRoutes()}
            <Route path="admin" element={<AdminIndex />} />
            <Route path="admin/users" element={<AdminGuard area="users" />}>
              <Route index element={<UsersPage />} />
              <Route path=":id" element={<UserPage />} />
            </Route>
            <Route path="admin/groups" element={<AdminGuard area="groups" />}>
              <Route index element={<GroupsPage />} />
              <Route path=":id" element={<GroupPage />} />
            </Route>
            <Route path="admin/inbound-mail" element={<AdminGuard area="inboundMail" />}>
              <Route index element={<InboundMailPage />} />
              <Route path="messages/:id" element={<InboundMessagePage />} />
            </Route>
            <Route path="admin/audit" element={<AdminGuard area="audit" />}>
              <Route index element={<AuditPage />} />
            </Route>
            <Route path="admin/notifications" element={<AdminGuard area="notifications" />}>
              <Route index element={<TemplatesPage />} />
              <Route path=":event" element={<TemplatesPage />} />
            </Route>
            <Route path="admin/webhooks" element={<AdminGuard area="webhooks" />}>
              <Route index element={<WebhooksPage />} />
            </Route>
            <Route path="admin/notification-log" element={<AdminGuard area="notificationLog" />}>
              <Route index element={<DeliveryLogPage />} />
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
            {portalKnowledgeRoutes()}
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
