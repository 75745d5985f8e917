/** The fulfilment task queue, on the list kit: by default the open tasks of my groups. */
import { useRequestLifecycle } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions } from '../../kit/list/records.tsx';

export function TaskQueuePage() {
  const lifecycle = useRequestLifecycle('request_task');
  return (
    <RecordQueue
      kind="request_task"
      label="Fulfilment tasks"
      noun={['task', 'tasks']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <PageHeader
          title={state.filters.groupId === 'mine' ? 'My groups’ tasks' : 'Fulfilment tasks'}
          description="Tasks of service requests. Start a task when you pick it up and complete it when it is done."
        />
      )}
    />
  );
}
