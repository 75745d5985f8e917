/** One fulfilment task, on the record-page kit: what to do, for which request, who works it; its steps. */
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  type RequestTask,
  useAssignTask,
  useRequest,
  useRequestTask,
  useTaskTransition,
} from '../../api/queries/requests.ts';
import { AssignmentPanel } from '../../kit/record/AssignmentPanel.tsx';
import { ProseOrNone, RecordPanel } from '../../kit/record/RecordPanel.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { AnswersPanel } from './RequestProgress.tsx';

function useTaskParts({ rec: task, reload, onStale }: StaffRecordFrame<RequestTask>): StaffRecordParts {
  const request = useRequest(task.request.number);
  const run = useTaskTransition(task);
  const save = useAssignTask(task);
  return {
    showSla: true,
    byline: (
      <>
        For{' '}
        <Anchor component={Link} to={recordPath('request', task.request.number)} size="sm" underline="always">
          {task.request.number} {task.request.title}
        </Anchor>{' '}
        · created <Time iso={task.createdAt} size="sm" />
      </>
    ),
    actions: <TransitionBar rec={task} run={run} noun="task" onStale={onStale} />,
    panels: (
      <>
        <RecordPanel id="todo-title" title="What to do">
          <ProseOrNone text={task.description} none="No instructions given." />
          {task.requester && (
            <Text size="sm" mt="sm">
              <b>For:</b> {task.requester.name} ({task.requester.email})
            </Text>
          )}
        </RecordPanel>
        {request.data && <AnswersPanel rec={request.data} />}
        <AssignmentPanel
          rec={task}
          title="Assignment"
          noun="task"
          labels={{ group: 'Group', assignee: 'Assignee' }}
          save={save}
          reload={reload}
          groupRequired
        />
      </>
    ),
  };
}

export function TaskPage() {
  return (
    <StaffTypePage
      type="request_task"
      backLabel="Tasks"
      useRecord={useRequestTask}
      useAssignSave={useAssignTask}
      useParts={useTaskParts}
      description={false}
      links={false}
      showPriority={false}
    />
  );
}
