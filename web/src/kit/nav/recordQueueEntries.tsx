/**
 * A record type's first two navigation entries: "All <records>" (its queue, active on the type's
 * pages but not on its "new" form) and "New <record>".
 */
import type { Icon } from '@tabler/icons-react';
import { IconPlus } from '@tabler/icons-react';
import { isAtOrBelow, type NavEntry } from './NavSection.tsx';

export function recordQueueEntries(type: {
  noun: [string, string];
  icon: Icon;
  route: string;
  listPath: string;
  newPath: string | null;
}): NavEntry[] {
  const newPath = type.newPath ?? `/${type.route}/new`;
  const RecordIcon = type.icon;
  return [
    {
      to: type.listPath,
      label: `All ${type.noun[1]}`,
      icon: <RecordIcon size={18} />,
      active: (p) => isAtOrBelow(p, `/${type.route}`) && p !== newPath,
    },
    { to: newPath, label: `New ${type.noun[0]}`, icon: <IconPlus size={18} />, active: (p) => p === newPath },
  ];
}
