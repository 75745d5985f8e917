/** Who may add and change windows: the API's change schedule managers. */
import { useCan } from '../../auth/session.tsx';

export const useCanManageWindows = (): boolean => useCan('change_schedule.manage');
