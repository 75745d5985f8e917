/** The asset register: filters by state and text, book values, and registering a new asset. */
import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  MultiSelect,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ASSET_STATE_LABELS,
  ASSET_STATES,
  type AssetState,
  assets,
  useAssetList,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { CreateDialog } from '../../kit/form/CreateDialog.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { AssetFields, assetBody, emptyAsset, validateAsset } from './AssetForm.tsx';
import { CiLink, formatMoney } from './shared.tsx';

const STATE_COLORS: Record<AssetState, string> = {
  ordered: 'grape',
  in_stock: 'blue',
  deployed: 'teal',
  in_repair: 'orange',
  retired: 'gray',
  disposed: 'dark',
};

export function AssetStateBadge({ state }: { state: AssetState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {ASSET_STATE_LABELS[state]}
    </Badge>
  );
}

export const assetPath = (tag: string) => `/cmdb/assets/${encodeURIComponent(tag)}`;

function NewAssetModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <CreateDialog
      title="Register an asset"
      opened={opened}
      onClose={onClose}
      size="xl"
      create={assets.useCreate()}
      empty={emptyAsset}
      toBody={(d) => ({ ...assetBody(d), state: d.state })}
      validate={validateAsset}
      created={(a) => `${a.assetTag} registered`}
      pathOf={(a) => assetPath(a.assetTag)}
      submitLabel="Register asset"
      errorTitle="Not registered"
    >
      {(form) => (
        <>
          <Select
            label="Initial state"
            allowDeselect={false}
            data={ASSET_STATES.filter((s) => s !== 'disposed').map((s) => ({
              value: s,
              label: ASSET_STATE_LABELS[s],
            }))}
            w={220}
            {...form.choice('state', { fallback: 'in_stock' })}
          />
          <AssetFields form={form} withAssignment />
        </>
      )}
    </CreateDialog>
  );
}

export function AssetsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const state = (params.get('state') ?? '').split(',').filter(Boolean);
  const list = useAssetList({ state, q: debounced || undefined });
  const [opened, modal] = useDisclosure(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Assets"
        description="IT assets from order to disposal: who has them, where they are and what they are worth."
        actions={
          cmdbAreas(me).manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
              Register asset
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" mb="md" role="group" aria-label="Filters">
        <TextInput
          label="Search"
          placeholder="Tag, serial or name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <MultiSelect
          label="State"
          placeholder={state.length ? undefined : 'Any'}
          data={ASSET_STATES.map((s) => ({ value: s, label: ASSET_STATE_LABELS[s] }))}
          value={state}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v.length) next.set('state', v.join(','));
            else next.delete('state');
            setParams(next, { replace: true });
          }}
          clearable
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading assets" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No assets match">Register one, or import a file on the Import page.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table fz="sm" verticalSpacing="xs" aria-label="Assets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>Tag</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={110}>State</Table.Th>
                  <Table.Th w={150}>Assigned to</Table.Th>
                  <Table.Th w={130}>Location</Table.Th>
                  <Table.Th w={150}>CI</Table.Th>
                  <Table.Th w={110}>Cost</Table.Th>
                  <Table.Th w={110}>Book value</Table.Th>
                  <Table.Th w={110}>Warranty</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={assetPath(a.assetTag)} fw={600} size="sm">
                        {a.assetTag}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>
                      <AssetStateBadge state={a.state} />
                    </Table.Td>
                    <Table.Td>{a.assignedTo?.name ?? '—'}</Table.Td>
                    <Table.Td>{a.location ?? '—'}</Table.Td>
                    <Table.Td>{a.ci ? <CiLink ci={a.ci} /> : '—'}</Table.Td>
                    <Table.Td>{formatMoney(a.cost, a.currency)}</Table.Td>
                    <Table.Td>{formatMoney(a.currentValue, a.currency)}</Table.Td>
                    <Table.Td>
                      {a.underWarranty === null ? (
                        '—'
                      ) : a.underWarranty ? (
                        `until ${a.warrantyEnd}`
                      ) : (
                        <Text span size="sm" c="red.8">
                          expired
                        </Text>
                      )}
                    </Table.Td>
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
      {opened && <NewAssetModal opened={opened} onClose={modal.close} />}
    </>
  );
}
