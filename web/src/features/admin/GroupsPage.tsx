/** Groups: list and create. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useCreateGroup, useGroups } from '../../api/queries/directory.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';

function NewGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateGroup();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(create.error);
  const close = () => {
    setName('');
    setDescription('');
    setEmail('');
    setTouched(false);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New group">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!name.trim()) return;
          create.mutate(
            { name: name.trim(), description, email: email.trim() || null },
            {
              onSuccess: (g) => {
                notifications.show({ color: 'teal', message: `Group ${g.name} created` });
                close();
                navigate(`/admin/groups/${g.id}`);
              },
            },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={create.error} title="The group was not created" />
          <TextInput
            label="Name"
            required
            maxLength={LIMITS.nameMax}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={(touched && !name.trim() ? 'Enter a name' : undefined) ?? server.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={server.description}
          />
          <TextInput
            label="Team email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={server.email}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function GroupsPage() {
  const groups = useGroups();
  const [opened, modal] = useDisclosure();
  const items = [...(groups.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title="Groups"
        description="Teams that incidents are assigned to."
        actions={
          <Button leftSection={<IconUsersPlus size={16} />} onClick={modal.open}>
            New group
          </Button>
        }
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {groups.isPending ? (
          <PageLoader label="Loading groups" />
        ) : groups.isError ? (
          <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No groups yet">Create one to start assigning incidents to a team.</EmptyState>
        ) : (
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th w={110}>Members</Table.Th>
                <Table.Th w={110}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/groups/${g.id}`} fw={600} size="sm">
                      {g.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} c={g.description ? undefined : 'dimmed'}>
                      {g.description || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{g.memberIds.length}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={g.active ? 'teal' : 'gray'} size="sm">
                      {g.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <NewGroupModal opened={opened} onClose={modal.close} />
    </>
  );
}
