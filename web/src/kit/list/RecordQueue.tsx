/**
 * A record queue: the list kit's record list (URL filters, saved views, columns, export, bulk edit,
 * keyboard) under the page's own header. Every record type's queue is this one component; a queue
 * adds its header, its lifecycle's states for the state filter, and any bulk action of its own.
 */
import type { ReactNode } from 'react';
import { ListView } from './ListView.tsx';
import { useListState } from './listState.ts';
import { RecordBulkBar } from './RecordBulkBar.tsx';
import type { RecordRow } from './records.tsx';
import {
  RECORD_FILTERS,
  RECORD_LISTS,
  RECORD_SORT,
  RecordFilterBar,
  type RecordListState,
  recordColumns,
  useRecordExportHref,
  useRecordList,
} from './records.tsx';

type QueueKind = keyof typeof RECORD_LISTS;

const COLUMNS = Object.fromEntries(
  Object.entries(RECORD_LISTS).map(([key, kind]) => [key, recordColumns(kind)]),
) as Record<QueueKind, ReturnType<typeof recordColumns>>;

export function RecordQueue({
  kind: type,
  label,
  noun,
  states,
  header,
  bulkActions,
}: {
  kind: QueueKind;
  label: string;
  noun: [string, string];
  states: { value: string; label: string }[];
  header: (state: RecordListState) => ReactNode;
  /** Actions of this queue's own on the selected rows, shown before the shared bulk bar. */
  bulkActions?: (rows: RecordRow[]) => ReactNode;
}) {
  const kind = RECORD_LISTS[type];
  const state = useListState(RECORD_FILTERS, RECORD_SORT);
  const list = useRecordList(kind, state);
  const exportHref = useRecordExportHref(kind, state);
  return (
    <>
      {header(state)}
      <ListView
        listKey={kind.listKey}
        label={label}
        noun={noun}
        columns={COLUMNS[type]}
        list={list}
        state={state}
        rowKey={(r) => r.id}
        rowHref={(r) => kind.href(r.number)}
        rowLabel={(r) => r.number}
        filters={<RecordFilterBar kind={kind} state={state} states={states} />}
        exportHref={exportHref}
        bulk={(rows, done) => (
          <>
            {bulkActions?.(rows)}
            <RecordBulkBar kind={kind} rows={rows} onDone={done} />
          </>
        )}
      />
    </>
  );
}
