/** Names for the ids and keys in field history, from the caches the workspace already has. */
import { useLifecycle } from '../../api/queries/admin.ts';
import { useGroups, useUserNames } from '../../api/queries/directory.ts';
import type { ActivityItem } from '../../api/types.ts';
import { type Resolvers, referencedIds } from './changes.ts';

/** `directory` is false for requesters, who may not read the directory or the lifecycle. */
export function useResolvers(items: ActivityItem[], directory: boolean): Resolvers {
  const ids = referencedIds(items);
  const users = useUserNames(ids.users, directory);
  const groups = useGroups(directory);
  const lifecycle = useLifecycle(directory);
  return {
    stateLabel: (key) => lifecycle.data?.lifecycle.states.find((s) => s.key === key)?.label,
    userName: (id) => users.get(id),
    groupName: (id) => groups.data?.find((g) => g.id === id)?.name,
  };
}
