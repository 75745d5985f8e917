/** The "Problems" section of the workspace navigation: the queue, a new problem, the known-error database. */
import { NavLink, Text } from '@mantine/core';
import { IconBook2, IconBug, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { recordTypes } from '../../records/registry.ts';

const problems = recordTypes.problem;

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

export function ProblemNavSection({ pathname }: { pathname: string }) {
  const newPath = problems.newPath ?? '/problems/new';
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        Problems
      </Text>
      <Item
        to={problems.listPath}
        label="All problems"
        icon={<IconBug size={18} />}
        active={pathname === '/problems' || (pathname.startsWith('/problems/') && pathname !== newPath)}
      />
      <Item to={newPath} label="New problem" icon={<IconPlus size={18} />} active={pathname === newPath} />
      <Item
        to="/known-errors"
        label="Known errors"
        icon={<IconBook2 size={18} />}
        active={pathname.startsWith('/known-errors')}
      />
    </>
  );
}
