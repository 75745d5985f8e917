/**
 * A titled group of navigation links (Configuration, Service levels, Requests, Admin): each link is
 * active on its own path and below it, and says so to assistive technology (`aria-current`).
 */
import { NavLink, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export type NavEntry = {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only when true (a role may open it); defaults to shown. */
  show?: boolean;
  /** A count or badge on the right. */
  right?: ReactNode;
  /** Active when this returns true; defaults to "on `to` or below it". */
  active?: (pathname: string) => boolean;
};

/** On `path` itself or anywhere below it. */
export const isAtOrBelow = (pathname: string, path: string) =>
  pathname === path || pathname.startsWith(`${path}/`);

export function NavItem({
  to,
  label,
  icon,
  right,
  active,
  onClick,
}: Omit<NavEntry, 'show' | 'active'> & { active: boolean; onClick?: () => void }) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
      styles={{ root: { borderRadius: 8 } }}
    />
  );
}

export function NavHeading({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
      {children}
    </Text>
  );
}

export function NavSection({
  title,
  pathname,
  items,
}: {
  title: string;
  pathname: string;
  items: NavEntry[];
}) {
  const shown = items.filter((i) => i.show !== false);
  if (shown.length === 0) return null;
  return (
    <>
      <NavHeading>{title}</NavHeading>
      {shown.map((i) => (
        <NavItem
          key={i.to}
          to={i.to}
          label={i.label}
          icon={i.icon}
          right={i.right}
          active={i.active ? i.active(pathname) : isAtOrBelow(pathname, i.to)}
        />
      ))}
    </>
  );
}
