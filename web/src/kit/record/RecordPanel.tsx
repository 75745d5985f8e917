/**
 * A titled panel on a record page (linked records, assignment, what was asked for), named by its
 * heading; `actions` sit across from the heading.
 */
import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function RecordPanel({
  id,
  title,
  actions,
  children,
}: {
  /** The heading's id, which names the region. */
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = (
    <Title order={2} size="h5" id={id} mb={actions === undefined ? 'xs' : undefined}>
      {title}
    </Title>
  );
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      {actions === undefined ? (
        heading
      ) : (
        <Group justify="space-between" mb="xs">
          {heading}
          {actions}
        </Group>
      )}
      {children}
    </Paper>
  );
}

/** Free text as it was written (line breaks kept), or `none`, dimmed, when there is none. */
export function ProseOrNone({ text, none }: { text: string | null | undefined; none: string }) {
  return (
    <Text size="sm" className="pre-wrap" c={text ? undefined : 'dimmed'}>
      {text || none}
    </Text>
  );
}
