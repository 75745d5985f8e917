/**
 * The button under a paged list that loads its next page: there only while a next page exists,
 * spinning while it loads. `center` puts it alone on a centred line below the list.
 */
import { Button, type ButtonProps, Group } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

export function MoreButton({
  query,
  center,
  children = 'Load more',
  ...button
}: Omit<ButtonProps, 'children'> & {
  query: Pick<UseInfiniteQueryResult, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>;
  center?: boolean;
  children?: ReactNode;
}) {
  if (!query.hasNextPage) return null;
  const more = (
    <Button
      variant="default"
      {...button}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {children}
    </Button>
  );
  return center ? (
    <Group justify="center" mt="md">
      {more}
    </Group>
  ) : (
    more
  );
}
