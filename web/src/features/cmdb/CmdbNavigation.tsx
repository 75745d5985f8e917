/** The "Configuration" section of the workspace navigation: CIs, assets, contracts, licences, import, classes. */
import { NavLink, Text } from '@mantine/core';
import {
  IconBinaryTree,
  IconCertificate,
  IconFileImport,
  IconFileText,
  IconServer2,
  IconSitemap,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { cmdbAreas } from '../../lib/faces.ts';

function Item({ to, label, icon, active }: { to: string; label: string; icon: ReactNode; active: boolean }) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      styles={{ root: { borderRadius: 8 } }}
    />
  );
}

export function CmdbNavSection({ pathname }: { pathname: string }) {
  const me = useMe();
  const areas = cmdbAreas(me);
  if (!areas.browse) return null;
  const at = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        Configuration
      </Text>
      <Item
        to="/cmdb/cis"
        label="Configuration items"
        icon={<IconSitemap size={18} />}
        active={at('/cmdb/cis')}
      />
      <Item to="/cmdb/assets" label="Assets" icon={<IconServer2 size={18} />} active={at('/cmdb/assets')} />
      <Item
        to="/cmdb/contracts"
        label="Contracts"
        icon={<IconFileText size={18} />}
        active={at('/cmdb/contracts')}
      />
      <Item
        to="/cmdb/licences"
        label="Licences"
        icon={<IconCertificate size={18} />}
        active={at('/cmdb/licences')}
      />
      {areas.manage && (
        <Item
          to="/cmdb/import"
          label="Import"
          icon={<IconFileImport size={18} />}
          active={at('/cmdb/import')}
        />
      )}
      {areas.classes && (
        <Item
          to="/cmdb/classes"
          label="CI classes"
          icon={<IconBinaryTree size={18} />}
          active={at('/cmdb/classes')}
        />
      )}
    </>
  );
}
