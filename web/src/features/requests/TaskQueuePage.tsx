/** The fulfilment task queue: by default the open tasks of my groups. */
import { useRequestLifecycle, useRequestTaskList } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  hasFilters,
  RecordFilterBar,
  RecordQueueBody,
  useListQuery,
  useRecordFilters,
} from './RecordQueue.tsx';

export function TaskQueuePage() {
  const { filters, update } = useRecordFilters();
  const list = useRequestTaskList(useListQuery(filters));
  const lifecycle = useRequestLifecycle('request_task');
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  const mine = filters.groupId === 'mine';
  return (
    <>
      <PageHeader
        title={mine ? 'My groups’ tasks' : 'Fulfilment tasks'}
        description="Tasks of service requests. Start a task when you pick it up and complete it when it is done."
      />
      <RecordFilterBar filters={filters} onChange={update} states={states} />
      <RecordQueueBody
        list={list}
        linkTo={(n) => `/tasks/${n}`}
        label="Fulfilment tasks"
        noun={['task', 'tasks']}
        filtered={hasFilters(filters)}
      />
    </>
  );
}
