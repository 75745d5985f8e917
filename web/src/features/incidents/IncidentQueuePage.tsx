/** The incident queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useLifecycle } from '../../api/queries/admin.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
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
import { RaiseProblemFromSelection } from '../problems/IncidentProblemPanel.tsx';

const KIND = RECORD_LISTS.incident;
const COLUMNS = recordColumns(KIND);

function titleOf(state: RecordListState): string {
  if (state.filters.assigneeId === 'me') return 'My work';
  if (state.filters.assigneeId === 'none') return 'Unassigned incidents';
  return 'Incidents';
}

export function IncidentQueuePage() {
  const state = useListState(RECORD_FILTERS, RECORD_SORT);
  const list = useRecordList(KIND, state);
  const exportHref = useRecordExportHref(KIND, state);
  const lifecycle = useLifecycle();
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <>
      <PageHeader
        title={titleOf(state)}
        description={
          state.filters.q ? `Matching “${state.filters.q}”` : 'Newest first unless you sort by a column.'
        }
        actions={
          <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} />}>
            New incident
          </Button>
        }
      />
      <ListView
        listKey={KIND.listKey}
        label="Incidents"
        noun={['incident', 'incidents']}
        columns={COLUMNS}
        list={list}
        state={state}
        rowKey={(r) => r.id}
        rowHref={(r) => KIND.href(r.number)}
        rowLabel={(r) => r.number}
        filters={<RecordFilterBar kind={KIND} state={state} states={states} />}
        exportHref={exportHref}
        bulk={(rows, done) => (
          <>
            <RaiseProblemFromSelection rows={rows} />
            <RecordBulkBar kind={KIND} rows={rows} onDone={done} />
          </>
        )}
      />
    </>
  );
}
