/** Supplier contracts, soonest end first, with warnings for those expiring or expired. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router-dom';
import { type ContractStatus, contracts, useContractList } from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { CreateDialog } from '../../kit/form/CreateDialog.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { humanize } from '../../lib/labels.ts';
import { ContractFields, contractBody, emptyContract } from './ContractForm.tsx';
import { formatMoney } from './shared.tsx';

const STATUS_COLORS: Record<ContractStatus, string> = {
  upcoming: 'blue',
  active: 'teal',
  expiring: 'orange',
  expired: 'red',
};

export function ContractStatusBadge({ status, daysLeft }: { status: ContractStatus; daysLeft: number }) {
  const text =
    status === 'expiring'
      ? `Expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`
      : status === 'expired'
        ? 'Expired'
        : humanize(status);
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'expiring' || status === 'expired' ? 'filled' : 'light'}
      autoContrast
    >
      {text}
    </Badge>
  );
}

function NewContractModal({ onClose }: { onClose: () => void }) {
  return (
    <CreateDialog
      title="New contract"
      onClose={onClose}
      create={contracts.useCreate()}
      empty={emptyContract}
      toBody={contractBody}
      created={(c) => `${c.name} added`}
      pathOf={(c) => `/cmdb/contracts/${c.id}`}
      submitLabel="Add contract"
      errorTitle="Not added"
    >
      {(form) => <ContractFields form={form} />}
    </CreateDialog>
  );
}

export function ContractsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const within = params.get('expiring');
  const list = useContractList({ expiringWithinDays: within ? Number(within) : undefined });
  const warnings = useContractList({ expiringWithinDays: 90, limit: 100 });
  const [opened, modal] = useDisclosure(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const soon = (warnings.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.status === 'expiring');
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Support, maintenance and lease contracts with suppliers, and what they cover."
        actions={
          cmdbAreas(me).manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
              New contract
            </Button>
          )
        }
      />
      {soon.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={`${soon.length} contract${soon.length === 1 ? '' : 's'} expiring soon`}
          mb="md"
        >
          <Stack gap={2}>
            {soon.map((c) => (
              <Text size="sm" key={c.id}>
                <Anchor component={Link} to={`/cmdb/contracts/${c.id}`} size="sm">
                  {c.name}
                </Anchor>{' '}
                ({c.supplier?.name ?? 'no supplier'}) ends {c.endDate}: {c.daysLeft} day
                {c.daysLeft === 1 ? '' : 's'} left
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Group mb="md" role="group" aria-label="Filters">
        <Select
          label="Ending"
          placeholder="Any time"
          clearable
          data={[
            { value: '30', label: 'Within 30 days' },
            { value: '90', label: 'Within 90 days' },
            { value: '365', label: 'Within a year' },
          ]}
          value={within}
          onChange={(v) => setParams(v ? { expiring: v } : {}, { replace: true })}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading contracts" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No contracts match" />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table fz="sm" verticalSpacing="xs" aria-label="Contracts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={110}>Kind</Table.Th>
                  <Table.Th w={170}>Supplier</Table.Th>
                  <Table.Th w={110}>Starts</Table.Th>
                  <Table.Th w={110}>Ends</Table.Th>
                  <Table.Th w={160}>Status</Table.Th>
                  <Table.Th w={80}>Covers</Table.Th>
                  <Table.Th w={110}>Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cmdb/contracts/${c.id}`} fw={600} size="sm">
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{humanize(c.kind)}</Table.Td>
                    <Table.Td>{c.supplier?.name ?? '—'}</Table.Td>
                    <Table.Td>{c.startDate}</Table.Td>
                    <Table.Td>{c.endDate}</Table.Td>
                    <Table.Td>
                      <ContractStatusBadge status={c.status} daysLeft={c.daysLeft} />
                    </Table.Td>
                    <Table.Td>{c.coverageCount}</Table.Td>
                    <Table.Td>{formatMoney(c.cost, c.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Center>
      )}
      {opened && <NewContractModal onClose={modal.close} />}
    </>
  );
}
