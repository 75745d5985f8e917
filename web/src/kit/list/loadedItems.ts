/**
 * Every item of the pages a list read page by page has loaded so far, in order; none before the
 * first page arrives.
 *
 *   const people = loadedItems(members.data);
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../api/types.ts';

export function loadedItems<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}
