/** Route guards and the signed-in user for components below them. */
import { Center, Loader } from '@mantine/core';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, Outlet, useLocation, useParams } from 'react-router-dom';
import type { Action } from '../../../src/domain/roles.ts';
import { useSession } from '../api/queries/auth.ts';
import type { User } from '../api/types.ts';
import { ErrorState } from '../components/States.tsx';
import { homePath, isPortalUser } from '../lib/faces.ts';
import { TimeZoneContext } from '../lib/time.tsx';
import { userCan } from './can.ts';

const UserContext = createContext<User | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useMe(): User {
  const u = useContext(UserContext);
  if (!u) throw new Error('useMe() outside <RequireAuth>');
  return u;
}

/** Whether the signed-in user may `action` (see `userCan`). */
export function useCan(action: Action): boolean {
  return userCan(useMe(), action);
}

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function RequireAuth({ children }: { children?: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin${from === '/' ? '' : `?from=${encodeURIComponent(from)}`}`} replace />;
  }
  const user = session.data.user;
  return (
    <UserContext.Provider value={user}>
      <TimeZoneContext.Provider value={user.timeZone}>{children ?? <Outlet />}</TimeZoneContext.Provider>
    </UserContext.Provider>
  );
}

export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homePath(me)} replace />;
}

/** Agent routes; portal users are sent to the portal's version of the same page. */
export function AgentOnly() {
  const me = useMe();
  const { ref } = useParams();
  if (isPortalUser(me)) return <Navigate to={ref ? `/portal/incidents/${ref}` : '/portal'} replace />;
  return <Outlet />;
}

/** Portal routes; agents are sent to the workspace's version of the same page. */
export function PortalOnly() {
  const me = useMe();
  const { ref } = useParams();
  const location = useLocation();
  if (!isPortalUser(me)) {
    const to = ref
      ? `/incidents/${ref}`
      : location.pathname === '/portal/new'
        ? '/incidents/new'
        : '/incidents';
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}
