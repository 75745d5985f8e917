/**
 * The portal's home: search (things to order, my records), announcements, quick ways to report
 * a problem, order or approve, the services' status, and my requests and incidents, open first.
 */
import { Anchor, Button, Card, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useIncidentList } from '../../api/queries/incidents.ts';
import { type RequestListQuery, usePendingApprovals, useRequestList } from '../../api/queries/requests.ts';
import type { Incident, StateCategory } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { StateBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { Time } from '../../lib/time.tsx';
import { AnnouncementBanner } from '../announcements/AnnouncementBanner.tsx';
import { PendingSurveys } from '../csat/SurveyPrompt.tsx';
import { ServiceStatusSummary } from '../status-page/ServiceStatusSummary.tsx';
import { PortalSearch } from './PortalSearch.tsx';

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
    <BareList gap="sm" aria-label={label}>
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
    </BareList>
  );
}

type MyListQuery = Pick<RequestListQuery, 'requesterId' | 'stateCategory' | 'sort' | 'limit'>;

/** One of my record lists, open or all: loading, error and empty states, and "Load more". */
function MyRecords({
  id,
  title,
  plural,
  useList,
  empty,
  hint,
  linkTo,
  verb,
}: {
  id: string;
  title: string;
  plural: string;
  /** The list's query hook (the same one on every render). */
  useList: (query: MyListQuery) => ReturnType<typeof useIncidentList>;
  /** The empty state's title for open records, then for all of them. */
  empty: Record<View, string>;
  /** What the empty state suggests. */
  hint: string;
  linkTo: string;
  verb: string;
}) {
  const [view, setView] = useState<View>('open');
  const list = useList({ requesterId: 'me', stateCategory: VIEWS[view], sort: 'updated', limit: 25 });
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <ViewSwitch label={`Which ${plural}`} value={view} onChange={setView} />
      </Group>
      <LoadedRows
        query={list}
        label={`Loading your ${plural}`}
        rows={(data) => data.pages.flatMap((p) => p.items)}
        empty={<EmptyState title={empty[view]}>{hint}</EmptyState>}
      >
        {(items) => <RecordList label={`My ${plural}`} items={items} linkTo={linkTo} verb={verb} />}
      </LoadedRows>
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more {plural}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const MY_LISTS = [
  {
    id: 'my-requests',
    title: 'Requests',
    plural: 'requests',
    useList: useRequestList,
    empty: { open: 'No requests under way', all: 'You have not ordered anything yet' },
    hint: 'Need something, like equipment or access? Order it from the service catalog.',
    linkTo: '/portal/requests',
    verb: 'ordered',
  },
  {
    id: 'my-incidents',
    title: 'Incidents',
    plural: 'incidents',
    useList: useIncidentList,
    empty: { open: 'Nothing open', all: 'You have not reported anything yet' },
    hint: 'When something does not work, use “Report a problem” and we will take care of it.',
    linkTo: '/portal/incidents',
    verb: 'reported',
  },
];

export function PortalHomePage() {
  const me = useMe();
  const pending = usePendingApprovals();
  const waiting = pending.data?.items.length ?? 0;
  return (
    <>
      <AnnouncementBanner />
      <PageHeader
        title="My incidents and requests"
        description={`Hello ${me.name.split(' ')[0]}. Search, order, report a problem, or follow what you asked for.`}
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
            <NewButton to="/portal/new">Report a problem</NewButton>
          </>
        }
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <PortalSearch />
            {MY_LISTS.map((l) => (
              <MyRecords key={l.id} {...l} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PendingSurveys />
            {waiting > 0 && (
              <Card withBorder component="section" aria-label="Approvals">
                <Text size="sm">
                  {waiting === 1 ? 'One request waits' : `${waiting} requests wait`} for your approval.
                </Text>
                <Anchor component={Link} to="/approvals" size="sm" fw={600}>
                  Open my approvals
                </Anchor>
              </Card>
            )}
            <ServiceStatusSummary />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
