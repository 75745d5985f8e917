/** Admin areas open by role (navigation only; the API enforces the same rules). */
import { Navigate, Outlet } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { Forbidden } from '../../components/States.tsx';
import { adminAreas } from '../../lib/faces.ts';

type Area = keyof ReturnType<typeof adminAreas>;
const PATHS: Record<Area, string> = {
  users: '/admin/users',
  groups: '/admin/groups',
  priorityMatrix: '/admin/priority-matrix',
  processes: '/admin/processes',
  automation: '/admin/automation',
  audit: '/admin/audit',
  notifications: '/admin/notifications',
  webhooks: '/admin/webhooks',
  notificationLog: '/admin/notification-log',
  inboundMail: '/admin/inbound-mail',
  inboundMailManage: '/admin/inbound-mail',
};
const NAMES: Record<Area, string> = {
  users: 'user administration',
  groups: 'group administration',
  priorityMatrix: 'the priority matrix',
  processes: 'process administration',
  automation: 'automation rules',
  audit: 'the audit log',
  notifications: 'notification settings',
  webhooks: 'webhooks',
  notificationLog: 'the notification delivery log',
  inboundMail: 'email in',
  inboundMailManage: 'email in',
};

export function AdminGuard({ area }: { area: Area }) {
  const me = useMe();
  return adminAreas(me)[area] ? <Outlet /> : <Forbidden what={NAMES[area]} />;
}

export function AdminIndex() {
  const me = useMe();
  const areas = adminAreas(me);
  const first = (Object.keys(PATHS) as Area[]).find((a) => areas[a]);
  return first ? <Navigate to={PATHS[first]} replace /> : <Forbidden what="administration" />;
}
