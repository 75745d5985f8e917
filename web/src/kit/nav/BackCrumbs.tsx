/** The breadcrumbs above a page's title: the list it belongs to, as a link back, then where you are. */
import { Anchor, Breadcrumbs, type MantineSpacing, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function BackCrumbs({
  to,
  label,
  here,
  mb,
}: {
  to: string;
  label: ReactNode;
  here: ReactNode;
  mb?: MantineSpacing;
}) {
  return (
    <Breadcrumbs mb={mb}>
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Text size="sm">{here}</Text>
    </Breadcrumbs>
  );
}
