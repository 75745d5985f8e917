/**
 * The "New …" button of a page or panel: a plus icon (or the `icon` given) and the label, a link
 * (`to`) or an action.
 */
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function NewButton({
  to,
  onClick,
  icon = <IconPlus size={16} />,
  children,
}: {
  to?: string;
  onClick?: () => void;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return to ? (
    <Button component={Link} to={to} leftSection={icon}>
      {children}
    </Button>
  ) : (
    <Button leftSection={icon} onClick={onClick}>
      {children}
    </Button>
  );
}
