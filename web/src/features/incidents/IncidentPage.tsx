/** One incident for agents: fields and side panels on the left, the activity stream on the right. */
import { Anchor, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useIncident } from '../../api/queries/incidents.ts';
import { useMajorIncident } from '../../api/queries/process.ts';
import { useActivity } from '../../api/queries/records.ts';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { DeclareMajorButton } from '../major/DeclareMajorButton.tsx';
import { FamilyPanel } from '../major/FamilyPanel.tsx';
import { MajorIncidentPanel } from '../major/MajorIncidentPanel.tsx';
import { ActivityStream } from './ActivityStream.tsx';
import { CommentBox } from './CommentBox.tsx';
import { IncidentDetails } from './IncidentDetails.tsx';
import { LinksPanel, WatchersPanel } from './SidePanels.tsx';
import { TransitionBar } from './Transitions.tsx';
import { useResolvers } from './useResolvers.ts';

export function IncidentPage() {
  const { ref = '' } = useParams();
  const incident = useIncident(ref);
  const rec = incident.data;
  const activity = useActivity(rec?.id);
  const major = useMajorIncident(rec);
  const resolvers = useResolvers(activity.data ?? [], true);
  useDocumentTitle(rec ? `${rec.number} ${rec.title}` : ref.toUpperCase());

  if (incident.isPending) return <PageLoader label="Loading incident" />;
  if (incident.isError) {
    if (incident.error instanceof ApiError && incident.error.isNotFound)
      return <RecordNotFound number={ref.toUpperCase()} backTo="/incidents" backLabel="Back to incidents" />;
    return <ErrorState error={incident.error} onRetry={() => incident.refetch()} />;
  }
  if (!rec) return null;
  const reload = async () => (await incident.refetch()).data;
  const onStale = () => {
    notifications.show({
      color: 'orange',
      title: 'Someone else changed this incident',
      message: `${rec.number} was changed since you opened it. We loaded the latest version; please try again.`,
    });
    void reload();
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/incidents" size="sm">
            Incidents
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
                Opened by {rec.requester?.name ?? 'unknown'} <Time iso={rec.createdAt} size="sm" />
                {rec.group ? ` · ${rec.group.name}` : ''}
                {rec.assignee ? ` · ${rec.assignee.name}` : ' · Unassigned'}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs" align="flex-start">
            <DeclareMajorButton rec={rec} />
            <TransitionBar rec={rec} onStale={onStale} />
          </Group>
        </Group>
      </Stack>
      {major.data?.major && <MajorIncidentPanel rec={rec} view={major.data} />}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <IncidentDetails rec={rec} onReload={reload} />
            <FamilyPanel rec={rec} major={!!major.data?.major} />
            <WatchersPanel rec={rec} showNames />
            <LinksPanel rec={rec} linkTo={(n) => `/incidents/${n}`} />
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
              <ActivityStream items={activity.data} resolvers={resolvers} reverse />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
