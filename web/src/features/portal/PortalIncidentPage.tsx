/** A requester's view of their incident: status, public conversation, comments, files and the steps offered. */
import { Anchor, Breadcrumbs, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useIncident } from '../../api/queries/incidents.ts';
import { useActivity } from '../../api/queries/records.ts';
import { StateBadge } from '../../components/Badges.tsx';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ActivityStream } from '../incidents/ActivityStream.tsx';
import { CommentBox } from '../incidents/CommentBox.tsx';
import { LinksPanel, WatchersPanel } from '../incidents/SidePanels.tsx';
import { TransitionBar } from '../incidents/Transitions.tsx';
import { useResolvers } from '../incidents/useResolvers.ts';

/** Requesters see the conversation and the state, not the service desk's internal routing. */
const HIDDEN_FIELDS = new Set(['assigneeId', 'groupId', 'impact', 'priority', 'serviceId']);

export function PortalIncidentPage() {
  const { ref = '' } = useParams();
  const incident = useIncident(ref);
  const rec = incident.data;
  const activity = useActivity(rec?.id);
  const visible = (activity.data ?? []).filter((i) => i.kind !== 'change' || !HIDDEN_FIELDS.has(i.field));
  const resolvers = useResolvers(visible, false);
  useDocumentTitle(rec ? `${rec.number} ${rec.title}` : ref.toUpperCase());

  if (incident.isPending) return <PageLoader label="Loading incident" />;
  if (incident.isError) {
    if (incident.error instanceof ApiError && incident.error.isNotFound)
      return <RecordNotFound number={ref.toUpperCase()} backTo="/portal" backLabel="Back to my incidents" />;
    return <ErrorState error={incident.error} onRetry={() => incident.refetch()} />;
  }
  if (!rec) return null;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/portal" size="sm">
          My incidents
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
              {rec.number} · reported <Time iso={rec.createdAt} size="sm" />
            </Text>
          </Group>
        </Stack>
        <TransitionBar
          rec={rec}
          onStale={() => {
            notifications.show({
              color: 'orange',
              message: 'This incident was just updated; please try again.',
            });
            void incident.refetch();
          }}
        />
      </Group>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Title order={2} size="h4">
              Conversation
            </Title>
            <CommentBox rec={rec} />
            {activity.isPending ? (
              <PageLoader label="Loading activity" />
            ) : activity.isError ? (
              <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
            ) : (
              <ActivityStream items={visible} resolvers={resolvers} reverse />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-labelledby="about-title">
              <Title order={2} size="h5" id="about-title" mb="xs">
                About this incident
              </Title>
              <Text size="sm" className="pre-wrap" c={rec.description ? undefined : 'dimmed'}>
                {rec.description || 'No details given.'}
              </Text>
              {rec.resolutionCode && (
                <Text size="sm" mt="sm">
                  <b>Resolution:</b> {humanize(rec.resolutionCode)}
                  {rec.resolutionNotes ? ` – ${rec.resolutionNotes}` : ''}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt="sm">
                Last updated <Time iso={rec.updatedAt} size="xs" />
              </Text>
            </Paper>
            <WatchersPanel rec={rec} showNames={false} />
            <LinksPanel rec={rec} linkTo={(n) => `/portal/incidents/${n}`} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
