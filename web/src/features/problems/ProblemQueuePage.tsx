/** The problem queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Button, Group } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { LifecycleSetting } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListView } from '../../kit/list/ListView.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RecordBulkBar } from '../../kit/list/RecordBulkBar.tsx';
import {
  RECORD_FILTERS,
  RECORD_LISTS,
  RECORD_SORT,
  RecordFilterBar,
  recordColumns,
  useRecordExportHref,
  useRecordList,
} from '../../kit/list/records.tsx';

const KIND = RECORD_LISTS.problem;
const COLUMNS = recordColumns(KIND);

export function ProblemQueuePage() {
  const state = useListState(RECORD_FILTERS, RECORD_SORT);
  const list = useRecordList(KIND, state);
  const exportHref = useRecordExportHref(KIND, state);
  const lifecycle = useQuery({
    queryKey: ['settings', 'problem', 'lifecycle'],
    queryFn: () => api.get<LifecycleSetting>('/settings/problem/lifecycle'),
    staleTime: 10 * 60_000,
  });
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <>
      <PageHeader
        title="Problems"
        description={
          state.filters.q ? `Matching “${state.filters.q}”` : 'Causes behind incidents, newest first.'
        }
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/known-errors"
              variant="default"
              leftSection={<IconSearch size={16} />}
            >
              Known errors
            </Button>
            <Button component={Link} to="/problems/new" leftSection={<IconPlus size={16} />}>
              New problem
            </Button>
          </Group>
        }
      />
      <ListView
        listKey={KIND.listKey}
        label="Problems"
        noun={['problem', 'problems']}
        columns={COLUMNS}
        list={list}
        state={state}
        rowKey={(r) => r.id}
        rowHref={(r) => KIND.href(r.number)}
        rowLabel={(r) => r.number}
        filters={<RecordFilterBar kind={KIND} state={state} states={states} />}
        exportHref={exportHref}
        bulk={(rows, done) => <RecordBulkBar kind={KIND} rows={rows} onDone={done} />}
      />
    </>
  );
}
