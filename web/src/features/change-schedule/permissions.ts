/** Who may add and change windows: the API's change schedule managers. */
import { useMe } from '../../auth/session.tsx';

export function useCanManageWindows(): boolean {
  const me = useMe();
  return me.roles.some((r) => r === 'admin' || r === 'service_manager' || r === 'change_manager');
}
