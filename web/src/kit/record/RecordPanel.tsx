/**
 * A titled panel on a record page (linked records, assignment, what was asked for), named by its
 * heading; `actions` sit across from the heading.
 */
import { Group, type MantineSpacing, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function RecordPanel({
  id,
  title,
  actions,
  gap,
  children,
}: {
  /** The heading's id, which names the region. */
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  /** Stack the heading and the body with this gap, instead of a margin under the heading. */
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  const margin = gap === undefined ? 'xs' : undefined;
  const heading = (
    <Title order={2} size="h5" id={id} mb={actions === undefined ? margin : undefined}>
      {title}
    </Title>
  );
  const head =
    actions === undefined ? (
      heading
    ) : (
      <Group justify="space-between" mb={margin}>
        {heading}
        {actions}
      </Group>
    );
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      {gap === undefined ? (
        <>
          {head}
          {children}
        </>
      ) : (
        <Stack gap={gap}>
          {head}
          {children}
        </Stack>
      )}
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
