/** The "Service requests" section of the workspace navigation. */
import { Badge } from '@mantine/core';
import { IconChecklist, IconGavel, IconShoppingCart, IconTool } from '@tabler/icons-react';
import { usePendingApprovals } from '../../api/queries/requests.ts';
import { isAtOrBelow, NavSection } from '../../kit/nav/NavSection.tsx';

export function RequestNavSection({ pathname }: { pathname: string }) {
  const pending = usePendingApprovals();
  const waiting = pending.data?.items.length ?? 0;
  return (
    <NavSection
      title="Service requests"
      pathname={pathname}
      items={[
        { to: '/requests', label: 'Requests', icon: <IconChecklist size={18} /> },
        {
          to: '/tasks?groupId=mine&stateCategory=open',
          label: 'My groups’ tasks',
          icon: <IconTool size={18} />,
          active: (p) => isAtOrBelow(p, '/tasks'),
        },
        {
          to: '/approvals',
          label: 'Approvals',
          icon: <IconGavel size={18} />,
          active: (p) => p === '/approvals',
          right:
            waiting > 0 ? (
              <Badge size="sm" color="blue" variant="filled" aria-label={`${waiting} waiting`}>
                {waiting}
              </Badge>
            ) : undefined,
        },
        { to: '/catalog', label: 'Order from the catalog', icon: <IconShoppingCart size={18} /> },
      ]}
    />
  );
}
