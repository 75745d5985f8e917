/** The service portfolio: business and technical services, filtered by kind, lifecycle and criticality. */
import {
  Anchor,
  Badge,
  Button,
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
  CRITICALITIES,
  type Criticality,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  SERVICE_KINDS,
  type ServiceKind,
  useServiceList,
} from '../../api/queries/serviceLevels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import {
  CRITICALITY_COLORS,
  CRITICALITY_LABELS,
  LIFECYCLE_COLORS,
  LIFECYCLE_LABELS,
  SERVICE_KIND_LABELS,
} from '../sla/labels.ts';
import { useCanManageServiceLevels } from '../sla/permissions.ts';
import { ServiceFormModal } from './ServiceForm.tsx';

const listParam = <T extends string>(p: URLSearchParams, key: string, allowed: readonly T[]): T[] =>
  (p.get(key) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

export function ServicesPage() {
  const [params, setParams] = useSearchParams();
  const canManage = useCanManageServiceLevels();
  const [adding, add] = useDisclosure();
  const kindParam = params.get('kind');
  const kind = (SERVICE_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as ServiceKind)
    : undefined;
  const lifecycle = listParam<LifecycleStatus>(params, 'lifecycle', LIFECYCLE_STATUSES);
  const criticality = listParam<Criticality>(params, 'criticality', CRITICALITIES);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useServiceList({
    kind,
    lifecycleStatus: lifecycle.length ? lifecycle : undefined,
    q: q || undefined,
  });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // Criticality is a service attribute the API does not filter on; the portfolio is small enough
  // to filter the loaded pages here.
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (s) => criticality.length === 0 || (s.criticality && criticality.includes(s.criticality)),
  );

  return (
    <>
      <PageHeader
        title="Services"
        description="The service portfolio: what IT delivers, to whom, and what it depends on."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={add.open}>
              New service
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or description"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <Select
          label="Kind"
          placeholder="Any kind"
          clearable
          data={SERVICE_KINDS.map((k) => ({ value: k, label: SERVICE_KIND_LABELS[k] }))}
          value={kind ?? null}
          onChange={(v) => set('kind', v)}
          w={190}
        />
        <MultiSelect
          label="Lifecycle"
          placeholder={lifecycle.length ? undefined : 'Any stage'}
          data={LIFECYCLE_STATUSES.map((s) => ({ value: s, label: LIFECYCLE_LABELS[s] }))}
          value={lifecycle}
          onChange={(v) => set('lifecycle', v.join(',') || null)}
          w={240}
        />
        <MultiSelect
          label="Criticality"
          placeholder={criticality.length ? undefined : 'Any criticality'}
          data={CRITICALITIES.map((c) => ({ value: c, label: CRITICALITY_LABELS[c] }))}
          value={criticality}
          onChange={(v) => set('criticality', v.join(',') || null)}
          w={260}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading services" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No services match this view">
            {canManage ? 'Add a service, or remove a filter.' : 'Try removing a filter.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={150}>Kind</Table.Th>
                  <Table.Th w={110}>Criticality</Table.Th>
                  <Table.Th w={100}>Lifecycle</Table.Th>
                  <Table.Th w={160}>Owner</Table.Th>
                  <Table.Th w={160}>Support group</Table.Th>
                  <Table.Th w={180}>Customers</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/services/${s.id}`} fw={600} size="sm">
                        {s.name}
                      </Anchor>
                      {s.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {s.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{SERVICE_KIND_LABELS[s.kind]}</Table.Td>
                    <Table.Td>
                      {s.criticality ? (
                        <Badge color={CRITICALITY_COLORS[s.criticality]} variant="filled" autoContrast>
                          {CRITICALITY_LABELS[s.criticality]}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={LIFECYCLE_COLORS[s.lifecycleStatus]} variant="light">
                        {LIFECYCLE_LABELS[s.lifecycleStatus]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{s.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>{s.supportGroup?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {s.customers.map((c) => c.name).join(', ') || '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {adding && <ServiceFormModal onClose={add.close} />}
    </>
  );
}
