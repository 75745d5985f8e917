/** One fulfilment task: what to do, for which request, who works it; start and complete it. */
import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useActivity } from '../../api/queries/records.ts';
import {
  type RequestTask,
  useAssignTask,
  useRequest,
  useRequestTask,
  useTaskTransition,
} from '../../api/queries/requests.ts';
import type { PersonRef } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { GroupSelect, MemberSelect } from '../../components/Pickers.tsx';
import { ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ActivityStream } from '../incidents/ActivityStream.tsx';
import { CommentBox } from '../incidents/CommentBox.tsx';
import { useResolvers } from '../incidents/useResolvers.ts';
import { AnswersPanel } from './RequestProgress.tsx';
import { StepButtons } from './StepButtons.tsx';

function Assignment({ task }: { task: RequestTask }) {
  const me = useMe();
  const assign = useAssignTask(task);
  const [groupId, setGroupId] = useState<string | null>(task.group?.id ?? null);
  const [assignee, setAssignee] = useState<PersonRef | null>(task.assignee);
  const canAssign = task.allowedActions.includes('assign');
  const dirty =
    groupId !== (task.group?.id ?? null) || (assignee?.id ?? null) !== (task.assignee?.id ?? null);
  const open = task.stateCategory !== 'closed' && task.stateCategory !== 'resolved';
  const saved = () => notifications.show({ color: 'teal', message: `${task.number} saved` });
  return (
    <Paper p="md" component="section" aria-labelledby="assign-title">
      <Title order={2} size="h5" id="assign-title" mb="xs">
        Assignment
      </Title>
      <Stack gap="sm">
        <GroupSelect
          label="Group"
          value={groupId}
          onChange={(v) => {
            setGroupId(v);
            setAssignee(null);
          }}
          disabled={!canAssign || !open}
          clearable={false}
        />
        <MemberSelect
          label="Assignee"
          placeholder="Unassigned"
          groupId={groupId}
          value={assignee}
          onChange={setAssignee}
          disabled={!canAssign || !open}
        />
        <ErrorAlert error={assign.error} title="The assignment was not saved" />
        {canAssign && open && (
          <Group justify="flex-end" gap="xs">
            {task.assignee?.id !== me.id && me.groupIds.includes(task.group?.id ?? '') && (
              <Button
                variant="default"
                leftSection={<IconUserCheck size={16} />}
                loading={assign.isPending && assign.variables?.assigneeId === me.id}
                onClick={() => assign.mutate({ assigneeId: me.id }, { onSuccess: saved })}
              >
                Assign to me
              </Button>
            )}
            <Button
              disabled={!dirty}
              loading={assign.isPending && assign.variables?.assigneeId !== me.id}
              onClick={() =>
                assign.mutate({ groupId, assigneeId: assignee?.id ?? null }, { onSuccess: saved })
              }
            >
              Save
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function TaskPage() {
  const { ref = '' } = useParams();
  const query = useRequestTask(ref);
  const task = query.data;
  const request = useRequest(task?.request.number);
  const activity = useActivity(task?.id);
  const run = useTaskTransition(task);
  const resolvers = useResolvers(activity.data ?? [], true);
  useDocumentTitle(task ? `${task.number} ${task.title}` : ref.toUpperCase());

  if (query.isPending) return <PageLoader label="Loading task" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.isNotFound)
      return <RecordNotFound number={ref.toUpperCase()} backTo="/tasks" backLabel="Back to tasks" />;
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  if (!task) return null;
  const onStale = () => {
    notifications.show({
      color: 'orange',
      title: 'Someone else changed this task',
      message: `${task.number} was changed since you opened it. We loaded the latest version; please try again.`,
    });
    void query.refetch();
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/tasks?groupId=mine&stateCategory=open" size="sm">
            Tasks
          </Anchor>
          <Text size="sm">{task.number}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} style={{ flex: 1, minWidth: 280 }}>
            <Title order={1} size="h2">
              <Text span inherit c="dimmed" fw={600}>
                {task.number}
              </Text>{' '}
              {task.title}
            </Title>
            <Group gap="xs">
              <StateBadge label={task.stateLabel} category={task.stateCategory} />
              <Text size="sm" c="dimmed">
                For{' '}
                <Anchor component={Link} to={`/requests/${task.request.number}`} size="sm" underline="always">
                  {task.request.number} {task.request.title}
                </Anchor>{' '}
                · created <Time iso={task.createdAt} size="sm" />
                {task.group ? ` · ${task.group.name}` : ''}
                {task.assignee ? ` · ${task.assignee.name}` : ' · Unassigned'}
              </Text>
            </Group>
          </Stack>
          <StepButtons rec={task} run={run} onStale={onStale} />
        </Group>
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
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
            <Assignment key={task.version} task={task} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Title order={2} size="h4">
              Activity
            </Title>
            <CommentBox rec={task} />
            {activity.isPending ? (
              <PageLoader label="Loading activity" />
            ) : activity.isError ? (
              <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
            ) : (
              <ActivityStream items={activity.data} resolvers={resolvers} reverse noun="task" />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
