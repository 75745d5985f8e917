/** My incidents: what I reported, open ones first. */
import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useIncidentList } from '../../api/queries/incidents.ts';
import type { StateCategory } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';

const VIEWS: Record<string, StateCategory[] | undefined> = {
  open: ['open', 'paused', 'resolved'],
  all: undefined,
};

export function PortalHomePage() {
  const me = useMe();
  const [view, setView] = useState<'open' | 'all'>('open');
  const list = useIncidentList({ requesterId: 'me', stateCategory: VIEWS[view], sort: 'updated', limit: 25 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="My incidents"
        description={`Hello ${me.name.split(' ')[0]}. Here is everything you have reported to the service desk.`}
        actions={
          <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
            Report a problem
          </Button>
        }
      />
      <SegmentedControl
        aria-label="Which incidents"
        value={view}
        onChange={(v) => setView(v === 'all' ? 'all' : 'open')}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'all', label: 'All' },
        ]}
        mb="md"
      />
      {list.isPending ? (
        <PageLoader label="Loading your incidents" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={view === 'open' ? 'Nothing open' : 'You have not reported anything yet'}>
          When something does not work, use “Report a problem” and we will take care of it.
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" p={0} style={{ listStyle: 'none' }} aria-label="My incidents">
          {items.map((r) => (
            <Card key={r.id} component="li" withBorder padding="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/portal/incidents/${r.number}`} fw={600}>
                    {r.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {r.number} · reported <Time iso={r.createdAt} size="sm" /> · updated{' '}
                    <Time iso={r.updatedAt} size="sm" />
                  </Text>
                </Stack>
                <StateBadge label={r.stateLabel} category={r.stateCategory} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
