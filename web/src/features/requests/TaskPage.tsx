/** One fulfilment task, on the record-page kit: what to do, for which request, who works it; its steps. */
import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import {
  type RequestTask,
  useAssignTask,
  useRequest,
  useRequestTask,
  useTaskTransition,
} from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { AssignmentPanel } from '../../kit/record/AssignmentPanel.tsx';
import { assignAction, assignToMeInput } from '../../kit/record/AssignToMe.tsx';
import { RecordHeader } from '../../kit/record/RecordHeader.tsx';
import { ActivityPanel, RecordGate, RecordLayout, staleHandler } from '../../kit/record/RecordPage.tsx';
import { TimePanel } from '../../kit/record/TimePanel.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { useRecordShortcuts } from '../../kit/record/useRecordShortcuts.ts';
import { WatchersPanel } from '../../kit/record/Watchers.tsx';
import { Time } from '../../lib/time.tsx';
import { listPath, recordPath } from '../../records/registry.ts';
import { AnswersPanel } from './RequestProgress.tsx';

const BACK = { label: 'Tasks', to: listPath('request_task') };

export function TaskPage() {
  const { ref = '' } = useParams();
  const query = useRequestTask(ref);
  const reload = async () => (await query.refetch()).data;
  return (
    <RecordGate query={query} number={ref} noun="task" back={BACK}>
      {(task) => <TaskView task={task} reload={reload} />}
    </RecordGate>
  );
}

function TaskView({ task, reload }: { task: RequestTask; reload: () => Promise<RequestTask | undefined> }) {
  const me = useMe();
  const request = useRequest(task.request.number);
  const run = useTaskTransition(task);
  const save = useAssignTask(task);
  const onStale = staleHandler(task, 'task', reload);
  const assign = assignAction(save, onStale);
  const mine = assignToMeInput(task, me);
  useRecordShortcuts({ assignToMe: mine ? () => assign.run(mine) : null });
  const refresh = () => void reload();

  return (
    <RecordLayout
      header={
        <RecordHeader
          rec={task}
          back={BACK}
          audience="staff"
          showPriority={false}
          assign={assign}
          subtitle={
            <>
              For{' '}
              <Anchor
                component={Link}
                to={recordPath('request', task.request.number)}
                size="sm"
                underline="always"
              >
                {task.request.number} {task.request.title}
              </Anchor>{' '}
              · created <Time iso={task.createdAt} size="sm" />
            </>
          }
          actions={<TransitionBar rec={task} run={run} noun="task" onStale={onStale} />}
        />
      }
      side={
        <>
          <Paper p="md" component="section" aria-labelledby="todo-title">
            <Title order={2} size="h5" id="todo-title" mb="xs">
              What to do
            </Title>
            <Text size="sm" className="pre-wrap" c={task.description ? undefined : 'dimmed'}>
              {task.description || 'No instructions given.'}
            </Text>
            {task.requester && (
              <Text size="sm" mt="sm">
                <b>For:</b> {task.requester.name} ({task.requester.email})
              </Text>
            )}
          </Paper>
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
          <TimePanel rec={task} />
          <WatchersPanel rec={task} showNames noun="task" onChanged={refresh} />
        </>
      }
      activity={<ActivityPanel rec={task} noun="task" directory onChanged={refresh} />}
    />
  );
}
