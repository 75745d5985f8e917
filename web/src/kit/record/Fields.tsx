/** Read-only facts of a record, label above value, in a grid. */
import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';

export { Fact } from '../detail/Section.tsx';

export function FactGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
      {children}
    </SimpleGrid>
  );
}
