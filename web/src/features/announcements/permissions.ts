/** Who manages announcements: the API's own rule (`announcement.manage`); navigation only, the API decides. */
import type { User } from '../../api/types.ts';
import { userCan } from '../../auth/can.ts';

export const mayManageAnnouncements = (user: Pick<User, 'id' | 'roles'>) =>
  userCan(user, 'announcement.manage');
