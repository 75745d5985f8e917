/** A requester's (or approver's) view of a service request: progress, answers, conversation. */
import { Alert, Anchor, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useActivity } from '../../api/queries/records.ts';
import { useRequest, useRequestTransition } from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ApprovalActions, levelToDecide } from '../approvals/ApprovalActions.tsx';
import { ActivityStream } from '../incidents/ActivityStream.tsx';
import { CommentBox } from '../incidents/CommentBox.tsx';
import { useResolvers } from '../incidents/useResolvers.ts';
import { AnswersPanel, RequestProgress } from '../requests/RequestProgress.tsx';
import { StepButtons } from '../requests/StepButtons.tsx';

/** Requesters follow the request, not the service desk's internal routing. */
const HIDDEN_FIELDS = new Set(['assigneeId', 'groupId', 'impact', 'urgency', 'priority', 'serviceId']);

export function PortalRequestPage() {
  const { ref = '' } = useParams();
  const me = useMe();
  const request = useRequest(ref);
  const rec = request.data;
  const activity = useActivity(rec?.id);
  const run = useRequestTransition(rec);
  const visible = (activity.data ?? []).filter((i) => i.kind !== 'change' || !HIDDEN_FIELDS.has(i.field));
  const resolvers = useResolvers(visible, false);
  useDocumentTitle(rec ? `${rec.number} ${rec.title}` : ref.toUpperCase());

  if (request.isPending) return <PageLoader label="Loading request" />;
  if (request.isError) {
    if (request.error instanceof ApiError && request.error.isNotFound)
      return <RecordNotFound number={ref.toUpperCase()} backTo="/portal" backLabel="Back to my requests" />;
    return <ErrorState error={request.error} onRetry={() => request.refetch()} />;
  }
  if (!rec) return null;
  const decide = levelToDecide(rec, me.id);
  const onStale = () => {
    notifications.show({ color: 'orange', message: 'This request was just updated; please try again.' });
    void request.refetch();
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/portal" size="sm">
          {rec.requester?.id === me.id ? 'My requests' : 'Home'}
        </Anchor>
        <Text size="sm">{rec.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6} style={{ flex: 1, minWidth: 260 }}>
          <Title order={1} size="h2">
            {rec.title}
          </Title>
          <Group gap="xs">
            <StateBadge label={rec.stateLabel} category={rec.stateCategory} />
            <Text size="sm" c="dimmed">
              {rec.number} · ordered <Time iso={rec.createdAt} size="sm" />
              {rec.requester ? ` by ${rec.requester.name}` : ''}
            </Text>
          </Group>
        </Stack>
        <StepButtons rec={rec} run={run} onStale={onStale} />
      </Group>
      {decide && (
        <Alert color="blue" title={`Your approval is requested: ${decide.name}`}>
          <Stack gap="xs">
            <Text size="sm">Check what was asked for, then decide.</Text>
            <ApprovalActions requestId={rec.id} number={rec.number} level={decide.level} />
          </Stack>
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <RequestProgress rec={rec} />
            <Title order={2} size="h4">
              Conversation
            </Title>
            <CommentBox rec={rec} />
            {activity.isPending ? (
              <PageLoader label="Loading activity" />
            ) : activity.isError ? (
              <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
            ) : (
              <ActivityStream items={visible} resolvers={resolvers} reverse noun="request" />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AnswersPanel rec={rec} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
