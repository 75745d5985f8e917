/** Supplier contracts, soonest end first, with warnings for those expiring or expired. */
import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { type Contract, type ContractStatus, contracts, useContractList } from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
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

const FILTERS = { expiring: 'one' } as const;

const COLUMNS: ListColumn<Contract>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (c) => <RowLink to={`/cmdb/contracts/${c.id}`}>{c.name}</RowLink>,
  },
  { key: 'kind', label: 'Kind', width: 110, render: (c) => humanize(c.kind) },
  { key: 'supplier', label: 'Supplier', width: 170, render: (c) => c.supplier?.name ?? '—' },
  { key: 'startDate', label: 'Starts', width: 110, render: (c) => c.startDate },
  { key: 'endDate', label: 'Ends', width: 110, render: (c) => c.endDate },
  {
    key: 'status',
    label: 'Status',
    width: 160,
    render: (c) => <ContractStatusBadge status={c.status} daysLeft={c.daysLeft} />,
  },
  { key: 'covers', label: 'Covers', width: 80, render: (c) => c.coverageCount },
  { key: 'cost', label: 'Cost', width: 110, render: (c) => formatMoney(c.cost, c.currency) },
];

/** The contracts ending within 90 days, named above the list so none lapses unnoticed. */
function ExpiringSoon({ soon }: { soon: Contract[] }) {
  if (soon.length === 0) return null;
  return (
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
  );
}

export function ContractsPage() {
  const me = useMe();
  const state = useListState(FILTERS, { sort: 'endDate', order: 'asc' });
  const within = state.filters.expiring;
  const list = useContractList({ expiringWithinDays: within ? Number(within) : undefined });
  const warnings = useContractList({ expiringWithinDays: 90, limit: 100 });
  const soon = loadedItems(warnings.data).filter((c) => c.status === 'expiring');
  return (
    <ListPage
      title="Contracts"
      description="Support, maintenance and lease contracts with suppliers, and what they cover."
      actions={
        cmdbAreas(me).manage && (
          <CreateButton
            label="New contract"
            title="New contract"
            useCreate={contracts.useCreate}
            empty={emptyContract}
            toBody={contractBody}
            created={(c) => `${c.name} added`}
            pathOf={(c) => `/cmdb/contracts/${c.id}`}
            submitLabel="Add contract"
            errorTitle="Not added"
          >
            {(form) => <ContractFields form={form} />}
          </CreateButton>
        )
      }
      notice={<ExpiringSoon soon={soon} />}
      listKey="cmdb-contracts"
      noun={['contract', 'contracts']}
      columns={COLUMNS}
      list={list}
      state={state}
      rowHref={(c) => `/cmdb/contracts/${c.id}`}
      rowLabel={(c) => c.name}
      fields={[
        {
          name: 'expiring',
          label: 'Ending',
          placeholder: 'Any time',
          data: [
            { value: '30', label: 'Within 30 days' },
            { value: '90', label: 'Within 90 days' },
            { value: '365', label: 'Within a year' },
          ],
        },
      ]}
    />
  );
}
