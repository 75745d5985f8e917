/**
 * A list page: the page header (title, description, actions) over the list kit's view of the
 * rows, keyed by their id. The table is named after the page unless `label` says otherwise;
 * `notice` stands between the two (an alert about some of the rows).
 *
 *   <ListPage title="Assets" description="…" actions={<CreateButton label="Register asset" …>…</CreateButton>}
 *     listKey="cmdb-assets" noun={['asset', 'assets']} columns={COLUMNS} list={list} state={state}
 *     rowHref={…} rowLabel={…} filters={…} />
 */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListView, type ListViewProps } from './ListView.tsx';
import type { FilterSpec } from './listState.ts';

export function ListPage<Row extends { id: string }, S extends FilterSpec>({
  title,
  description,
  actions,
  notice,
  label = title,
  ...view
}: Omit<ListViewProps<Row, S>, 'label' | 'rowKey'> & {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  notice?: ReactNode;
  label?: string;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {notice}
      <ListView label={label} rowKey={(r) => r.id} {...view} />
    </>
  );
}
