/** SLAs, OLAs and underpinning contracts, every version, filtered by kind, status and name. */
import { Button, Group, Menu, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { AGREEMENT_KINDS, type AgreementKind, useAgreementList } from '../../api/queries/serviceLevels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { KIND_LABELS } from './labels.ts';
import { useCanManageServiceLevels } from './permissions.ts';

export function AgreementsPage() {
  const [params, setParams] = useSearchParams();
  const canManage = useCanManageServiceLevels();
  const kindParam = params.get('kind');
  const kind = (AGREEMENT_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as AgreementKind)
    : undefined;
  const statusParam = params.get('status');
  const status = statusParam === 'draft' || statusParam === 'agreed' ? statusParam : undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useAgreementList({ kind, status, q: q || undefined });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Agreements"
        description="Service level agreements with customers, operational level agreements with support groups, and underpinning contracts with suppliers."
        actions={
          canManage && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button leftSection={<IconPlus size={16} />} rightSection={<IconChevronDown size={14} />}>
                  New agreement
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {AGREEMENT_KINDS.map((k) => (
                  <Menu.Item key={k} component={Link} to={`/service-levels/agreements/new?kind=${k}`}>
                    {KIND_LABELS[k]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <Select
          label="Kind"
          placeholder="Every kind"
          clearable
          data={AGREEMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind ?? null}
          onChange={(v) => set('kind', v)}
          w={260}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'draft', label: 'Draft' },
            { value: 'agreed', label: 'Agreed' },
          ]}
          value={status ?? null}
          onChange={(v) => set('status', v)}
          w={160}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading agreements" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No agreements match this view">
            {canManage ? 'Draft one, or turn an agreed service level requirement into an SLA.' : undefined}
          </EmptyState>
        ) : (
          <AgreementTable items={items} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
