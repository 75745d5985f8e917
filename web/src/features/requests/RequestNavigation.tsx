/** The "Service requests" section of the workspace navigation, and the catalog admin entry. */
import { Badge } from '@mantine/core';
import { IconChecklist, IconGavel, IconPackage, IconShoppingCart, IconTool } from '@tabler/icons-react';
import { usePendingApprovals } from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { isAtOrBelow, NavItem, NavSection } from '../../kit/nav/NavSection.tsx';
import { canManageCatalog } from '../../lib/faces.ts';

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

export function CatalogAdminNavItem({ pathname }: { pathname: string }) {
  const me = useMe();
  if (!canManageCatalog(me)) return null;
  return (
    <NavItem
      to="/admin/catalog-items"
      label="Catalog items"
      icon={<IconPackage size={18} />}
      active={isAtOrBelow(pathname, '/admin/catalog-items')}
    />
  );
}
