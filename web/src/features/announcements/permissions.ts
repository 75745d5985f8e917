/** Who manages announcements (the API's announcement managers); navigation only, the API decides. */
import type { Role } from '../../api/types.ts';

export const mayManageAnnouncements = (roles: readonly Role[]) =>
  roles.some((r) => r === 'admin' || r === 'service_manager' || r === 'process_owner');
