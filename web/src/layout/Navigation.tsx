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
  IconRoute,
  IconSettingsAutomation,
  IconSitemap,
  IconSpeakerphone,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useMe } from '../auth/session.tsx';
import { mayManageAnnouncements } from '../features/announcements/permissions.ts';
import { ScheduleNavSection } from '../features/change-schedule/ScheduleNavigation.tsx';
import { ChangeNavSection } from '../features/changes/ChangeNavigation.tsx';
import { CmdbNavSection } from '../features/cmdb/CmdbNavigation.tsx';
import { KnowledgeNavSection } from '../features/knowledge/KnowledgeNavigation.tsx';
import { ProblemNavSection } from '../features/problems/ProblemNavigation.tsx';
import { ReportNavSection } from '../features/reports/ReportNavigation.tsx';
import { CatalogAdminNavItem, RequestNavSection } from '../features/requests/RequestNavigation.tsx';
import { ServiceLevelNavSection } from '../features/services/ServiceLevelNavigation.tsx';
import { NavItem } from '../kit/nav/NavSection.tsx';
import { adminAreas, hasAnyAdminArea } from '../lib/faces.ts';
import { recordTypes } from '../records/registry.ts';

const incidents = recordTypes.incident;
const IncidentIcon = incidents.icon;

function Section({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
      {children}
    </Text>
  );
}

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
        <Section>Service desk</Section>
        <NavItem
          to={incidents.listPath}
          label={`All ${incidents.plural.toLowerCase()}`}
          icon={<IncidentIcon size={18} />}
          active={
            (onQueue && !mine && !unassigned) ||
            (pathname.startsWith(`${incidents.listPath}/`) && pathname !== newPath)
          }
        />
        <NavItem
          to={`${incidents.listPath}?assigneeId=me&stateCategory=open,paused`}
          label="My open work"
          icon={<IconUserCheck size={18} />}
          active={mine}
        />
        <NavItem
          to={`${incidents.listPath}?assigneeId=none&stateCategory=open`}
          label="Unassigned"
          icon={<IconListSearch size={18} />}
          active={unassigned}
        />
        <NavItem
          to="/likely-to-breach"
          label="Likely to breach"
          icon={<IconHourglassHigh size={18} />}
          active={pathname === '/likely-to-breach'}
        />
        <NavItem
          to={newPath}
          label={`New ${incidents.label.toLowerCase()}`}
          icon={<IconClipboardList size={18} />}
          active={pathname === newPath}
        />
        <NavItem
          to="/major-incidents"
          label="Major incidents"
          icon={<IconAlertOctagon size={18} />}
          active={pathname === '/major-incidents'}
        />
        <NavItem
          to="/status-page"
          label="Status page"
          icon={<IconActivityHeartbeat size={18} />}
          active={pathname === '/status-page'}
        />
        {mayManageAnnouncements(me.roles) && (
          <NavItem
            to="/announcements"
            label="Announcements"
            icon={<IconSpeakerphone size={18} />}
            active={pathname === '/announcements'}
          />
        )}
        <NavItem
          to="/processes/incident/roles"
          label="Roles and responsibilities"
          icon={<IconSitemap size={18} />}
          active={pathname.startsWith('/processes/')}
        />
        <ProblemNavSection pathname={pathname} />
        <ChangeNavSection pathname={pathname} />
        <KnowledgeNavSection pathname={pathname} />
        <RequestNavSection pathname={pathname} />
        <CmdbNavSection pathname={pathname} />
        <ServiceLevelNavSection pathname={pathname} />
        <ScheduleNavSection pathname={pathname} />
        <ReportNavSection pathname={pathname} />
        {hasAnyAdminArea(me) && <Section>Administration</Section>}
        {areas.users && (
          <NavItem
            to="/admin/users"
            label="Users"
            icon={<IconUsers size={18} />}
            active={pathname.startsWith('/admin/users')}
          />
        )}
        {areas.groups && (
          <NavItem
            to="/admin/groups"
            label="Groups"
            icon={<IconUsersGroup size={18} />}
            active={pathname.startsWith('/admin/groups')}
          />
        )}
        {areas.priorityMatrix && (
          <NavItem
            to="/admin/priority-matrix"
            label="Priority matrix"
            icon={<IconAdjustments size={18} />}
            active={pathname.startsWith('/admin/priority-matrix')}
          />
        )}
        {areas.processes && (
          <NavItem
            to="/admin/processes/incident/lifecycle"
            label="Processes"
            icon={<IconRoute size={18} />}
            active={pathname.startsWith('/admin/processes')}
          />
        )}
        {areas.automation && (
          <NavItem
            to="/admin/automation/incident"
            label="Automation rules"
            icon={<IconSettingsAutomation size={18} />}
            active={pathname.startsWith('/admin/automation')}
          />
        )}
        {areas.notifications && (
          <NavItem
            to="/admin/notifications"
            label="Notifications"
            icon={<IconBellCog size={18} />}
            active={pathname.startsWith('/admin/notifications')}
          />
        )}
        {areas.webhooks && (
          <NavItem
            to="/admin/webhooks"
            label="Webhooks"
            icon={<IconWebhook size={18} />}
            active={pathname.startsWith('/admin/webhooks')}
          />
        )}
        {areas.notificationLog && (
          <NavItem
            to="/admin/notification-log"
            label="Delivery log"
            icon={<IconMailForward size={18} />}
            active={pathname.startsWith('/admin/notification-log')}
          />
        )}
        <CatalogAdminNavItem pathname={pathname} />
        {areas.inboundMail && (
          <NavItem
            to="/admin/inbound-mail"
            label="Email in"
            icon={<IconMailForward size={18} />}
            active={pathname.startsWith('/admin/inbound-mail')}
          />
        )}
        {areas.audit && (
          <NavItem
            to="/admin/audit"
            label="Audit log"
            icon={<IconClipboardList size={18} />}
            active={pathname.startsWith('/admin/audit')}
          />
        )}
        <Section>Account</Section>
        <NavItem
          to="/tokens"
          label="API tokens"
          icon={<IconKey size={18} />}
          active={pathname === '/tokens'}
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
