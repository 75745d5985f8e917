/** Groups: list and create. */
import { Table, Text } from '@mantine/core';
import { IconUsersPlus } from '@tabler/icons-react';
import { groups, useGroups } from '../../api/queries/directory.ts';
import { EmptyState } from '../../components/States.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import { ActiveBadge } from '../../kit/list/ActiveBadge.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { TablePage } from '../../kit/list/TablePage.tsx';
import { emptyGroup, GroupFields, groupBody, validateGroup } from './GroupForm.tsx';

export function GroupsPage() {
  const list = useGroups();
  return (
    <TablePage
      title="Groups"
      description="Teams that incidents are assigned to."
      actions={
        <CreateButton
          label="New group"
          icon={<IconUsersPlus size={16} />}
          title="New group"
          size="md"
          useCreate={groups.useCreate}
          empty={emptyGroup}
          toBody={groupBody}
          validate={validateGroup}
          created={(g) => `Group ${g.name} created`}
          pathOf={(g) => `/admin/groups/${g.id}`}
          submitLabel="Create group"
          errorTitle="The group was not created"
        >
          {(form) => <GroupFields form={form} isNew />}
        </CreateButton>
      }
      query={list}
      label="Loading groups"
      rows={(data) => [...data].sort((a, b) => a.name.localeCompare(b.name))}
      empty={
        <EmptyState title="No groups yet">Create one to start assigning incidents to a team.</EmptyState>
      }
      verticalSpacing="sm"
      columns={['Name', 'Description', { label: 'Members', w: 110 }, { label: 'Status', w: 110 }]}
      cells={(g) => (
        <>
          <Table.Td>
            <RowLink to={`/admin/groups/${g.id}`}>{g.name}</RowLink>
          </Table.Td>
          <Table.Td>
            <Text size="sm" lineClamp={1} c={g.description ? undefined : 'dimmed'}>
              {g.description || '—'}
            </Text>
          </Table.Td>
          <Table.Td>{g.memberIds.length}</Table.Td>
          <Table.Td>
            <ActiveBadge active={g.active} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}
