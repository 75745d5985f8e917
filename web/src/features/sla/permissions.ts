/** Whether to offer service level management actions. Navigation only: the API decides. */
import { useMe } from '../../auth/session.tsx';

export function useCanManageServiceLevels(): boolean {
  const me = useMe();
  return me.roles.includes('admin') || me.roles.includes('service_manager');
}
