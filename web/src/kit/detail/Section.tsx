/** The parts of a detail page: a titled section, a two-column body, and label/value facts. */
import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({
  title,
  label,
  actions,
  children,
}: {
  /** The visible heading; omit for a section that is only a form. */
  title?: ReactNode;
  /** The accessible name of the region (defaults to the title when it is text). */
  label?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper p="lg" component="section" aria-label={label ?? (typeof title === 'string' ? title : undefined)}>
      <Stack gap="sm">
        {(title || actions) && (
          <Group justify="space-between" align="center">
            {title && (
              <Title order={2} size="h5">
                {title}
              </Title>
            )}
            {actions}
          </Group>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** The main column and a narrower side column, stacked on small screens. */
export function DetailColumns({
  main,
  side,
  sideSpan = 4,
}: {
  main: ReactNode;
  side: ReactNode;
  sideSpan?: number;
}) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 12 - sideSpan }}>{main}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: sideSpan }}>
        <Stack>{side}</Stack>
      </Grid.Col>
    </Grid>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Label/value pairs; a missing value shows as a dash. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <Stack gap="xs">
      {items.map(([label, value]) => (
        <Fact key={label} label={label}>
          {value ?? '—'}
        </Fact>
      ))}
    </Stack>
  );
}
