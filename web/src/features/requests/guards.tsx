/**
 * Route guards for request pages: the same link works for everyone, because requesters are sent
 * to the portal's page and staff to the workspace's page for the same thing.
 */
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { isPortalUser } from '../../lib/faces.ts';

/** Workspace pages; portal users go to the portal's version (or the portal home). */
export function StaffRequestRoutes() {
  const me = useMe();
  const { pathname, search } = useLocation();
  if (!isPortalUser(me)) return <Outlet />;
  const portalTwin = /^\/(requests\/[^/]+|catalog(\/[^/]+)?)$/.test(pathname);
  return <Navigate to={portalTwin ? `/portal${pathname}${search}` : '/portal'} replace />;
}

/** Portal pages; staff go to the workspace's version. */
export function PortalRequestRoutes() {
  const me = useMe();
  const { pathname, search } = useLocation();
  if (isPortalUser(me)) return <Outlet />;
  return <Navigate to={`${pathname.replace(/^\/portal/, '')}${search}`} replace />;
}
