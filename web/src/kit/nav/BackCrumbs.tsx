/**
 * The breadcrumbs above a page's title: the list it belongs to, as a link back, then where you are.
 * Where you are is cut to the width left (the page's title says it whole below), so a long subject
 * never widens the page on a phone. A landmark named Breadcrumb, as assistive technology expects.
 */
import { Anchor, Box, Breadcrumbs, type MantineSpacing, Text } from '@mantine/core';
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
    <Box component="nav" aria-label="Breadcrumb" mb={mb} miw={0} maw="100%">
      <Breadcrumbs styles={{ root: { flexWrap: 'nowrap' } }}>
        <Anchor component={Link} to={to} size="sm" style={{ flexShrink: 0 }}>
          {label}
        </Anchor>
        <Text size="sm" truncate="end" miw={0}>
          {here}
        </Text>
      </Breadcrumbs>
    </Box>
  );
}
