/** Catalog items for the people who maintain the catalog: active and withdrawn, with their set-up. */
import { Group, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCatalogItems } from '../../api/queries/requests.ts';
import { EmptyState } from '../../components/States.tsx';
import { ActiveBadge } from '../../kit/list/ActiveBadge.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { SearchInput } from '../../kit/list/SearchInput.tsx';
import { TablePage } from '../../kit/list/TablePage.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { Time } from '../../lib/time.tsx';

export function CatalogItemsAdminPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const items = useCatalogItems({ q: debounced.trim() || undefined, includeInactive: true });
  return (
    <TablePage
      title="Catalog items"
      description="What people can order, with each item's form, approvals and fulfilment tasks."
      actions={<NewButton to="/admin/catalog-items/new">New catalog item</NewButton>}
      filters={
        <SearchInput
          label="Search"
          placeholder="Words in the name"
          value={q}
          onChange={setQ}
          maw={360}
          mb="md"
        />
      }
      query={items}
      label="Loading catalog items"
      rows={(data) => data.items}
      empty={
        <EmptyState title={q ? 'Nothing matches' : 'No catalog items yet'}>
          {q ? 'Try other words.' : 'Add the first thing people can order.'}
        </EmptyState>
      }
      minWidth={820}
      verticalSpacing="xs"
      fz="sm"
      aria-label="Catalog items"
      columns={['Name', 'Service', 'Category', 'Set-up', 'Status', 'Updated']}
      cells={(i) => (
        <>
          <Table.Td>
            <RowLink to={`/admin/catalog-items/${i.id}`}>{i.name}</RowLink>
          </Table.Td>
          <Table.Td>{i.service.name}</Table.Td>
          <Table.Td>{i.category ?? '—'}</Table.Td>
          <Table.Td>
            <Text size="sm">
              {i.form.length} field{i.form.length === 1 ? '' : 's'} ·{' '}
              {i.approvalPolicy
                ? `${i.approvalPolicy.levels.length} approval level${i.approvalPolicy.levels.length === 1 ? '' : 's'}`
                : 'no approval'}{' '}
              · {i.taskTemplates?.length ?? 0} task{i.taskTemplates?.length === 1 ? '' : 's'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              <ActiveBadge active={i.active} on="Offered" off="Withdrawn" />
            </Group>
          </Table.Td>
          <Table.Td>
            <Time iso={i.updatedAt} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}
