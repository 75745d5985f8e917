/**
 * The list kit's page body, generic over the row type: filters (yours, in the URL), saved views,
 * column choice, CSV export, the table with keyset "Load more", empty and error states, row
 * selection with a bulk bar, and keyboard navigation (j/k move, Enter opens, x selects).
 *
 * Usage:
 *   const state = useListState(SPEC, { sort: 'created', order: 'desc' });
 *   const list = useInfiniteQuery(… state.query …);          // pages of { items, nextCursor }
 *   <ListView listKey="incidents" label="Incidents" noun={['incident', 'incidents']}
 *     columns={COLUMNS} list={list} state={state}
 *     rowKey={(r) => r.id} rowHref={(r) => `/incidents/${r.number}`} rowLabel={(r) => r.number}
 *     filters={<MyFilterBar state={state} />}
 *     exportHref={(columns) => `/api/v1/…/export.csv?${…}`}      // optional
 *     bulk={(rows, done) => <MyBulkBar rows={rows} onDone={done} />} />  // optional: enables selection
 *
 * `listKey` names the list for saved views (`/api/v1/views?list=`) and the stored column choice.
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SavedView } from '../../api/queries/views.ts';
import { useSavedViews } from '../../api/queries/views.ts';
import type { Page } from '../../api/types.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { useShortcuts } from '../shortcuts.tsx';
import { ColumnsMenu } from './ColumnsMenu.tsx';
import { type ListColumn, useColumnPrefs } from './columns.ts';
import { ListTable } from './ListTable.tsx';
import type { FilterSpec, ListState } from './listState.ts';
import { MoreButton } from './MoreButton.tsx';
import { ViewsMenu } from './ViewsMenu.tsx';

export type ListViewProps<Row, S extends FilterSpec> = {
  listKey: string;
  label: string;
  noun: [string, string];
  columns: ListColumn<Row>[];
  list: UseInfiniteQueryResult<InfiniteData<Page<Row>>>;
  state: ListState<S>;
  rowKey: (r: Row) => string;
  rowHref: (r: Row) => string;
  rowLabel: (r: Row) => string;
  filters?: ReactNode;
  /** Where the CSV of exactly this list (its filters, sort and the shown columns) downloads from. */
  exportHref?: (columns: string[]) => string;
  /** A bar acting on the selected rows; providing it turns on row selection. */
  bulk?: (rows: Row[], done: () => void) => ReactNode;
};

function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return {
    selected,
    toggle: (key: string) =>
      setSelected((cur) => {
        const next = new Set(cur);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    setAll: (keys: string[], on: boolean) =>
      setSelected((cur) => {
        const next = new Set(cur);
        for (const k of keys) on ? next.add(k) : next.delete(k);
        return next;
      }),
    clear: () => setSelected(new Set()),
  };
}

export function ListView<Row, S extends FilterSpec>(p: ListViewProps<Row, S>) {
  const navigate = useNavigate();
  // The room the table has: the default columns are fitted to it.
  const { ref: tableBox, width } = useElementSize();
  const prefs = useColumnPrefs(p.listKey, p.columns, { width, withCheckboxes: Boolean(p.bulk) });
  const views = useSavedViews(p.listKey);
  const current = views.data?.items.find((v) => v.id === p.state.viewId);
  // A link to a saved view brings its columns along, once per view opened. Leaving a view keeps
  // the last one seen until the URL has caught up, so a stale render cannot apply it again.
  const seenView = useRef<string | null>(null);
  const viewId = p.state.viewId;
  useEffect(() => {
    if (!viewId) seenView.current = null;
    else if (current && seenView.current !== current.id) {
      seenView.current = current.id;
      prefs.set(current.columns);
    }
  }, [viewId, current, prefs]);
  const items = useMemo(() => p.list.data?.pages.flatMap((pg) => pg.items) ?? [], [p.list.data]);
  const selection = useSelection();
  const [active, setActive] = useState(-1);
  const activeIndex = Math.min(active, items.length - 1);
  const selectedRows = items.filter((r) => selection.selected.has(p.rowKey(r)));

  useShortcuts('Lists', [
    { keys: 'j', label: 'Next row', run: () => setActive((i) => Math.min(i + 1, items.length - 1)) },
    { keys: 'k', label: 'Previous row', run: () => setActive((i) => Math.max(i - 1, 0)) },
    {
      keys: 'enter',
      label: 'Open the current row',
      run: () => {
        const row = items[activeIndex];
        // A focused link or button answers Enter itself.
        const focused = document.activeElement;
        if (row && !(focused instanceof HTMLButtonElement || focused instanceof HTMLAnchorElement))
          navigate(p.rowHref(row));
      },
    },
    ...(p.bulk
      ? [
          {
            keys: 'x',
            label: 'Select or unselect the current row',
            run: () => {
              const row = items[activeIndex];
              if (row) selection.toggle(p.rowKey(row));
            },
          },
        ]
      : []),
  ]);

  const pick = (v: SavedView | null) => {
    if (v) {
      seenView.current = v.id;
      p.state.apply(new URLSearchParams(v.query), v.id);
      prefs.set(v.columns);
    } else {
      p.state.apply(new URLSearchParams(), null);
      prefs.reset();
    }
  };

  return (
    <>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="md">
        <div style={{ flex: '1 1 600px' }}>{p.filters}</div>
        <Group gap="xs" wrap="wrap">
          <ViewsMenu
            listKey={p.listKey}
            current={current}
            onPick={pick}
            snapshot={() => ({ query: p.state.params.toString(), columns: prefs.keys })}
          />
          <ColumnsMenu columns={p.columns} prefs={prefs} />
          {p.exportHref && (
            <Button
              component="a"
              variant="default"
              href={p.exportHref(prefs.keys)}
              download
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Export CSV
            </Button>
          )}
        </Group>
      </Group>
      {p.bulk && selectedRows.length > 0 && p.bulk(selectedRows, selection.clear)}
      <Paper p={0} style={{ overflow: 'hidden' }} ref={tableBox}>
        {p.list.isPending ? (
          <PageLoader label={`Loading ${p.noun[1]}`} />
        ) : p.list.isError ? (
          <ErrorState error={p.list.error} onRetry={() => p.list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={`No ${p.noun[1]} match this view`}>
            {p.state.active ? 'Try removing a filter.' : `New ${p.noun[1]} will appear here.`}
          </EmptyState>
        ) : (
          <ListTable
            label={p.label}
            columns={prefs.visible}
            rows={items}
            rowKey={p.rowKey}
            rowHref={p.rowHref}
            rowLabel={p.rowLabel}
            sort={{ sort: p.state.sort, order: p.state.order }}
            onSort={p.state.setSort}
            selection={p.bulk ? selection : undefined}
            activeIndex={activeIndex}
          />
        )}
      </Paper>
      {items.length > 0 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} {items.length === 1 ? p.noun[0] : p.noun[1]}
            {p.list.hasNextPage ? '' : ' (all)'}
          </Text>
          <MoreButton query={p.list} />
        </Group>
      )}
    </>
  );
}
