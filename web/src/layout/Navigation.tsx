/** The left navigation of the workspace; admin entries only for the roles that open them. */
import { Divider, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconActivityHeartbeat,
  IconAdjustments,
  IconAlertOctagon,
  IconBellCog,
  IconClipboardList,
  IconHourglassHigh,
  IconKey,
  IconKeyboard,
  IconListSearch,
  IconMailForward,
  IconPackage,
  IconRoute,
  IconSettingsAutomation,
  IconSitemap,
  IconSpeakerphone,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { useLocation } from 'react-router-dom';
import { useMe } from '../auth/session.tsx';
import { mayManageAnnouncements } from '../features/announcements/permissions.ts';
import { ScheduleNavSection } from '../features/change-schedule/ScheduleNavigation.tsx';
import { ChangeNavSection } from '../features/changes/ChangeNavigation.tsx';
import { CmdbNavSection } from '../features/cmdb/CmdbNavigation.tsx';
import { KnowledgeNavSection } from '../features/knowledge/KnowledgeNavigation.tsx';
import { ProblemNavSection } from '../features/problems/ProblemNavigation.tsx';
import { ReportNavSection } from '../features/reports/ReportNavigation.tsx';
import { RequestNavSection } from '../features/requests/RequestNavigation.tsx';
import { ServiceLevelNavSection } from '../features/services/ServiceLevelNavigation.tsx';
import { isAtOrBelow, NavSection } from '../kit/nav/NavSection.tsx';
import { adminAreas, canManageCatalog } from '../lib/faces.ts';
import { recordTypes } from '../records/registry.ts';

const incidents = recordTypes.incident;
const IncidentIcon = incidents.icon;

/** Active on `path` itself only (a page whose deeper paths belong to another entry). */
const isAt = (path: string) => (pathname: string) => pathname === path;

export function Navigation({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  const areas = adminAreas(me);
  const params = new URLSearchParams(search);
  const onQueue = pathname === incidents.listPath;
  const newPath = incidents.newPath ?? `${incidents.listPath}/new`;
  const mine = onQueue && params.get('assigneeId') === 'me';
  const unassigned = onQueue && params.get('assigneeId') === 'none';
  return (
    <Stack justify="space-between" h="100%" gap={0}>
      <ScrollArea.Autosize type="auto" mah="calc(100vh - 120px)">
        <NavSection
          title="Service desk"
          pathname={pathname}
          items={[
            {
              to: incidents.listPath,
              label: `All ${incidents.plural.toLowerCase()}`,
              icon: <IncidentIcon size={18} />,
              active: (p) =>
                (onQueue && !mine && !unassigned) ||
                (p.startsWith(`${incidents.listPath}/`) && p !== newPath),
            },
            {
              to: `${incidents.listPath}?assigneeId=me&stateCategory=open,paused`,
              label: 'My open work',
              icon: <IconUserCheck size={18} />,
              active: () => mine,
            },
            {
              to: `${incidents.listPath}?assigneeId=none&stateCategory=open`,
              label: 'Unassigned',
              icon: <IconListSearch size={18} />,
              active: () => unassigned,
            },
            {
              to: '/likely-to-breach',
              label: 'Likely to breach',
              icon: <IconHourglassHigh size={18} />,
              active: isAt('/likely-to-breach'),
            },
            {
              to: newPath,
              label: `New ${incidents.label.toLowerCase()}`,
              icon: <IconClipboardList size={18} />,
              active: isAt(newPath),
            },
            {
              to: '/major-incidents',
              label: 'Major incidents',
              icon: <IconAlertOctagon size={18} />,
              active: isAt('/major-incidents'),
            },
            {
              to: '/status-page',
              label: 'Status page',
              icon: <IconActivityHeartbeat size={18} />,
              active: isAt('/status-page'),
            },
            {
              to: '/announcements',
              label: 'Announcements',
              icon: <IconSpeakerphone size={18} />,
              show: mayManageAnnouncements(me),
              active: isAt('/announcements'),
            },
            {
              to: '/processes/incident/roles',
              label: 'Roles and responsibilities',
              icon: <IconSitemap size={18} />,
              active: (p) => p.startsWith('/processes/'),
            },
          ]}
        />
        <ProblemNavSection pathname={pathname} />
        <ChangeNavSection pathname={pathname} />
        <KnowledgeNavSection pathname={pathname} />
        <RequestNavSection pathname={pathname} />
        <CmdbNavSection pathname={pathname} />
        <ServiceLevelNavSection pathname={pathname} />
        <ScheduleNavSection pathname={pathname} />
        <ReportNavSection pathname={pathname} />
        <NavSection
          title="Administration"
          pathname={pathname}
          items={[
            { to: '/admin/users', label: 'Users', icon: <IconUsers size={18} />, show: areas.users },
            { to: '/admin/groups', label: 'Groups', icon: <IconUsersGroup size={18} />, show: areas.groups },
            {
              to: '/admin/priority-matrix',
              label: 'Priority matrix',
              icon: <IconAdjustments size={18} />,
              show: areas.priorityMatrix,
            },
            {
              to: '/admin/processes/incident/lifecycle',
              label: 'Processes',
              icon: <IconRoute size={18} />,
              show: areas.processes,
              active: (p) => isAtOrBelow(p, '/admin/processes'),
            },
            {
              to: '/admin/automation/incident',
              label: 'Automation rules',
              icon: <IconSettingsAutomation size={18} />,
              show: areas.automation,
              active: (p) => isAtOrBelow(p, '/admin/automation'),
            },
            {
              to: '/admin/notifications',
              label: 'Notifications',
              icon: <IconBellCog size={18} />,
              show: areas.notifications,
            },
            {
              to: '/admin/webhooks',
              label: 'Webhooks',
              icon: <IconWebhook size={18} />,
              show: areas.webhooks,
            },
            {
              to: '/admin/notification-log',
              label: 'Delivery log',
              icon: <IconMailForward size={18} />,
              show: areas.notificationLog,
            },
            {
              to: '/admin/catalog-items',
              label: 'Catalog items',
              icon: <IconPackage size={18} />,
              show: canManageCatalog(me),
            },
            {
              to: '/admin/inbound-mail',
              label: 'Email in',
              icon: <IconMailForward size={18} />,
              show: areas.inboundMail,
            },
            {
              to: '/admin/audit',
              label: 'Audit log',
              icon: <IconClipboardList size={18} />,
              show: areas.audit,
            },
          ]}
        />
        <NavSection
          title="Account"
          pathname={pathname}
          items={[
            { to: '/tokens', label: 'API tokens', icon: <IconKey size={18} />, active: isAt('/tokens') },
          ]}
        />
      </ScrollArea.Autosize>
      <div>
        <Divider my="xs" />
        <UnstyledButton onClick={onShowShortcuts} px="sm" py={6}>
          <Text size="xs" c="dimmed" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <IconKeyboard size={16} aria-hidden /> Keyboard shortcuts: press ?
          </Text>
        </UnstyledButton>
      </div>
    </Stack>
  );
}
