/**
 * A list page: the page header (title, description, actions) over the list kit's view of the
 * rows, keyed by their id unless `rowKey` says otherwise. The table is named after the page unless
 * `label` says otherwise; `notice` stands between the two (an alert about some of the rows).
 *
 * The filter bar is the search on `q` (`search` is its placeholder) followed by the choice filters
 * `fields` lists, each shown as its spec declares it (see SpecFilter); a page with other filters
 * gives its own bar as `filters`.
 *
 *   <ListPage title="Assets" description="…" actions={<CreateButton label="Register asset" …>…</CreateButton>}
 *     listKey="cmdb-assets" noun={['asset', 'assets']} columns={COLUMNS} list={list} state={state}
 *     rowHref={…} rowLabel={…} search="Tag, serial or name"
 *     fields={[{ name: 'state', label: 'State', data: optionsOf(ASSET_STATES, ASSET_STATE_LABELS) }]} />
 */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FilterBar, type FilterField, SearchFilter, SpecFilter } from './filters.tsx';
import { ListView, type ListViewProps } from './ListView.tsx';
import type { FilterSpec } from './listState.ts';

/** Rows with an id are keyed by it; others need a `rowKey`. */
type RowKey<Row> = Row extends { id: string }
  ? { rowKey?: (r: Row) => string }
  : { rowKey: (r: Row) => string };

export function ListPage<Row, S extends FilterSpec>({
  title,
  description,
  actions,
  notice,
  label = title,
  rowKey = (r) => (r as { id: string }).id,
  search,
  searchLabel,
  fields = [],
  filters,
  ...view
}: Omit<ListViewProps<Row, S>, 'label' | 'rowKey'> &
  RowKey<Row> & {
    title: string;
    description?: ReactNode;
    actions?: ReactNode;
    notice?: ReactNode;
    label?: string;
    /** The placeholder of the search on the `q` filter; without it the bar has no search. */
    search?: string;
    searchLabel?: string;
    fields?: FilterField<S>[];
  }) {
  const bar =
    search !== undefined || fields.length > 0 ? (
      <FilterBar state={view.state}>
        {search !== undefined && (
          <SearchFilter state={view.state} name="q" label={searchLabel} placeholder={search} />
        )}
        {fields.map((f) => (
          <SpecFilter key={f.name} state={view.state} {...f} />
        ))}
      </FilterBar>
    ) : (
      filters
    );
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {notice}
      <ListView label={label} rowKey={rowKey} filters={bar} {...view} />
    </>
  );
}
