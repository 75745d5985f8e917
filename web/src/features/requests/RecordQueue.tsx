/** A request or task queue: the list kit's record list with its header. */
import type { ReactNode } from 'react';
import { ListView } from '../../kit/list/ListView.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RecordBulkBar } from '../../kit/list/RecordBulkBar.tsx';
import {
  RECORD_FILTERS,
  RECORD_LISTS,
  RECORD_SORT,
  RecordFilterBar,
  type RecordListState,
  recordColumns,
  useRecordExportHref,
  useRecordList,
} from '../../kit/list/records.tsx';

const COLUMNS = {
  request: recordColumns(RECORD_LISTS.request),
  request_task: recordColumns(RECORD_LISTS.request_task),
};

export function RecordQueue({
  kind: type,
  label,
  noun,
  states,
  header,
}: {
  kind: 'request' | 'request_task';
  label: string;
  noun: [string, string];
  states: { value: string; label: string }[];
  header: (state: RecordListState) => ReactNode;
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
        bulk={(rows, done) => <RecordBulkBar kind={kind} rows={rows} onDone={done} />}
      />
    </>
  );
}
