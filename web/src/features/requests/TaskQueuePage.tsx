/** The fulfilment task queue, on the list kit: by default the open tasks of my groups. */
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';

export function TaskQueuePage() {
  return (
    <RecordTypeQueue
      kind="request_task"
      label="Fulfilment tasks"
      title={(state) => (state.filters.groupId === 'mine' ? 'My groups’ tasks' : 'Fulfilment tasks')}
      description="Tasks of service requests. Start a task when you pick it up and complete it when it is done."
      keepDescription
    />
  );
}
