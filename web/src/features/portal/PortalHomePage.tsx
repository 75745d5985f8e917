/** The portal's home: my service requests and my incidents, open ones first. */
import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconShoppingCart } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useIncidentList } from '../../api/queries/incidents.ts';
import { useRequestList } from '../../api/queries/requests.ts';
import type { Incident, StateCategory } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';

const VIEWS: Record<string, StateCategory[] | undefined> = {
  open: ['open', 'paused', 'resolved'],
  all: undefined,
};

type View = 'open' | 'all';

function ViewSwitch({ label, value, onChange }: { label: string; value: View; onChange: (v: View) => void }) {
  return (
    <SegmentedControl
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v === 'all' ? 'all' : 'open')}
      data={[
        { value: 'open', label: 'Open' },
        { value: 'all', label: 'All' },
      ]}
      size="xs"
    />
  );
}

function RecordList({
  label,
  items,
  linkTo,
  verb,
}: {
  label: string;
  items: Incident[];
  linkTo: string;
  verb: string;
}) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((r) => (
        <Card key={r.id} component="li" withBorder padding="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`${linkTo}/${r.number}`} fw={600}>
                {r.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {r.number} · {verb} <Time iso={r.createdAt} size="sm" /> · updated{' '}
                <Time iso={r.updatedAt} size="sm" />
              </Text>
            </Stack>
            <StateBadge label={r.stateLabel} category={r.stateCategory} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function MyRequests() {
  const [view, setView] = useState<View>('open');
  const list = useRequestList({ requesterId: 'me', stateCategory: VIEWS[view], sort: 'updated', limit: 25 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-requests">
      <Group justify="space-between">
        <Title order={2} size="h3" id="my-requests">
          Requests
        </Title>
        <ViewSwitch label="Which requests" value={view} onChange={setView} />
      </Group>
      {list.isPending ? (
        <PageLoader label="Loading your requests" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={view === 'open' ? 'No requests under way' : 'You have not ordered anything yet'}>
          Need something, like equipment or access? Order it from the service catalog.
        </EmptyState>
      ) : (
        <RecordList label="My requests" items={items} linkTo="/portal/requests" verb="ordered" />
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more requests
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function MyIncidents() {
  const [view, setView] = useState<View>('open');
  const list = useIncidentList({ requesterId: 'me', stateCategory: VIEWS[view], sort: 'updated', limit: 25 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-incidents">
      <Group justify="space-between">
        <Title order={2} size="h3" id="my-incidents">
          Incidents
        </Title>
        <ViewSwitch label="Which incidents" value={view} onChange={setView} />
      </Group>
      {list.isPending ? (
        <PageLoader label="Loading your incidents" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={view === 'open' ? 'Nothing open' : 'You have not reported anything yet'}>
          When something does not work, use “Report a problem” and we will take care of it.
        </EmptyState>
      ) : (
        <RecordList label="My incidents" items={items} linkTo="/portal/incidents" verb="reported" />
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more incidents
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function PortalHomePage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="My incidents and requests"
        description={`Hello ${me.name.split(' ')[0]}. Here is everything you have ordered or reported.`}
        actions={
          <>
            <Button
              component={Link}
              to="/portal/catalog"
              variant="light"
              leftSection={<IconShoppingCart size={16} />}
            >
              Order something
            </Button>
            <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
              Report a problem
            </Button>
          </>
        }
      />
      <Stack gap="xl">
        <MyRequests />
        <MyIncidents />
      </Stack>
    </>
  );
}
