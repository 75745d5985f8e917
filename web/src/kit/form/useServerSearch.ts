/**
 * The search-as-you-type half of a Select whose options the server finds: what to ask the server
 * for (once typing pauses, and not while the box only shows the label of what is chosen), and the
 * props that put the search into the Select. The server's hits are shown as they come, not
 * filtered again.
 *
 *   const { query, searchProps } = useServerSearch([value?.name]);
 *   const found = useUserSearch({ q: query });
 *   <Select {...searchProps(found.isFetching, 'Nobody found')} … />
 */
import type { OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

const asFound: OptionsFilter = ({ options }) => options;

export function useServerSearch(chosenLabels: readonly (string | undefined)[]) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const typing = debounced.trim() !== '' && !chosenLabels.includes(debounced);
  return {
    query: typing ? debounced.trim() : undefined,
    searchProps: (searching: boolean, nothingFound: string) => ({
      searchValue: search,
      onSearchChange: setSearch,
      filter: asFound,
      nothingFoundMessage: searching ? 'Searching…' : nothingFound,
    }),
  };
}
