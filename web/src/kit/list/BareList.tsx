/**
 * A list of cards, links or lines shown without bullets or indentation: a `ul` (an `ol` where the
 * order counts) that stacks its `li`s with the gap given, as a Mantine Stack does.
 */
import { Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function BareList({
  ordered = false,
  ...props
}: StackProps & { ordered?: boolean; 'aria-label'?: string; children: ReactNode }) {
  return <Stack component={ordered ? 'ol' : 'ul'} p={0} m={0} style={{ listStyle: 'none' }} {...props} />;
}
