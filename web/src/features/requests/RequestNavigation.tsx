/** The "Service requests" section of the workspace navigation, and the catalog admin entry. */
import { Badge, NavLink, Text } from '@mantine/core';
import { IconChecklist, IconGavel, IconPackage, IconShoppingCart, IconTool } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { usePendingApprovals } from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { canManageCatalog } from '../../lib/faces.ts';

function Item({
  to,
  label,
  icon,
  active,
  right,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  right?: ReactNode;
}) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={active}
      aria-current={active ? 'page' : undefined}
      styles={{ root: { borderRadius: 8 } }}
    />
  );
}

const at = (pathname: string, p: string) => pathname === p || pathname.startsWith(`${p}/`);

export function RequestNavSection({ pathname }: { pathname: string }) {
  const pending = usePendingApprovals();
  const waiting = pending.data?.items.length ?? 0;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        Service requests
      </Text>
      <Item
        to="/requests"
        label="Requests"
        icon={<IconChecklist size={18} />}
        active={at(pathname, '/requests')}
      />
      <Item
        to="/tasks?groupId=mine&stateCategory=open"
        label="My groups’ tasks"
        icon={<IconTool size={18} />}
        active={at(pathname, '/tasks')}
      />
      <Item
        to="/approvals"
        label="Approvals"
        icon={<IconGavel size={18} />}
        active={pathname === '/approvals'}
        right={
          waiting > 0 ? (
            <Badge size="sm" color="blue" variant="filled" aria-label={`${waiting} waiting`}>
              {waiting}
            </Badge>
          ) : undefined
        }
      />
      <Item
        to="/catalog"
        label="Order from the catalog"
        icon={<IconShoppingCart size={18} />}
        active={at(pathname, '/catalog')}
      />
    </>
  );
}

export function CatalogAdminNavItem({ pathname }: { pathname: string }) {
  const me = useMe();
  if (!canManageCatalog(me)) return null;
  return (
    <Item
      to="/admin/catalog-items"
      label="Catalog items"
      icon={<IconPackage size={18} />}
      active={at(pathname, '/admin/catalog-items')}
    />
  );
}
