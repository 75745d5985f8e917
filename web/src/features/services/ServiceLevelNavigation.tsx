/** The "Service levels" section of the workspace navigation: services, agreements, calendars. */
import { NavLink, Text } from '@mantine/core';
import { IconBuildingStore, IconCalendarTime, IconFileCertificate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

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

export function ServiceLevelNavSection({ pathname }: { pathname: string }) {
  const at = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        Service levels
      </Text>
      <Item to="/services" label="Services" icon={<IconBuildingStore size={18} />} active={at('/services')} />
      <Item
        to="/service-levels/agreements"
        label="Agreements"
        icon={<IconFileCertificate size={18} />}
        active={at('/service-levels/agreements')}
      />
      <Item
        to="/service-levels/calendars"
        label="Business calendars"
        icon={<IconCalendarTime size={18} />}
        active={at('/service-levels/calendars')}
      />
    </>
  );
}
