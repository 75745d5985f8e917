/** The approvals inbox: every request waiting for my decision now. */
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePendingApprovals } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { Time } from '../../lib/time.tsx';
import { useRequestPaths } from '../requests/paths.ts';
import { ApprovalActions } from './ApprovalActions.tsx';

const RULES: Record<string, string> = {
  all: 'every approver must agree',
  any: 'any one approver decides',
  quorum: 'a quorum of approvers decides',
};

export function ApprovalsPage() {
  const paths = useRequestPaths();
  const pending = usePendingApprovals();
  const items = pending.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Requests waiting for your decision. Open one to see everything that was asked for."
      />
      {pending.isPending ? (
        <PageLoader label="Loading approvals" />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => pending.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing waiting for you">
          When someone’s request needs your approval, it appears here.
        </EmptyState>
      ) : (
        <BareList gap="sm" aria-label="Waiting for me">
          {items.map((a) => (
            <Card key={`${a.request.id}-${a.level}`} component="li" withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={paths.request(a.request.number)} fw={600}>
                    {a.request.number}: {a.request.title}
                  </Anchor>
                  <Text size="sm">
                    Requested by <b>{a.requester.name}</b> <Time iso={a.request.createdAt} size="sm" />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {a.levelName} (approval {a.level}) · {RULES[a.rule] ?? a.rule}
                    {a.startedAt ? ' · waiting since ' : ''}
                    {a.startedAt && <Time iso={a.startedAt} size="sm" />}
                  </Text>
                </Stack>
                <ApprovalActions requestId={a.request.id} number={a.request.number} level={a.level} />
              </Group>
            </Card>
          ))}
        </BareList>
      )}
    </>
  );
}
