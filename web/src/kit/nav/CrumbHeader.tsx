/**
 * The head of a page reached from a list (an editor, a form): the crumbs back to the list, the
 * page's title and, when given, a dimmed line under it. The page sets the document title itself
 * (it wants it while it still loads).
 *
 *   <CrumbHeader to="/service-levels/calendars" label="Business calendars" here="New" title="New business calendar" />
 */
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BackCrumbs } from './BackCrumbs.tsx';

export function CrumbHeader({
  to,
  label,
  here,
  title,
  description,
}: {
  to: string;
  label: ReactNode;
  here: ReactNode;
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <Stack gap={6}>
      <BackCrumbs to={to} label={label} here={here} />
      <Title order={1} size="h2">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
