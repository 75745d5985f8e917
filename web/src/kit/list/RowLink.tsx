/**
 * A row's name in a list or table: a link to the row's page, bold, with an optional dimmed line
 * under it (a description, a title, a host name), clamped to one line when `clampNote` is set.
 */
import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function RowLink({
  to,
  note,
  clampNote,
  children,
}: {
  to: string;
  note?: ReactNode;
  clampNote?: boolean;
  children: ReactNode;
}) {
  const link = (
    <Anchor component={Link} to={to} fw={600} size="sm">
      {children}
    </Anchor>
  );
  if (!note) return link;
  return (
    <>
      {link}
      <Text size="xs" c="dimmed" lineClamp={clampNote ? 1 : undefined}>
        {note}
      </Text>
    </>
  );
}
