/** Where request pages live: the portal for requesters and approvers, the workspace for staff. */
import { useMe } from '../../auth/session.tsx';
import { isPortalUser } from '../../lib/faces.ts';

export type RequestPaths = {
  portal: boolean;
  home: string;
  catalog: string;
  item: (id: string) => string;
  request: (number: string) => string;
  task: (number: string) => string;
};

export function pathsFor(portal: boolean): RequestPaths {
  const base = portal ? '/portal' : '';
  return {
    portal,
    home: portal ? '/portal' : '/requests',
    catalog: `${base}/catalog`,
    item: (id) => `${base}/catalog/${id}`,
    request: (n) => `${base}/requests/${n}`,
    task: (n) => `/tasks/${n}`,
  };
}

export function useRequestPaths(): RequestPaths {
  return pathsFor(isPortalUser(useMe()));
}
