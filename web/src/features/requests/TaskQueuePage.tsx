/** The fulfilment task queue, on the list kit: by default the open tasks of my groups. */
import { useRequestLifecycle } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';

export function TaskQueuePage() {
  const lifecycle = useRequestLifecycle('request_task');
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <RecordQueue
      kind="request_task"
      label="Fulfilment tasks"
      noun={['task', 'tasks']}
      states={states}
      header={(state) => (
        <PageHeader
          title={state.filters.groupId === 'mine' ? 'My groups’ tasks' : 'Fulfilment tasks'}
          description="Tasks of service requests. Start a task when you pick it up and complete it when it is done."
        />
      )}
    />
  );
}
