/** Where request pages live: the portal for requesters and approvers, the workspace for staff. */
import { useMe } from '../../auth/session.tsx';
import { isPortalUser } from '../../lib/faces.ts';
import { listPath, recordPath } from '../../records/registry.ts';

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
    home: listPath('request', portal),
    catalog: `${base}/catalog`,
    item: (id) => `${base}/catalog/${id}`,
    request: (n) => recordPath('request', n, portal),
    task: (n) => recordPath('request_task', n, portal),
  };
}

export function useRequestPaths(): RequestPaths {
  return pathsFor(isPortalUser(useMe()));
}
