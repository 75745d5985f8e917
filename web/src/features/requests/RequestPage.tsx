/** One service request for staff: coordination, answers, approvals and tasks, and the activity stream. */
import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useActivity } from '../../api/queries/records.ts';
import {
  type ServiceRequest,
  useRequest,
  useRequestTransition,
  useUpdateRequest,
} from '../../api/queries/requests.ts';
import type { PersonRef } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { GroupSelect, MemberSelect } from '../../components/Pickers.tsx';
import { ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ApprovalActions, levelToDecide } from '../approvals/ApprovalActions.tsx';
import { ActivityStream } from '../incidents/ActivityStream.tsx';
import { CommentBox } from '../incidents/CommentBox.tsx';
import { useResolvers } from '../incidents/useResolvers.ts';
import { AnswersPanel, RequestProgress } from './RequestProgress.tsx';
import { StepButtons } from './StepButtons.tsx';

function Coordination({ rec }: { rec: ServiceRequest }) {
  const save = useUpdateRequest(rec);
  const [groupId, setGroupId] = useState<string | null>(rec.group?.id ?? null);
  const [assignee, setAssignee] = useState<PersonRef | null>(rec.assignee);
  const canAssign = rec.allowedActions.includes('assign');
  const dirty = groupId !== (rec.group?.id ?? null) || (assignee?.id ?? null) !== (rec.assignee?.id ?? null);
  return (
    <Paper p="md" component="section" aria-labelledby="coord-title">
      <Title order={2} size="h5" id="coord-title" mb="xs">
        Coordination
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          <b>Requester:</b> {rec.requester?.name ?? '—'}
          {rec.requester?.email ? ` (${rec.requester.email})` : ''}
        </Text>
        <Text size="sm">
          <b>Catalog item:</b> {rec.catalogItem.name}
        </Text>
        <GroupSelect
          label="Coordinating group"
          placeholder="No group"
          value={groupId}
          onChange={(v) => {
            setGroupId(v);
            setAssignee(null);
          }}
          disabled={!canAssign}
        />
        <MemberSelect
          label="Coordinator"
          placeholder="Unassigned"
          groupId={groupId}
          value={assignee}
          onChange={setAssignee}
          disabled={!canAssign}
        />
        <ErrorAlert error={save.error} title="The change was not saved" />
        {canAssign && (
          <Group justify="flex-end">
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { groupId, assigneeId: assignee?.id ?? null },
                  { onSuccess: (r) => notifications.show({ color: 'teal', message: `${r.number} saved` }) },
                )
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

export function RequestPage() {
  const { ref = '' } = useParams();
  const me = useMe();
  const request = useRequest(ref);
  const rec = request.data;
  const activity = useActivity(rec?.id);
  const run = useRequestTransition(rec);
  const resolvers = useResolvers(activity.data ?? [], true);
  useDocumentTitle(rec ? `${rec.number} ${rec.title}` : ref.toUpperCase());

  if (request.isPending) return <PageLoader label="Loading request" />;
  if (request.isError) {
    if (request.error instanceof ApiError && request.error.isNotFound)
      return <RecordNotFound number={ref.toUpperCase()} backTo="/requests" backLabel="Back to requests" />;
    return <ErrorState error={request.error} onRetry={() => request.refetch()} />;
  }
  if (!rec) return null;
  const decide = levelToDecide(rec, me.id);
  const onStale = () => {
    notifications.show({
      color: 'orange',
      title: 'Someone else changed this request',
      message: `${rec.number} was changed since you opened it. We loaded the latest version; please try again.`,
    });
    void request.refetch();
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/requests" size="sm">
            Service requests
          </Anchor>
          <Text size="sm">{rec.number}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} style={{ flex: 1, minWidth: 280 }}>
            <Title order={1} size="h2">
              <Text span inherit c="dimmed" fw={600}>
                {rec.number}
              </Text>{' '}
              {rec.title}
            </Title>
            <Group gap="xs">
              <StateBadge label={rec.stateLabel} category={rec.stateCategory} />
              <PriorityBadge priority={rec.priority} />
              <Text size="sm" c="dimmed">
                Ordered by {rec.requester?.name ?? 'unknown'} <Time iso={rec.createdAt} size="sm" />
              </Text>
            </Group>
          </Stack>
          <StepButtons rec={rec} run={run} onStale={onStale} />
        </Group>
      </Stack>
      {decide && (
        <Alert color="blue" title={`Your approval is requested: ${decide.name}`}>
          <Stack gap="xs">
            <Text size="sm">Check what was asked for, then decide.</Text>
            <ApprovalActions requestId={rec.id} number={rec.number} level={decide.level} />
          </Stack>
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <RequestProgress rec={rec} taskLink={(n) => `/tasks/${n}`} />
            <AnswersPanel rec={rec} />
            <Coordination key={rec.version} rec={rec} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Title order={2} size="h4">
              Activity
            </Title>
            <CommentBox rec={rec} />
            {activity.isPending ? (
              <PageLoader label="Loading activity" />
            ) : activity.isError ? (
              <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
            ) : (
              <ActivityStream items={activity.data} resolvers={resolvers} reverse noun="request" />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
