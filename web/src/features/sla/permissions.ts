/** Whether to offer service level management actions. Navigation only: the API decides. */
import { useCan } from '../../auth/session.tsx';

export const useCanManageServiceLevels = (): boolean => useCan('service_level.manage');
