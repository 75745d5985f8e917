/** Read-only facts of a record, label above value, in a grid. */
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

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

export function FactGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
      {children}
    </SimpleGrid>
  );
}
